"""The panel „Co teraz?” on supplier pages, in a real browser: its answer is `komunikat escalate`'s.

The browser's clock is Playwright's (``page.clock``), set to a known moment,
so the CLI can be asked about the same minute; moving it on shows the
minute refresh. The generated pages and the CLI are also read for level ids
shown where a Polish name belongs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from komunikat.catalog import Catalog
from komunikat.cli import main

pytestmark = pytest.mark.browser

LOAD_TIMEOUT_MS = 180_000
#: 04.03.2026 10:45 in Warsaw (CET), a Wednesday far from a clock change
BROWSER_NOW = datetime(2026, 3, 4, 9, 45, tzinfo=UTC)


def open_panel(page: Page, site_url: str, supplier_id: str) -> Locator:
    """The ready panel, its clock stopped at BROWSER_NOW (it runs while Pyodide loads)."""
    page.clock.install(time=BROWSER_NOW - timedelta(minutes=10))
    page.goto(f"{site_url}dostawcy/{supplier_id}/")
    root = page.locator(f'.komunikat-escalation[data-supplier="{supplier_id}"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    page.clock.pause_at(BROWSER_NOW)
    return root


def shown(root: Locator) -> list[str]:
    """The panel's answer in the CLI's lines: the summary, then each sentence."""
    expect(root).to_have_attribute("data-answer", "ok")
    summary = root.locator(".ke-summary").text_content() or ""
    return [summary, *(t or "" for t in root.locator(".ke-line .ke-text").all_text_contents())]


def escalate(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    capsys.readouterr()
    code = main(["escalate", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.splitlines()


def test_the_panel_says_what_komunikat_escalate_prints_and_follows_the_clock(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], artifacts_dir: Path
) -> None:
    root = open_panel(page, site_url, "unnamed")
    since = root.locator(".ke-since")
    expect(since).to_have_value(re.compile(r"^04\.03\.2026 10:[34]\d$"))  # at first: now
    root.locator(".ke-reset").click()
    expect(since).to_have_value("04.03.2026 10:45")  # now, on the Warsaw clock
    expect(root.locator(".ke-level option")).to_have_text(
        ["sprawa rutynowa", "awaria zwykła", "awaria krytyczna"]
    )

    since.fill("04.03.2026 08:30")
    root.locator(".ke-level").select_option(label="awaria zwykła")
    expect(root.locator(".ke-hint").last).to_have_text(
        "Dotyczy: Awarie zwykłe oraz sprawy rutynowe wymagające szybkiej reakcji"
    )
    cli = escalate(
        capsys,
        "unnamed",
        "--severity",
        "urgent",
        "--since",
        "04.03.2026 08:30",
        "--now",
        "04.03.2026 10:45",
    )
    assert shown(root) == cli
    assert (
        "Teraz: po 2 godz. (10:30) – e-mail i SMS: ponów e-mail i wyślij dodatkowo krótki SMS."
        in cli
    )

    since.fill("04.03.2026 09:30")
    upcoming = root.locator('.ke-line[data-kind="next"]')
    expect(upcoming.locator(".ke-when")).to_have_text("04.03.2026 11:30 · za 45 min")
    assert shown(root) == escalate(
        capsys,
        "unnamed",
        "--severity",
        "awaria zwykła",
        "--since",
        "04.03.2026 09:30",
        "--now",
        "04.03.2026 10:45",
    )
    root.screenshot(path=str(artifacts_dir / "dostawca-co-teraz.png"))

    page.clock.run_for("01:00")  # a minute later the panel has counted again
    expect(upcoming.locator(".ke-when")).to_have_text("04.03.2026 11:30 · za 44 min")
    assert shown(root) == escalate(
        capsys,
        "unnamed",
        "--severity",
        "urgent",
        "--since",
        "04.03.2026 09:30",
        "--now",
        "04.03.2026 10:46",
    )

    since.fill("04.03.2026 25:00")
    expect(root).to_have_attribute("data-answer", "error")
    expect(root.locator(".ke-status")).to_have_text(
        "Kiedy zgłoszono: „04.03.2026 25:00”: taki dzień lub godzina nie istnieje; sprawdź datę"
    )
    expect(root.locator(".ke-answer")).to_be_hidden()

    root.locator(".ke-reset").click()
    expect(since).to_have_value("04.03.2026 10:46")
    expect(root).to_have_attribute("data-answer", "ok")


def test_the_panel_mounts_again_when_material_swaps_the_page_in_and_the_old_one_stops(
    page: Page, site_url: str
) -> None:
    """What instant navigation does: new content, then ``document$`` emits; Pyodide stays."""
    old = open_panel(page, site_url, "unnamed")
    expect(old.locator(".ke-summary")).to_contain_text("teraz: 04.03.2026 10:4")
    page.evaluate(
        """() => {
          window.stillTheSamePage = true;
          window.oldPanel = document.querySelector(".komunikat-escalation");
          const fresh = document.createElement("div");
          fresh.className = "komunikat-escalation";
          fresh.dataset.supplier = "s4e";
          window.oldPanel.replaceWith(fresh);
          window.document$.next(document);
        }"""
    )
    root = page.locator('.komunikat-escalation[data-supplier="s4e"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=10_000)
    assert page.evaluate("window.stillTheSamePage") is True
    root.locator(".ke-reset").click()
    expect(root.locator(".ke-summary")).to_contain_text("teraz: 04.03.2026 10:45 (minęło 0 min)")
    before = page.evaluate("window.oldPanel.querySelector('.ke-summary').textContent")

    page.clock.run_for("01:00")
    expect(root.locator(".ke-summary")).to_contain_text("teraz: 04.03.2026 10:46 (minęło 1 min)")
    assert page.evaluate("window.oldPanel.querySelector('.ke-summary').textContent") == before


def test_without_javascript_the_page_gives_the_command_that_answers(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}dostawcy/daktela/")
        panel = page.locator('.komunikat-escalation[data-supplier="daktela"]')
        expect(panel).to_contain_text("wymaga JavaScriptu")
        expect(panel.locator("code")).to_have_text(
            'komunikat escalate daktela --severity "zwykłe zgłoszenie" --since "dd.mm.rrrr gg:mm"'
        )
        expect(page.locator("article")).not_to_contain_text("powie komunikat escalate")
    finally:
        context.close()


# --- level ids are never shown where a Polish name belongs ------------------------------


class VisibleText(HTMLParser):
    """The page's article text outside code (what an operator reads as prose and labels),
    and each code span with the text just before it."""

    SKIPPED = frozenset({"code", "pre", "script", "style"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skipped = 0
        self.parts: list[str] = []
        self.code: list[tuple[str, str]] = []  # (text before, code)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag in self.SKIPPED:
            self.skipped += 1
            if tag == "code" and self.depth:
                self.code.append(("".join(self.parts[-1:]), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag in self.SKIPPED:
            self.skipped -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipped:
            self.parts.append(data)
        elif self.depth and self.code and self.skipped:
            before, text = self.code[-1]
            self.code[-1] = (before, text + data)


def level_ids(catalog: Catalog) -> set[str]:
    return {ladder.id for s in catalog.data.suppliers.suppliers for ladder in s.escalation}


def test_no_supplier_page_shows_a_level_id_outside_code(built_site: Path, catalog: Catalog) -> None:
    ids = level_ids(catalog)
    pattern = re.compile(rf"\b({'|'.join(sorted(ids))})\b")
    pages = sorted((built_site / "dostawcy").glob("**/index.html"))
    assert len(pages) == len(catalog.data.suppliers.suppliers) + 2  # the index and comparison
    for path in pages:
        parser = VisibleText()
        parser.feed(path.read_text(encoding="utf-8"))
        text = " ".join(parser.parts)
        assert pattern.findall(text) == [], path
        # in code, an id stands only where editors are told it is the id in the data
        for before, code in parser.code:
            if pattern.fullmatch(code):
                assert before.endswith("Id poziomu w danych: "), (path, before, code)
            else:
                assert not pattern.search(code.replace("komunikat escalate", "")), (path, code)
    for supplier in catalog.data.suppliers.suppliers:
        parser = VisibleText()
        parser.feed((built_site / "dostawcy" / supplier.id / "index.html").read_text("utf-8"))
        text = " ".join(parser.parts)
        for ladder in supplier.escalation:
            assert f"Pilność: {ladder.name_pl}" in text


def test_the_cli_names_levels_in_polish_and_gives_an_id_only_beside_its_name(
    capsys: pytest.CaptureFixture[str], catalog: Catalog
) -> None:
    ids = level_ids(catalog)
    for supplier in catalog.data.suppliers.suppliers:
        for ladder in supplier.escalation:
            out = "\n".join(
                escalate(
                    capsys, supplier.id, "--severity", ladder.id, "--since", "04.03.2026 10:00"
                )
            )
            assert f"pilność: {ladder.name_pl}." in out
            assert [i for i in ids if re.search(rf"\b{i}\b", out)] == [], out
    with pytest.raises(SystemExit):
        main(["escalate", "--help"])
    help_text = capsys.readouterr().out
    for supplier in catalog.data.suppliers.suppliers:
        for ladder in supplier.escalation:
            beside_names = help_text.count(f"„{ladder.name_pl}” ({ladder.id})")
            assert beside_names >= 1 and len(re.findall(rf"\b{ladder.id}\b", help_text)) == (
                help_text.count(f"({ladder.id})")
            ), ladder.id
