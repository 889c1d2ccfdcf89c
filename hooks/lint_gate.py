"""MkDocs hook: the template lint runs with every build.

Each error-level finding is logged as a warning naming ``path:line:column``,
so ``mkdocs build --strict`` (CI) fails on it, while ``mkdocs serve`` keeps
serving and shows editors what to fix.

The lint runs in a child process (``komunikat.site.lint_worker``), started
when the build starts and collected after the pages are written, so it takes
a second core instead of adding its time to the build's. The result is kept
until a file under templates/ or data/ (or komunikat.yml) changes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from komunikat.site import lint_worker

log = logging.getLogger("mkdocs.plugins.komunikat.lint")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent.resolve()


@event_priority(100)  # first: the lint starts before the other hooks load the catalogue
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lint_worker.begin(_root(config))
    return config


@event_priority(-100)  # last: the pages are written while the lint runs
def on_post_build(config: MkDocsConfig) -> None:
    try:
        errors = lint_worker.finish(_root(config))
    except lint_worker.LintFailed as exc:
        raise PluginError(str(exc)) from None
    for line in errors:
        log.warning("komunikat lint: %s", line)


def on_build_error(error: Exception) -> None:
    lint_worker.cancel()
