"""MkDocs hook: pages generated from templates/ and data/.

Adding a template or an operator adds its page and its nav entry; nothing
under docs/ is edited by hand. The page bodies are macro calls rendered by
hooks/macros.py, so the Markdown comes from the komunikat library.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from komunikat.problems import InputError, InputErrors
from komunikat.site.generated import generated_pages
from komunikat.site.state import catalog_for


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _catalog(config: MkDocsConfig) -> Any:
    try:
        return catalog_for(_root(config))
    except InputErrors as exc:
        raise PluginError("\n".join(str(e) for e in exc.errors)) from None
    except InputError as exc:
        raise PluginError(str(exc)) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pages = generated_pages(_catalog(config))
    for entry in config.nav or []:
        if not isinstance(entry, dict):
            continue
        for title, children in entry.items():
            extra = [p.path for p in pages if p.section == title]
            if extra and isinstance(children, list):
                entry[title] = [c for c in children if c not in extra] + extra
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in generated_pages(_catalog(config)):
        if files.get_file_from_path(page.path) is None:
            files.append(File.generated(config, page.path, content=page.content))
    return files
