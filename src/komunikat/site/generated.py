"""Which pages the site generates from templates/ and data/, where they sit in the nav,
and their Markdown.

``hooks/generated_pages.py`` hands that Markdown to MkDocs as it is: the pages
do not go through the macros plugin, so a ``{{`` in a value (or in a
template's source, shown on its page) is text, never a macro call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

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


def _page(path: str, section: str | None, make: Callable[..., str], *args: object) -> GeneratedPage:
    return GeneratedPage(path, section, partial(make, *args))


def _per_item(
    items: Iterable[Any],
    path_of: Callable[[Any], str],
    section: str,
    make: Callable[[Catalog, str], str],
    catalog: Catalog,
    key: str,
) -> list[GeneratedPage]:
    """One page per item: ``make(catalog, item.<key>)`` at ``path_of(item)``."""
    return [_page(path_of(item), section, make, catalog, getattr(item, key)) for item in items]


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    operators = catalog.data.operators.operators
    suppliers = catalog.data.suppliers.suppliers
    return [
        _page(template_pages.CATALOGUE_PATH, None, template_pages.catalogue_page, catalog),
        _page(operator_pages.CONTACTS_PATH, None, operator_pages.contacts_page, catalog),
        _page(rules_page.PATH, None, rules_page.rules_page),
        *_per_item(
            template_pages.in_catalogue_order(catalog),
            template_pages.page_path,
            "Szablony",
            template_pages.template_page,
            catalog,
            key="id",
        ),
        *_per_item(
            operators,
            lambda o: operator_pages.page_path(o.slug),
            "Operatorzy",
            operator_pages.operator_page,
            catalog,
            key="code",
        ),
        _page(supplier_overview.INDEX_PATH, None, supplier_overview.index_page, catalog),
        _page(
            supplier_overview.COMPARISON_PATH,
            "Dostawcy",
            supplier_overview.comparison_page,
            catalog,
        ),
        *_per_item(
            suppliers,
            lambda s: supplier_pages.page_path(s.id),
            "Dostawcy",
            supplier_pages.supplier_page,
            catalog,
            key="id",
        ),
    ]
