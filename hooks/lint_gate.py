"""MkDocs hook: the template lint runs with every build.

Each error-level finding is logged as a warning naming ``path:line:column``,
so ``mkdocs build --strict`` (CI) fails on it, while ``mkdocs serve`` keeps
serving and shows editors what to fix. The result is cached until a file
under templates/ or data/ (or komunikat.yml) changes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from komunikat.lint.config import load_config
from komunikat.lint.runner import lint_templates
from komunikat.problems import InputError, InputErrors, Problem, Severity

log = logging.getLogger("mkdocs.plugins.komunikat.lint")
_cache: dict[Path, tuple[tuple[tuple[str, float], ...], list[Problem]]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = [*root.glob("templates/**/*"), *root.glob("data/**/*"), root / "komunikat.yml"]
    return tuple(sorted((str(p), p.stat().st_mtime) for p in files if p.is_file()))


def _errors(root: Path) -> list[Problem]:
    stamp = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    report = lint_templates(root, load_config(root))
    errors = [p for p in report.findings if p.severity == Severity.ERROR]
    _cache[root] = (stamp, errors)
    return errors


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    try:
        errors = _errors(root)
    except InputErrors as exc:
        raise PluginError("\n".join(str(e) for e in exc.errors)) from None
    except InputError as exc:
        raise PluginError(str(exc)) from None
    for problem in errors:
        log.warning("komunikat lint: %s", problem.format())
