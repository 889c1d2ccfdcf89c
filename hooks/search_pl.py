"""MkDocs hook: Polish-aware search for Material for MkDocs.

* ``on_files`` emits ``assets/javascripts/lunr/min/lunr.pl.min.js``, a lunr
  language plugin rendered from ``search_pl/lunr.pl.js`` with the rules of
  ``search_pl/rules.yml`` embedded as JSON.
* ``on_page_markdown`` gives each page the ranking weight that the
  ``ranking`` rules of rules.yml name for its path, as Material's
  ``search: boost:`` (front matter that says its own boost keeps it);
* ``on_post_build`` (after Material's search plugin has written
  ``search/search_index.json``) sets the index ``config`` to ``lang: ["pl"]``,
  a punctuation-aware ``separator`` and ``pipeline: ["trimmer"]``. Material's
  worker then loads the plugin with ``importScripts`` like any lunr-languages
  file and calls ``this.use(lunr.pl)`` while building the index.

The rules, their schema and the Python mirror of the analyser live in
``komunikat.site.search_pl``; a bad rules.yml fails the build with one located
line per problem.

Relies on Material for MkDocs 9.x internals (verified against 9.8.1, whose
worker bundles lunr 2.3.9): the ``search_index.json`` ``config`` keys, the
worker's ``importScripts("../lunr/min/lunr.<lang>.min.js")`` convention, the
worker's result message format and Material's position-based highlighting.

The hook keeps no state between builds: rules are re-read when they change
and the outputs are rewritten on every build, so repeated builds under
``mkdocs serve`` behave like the first one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from komunikat.problems import InputError, InputErrors
from komunikat.site import search_pl

log = logging.getLogger("mkdocs.hooks.search_pl")

#: The rules and the JavaScript template, beside this hook.
ASSET_DIR = Path(__file__).resolve().with_name(search_pl.ASSET_DIR.name)

#: Material major version whose search internals this hook was written for.
SUPPORTED_MATERIAL_MAJOR = 9


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _rules(config: MkDocsConfig) -> search_pl.PolishRules:
    try:
        return search_pl.load_rules(ASSET_DIR / search_pl.RULES_FILE, _root(config))
    except InputErrors as exc:
        raise PluginError("\n".join(str(e) for e in exc.errors)) from None
    except InputError as exc:
        raise PluginError(str(exc)) from None


def _material_search_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's search plugin is configured and enabled."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            plugin_config = getattr(plugin, "config", None)
            return bool(getattr(plugin_config, "enabled", True))
    return False


def _check_material_version() -> None:
    try:
        from material import __version__ as material_version
    except ImportError:  # pragma: no cover - theme is a hard dependency of the site
        return
    major = material_version.split(".", 1)[0]
    if major != str(SUPPORTED_MATERIAL_MAJOR):
        log.warning(
            "search_pl was written for Material for MkDocs %s.x search internals, "
            "found %s; verify Polish search in a browser",
            SUPPORTED_MATERIAL_MAJOR,
            material_version,
        )


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated lunr.pl.min.js to the site's files."""
    if not _material_search_enabled(config):
        log.info("search_pl: Material's search plugin is not enabled, nothing to do")
        return files
    _check_material_version()
    existing = files.get_file_from_path(search_pl.PLUGIN_URI)
    if existing is not None:
        log.warning(
            "search_pl: replacing %s with the generated Polish plugin", search_pl.PLUGIN_URI
        )
        files.remove(existing)
    template = ASSET_DIR / search_pl.TEMPLATE_FILE
    try:
        content = search_pl.render_plugin(_rules(config), template, _root(config))
    except InputError as exc:
        raise PluginError(str(exc)) from None
    files.append(File.generated(config, search_pl.PLUGIN_URI, content=content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set the page's search boost from the ranking rules (before Material indexes it)."""
    if not _material_search_enabled(config):
        return markdown
    boost = _rules(config).page_boost(page.file.src_uri)
    search = page.meta.get("search")
    if boost is None or (isinstance(search, dict) and "boost" in search):
        return markdown
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "boost": boost}
    return markdown


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(*, config: MkDocsConfig) -> None:
    """Point the search index at the Polish plugin and separator."""
    if not _material_search_enabled(config):
        return
    path = Path(config.site_dir) / search_pl.INDEX_URI
    if not path.is_file():
        log.warning(
            "search_pl: %s was not generated; Polish search is not active", search_pl.INDEX_URI
        )
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    search_pl.configure_index(index, _rules(config))
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    log.debug("search_pl: configured %s for Polish", search_pl.INDEX_URI)


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    """Rebuild when the rules or the JavaScript template change."""
    server.watch(str(ASSET_DIR))
    return server
