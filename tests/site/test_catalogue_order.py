"""The template catalogue (and the nav) list templates by recipient, each incident OPEN first."""

from __future__ import annotations

from komunikat.catalog import Catalog
from komunikat.site import template_pages
from komunikat.site.generated import generated_pages


def test_every_template_is_listed_once(catalog: Catalog) -> None:
    listed = [s.id for s in template_pages.in_catalogue_order(catalog)]
    assert sorted(listed) == sorted(s.id for s in catalog)


def test_each_notice_comes_in_lifecycle_order(catalog: Catalog) -> None:
    listed = [s.id for s in template_pages.in_catalogue_order(catalog)]
    assert listed.index("dv-maintenance-open") < listed.index("dv-maintenance-prolongation")
    assert listed.index("dv-maintenance-prolongation") < listed.index("dv-maintenance-close")
    assert listed.index("operator-outage-open") < listed.index("operator-outage-close")
    assert listed.index("dv-outage-close") < listed.index("operator-maintenance-open")


def test_the_nav_follows_the_catalogue(catalog: Catalog) -> None:
    pages = [p.path for p in generated_pages(catalog) if p.section == "Szablony"]
    expected = [template_pages.page_path(s) for s in template_pages.in_catalogue_order(catalog)]
    assert [p for p in pages if p in expected] == expected


def test_one_spelling_of_the_languages(catalog: Catalog) -> None:
    page = template_pages.catalogue_page(catalog)
    assert "EN+PL" not in page and "English" not in page
    assert "| angielski i polski |" in page and "| polski i angielski |" in page
