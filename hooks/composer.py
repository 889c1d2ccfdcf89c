"""MkDocs hook: ships the in-browser composer with the site.

The composer on each template page runs the real komunikat renderer in the
browser (Pyodide), so the site needs the Pyodide runtime, the pure-Python
code and the catalogue as files of its own (no CDN on the intranet), and a
service worker (``composer/service-worker.js``) that keeps the big files in
the browser between visits. What is written and why lives in
``komunikat.site.composer_assets``; this hook only calls it and turns every
failure into a one-line build error.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from komunikat.problems import InputError, InputErrors
from komunikat.site import composer_assets
from komunikat.site.composer_assets import (
    ComposerAssetsError,
    check_runtime,
    write_assets,
    write_service_worker,
)
from komunikat.site.state import catalog_for

SERVICE_WORKER_SOURCE = Path(__file__).parent / "composer" / "service-worker.js"
BYTECODE_DRIVER = Path(__file__).parent / "composer" / "bytecode.mjs"

log = logging.getLogger("mkdocs.hooks.composer")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail before building anything when ``npm ci`` has not been run."""
    try:
        check_runtime(_root(config))
    except ComposerAssetsError as exc:
        raise PluginError(str(exc)) from None
    if not config.site_url:
        # Material's instant navigation follows only the links of sitemap.xml (site_url)
        log.info(
            "kompozytor: brak site_url (ustaw KOMUNIKAT_SITE_URL na adres serwisu), więc każde "
            "przejście ładuje całą stronę i kompozytor startuje na niej od nowa"
        )
    return config


def on_post_build(config: MkDocsConfig) -> None:
    root = _root(config)
    site_dir = Path(config.site_dir)
    try:
        write_assets(site_dir, root, catalog_for(root), bytecode_driver=BYTECODE_DRIVER)
        write_service_worker(site_dir, SERVICE_WORKER_SOURCE)
        _log_bytecode()
    except ComposerAssetsError as exc:
        raise PluginError(str(exc)) from None
    except InputErrors as exc:
        raise PluginError("\n".join(str(e) for e in exc.errors)) from None
    except (InputError, OSError) as exc:
        raise PluginError(f"kompozytor: nie można zapisać plików kompozytora: {exc}") from None


def _log_bytecode() -> None:
    made = composer_assets.last_bytecode
    if made is None:
        return
    if made.zip is None:
        # the composer still works, compiling its Python in the browser at every start
        log.warning(
            "kompozytor: python.zip bez skompilowanego kodu (%s), więc kompozytor startuje "
            "o około sekundę dłużej; zainstaluj Node.js (./dev serve robi to sam)",
            made.reason,
        )
        return
    log.debug(
        "kompozytor: kod bajtowy Pythona %s (%s modułów pakietów, %s biblioteki standardowej)",
        "z pamięci podręcznej" if made.cached else "skompilowany w Pyodide",
        made.report.get("bundle_modules"),
        made.report.get("stdlib_modules"),
    )
