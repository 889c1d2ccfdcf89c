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

from tests.browser.composer_page import expect_focused
from tests.browser.test_composer import (
    Values,
    cli,
    composed_text,
    fill,
    open_composer,
    parse_eml,
    wait_complete,
)

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


# --- a planned maintenance from OPEN through PROLONGATION to CLOSE ---------------------

CHAIN_OPEN: Values = {
    "hl": "HL-300003",
    "start": "12.01.2027 22:00",
    "end": "13.01.2027 02:00",
    "services": ["sms-premium", "mps"],
    "sender": "Anna Nowak",
}
PROLONGED: Values = {"end": "13.01.2027 04:00", "sender": "Anna Nowak"}
KEPT_KEY = "komunikat.notices.v1"


def kept_notices(page: Page) -> list[dict[str, object]]:
    found: list[dict[str, object]] = page.evaluate(
        f"JSON.parse(localStorage.getItem('{KEPT_KEY}'))"
    )
    return found


def pick_kept(root: Locator, phase: str) -> None:
    """Choose the kept notice of this phase in „Wcześniejsza wiadomość” and quote it."""
    option = root.locator(".kc-kept-choice option", has_text=f" - {phase} [")
    expect(option).to_have_count(1)
    root.locator(".kc-kept-choice").select_option(option.get_attribute("value"))
    root.locator(".kc-kept-add").click()


def expect_locked(root: Locator, name: str, value: str, note: str) -> None:
    field = root.locator(f'[data-field="{name}"]')
    control = field.locator("input").first
    expect(control).to_have_value(value)
    expect(control).to_have_attribute("readonly", "")
    expect(field.locator(".kc-inherited")).to_contain_text(note)


def expect_threaded(raw: bytes, *chain: str) -> None:
    """In-Reply-To the newest notice of the chain, References the whole chain, oldest first."""
    mail = parse_eml(raw)
    assert mail["In-Reply-To"] == chain[-1]
    assert mail["References"] == " ".join(chain)


