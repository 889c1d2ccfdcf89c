"""The catalogue as the site build sees it, loaded once per change of content.

``mkdocs serve`` rebuilds often; the hooks and the macros module ask for the
catalogue several times per build. It is reloaded only when a file under
``templates/`` or ``data/`` changed.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog, load_catalog

Fingerprint = tuple[tuple[str, float], ...]
_cache: dict[Path, tuple[Fingerprint, Catalog]] = {}


def fingerprint(root: Path, *extra: Path) -> Fingerprint:
    """Path and modification time of every file under templates/ and data/ (and ``extra``)."""
    files = sorted([*root.glob("templates/**/*"), *root.glob("data/**/*"), *extra])
    return tuple((str(p), p.stat().st_mtime) for p in files if p.is_file())


def catalog_for(root: Path) -> Catalog:
    root = root.resolve()
    stamp = fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    catalog = load_catalog(root)
    _cache[root] = (stamp, catalog)
    return catalog
