"""mkdocs-macros module: thin wrappers around komunikat library code, for hand-written pages.

A page under docs/ may call these macros; the generated pages do not need
them (hooks/generated_pages.py hands their Markdown to MkDocs directly and
keeps the macros plugin off them). The procedure pages' macros (a template's
live preview, and facts from data/ and the templates' front matter) run
through ``page_macros.MacroCalls``: a call naming something unknown is a
located warning, so the strict build fails on it.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from jinja2 import UndefinedError
from mkdocs_macros import errors

from komunikat.catalog import Catalog
from komunikat.site import (
    facts,
    operator_pages,
    page_macros,
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

    docs_prefix = Path(os.path.relpath(env.conf.docs_dir, root)).as_posix()
    calls = page_macros.MacroCalls(docs_prefix)

    # an unknown macro or wrong arguments: one located line instead of the plugin's traceback
    def located(error: Exception, markdown: str, page: Any) -> str:
        line = page_macros.call_problem(error, page, env.macros, docs_prefix)
        return line or errors.format_error.dispatch(Exception)(error, markdown, page)

    for kind in (UndefinedError, TypeError):
        errors.format_error.register(kind, located)

    @env.macro
    def preview(template_id: str) -> str:
        src = env.page.file.src_uri
        return calls.run(
            env.page,
            "preview",
            [template_id],
            lambda: page_macros.preview(catalog(), template_id, src),
        )

    @env.macro
    def subject(template_id: str, lang: str | None = None) -> str:
        args = [template_id] if lang is None else [template_id, lang]
        return calls.run(
            env.page, "subject", args, lambda: facts.subject(catalog(), template_id, lang)
        )

    @env.macro
    def lead_time(template_id: str) -> str:
        return calls.run(
            env.page, "lead_time", [template_id], lambda: facts.lead_time(catalog(), template_id)
        )

    @env.macro
    def contact(key: str, field: str) -> str:
        return calls.run(
            env.page, "contact", [key, field], lambda: facts.contact(catalog(), key, field)
        )

    @env.macro
    def operator(key: str, field: str, role: str = "technical") -> str:
        args = [key, field] if role == "technical" else [key, field, role]
        return calls.run(
            env.page, "operator", args, lambda: facts.operator(catalog(), key, field, role)
        )

    @env.macro
    def required_cc() -> str:
        return calls.run(env.page, "required_cc", [], lambda: facts.required_cc(catalog()))
