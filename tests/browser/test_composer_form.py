"""The composer's form in a real browser: layout, when problems show, dates, keyboard.

Like GOV.UK Notify's preview: the form first, the message beside it; a
problem is shown beside its field once the field was left (or a copy was
asked for), in the form's words — never a command-line option.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.composer_page import (
    LOAD_TIMEOUT_MS,
    cli,
    composed_text,
    expect_focused,
    fill,
    open_composer,
    wait_complete,
)

pytestmark = pytest.mark.browser

#: The composer's own text, without the message it shows (its separators are dashes).
OWN_TEXT = """root => {
  const copy = root.cloneNode(true);
  copy.querySelectorAll(".kc-body, .kc-subject").forEach((node) => node.remove());
  return copy.textContent;
}"""


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None
    return found


def field(root: Locator, name: str) -> Locator:
    return root.locator(f'[data-field="{name}"]')


@pytest.fixture
def english_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A browser whose language is American English (mm/dd/yyyy, AM/PM in date controls)."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == []


def test_form_and_preview_stand_side_by_side_on_a_desktop_and_stack_on_a_phone(
    page: Page, site_url: str, artifacts_dir: Path
) -> None:
    root = open_composer(page, site_url, "operator-outage-open")
    form, output = box(root.locator(".kc-form")), box(root.locator(".kc-output"))
    assert output["x"] >= form["x"] + form["width"]
    assert abs(output["y"] - form["y"]) < 40
    assert box(root)["y"] < 500, "the composer starts on the first screen"
    editors = page.locator("details", has=page.locator("summary", has_text="Dla redaktorów"))
    assert box(editors)["y"] > box(root)["y"] + box(root)["height"] - 1
    page.screenshot(path=str(artifacts_dir / "kompozytor-1280.png"))

    page.set_viewport_size({"width": 390, "height": 844})
    form, output = box(root.locator(".kc-form")), box(root.locator(".kc-output"))
    assert output["y"] >= form["y"] + form["height"]
    assert output["width"] > 300 and form["width"] > 300
    page.screenshot(path=str(artifacts_dir / "kompozytor-390.png"), full_page=True)


@pytest.mark.parametrize("template_id", ["dv-outage-open", "dv-outage-close"])
def test_an_untouched_form_shows_no_problem(page: Page, site_url: str, template_id: str) -> None:
    root = open_composer(page, site_url, template_id)
    expect(root.locator(".kc-body mark").first).to_be_visible()
    expect(root.locator(".kc-failure")).to_be_hidden()
    expect(root.locator(".kc-field-problem:visible")).to_have_count(0)
    expect(root.locator('[aria-invalid="true"]')).to_have_count(0)


def test_a_required_field_left_empty_shows_its_problem_beside_it(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    hl = field(root, "hl").locator("input")
    hl.focus()
    page.keyboard.press("Tab")
    problem = field(root, "hl").locator(".kc-field-problem")
    expect(problem).to_have_text("„Numer HL”: uzupełnij to pole")
    expect(hl).to_have_attribute("aria-invalid", "true")
    problem_id = problem.get_attribute("id")
    assert problem_id and problem_id in (hl.get_attribute("aria-describedby") or "").split()
    expect(field(root, "sender").locator(".kc-field-problem")).to_be_hidden()
    expect(root.locator(".kc-failure")).to_be_hidden()

    hl.fill("HL-12345")
    expect(problem).to_be_hidden()
    expect(hl).to_have_attribute("aria-invalid", "false")


def test_an_end_before_the_start_is_marked_on_the_end_field(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-maintenance-open")
    fill(root, {"start": "20.12.2026 22:00", "end": "20.12.2026 21:00"})
    end = field(root, "end").locator("input.kc-date")
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(field(root, "end").locator(".kc-field-problem")).to_have_text(
        "czas zakończenia (20.12.2026 21:00) musi być późniejszy niż czas rozpoczęcia "
        "(20.12.2026 22:00)"
    )
    expect(root.locator(".kc-status")).to_contain_text("Popraw: „Czas zakończenia”.")


def test_asking_to_copy_too_early_lists_every_problem_without_command_line_words(
    page: Page, site_url: str
) -> None:
    root = open_composer(page, site_url, "dv-outage-close")
    fill(root, {"hl": "HL-999999", "end": "25.10.2026 02:30", "sender": "Jan"})
    root.locator(".kc-previous-text").fill(
        "Subject: Awaria | Digital Virgo outage - OPEN [HL-123456]\n\nStart date: x"
    )
    root.locator(".kc-copy-body").click()
    summary = root.locator(".kc-failure")
    expect_focused(summary)
    expect(summary).to_contain_text("„Nadawca (imię i nazwisko)”: „Jan” nie wygląda")
    expect(summary).to_contain_text(
        "poprzednia wiadomość (wklejona nr 1) dotyczy HL-123456, a ta — HL-999999"
    )
    expect(summary).to_contain_text("wybierz strefę: CEST (pierwsza) albo CET (druga)")
    expect(root.locator(".kc-status")).to_contain_text("Nie można jeszcze skopiować treści.")
    own = root.evaluate(OWN_TEXT)
    for cli_word in ("--", "dopisz", "brak wymaganych wartości", " hl (", "wklejona wiadomość 1"):
        assert cli_word not in own, cli_word

    summary.get_by_role("button", name="„Nadawca (imię i nazwisko)”").click()
    expect_focused(field(root, "sender").locator("input"))


def test_a_date_is_typed_day_first_in_an_english_browser(english_page: Page, site_url: str) -> None:
    root = open_composer(english_page, site_url, "dv-outage-open")
    start = field(root, "start")
    expect(start.locator("input").first).to_have_attribute("type", "text")
    start.locator("input.kc-date").fill("01.07.2026 10:00")
    expect(start.locator(".kc-zone")).to_have_text("→ 01.07.2026 10:00 CEST")
    expect(root.locator(".kc-body")).to_contain_text("Czas rozpoczęcia: 01.07.2026 10:00")

    start.locator(".kc-picker-open").click()
    picker = start.locator(".kc-picker input[type=datetime-local]")
    expect(picker).to_have_value("2026-07-01T10:00")
    picker.fill("2026-12-02T09:15")
    start.locator(".kc-picker button", has_text="Wstaw").click()
    expect(start.locator("input.kc-date")).to_have_value("02.12.2026 09:15")
    expect_focused(start.locator("input.kc-date"))
    expect(start.locator(".kc-zone")).to_have_text("→ 02.12.2026 09:15 CET")
    expect(root.locator(".kc-body")).to_contain_text("Czas rozpoczęcia: 02.12.2026 09:15")


def test_the_repeated_hour_asks_the_zone_and_prints_it_in_both_languages(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = open_composer(page, site_url, "dv-maintenance-open")
    values = {
        "hl": "HL-123456",
        "start": "25.10.2026 02:30",
        "end": "25.10.2026 05:00",
        "services": ["www"],
        "sender": "Jan Kowalski",
    }
    fill(root, values)
    start = field(root, "start")
    expect(start.locator(".kc-zone-wrap")).to_be_visible()
    expect(start.locator(".kc-field-problem")).to_contain_text("wybierz strefę")
    expect(root).to_have_attribute("data-complete", "false")
    body = root.locator(".kc-body")
    for zone in ("CEST", "CET"):
        start.locator(".kc-zone-choice").select_option(zone)
        wait_complete(root)
        expect(start.locator(".kc-zone")).to_have_text(f"→ 25.10.2026 02:30 {zone}")
        expect(body).to_contain_text(f"Start date: 25.10.2026 02:30 {zone}")
        expect(body).to_contain_text(f"Czas rozpoczęcia: 25.10.2026 02:30 {zone}")
        typed = {**values, "start": f"25.10.2026 02:30 {zone}"}
        assert composed_text(root) == cli(capsys, "dv-maintenance-open", typed)


def test_the_editors_details_are_collapsed(page: Page, site_url: str) -> None:
    open_composer(page, site_url, "dv-outage-open")
    editors = page.locator("details", has=page.locator("summary", has_text="Dla redaktorów"))
    expect(editors).to_have_count(1)
    expect(editors).not_to_have_attribute("open", "")
    expect(editors.locator("table").first).to_be_hidden()
    editors.locator("summary").first.click()
    expect(editors.locator("table").first).to_be_visible()


FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
}"""


