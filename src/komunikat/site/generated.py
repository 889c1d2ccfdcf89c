"""Which pages the site generates from templates/ and data/, and where they sit in the nav."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from . import operator_pages, supplier_overview, supplier_pages, template_pages


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative .md path
    content: str  # Markdown handed to the macros plugin (a macro call)
    section: str | None  # nav section to append to, None when mkdocs.yml lists it


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = [
        GeneratedPage("szablony/index.md", "{{ template_catalogue() }}\n", None),
        GeneratedPage("kontakty.md", "{{ contacts_directory() }}\n", None),
        GeneratedPage("reguly.md", "{{ rules_reference() }}\n", None),
    ]
    for spec in catalog:
        pages.append(
            GeneratedPage(
                template_pages.page_path(spec),
                f"{{{{ template_page('{spec.id}') }}}}\n",
                "Szablony",
            )
        )
    for op in catalog.data.operators.operators:
        pages.append(
            GeneratedPage(
                operator_pages.page_path(op.slug),
                f"{{{{ operator_page('{op.code}') }}}}\n",
                "Operatorzy",
            )
        )
    pages.append(GeneratedPage(supplier_overview.INDEX_PATH, "{{ supplier_index() }}\n", None))
    pages.append(
        GeneratedPage(
            supplier_overview.COMPARISON_PATH, "{{ supplier_comparison() }}\n", "Dostawcy"
        )
    )
    for supplier in catalog.data.suppliers.suppliers:
        pages.append(
            GeneratedPage(
                supplier_pages.page_path(supplier.id),
                f"{{{{ supplier_page('{supplier.id}') }}}}\n",
                "Dostawcy",
            )
        )
    return pages
