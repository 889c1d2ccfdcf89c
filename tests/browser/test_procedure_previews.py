"""The procedure pages in Chromium: each step's live preview opens, switches language, leads to the composer."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from komunikat.catalog import Catalog

pytestmark = pytest.mark.browser

PREVIEWS = {
    "awarie/digital-virgo/": ["dv-outage-open", "dv-outage-close"],
    "awarie/operator/": ["operator-outage-open", "operator-outage-close"],
    "prace-planowane/digital-virgo/": [
        "dv-maintenance-open",
        "dv-maintenance-close",
        "dv-maintenance-prolongation",
    ],
    "prace-planowane/operator/": ["operator-maintenance-open", "operator-maintenance-close"],
    "operatorzy/": ["operator-problem-report"],
    "partnerzy/wychodzaca/": ["partner-problem-report"],
    "partnerzy/przychodzaca/": ["ticket-rejected-unknown-sender", "ticket-accepted"],
    "telefon/": ["phone-incoming", "phone-outgoing"],
}


@pytest.mark.parametrize("path", PREVIEWS)
def test_every_step_that_sends_a_message_has_its_preview_collapsed_in_order(
    page: Page, site_url: str, catalog: Catalog, path: str
) -> None:
    page.goto(site_url + path)
    blocks = page.locator("details.example")
    titles = [catalog.get(t).title for t in PREVIEWS[path]]
    expect(blocks.locator("summary")).to_have_text([f"Podgląd wiadomości: {t}" for t in titles])
    for index, template_id in enumerate(PREVIEWS[path]):
        block = blocks.nth(index)
        expect(block.locator("pre").first).to_be_hidden()
        block.locator("summary").click()
        spec = catalog.get(template_id)
        first = catalog.render_sample(
            spec, lang=spec.languages[0] if spec.layout == "single" else None
        )
        expect(block.locator(".tabbed-block").first.locator("pre")).to_contain_text(
            first.body.split("\n")[0]
        )


def test_a_preview_switches_language_and_its_link_opens_the_composer(
    page: Page, site_url: str, catalog: Catalog, artifacts_dir: Path
) -> None:
    page.goto(site_url + "partnerzy/przychodzaca/")
    block = page.locator("details.example", has_text="Przyjęcie zgłoszenia")
    block.locator("summary").click()
    english = catalog.render_sample(catalog.get("ticket-accepted"), lang="en")
    block.get_by_text("Angielski", exact=True).click()
    expect(block.locator(".tabbed-block").nth(1).locator("pre")).to_contain_text(
        f"Subject: {english.subject}"
    )
    page.screenshot(path=str(artifacts_dir / "procedure-preview.png"), full_page=True)
    block.get_by_role("link", name="kompozytorze").click()
    expect(page).to_have_url(site_url + "szablony/ticket-accepted/#kompozytor")
    expect(page.locator('.komunikat-composer[data-template="ticket-accepted"]')).to_be_visible()
