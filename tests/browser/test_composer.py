"""The composer in a real browser: Pyodide runs komunikat, and the text is the CLI's.

Each test fills the form on a template page of the built site and compares
what the composer shows with ``komunikat render`` run in-process for the same
values. The site-wide checks (console errors on every page, internal links)
live here too, as they are what the composer's assets could break.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterable
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.composer_page import (
    LOAD_TIMEOUT_MS,
    Values,
    choose_language,
    cli,
    cli_run,
    composed_text,
    fill,
    open_composer,
    wait_complete,
)

pytestmark = pytest.mark.browser

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def parse_eml(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


# --- the text is the CLI's --------------------------------------------------------------


def test_preview_follows_typing_and_marks_what_is_missing(page: Page, site_url: str) -> None:
    root = open_composer(page, site_url, "dv-outage-open")
    subject, body = root.locator(".kc-subject"), root.locator(".kc-body")
    expect(subject.locator("mark")).to_have_text(["⟦Numer HL⟧"])
    expect(body.locator("mark", has_text="⟦Niedostępne usługi⟧")).to_have_count(2)
    expect(root.locator(".kc-failure")).to_be_hidden()

    root.locator('[data-field="hl"] input').press_sequentially("12345")
    expect(subject).to_have_text("Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-12345]")
    expect(subject.locator("mark")).to_have_count(0)

    fill(root, {"start": "01.07.2026 10:00"})
    expect(root.locator('[data-field="start"] .kc-zone')).to_have_text("→ 01.07.2026 10:00 CEST")
    expect(body).to_contain_text("Start date: 01.07.2026 10:00 CEST")
    expect(body).to_contain_text("Czas rozpoczęcia: 01.07.2026 10:00")

    fill(root, {"services": ["www"]})
    expect(body.locator("mark", has_text="⟦Niedostępne usługi⟧")).to_have_count(0)
    expect(body).to_contain_text("Services: WWW")
    expect(root.locator(".kc-status")).to_have_text("Uzupełnij: Nadawca (imię i nazwisko).")

    fill(root, {"sender": "Jan"})
    expect(root.locator('[data-field="sender"] .kc-field-problem')).to_have_text(
        "„Nadawca (imię i nazwisko)”: „Jan” nie wygląda na imię i nazwisko; "
        "wpisz np. „Jan Kowalski”"
    )
    fill(root, {"sender": "Jan Kowalski"})
    wait_complete(root)
    expect(body.locator("mark")).to_have_count(0)
    expect(root.locator(".kc-failure")).to_be_hidden()
    expect(root.locator(".kc-download")).to_be_enabled()


def test_bilingual_operator_open_is_the_cli_text_and_copies_to_the_clipboard(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url[:-1])
    root = open_composer(page, site_url, "operator-outage-open")
    operators = root.locator('[data-field="operator"] option').all_text_contents()
    assert operators == ["— wybierz —", "Orange", "Play", "Plus", "T-Mobile"]
    services = root.locator('[data-field="services"] input').evaluate_all(
        "boxes => boxes.map(b => b.value)"
    )
    assert services == ["sms-premium", "mt-subscriptions", "directbilling"]
    values: dict[str, str | list[str] | bool] = {
        "hl": "HL-123459",
        "operator": "PLAY",
        "start": "29.03.2026 01:30",
        "services": ["directbilling", "sms-premium"],
        "sender": "Anna Nowak",
    }
    fill(root, values)
    wait_complete(root)
    expect(root.locator('[data-field="start"] .kc-zone')).to_have_text("→ 29.03.2026 01:30 CET")
    assert composed_text(root) == cli(capsys, "operator-outage-open", values)

    root.locator(".kc-copy-subject").click()
    expect(root.locator(".kc-status")).to_have_text("Skopiowano temat do schowka.")
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == root.locator(".kc-subject").text_content()
    )
    root.locator(".kc-copy-body").click()
    expect(root.locator(".kc-status")).to_have_text("Skopiowano treść do schowka.")
    assert (
        page.evaluate("navigator.clipboard.readText()") == root.locator(".kc-body").text_content()
    )


def test_close_quotes_a_pasted_or_loaded_open_notice_like_the_cli(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opening: Values = {
        "hl": "HL-123457",
        "operator": "ORANGE",
        "start": "2027-07-14T23:00",
        "end": "2027-07-15T03:00",
        "services": ["sms-premium"],
        "sender": "Jan Kowalski",
    }
    open_text = cli(capsys, "operator-maintenance-open", opening)
    (tmp_path / "open.txt").write_text(open_text, encoding="utf-8")
    cli(
        capsys,
        "operator-maintenance-open",
        opening,
        "--format",
        "eml",
        "-o",
        str(tmp_path / "o.eml"),
    )
    closing = {key: opening[key] for key in ("hl", "operator", "start", "end", "sender")}

    root = open_composer(page, site_url, "operator-maintenance-close")
    fill(root, closing)
    expect(root.locator(".kc-failure")).to_be_hidden()
    root.locator(".kc-copy-body").click()
    expect(root.locator(".kc-failure")).to_contain_text(
        "CLOSE musi zawierać treść poprzedniej wiadomości (OPEN, a jeśli prace przedłużano, "
        "także PROLONGATION); wybierz ją z listy „Wcześniejsza wiadomość”, wklej albo wczytaj plik"
    )
    root.locator(".kc-previous-text").fill(open_text)
    wait_complete(root)
    expected = cli(
        capsys, "operator-maintenance-close", closing, "--previous", str(tmp_path / "open.txt")
    )
    assert composed_text(root) == expected
    assert "----- Poprzednia wiadomość / Previous message -----" in expected

    root.locator(".kc-previous-text").fill("")
    expect(root).to_have_attribute("data-complete", "false")
    root.locator(".kc-previous input[type=file]").set_input_files(str(tmp_path / "o.eml"))
    expect(root.locator(".kc-previous-file")).to_contain_text("Plik: o.eml")
    wait_complete(root)
    from_eml = cli(
        capsys, "operator-maintenance-close", closing, "--previous", str(tmp_path / "o.eml")
    )
    assert composed_text(root) == from_eml


def test_single_language_template_in_english_is_the_cli_text(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = open_composer(page, site_url, "partner-problem-report")
    choose_language(root, "en")
    expect(root.locator('[data-field="expected_action"] input')).to_have_attribute(
        "placeholder", "np. verify and fix the problem"
    )
    values: Values = {
        "hl": "123461",
        "service_name": "MPS Winter Contest",
        "problem": "Since 14:05 every request fails.\nUsers receive no response.",
        "error": "HTTP 504 Gateway Timeout",
        "target_address": "https://api.example.com/sms/callback",
        "expected_action": "verify and fix the problem",
        "sender": "Jan Kowalski",
    }
    fill(root, values)
    wait_complete(root)
    text = composed_text(root)
    assert text.startswith("Subject: Problem with the MPS Winter Contest service [HL-123461]")
    assert text == cli(capsys, "partner-problem-report", values, "--lang", "en")


def test_operator_problem_report_is_the_cli_text_and_downloads_as_eml(
    page: Page, site_url: str, capsys: pytest.CaptureFixture[str], artifacts_dir: Path
) -> None:
    root = open_composer(page, site_url, "operator-problem-report")
    expect(root.locator(".kc-lang")).to_have_count(0)
    values: Values = {
        "hl": "HL-123462",
        "operator": "ORANGE",
        "service": "sms-premium",
        "summary": "Brak dostarczania SMS Premium przez bramkę UCP",
        "problem": "Od 10:20 bramka UCP odrzuca wszystkie wiadomości.",
        "connection": "Bramka UCP, adres 198.51.100.20:5016, konto DV_PREMIUM",
        "error": "NACK 02: Syntax error",
        "high_impact": True,
        "sender": "Jan Kowalski",
    }
    fill(root, values)
    wait_complete(root)
    expect(root.locator(".kc-subject")).to_have_text(
        "UCPGW: Brak dostarczania SMS Premium przez bramkę UCP [HL-123462]"
    )
    out, err = cli_run(capsys, "operator-problem-report", values)
    assert composed_text(root) == out
    cc_lines = [
        line.removeprefix("komunikat: DW: ") for line in err.splitlines() if " DW: " in line
    ]
    assert cc_lines and root.locator(".kc-info li").all_text_contents() == cc_lines
    page.screenshot(path=str(artifacts_dir / "szablon-kompozytor.png"), full_page=True)
    root.screenshot(
        path=str(artifacts_dir / "szablon-kompozytor-formularz.png"),
        style=".md-header, .md-tabs { display: none !important; }",
    )

    with page.expect_download() as info:
        root.locator(".kc-download").click()
    download = info.value
    assert download.suggested_filename == "operator-problem-report-HL-123462.eml"
    ours = parse_eml(Path(download.path()).read_bytes())
    theirs = parse_eml(cli(capsys, "operator-problem-report", values, "--format", "eml").encode())
    for header in ("From", "Subject", "Cc", "X-Unsent", "X-Komunikat-Template"):
        assert ours[header] == theirs[header], header
    assert ours.get_content() == theirs.get_content()


def test_typed_markup_is_shown_as_text_and_never_runs(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    root = open_composer(page, site_url, "operator-problem-report")
    fill(root, {"summary": PAYLOAD, "problem": f"{PAYLOAD}\n{PAYLOAD}", "sender": PAYLOAD})
    expect(root.locator(".kc-subject")).to_contain_text(PAYLOAD)
    expect(root.locator(".kc-body")).to_contain_text(f"{PAYLOAD}\n{PAYLOAD}")
    expect(root.locator('[data-field="sender"] .kc-field-problem')).to_contain_text(PAYLOAD)
    root.locator(".kc-copy-body").click()
    expect(root.locator(".kc-failure")).to_contain_text(PAYLOAD)
    page.wait_for_timeout(500)
    assert dialogs == []
    assert root.locator("script, img").count() == 0
    assert page.locator("img[src=x]").count() == 0


# --- navigation and tabs -------------------------------------------------------------


def test_composer_mounts_again_when_material_swaps_the_page_in(page: Page, site_url: str) -> None:
    """What instant navigation does: new content, then ``document$`` emits; Pyodide stays."""
    open_composer(page, site_url, "dv-outage-open")
    started_in_ms = page.evaluate("window.komunikatComposerLoadMs")
    page.evaluate(
        """() => {
          window.stillTheSamePage = true;
          const fresh = document.createElement("div");
          fresh.className = "komunikat-composer";
          fresh.dataset.template = "ticket-accepted";
          document.querySelector(".komunikat-composer").replaceWith(fresh);
          window.document$.next(document);
        }"""
    )
    root = page.locator('.komunikat-composer[data-template="ticket-accepted"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=10_000)
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.evaluate("window.komunikatComposerLoadMs") == started_in_ms
    fill(root, {"hl": "123460"})
    expect(root.locator(".kc-subject")).to_have_text("Przyjęcie zgłoszenia [HL-123460]")


def test_language_tabs_keep_the_choice_across_template_pages(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}szablony/ticket-accepted/")
    page.locator(".tabbed-labels label", has_text="Angielski").first.click()
    page.goto(f"{site_url}szablony/partner-problem-report/")
    assert checked_tab(page) == "Angielski"
    page.locator(".tabbed-labels label", has_text="Polski").first.click()
    page.goto(f"{site_url}szablony/ticket-rejected-unknown-sender/")
    assert checked_tab(page) == "Polski"


def checked_tab(page: Page) -> str:
    return str(
        page.evaluate(
            """() => {
              const input = document.querySelector(".tabbed-set > input:checked");
              const label = document.querySelector(`.tabbed-labels label[for="${input.id}"]`);
              return label.textContent.trim();
            }"""
        )
    )


# --- the whole site ------------------------------------------------------------------


def html_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path relative to the site root."""
    found = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        found.append(relative.removesuffix("index.html"))
    return found


