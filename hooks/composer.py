"""MkDocs hook: ships the in-browser composer with the site.

The composer on each template page runs the real komunikat renderer in the
browser (Pyodide), so the site needs the Pyodide runtime, the pure-Python
code and the catalogue as files of its own (no CDN on the intranet). What is
written and why lives in ``komunikat.site.composer_assets``; this hook only
calls it and turns every failure into a one-line build error.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from komunikat.problems import InputError, InputErrors
from komunikat.site.composer_assets import ComposerAssetsError, check_runtime, write_assets
from komunikat.site.state import catalog_for


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail before building anything when ``npm ci`` has not been run."""
    try:
        check_runtime(_root(config))
    except ComposerAssetsError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_post_build(config: MkDocsConfig) -> None:
    root = _root(config)
    try:
        write_assets(Path(config.site_dir), root, catalog_for(root))
    except ComposerAssetsError as exc:
        raise PluginError(str(exc)) from None
    except InputErrors as exc:
        raise PluginError("\n".join(str(e) for e in exc.errors)) from None
    except (InputError, OSError) as exc:
        raise PluginError(f"kompozytor: nie można zapisać plików kompozytora: {exc}") from None
