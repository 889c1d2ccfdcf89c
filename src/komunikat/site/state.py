"""The catalogue as the site build sees it, loaded once per change of content.

``mkdocs serve`` rebuilds often; the hooks and the macros module ask for the
catalogue several times per build. It is reloaded only when a file under
``templates/`` or ``data/`` changed.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog, load_catalog

_cache: dict[Path, tuple[tuple[tuple[str, float], ...], Catalog]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = sorted([*root.glob("templates/**/*"), *root.glob("data/**/*")])
    return tuple((str(p), p.stat().st_mtime) for p in files if p.is_file())


def catalog_for(root: Path) -> Catalog:
    root = root.resolve()
    stamp = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    catalog = load_catalog(root)
    _cache[root] = (stamp, catalog)
    return catalog