def test_a_maintenance_is_carried_from_open_through_prolongation_to_close(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 1. the OPEN, composed and downloaded: kept in this browser
    opened = cli(capsys, "dv-maintenance-open", CHAIN_OPEN)
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    root = open_composer(page, site_url, "dv-maintenance-open")
    fill(root, CHAIN_OPEN)
    wait_complete(root)
    assert composed_text(root) == opened
    name, raw = download(page, root.locator(".kc-download"))
    assert name == "dv-maintenance-open-HL-300003.eml"
    open_id = parse_eml(raw)["Message-ID"]
    assert open_id and [entry["message_id"] for entry in kept_notices(page)] == [open_id]

    # 2. the PROLONGATION quotes the kept OPEN: HL and start taken and locked, the new end typed
    root = open_composer(page, site_url, "dv-maintenance-prolongation")
    expect(root.locator(".kc-kept-choice option")).to_have_count(1)
    pick_kept(root, "OPEN")
    expect(root.locator(".kc-previous-kept")).to_contain_text("- OPEN [HL-300003]")
    expect_locked(root, "hl", "HL-300003", "Z wiadomości OPEN z ")
    expect_locked(root, "start", "12.01.2027 22:00", "Z wiadomości OPEN z ")
    end = root.locator('[data-field="end"]')
    expect(end.locator("input.kc-date")).to_have_value("")
    expect(end.locator("input.kc-date")).not_to_have_attribute("readonly", "")
    expect(end.locator(".kc-inherited")).to_be_hidden()
    expect(root.locator('[data-field="sender"] input')).to_have_value("Anna Nowak")
    fill(root, {"end": PROLONGED["end"]})
    wait_complete(root)
    prolonged = cli(
        capsys, "dv-maintenance-prolongation", PROLONGED, "--previous", str(tmp_path / "open.txt")
    )
    (tmp_path / "prolongation.txt").write_text(prolonged, encoding="utf-8")
    assert composed_text(root) == prolonged
    assert "Services: SMS Premium, MPS" in prolonged.partition("Poprzednia wiadomość")[2]
    name, raw = download(page, root.locator(".kc-download"))
    assert name == "dv-maintenance-prolongation-HL-300003.eml"
    expect_threaded(raw, open_id)
    prolongation_id = parse_eml(raw)["Message-ID"]
    assert [(e["message_id"], e["references"]) for e in kept_notices(page)] == [
        (prolongation_id, [open_id]),
        (open_id, []),
    ]

    # 3. the CLOSE quotes the kept PROLONGATION: after a prolongation it gives the real end,
    #    which the operator types (not later than the PROLONGATION's 04:00)
    root = open_composer(page, site_url, "dv-maintenance-close")
    expect(root.locator(".kc-kept-choice option")).to_have_count(2)
    pick_kept(root, "PROLONGATION")
    expect_locked(root, "hl", "HL-300003", "Z wiadomości PROLONGATION z ")
    expect_locked(root, "start", "12.01.2027 22:00", "Z wiadomości PROLONGATION z ")
    end = root.locator('[data-field="end"] input').first
    expect(end).to_have_value("")
    expect(end).not_to_have_attribute("readonly", "")
    fill(root, {"end": "13.01.2027 03:20"})
    wait_complete(root)
    closed = cli(
        capsys,
        "dv-maintenance-close",
        {"sender": "Anna Nowak", "end": "13.01.2027 03:20"},
        "--previous",
        str(tmp_path / "prolongation.txt"),
    )
    assert composed_text(root) == closed
    own, _, quoted = closed.partition("----- Poprzednia wiadomość")
    assert "End date: 13.01.2027 03:20 CET" in own
    assert "- PROLONGATION [HL-300003]" in quoted and "- OPEN [HL-300003]" in quoted
    name, raw = download(page, root.locator(".kc-download"))
    assert name == "dv-maintenance-close-HL-300003.eml"
    expect_threaded(raw, open_id, prolongation_id)


def keep_in_browser(page: Page, site_url: str, *notices: tuple[str, str, str]) -> None:
    """Notices (template, text, Message-ID) kept as the composer keeps them, oldest first.

    Each one a minute after the one before, threaded to those before it.
    """
    page.goto(site_url)
    entries = [
        {
            "template": template,
            "subject": text.partition("\n")[0].removeprefix("Subject: "),
            "hl": "HL-300003",
            "text": text,
            "message_id": message_id,
            "references": [earlier[2] for earlier in notices[:n]],
            "minutes_ago": len(notices) - n,
        }
        for n, (template, text, message_id) in enumerate(notices)
    ]
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify(entries.reverse().map(
            ({ minutes_ago, ...entry }) =>
                ({ ...entry, time: new Date(Date.now() - minutes_ago * 60000).toISOString() }),
        )))""",
        [KEPT_KEY, entries],
    )


def kept_chain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    opened = cli(capsys, "dv-maintenance-open", CHAIN_OPEN)
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    previous = ("--previous", str(tmp_path / "open.txt"))
    return opened, cli(capsys, "dv-maintenance-prolongation", PROLONGED, *previous)


def test_a_close_contradicting_the_quoted_prolongation_is_an_error_naming_both_values(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = kept_chain(capsys, tmp_path)
    keep_in_browser(
        page,
        site_url,
        ("dv-maintenance-open", opened, "<open@example.pl>"),
        ("dv-maintenance-prolongation", prolonged, "<prolongation@example.pl>"),
    )
    root = open_composer(page, site_url, "dv-maintenance-close")
    # typed before the PROLONGATION is quoted: the start of another day, an end after the
    # prolonged one (a further prolongation would have announced it)
    fill(root, {"start": "11.01.2027 22:00", "end": "13.01.2027 05:00", "sender": "Anna Nowak"})
    pick_kept(root, "PROLONGATION")
    start = root.locator('[data-field="start"]')
    said = "11.01.2027 22:00 różni się od cytowanej wiadomości PROLONGATION (12.01.2027 22:00)"
    expect(start.locator(".kc-field-problem")).to_contain_text(said)
    expect(start.locator("input.kc-date")).to_have_attribute("aria-invalid", "true")
    end = root.locator('[data-field="end"]')
    expect(end.locator(".kc-field-problem")).to_contain_text(
        "czas zakończenia (13.01.2027 05:00) jest późniejszy niż planowany w cytowanym "
        "przedłużeniu (13.01.2027 04:00); najpierw wyślij kolejne PROLONGATION"
    )
    expect(root).to_have_attribute("data-complete", "false")
    root.locator(".kc-download").click()
    expect(root.locator(".kc-status")).to_contain_text("Nie można jeszcze pobrać pliku .eml")

    # the values the PROLONGATION gives: the CLOSE is ready and the same as the CLI's
    fill(root, {"start": "12.01.2027 22:00", "end": "13.01.2027 04:00"})
    expect(start.locator(".kc-field-problem")).to_be_hidden()
    expect(end.locator(".kc-field-problem")).to_be_hidden()
    wait_complete(root)
    (tmp_path / "prolongation.txt").write_text(prolonged, encoding="utf-8")
    closing: Values = {
        "start": "12.01.2027 22:00",
        "end": "13.01.2027 04:00",
        "sender": "Anna Nowak",
    }
    expected = cli(
        capsys, "dv-maintenance-close", closing, "--previous", str(tmp_path / "prolongation.txt")
    )
    assert composed_text(root) == expected


def test_the_kept_notice_is_picked_with_the_keyboard_alone(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = kept_chain(capsys, tmp_path)
    keep_in_browser(
        page,
        site_url,
        ("dv-maintenance-open", opened, "<open@example.pl>"),
        ("dv-maintenance-prolongation", prolonged, "<prolongation@example.pl>"),
    )
    root = open_composer(page, site_url, "dv-maintenance-close")
    choice = page.get_by_label("Wcześniejsza wiadomość")
    expect(choice.locator("option")).to_have_count(2)
    expect(choice.locator("option").first).to_contain_text("- PROLONGATION [")  # newest first
    root.locator('[data-field="sender"] input').focus()
    for _ in range(40):
        if choice.evaluate("select => select === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect_focused(choice)
    page.keyboard.press("ArrowDown")  # the older one, the OPEN
    expect(choice).to_have_value("1")
    page.keyboard.press("Tab")  # leaving the list redraws the form: the choice stays
    expect_focused(root.locator(".kc-kept-add"))
    expect(choice).to_have_value("1")
    page.keyboard.press("Enter")
    expect(root.locator(".kc-previous-kept")).to_contain_text("- OPEN [HL-300003]")
    # the OPEN alone: the CLOSE gives the OPEN's planned end
    expect_locked(root, "end", "13.01.2027 02:00", "Z cytowanej wiadomości (planowany koniec prac)")


def test_the_chosen_kept_notice_stays_chosen_when_the_form_is_redrawn(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = kept_chain(capsys, tmp_path)
    keep_in_browser(
        page,
        site_url,
        ("dv-maintenance-open", opened, "<open@example.pl>"),
        ("dv-maintenance-prolongation", prolonged, "<prolongation@example.pl>"),
    )
    root = open_composer(page, site_url, "dv-maintenance-close")
    choice = root.locator(".kc-kept-choice")
    choice.select_option(label=root.locator(".kc-kept-choice option").nth(1).text_content())
    fill(root, {"sender": "Anna Nowak"})  # typed after choosing: the form is rendered again
    expect(root.locator(".kc-body")).to_contain_text("Anna Nowak")
    expect(choice.locator("option:checked")).to_contain_text("- OPEN [HL-300003]")
    root.locator(".kc-kept-add").click()
    expect(root.locator(".kc-previous-kept")).to_contain_text("- OPEN [HL-300003]")
    expect(root.locator(".kc-previous-kept")).not_to_contain_text("PROLONGATION")


def test_works_prolonged_twice_quote_the_first_prolongation_from_the_kept_notices(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = kept_chain(capsys, tmp_path)
    keep_in_browser(
        page,
        site_url,
        ("dv-maintenance-open", opened, "<open@example.pl>"),
        ("dv-maintenance-prolongation", prolonged, "<prolongation@example.pl>"),
    )
    root = open_composer(page, site_url, "dv-maintenance-prolongation")
    expect(root.locator(".kc-kept-choice option")).to_have_count(2)
    pick_kept(root, "PROLONGATION")
    expect_locked(root, "start", "12.01.2027 22:00", "Z wiadomości PROLONGATION")
    fill(root, {"end": "13.01.2027 06:00", "sender": "Anna Nowak"})
    wait_complete(root)
    (tmp_path / "prolongation.txt").write_text(prolonged, encoding="utf-8")
    again: Values = {"end": "13.01.2027 06:00", "sender": "Anna Nowak"}
    previous = ("--previous", str(tmp_path / "prolongation.txt"))
    assert composed_text(root) == cli(capsys, "dv-maintenance-prolongation", again, *previous)
    _, raw = download(page, root.locator(".kc-download"))
    expect_threaded(raw, "<open@example.pl>", "<prolongation@example.pl>")
