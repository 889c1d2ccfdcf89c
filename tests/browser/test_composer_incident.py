"""One incident in the composer, in a real browser: OPEN, then the CLOSE that quotes it.

The later notice takes what the OPEN says (the fields are locked with a
note), is threaded to the OPEN's Message-ID when the OPEN was composed in
this browser, and a planned-maintenance notice also downloads as a calendar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

from tests.browser.test_composer import Values, cli, fill, open_composer, parse_eml, wait_complete

pytestmark = pytest.mark.browser

OPEN: Values = {
    "hl": "HL-300001",
    "start": "15.12.2026 22:00",
    "services": ["sms-premium", "mps"],
    "sender": "Anna Nowak",
}
OPEN_CLI: Values = OPEN
MAINTENANCE: Values = {
    "hl": "HL-300002",
    "start": "15.12.2026 22:00",
    "end": "16.12.2026 02:00",
    "services": ["sms-premium"],
    "sender": "Anna Nowak",
}


def paste_previous(root: Locator, text: str) -> None:
    root.locator(".kc-previous-text").first.fill(text)


def download(page: Page, button: Locator) -> tuple[str, bytes]:
    with page.expect_download() as info:
        button.click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes()


def test_a_pasted_open_fills_and_locks_the_close_fields(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], artifacts_dir: Path
) -> None:
    opened = cli(capsys, "dv-outage-open", OPEN_CLI)
    root = open_composer(page, site_url, "dv-outage-close")
    paste_previous(root, opened)
    hl = root.locator('[data-field="hl"]')
    expect(hl.locator("input")).to_have_value("HL-300001")
    expect(hl.locator("input")).to_have_attribute("readonly", "")
    expect(hl.locator(".kc-inherited")).to_have_text("Z wiadomości OPEN (wklejona nr 1).")
    start = root.locator('[data-field="start"]')
    expect(start.locator("input.kc-date")).to_have_value("15.12.2026 22:00")
    expect(start.locator(".kc-zone")).to_have_text("→ 15.12.2026 22:00 CET")
    fill(root, {"end": "16.12.2026 01:00", "sender": "Jan Kowalski"})
    wait_complete(root)
    expect(root.locator(".kc-subject")).to_have_text(
        "Awaria w Digital Virgo | Digital Virgo outage - CLOSE [HL-300001]"
    )
    root.screenshot(
        path=str(artifacts_dir / "kompozytor-close-z-open.png"),
        style=".md-header, .md-tabs { display: none !important; }",
    )

    paste_previous(root, "")
    expect(hl.locator("input")).to_have_value("")
    expect(hl.locator("input")).not_to_have_attribute("readonly", "")
    expect(hl.locator(".kc-inherited")).to_be_hidden()


def test_a_start_that_contradicts_the_open_is_an_error_naming_both_values(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = cli(capsys, "dv-outage-open", OPEN_CLI)
    root = open_composer(page, site_url, "dv-outage-close")
    fill(root, {"start": "15.12.2026 21:00", "end": "16.12.2026 01:00", "sender": "Jan Kowalski"})
    paste_previous(root, opened)
    said = "15.12.2026 21:00 różni się od cytowanej wiadomości OPEN (15.12.2026 22:00)"
    expect(root.locator('[data-field="start"] .kc-field-problem')).to_contain_text(said)
    expect(root.locator('[data-field="start"] input.kc-date')).to_have_attribute(
        "aria-invalid", "true"
    )
    # asked for the .eml too early: no file, every problem in the summary, no CLI words
    root.locator(".kc-download").click()
    expect(root.locator(".kc-failure")).to_contain_text(said)
    expect(root.locator(".kc-failure")).not_to_contain_text("--previous")
    expect(root.locator(".kc-status")).to_contain_text("Nie można jeszcze pobrać pliku .eml")


def test_the_close_picked_from_the_kept_open_is_threaded_to_it(
    page: Page, site_url: str, artifacts_dir: Path
) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    fill(root, OPEN)
    wait_complete(root)
    _, raw = download(page, root.locator(".kc-download"))
    open_id = parse_eml(raw)["Message-ID"]
    assert open_id
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    root.locator(".kc-copy-body").click()  # copied after the download: still the same notice
    expect(root.locator(".kc-status")).to_have_text("Skopiowano treść do schowka.")
    kept = page.evaluate("JSON.parse(localStorage.getItem('komunikat.notices.v1'))")
    assert [entry["message_id"] for entry in kept] == [open_id]

    root = open_composer(page, site_url, "dv-outage-close")
    expect(root.locator('[data-field="sender"] input')).to_have_value("Anna Nowak")
    choice = root.locator(".kc-kept-choice option")
    expect(choice).to_have_count(1)
    expect(choice).to_contain_text("HL-300001")
    expect(root.locator(".kc-kept-privacy")).to_contain_text("dane osobowe")
    root.locator(".kc-kept-add").click()
    expect(root.locator('[data-field="hl"] input')).to_have_value("HL-300001")
    expect(root.locator('[data-field="hl"] .kc-inherited')).to_contain_text("Z wiadomości OPEN z ")
    fill(root, {"end": "16.12.2026 01:00"})
    wait_complete(root)
    root.screenshot(
        path=str(artifacts_dir / "kompozytor-close-z-zapisanej.png"),
        style=".md-header, .md-tabs { display: none !important; }",
    )
    name, raw = download(page, root.locator(".kc-download"))
    assert name == "dv-outage-close-HL-300001.eml"
    close = parse_eml(raw)
    assert close["In-Reply-To"] == open_id and close["References"] == open_id

    root.locator(".kc-kept-forget").click()
    expect(root.locator(".kc-kept-row")).to_be_hidden()
    assert page.evaluate("localStorage.getItem('komunikat.notices.v1')") is None


def test_the_sender_is_remembered_after_a_reload(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    sender = root.locator('[data-field="sender"] input')
    sender.fill("Zofia Wiśniewska")
    sender.blur()
    page.reload()
    root = open_composer(page, site_url, "dv-outage-open")
    expect(root.locator('[data-field="sender"] input')).to_have_value("Zofia Wiśniewska")


def test_to_and_cc_go_into_the_eml_and_a_bad_address_is_refused(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    fill(root, OPEN)
    to, cc = root.locator(".kc-recipients-to"), root.locator(".kc-recipients-cc")
    to.fill("jan.kowalski")
    problem = root.locator('[data-field="recipients-to"] .kc-field-problem')
    expect(problem).to_contain_text("„jan.kowalski” nie jest adresem e-mail")
    to.fill("Partner NOC <noc@partner.pl>")
    cc.fill("kierownik@digitalvirgo.pl")
    expect(problem).to_be_hidden()
    wait_complete(root)
    _, raw = download(page, root.locator(".kc-download"))
    mail = parse_eml(raw)
    assert mail["To"] == "Partner NOC <noc@partner.pl>"
    assert mail["Cc"] == "kierownik@digitalvirgo.pl"


def test_the_cc_the_procedures_require_is_shown_beside_the_recipients(
    page: Page, site_url: str, artifacts_dir: Path
) -> None:
    root = open_composer(page, site_url, "operator-problem-report")
    fill(
        root,
        {
            "hl": "HL-123462",
            "operator": "PLUS",
            "service": "sms-premium",
            "summary": "Brak dostarczania SMS w usłudze Funskan",
            "problem": "Od 10:20 bramka odrzuca wiadomości.",
            "connection": "Bramka UCP, konto DV_PREMIUM",
            "error": "NACK 02",
            "sender": "Jan Kowalski",
        },
    )
    required = root.locator(".kc-recipients .kc-cc-required li")
    expect(required.first).to_contain_text("Katarzyna Wczyrsa — kontakt biznesowy Digital Virgo")
    expect(required.nth(1)).to_contain_text("CRM-2503 FUNSKAN - kontakty do Plusa")
    root.locator(".kc-recipients").screenshot(path=str(artifacts_dir / "kompozytor-odbiorcy.png"))


def test_a_maintenance_notice_downloads_as_a_calendar_in_warsaw_time(
    page: Page, site_url: str, artifacts_dir: Path
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    root = open_composer(page, site_url, "dv-maintenance-open")
    fill(root, MAINTENANCE)
    wait_complete(root)
    assert not any(url.endswith("python-ical.zip") for url in fetched)
    root.screenshot(
        path=str(artifacts_dir / "kompozytor-prace-ics.png"),
        style=".md-header, .md-tabs { display: none !important; }",
    )
    name, raw = download(page, root.locator(".kc-download-ics"))
    assert name == "prace-planowane-HL-300002.ics"
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event.decoded("DTSTART").strftime("%d.%m.%Y %H:%M") == "15.12.2026 22:00"
    assert event.decoded("DTEND").strftime("%d.%m.%Y %H:%M") == "16.12.2026 02:00"

    _, raw = download(page, root.locator(".kc-download"))
    attached = [p for p in parse_eml(raw).iter_attachments() if p.get_filename() == name]
    assert len(attached) == 1


def test_an_outage_offers_no_calendar(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    expect(root.locator(".kc-download-ics")).to_be_hidden()
