"""Supplier pages: one per supplier, the section index and the comparison, in the nav."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from komunikat.catalog import Catalog
from komunikat.site import supplier_overview, supplier_pages
from komunikat.site.generated import generated_pages
from komunikat.site.markdown import cell

ROOT = Path(__file__).resolve().parents[2]


def test_every_supplier_and_the_comparison_get_a_page_in_the_suppliers_section(
    catalog: Catalog,
) -> None:
    pages = {p.path: p for p in generated_pages(catalog)}
    assert pages["dostawcy/index.md"].section is None  # listed in mkdocs.yml
    assert pages["dostawcy/porownanie.md"].section == "Dostawcy"
    for supplier in catalog.data.suppliers.suppliers:
        page = pages[f"dostawcy/{supplier.id}.md"]
        assert page.section == "Dostawcy"
        assert page.content == supplier_pages.supplier_page(catalog, supplier.id)


def test_the_suppliers_section_stands_before_the_templates_in_the_nav() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    titles = [next(iter(entry)) for entry in config["nav"] if isinstance(entry, dict)]
    assert titles.index("Dostawcy") == titles.index("Szablony") - 1
    section = next(entry["Dostawcy"] for entry in config["nav"] if "Dostawcy" in entry)
    assert section == ["dostawcy/index.md"]


def test_the_index_links_every_supplier_and_its_template(catalog: Catalog) -> None:
    page = supplier_overview.index_page(catalog)
    for supplier in catalog.data.suppliers.suppliers:
        assert f"]({supplier.id}.md)" in page
        assert f"](../szablony/supplier-{supplier.id}-report.md)" in page
    assert "](porownanie.md)" in page


@pytest.mark.parametrize(
    "text",
    [
        "zgłoszenia: do 2 min",
        "czat: do 1 min",
        "wszystkie zgłoszenia, przez całą dobę: do 10 min",
        "proste pytania (rozliczenia, dostęp): 10–30 min (szacunek)",
        "większość spraw rutynowych i awarii zwykłych: do 24 h (szacunek)",
        "Zespół pomocy technicznej (godziny pracy): pon.–pt. 09:00–17:00",
        "poziom 3 (Administratorzy systemów): pon.–pt. 08:00–22:00 czas środkowoeuropejski",
        "0 h e-mail → 2 h e-mail i SMS",
        "0 h e-mail → 24 h e-mail i SMS",
        "nie dzwonić – dostawca prosi o zaniechanie telefonów",
    ],
)
def test_the_comparison_puts_response_times_hours_and_channels_side_by_side(
    catalog: Catalog, text: str
) -> None:
    assert text in supplier_overview.comparison_page(catalog)


def test_the_comparison_has_a_row_per_supplier_in_each_table(catalog: Catalog) -> None:
    page = supplier_overview.comparison_page(catalog)
    for supplier in catalog.data.suppliers.suppliers:
        link = f"[{cell(supplier.name)}]({supplier.id}.md)"
        assert page.count(link) == 2 + len(supplier.escalation)


def test_only_the_unnamed_supplier_carries_the_not_named_warning(catalog: Catalog) -> None:
    for supplier in catalog.data.suppliers.suppliers:
        page = supplier_pages.supplier_page(catalog, supplier.id)
        assert ('!!! warning "Dostawca nienazwany w źródle"' in page) is (
            not supplier.named_in_source
        )


@pytest.mark.parametrize(
    ("supplier_id", "missing"),
    [
        ("unnamed", ["Źródło nie podaje danych kontaktowych", "Źródło nie podaje godzin pracy"]),
        ("s4e", ["Źródło nie podaje godzin pracy", "Źródło nie podaje czasów reakcji"]),
        ("daktela", ["Źródło nie podaje czasów reakcji"]),
    ],
)
def test_what_a_source_does_not_give_is_said_not_invented(
    catalog: Catalog, supplier_id: str, missing: list[str]
) -> None:
    page = supplier_pages.supplier_page(catalog, supplier_id)
    for text in missing:
        assert text in page


def test_supplier_data_cannot_inject_html(catalog: Catalog) -> None:
    supplier = catalog.data.supplier("s4e")
    evil = supplier.model_copy(update={"summary_pl": "<script>alert(1)</script>"})
    suppliers = catalog.data.suppliers.model_copy(update={"suppliers": [evil]})
    fake = Catalog(
        root=catalog.root,
        data=replace(catalog.data, suppliers=suppliers),
        templates=catalog.templates,
        env=catalog.env,
    )
    page = supplier_pages.supplier_page(fake, "s4e")
    assert "<script>" not in page and "&lt;script&gt;" in page
