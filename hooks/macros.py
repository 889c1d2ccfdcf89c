"""mkdocs-macros module: thin wrappers around komunikat library code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

    @env.macro
    def template_catalogue() -> str:
        return template_pages.catalogue_page(catalog_for(root))

    @env.macro
    def template_page(template_id: str) -> str:
        return template_pages.template_page(catalog_for(root), template_id)

    @env.macro
    def operator_page(code: str) -> str:
        return operator_pages.operator_page(catalog_for(root), code)

    @env.macro
    def rules_reference() -> str:
        return rules_page.rules_page()

    @env.macro
    def contacts_directory() -> str:
        return operator_pages.contacts_page(catalog_for(root))

    @env.macro
    def supplier_index() -> str:
        return supplier_overview.index_page(catalog_for(root))

    @env.macro
    def supplier_comparison() -> str:
        return supplier_overview.comparison_page(catalog_for(root))

    @env.macro
    def supplier_page(supplier_id: str) -> str:
        return supplier_pages.supplier_page(catalog_for(root), supplier_id)