def test_every_page_loads_without_console_errors_or_other_hosts(
    page: Page, site_url: str, built_site: Path
) -> None:
    pages = html_pages(built_site)
    assert "szablony/operator-problem-report/" in pages and "operatorzy/orange/" in pages
    errors: list[str] = page.console_errors  # type: ignore[attr-defined]
    for relative in pages:
        page.goto(site_url + relative, wait_until="load")
        composer = page.locator(".komunikat-composer")
        if composer.count():
            expect(composer).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
            expect(composer.locator(".kc-body")).not_to_be_empty()
        else:
            page.wait_for_load_state("networkidle")
        assert errors == [], f"console errors on {relative}"
    outside: list[str] = page.external_requests  # type: ignore[attr-defined]
    assert outside == [], "the site must work on an intranet, without other hosts"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if name == "href" and value is not None]


def internal_targets(site: Path, relative: str, hrefs: Iterable[str]) -> Iterable[tuple[str, Path]]:
    base = f"http://site.invalid/{relative}"
    for href in hrefs:
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith("#"):
            continue
        url = urlsplit(urljoin(base, href))
        if url.netloc != "site.invalid":
            continue
        path = unquote(url.path).lstrip("/")
        target = site / path
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        yield href, target


def test_every_internal_link_resolves_to_a_file_of_the_site(built_site: Path) -> None:
    broken = []
    checked = 0
    for relative in html_pages(built_site):
        page_file = built_site / (
            relative + "index.html" if relative.endswith("/") or not relative else relative
        )
        parser = _Links()
        parser.feed(page_file.read_text(encoding="utf-8"))
        for href, target in internal_targets(built_site, relative, parser.hrefs):
            checked += 1
            if not target.is_file():
                broken.append(f"{relative or '/'}: {href}")
    assert checked > 500
    assert broken == []


def test_screenshots_of_home_and_operator_pages(
    page: Page, site_url: str, artifacts_dir: Path
) -> None:
    page.goto(site_url)
    page.screenshot(path=str(artifacts_dir / "strona-glowna.png"), full_page=True)
    page.goto(f"{site_url}operatorzy/orange/")
    expect(page.locator("h1")).to_contain_text("Orange")
    page.screenshot(path=str(artifacts_dir / "operator-orange.png"), full_page=True)
