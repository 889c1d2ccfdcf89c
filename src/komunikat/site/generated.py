"""Which pages the site generates from templates/ and data/, where they sit in the nav,
and their Markdown.

``hooks/generated_pages.py`` hands that Markdown to MkDocs as it is: the pages
do not go through the macros plugin, so a ``{{`` in a value (or in a
template's source, shown on its page) is text, never a macro call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..catalog import Catalog
from . import operator_pages, rules_page, supplier_overview, supplier_pages, template_pages


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative .md path
    section: str | None  # nav section to append to, None when mkdocs.yml lists it
    markdown: Callable[[], str]  # the page's Markdown, made when asked for (previews take time)

    @property
    def content(self) -> str:
        return self.markdown()


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = [
        GeneratedPage(
            template_pages.CATALOGUE_PATH, None, partial(template_pages.catalogue_page, catalog)
        ),
        GeneratedPage(
            operator_pages.CONTACTS_PATH, None, partial(operator_pages.contacts_page, catalog)
        ),
        GeneratedPage(rules_page.PATH, None, rules_page.rules_page),
    ]
    pages += [
        GeneratedPage(
            template_pages.page_path(spec),
            "Szablony",
            partial(template_pages.template_page, catalog, spec.id),
        )
        for spec in catalog
    ]
    pages += [
        GeneratedPage(
            operator_pages.page_path(op.slug),
            "Operatorzy",
            partial(operator_pages.operator_page, catalog, op.code),
        )
        for op in catalog.data.operators.operators
    ]
    pages += [
        GeneratedPage(
            supplier_overview.INDEX_PATH, None, partial(supplier_overview.index_page, catalog)
        ),
        GeneratedPage(
            supplier_overview.COMPARISON_PATH,
            "Dostawcy",
            partial(supplier_overview.comparison_page, catalog),
        ),
    ]
    pages += [
        GeneratedPage(
            supplier_pages.page_path(supplier.id),
            "Dostawcy",
            partial(supplier_pages.supplier_page, catalog, supplier.id),
        )
        for supplier in catalog.data.suppliers.suppliers
    ]
    return pages