def tab(page: Page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_RING), page.evaluate("document.activeElement.outerHTML")


def test_the_composer_works_from_the_keyboard_alone(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url[:-1])
    page.goto(f"{site_url}szablony/operator-outage-open/")
    root = page.locator(".komunikat-composer")
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id.endsWith('-hl')"):
            break
    else:
        pytest.fail("Tab never reached the first field of the composer")
    assert page.evaluate(FOCUS_RING)
    page.keyboard.type("123459")
    tab(page)  # the operator: type-ahead in the closed list
    page.keyboard.type("Pla")
    tab(page)
    page.keyboard.type("29.03.2026 01:30")
    tab(page)  # the calendar button
    tab(page)  # the first service
    page.keyboard.press("Space")
    tab(page)
    tab(page)
    page.keyboard.press("Space")  # the third service
    tab(page)
    page.keyboard.type("Anna Nowak")
    wait_complete(root)
    for _ in range(10):
        tab(page)
        if page.evaluate("document.activeElement.classList.contains('kc-copy-body')"):
            break
    page.keyboard.press("Enter")
    expect(root.locator(".kc-status")).to_have_text("Skopiowano treść do schowka.")
    values = {
        "hl": "123459",
        "operator": "PLAY",
        "start": "29.03.2026 01:30",
        "services": ["sms-premium", "directbilling"],
        "sender": "Anna Nowak",
    }
    text = cli(capsys, "operator-outage-open", values)
    assert page.evaluate("navigator.clipboard.readText()") == text.split("\n\n", 1)[1]
    assert composed_text(root) == text


def test_pressing_copy_on_a_phone_while_typing_shows_the_problems(
    page: Page, site_url: str
) -> None:
    """Leaving the field shows its problem above the button; the press must still count."""
    page.set_viewport_size({"width": 390, "height": 844})
    root = open_composer(page, site_url, "operator-maintenance-open")
    sender = field(root, "sender").locator("input")
    sender.fill("Jan")
    expect_focused(sender)
    root.locator(".kc-copy-body").click()
    expect(root.locator(".kc-failure")).to_be_visible()
    expect(root.locator(".kc-failure")).to_contain_text("„Jan” nie wygląda na imię i nazwisko")
    expect(root.locator(".kc-status")).to_contain_text("Nie można jeszcze skopiować treści.")
    expect(field(root, "sender").locator(".kc-field-problem")).to_be_visible()
