"""mkdocs-macros module: thin wrappers around komunikat library code, for hand-written pages.

A page under docs/ may call these macros; the generated pages do not need
them (hooks/generated_pages.py hands their Markdown to MkDocs directly and
keeps the macros plugin off them).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from komunikat.catalog import Catalog
from komunikat.site import (
    operator_pages,
    rules_page,
    supplier_overview,
    supplier_pages,
    template_pages,
)
from komunikat.site.state import catalog_for


def define_env(env: Any) -> None:
    root = Path(env.conf.config_file_path).parent

    # define_env runs once per build (mkdocs serve rebuilds included), so the
    # catalogue is checked for changes once per build, not once per page: the
    # check stats every file under templates/ and data/, and doing it for every
    # page made the build grow with the square of the number of templates.
    @functools.cache
    def catalog() -> Catalog:
        return catalog_for(root)

    @env.macro
    def template_catalogue() -> str:
        return template_pages.catalogue_page(catalog())

    @env.macro
    def template_page(template_id: str) -> str:
        return template_pages.template_page(catalog(), template_id)

    @env.macro
    def operator_page(code: str) -> str:
        return operator_pages.operator_page(catalog(), code)

    @env.macro
    def rules_reference() -> str:
        return rules_page.rules_page()

    @env.macro
    def contacts_directory() -> str:
        return operator_pages.contacts_page(catalog())

    @env.macro
    def supplier_index() -> str:
        return supplier_overview.index_page(catalog())

    @env.macro
    def supplier_comparison() -> str:
        return supplier_overview.comparison_page(catalog())

    @env.macro
    def supplier_page(supplier_id: str) -> str:
        return supplier_pages.supplier_page(catalog(), supplier_id)
