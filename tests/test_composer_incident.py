"""One incident in the composer: the later notice takes the OPEN's values, is threaded, has a calendar."""

from __future__ import annotations

import email
import email.policy
import io
import json
import zipfile
from email.message import EmailMessage
from typing import Any

import pytest
from icalendar import Calendar

from komunikat.catalog import Catalog
from komunikat.composer import Composer
from komunikat.site.composer_assets import CALENDAR_PACKAGES, catalog_bundle, python_bundle

OPEN_VALUES = {
    "hl": "HL-300001",
    "start": "2026-12-15T22:00",
    "services": ["sms-premium", "mps"],
    "sender": "Anna Nowak",
}
MAINTENANCE = {
    "hl": "HL-300002",
    "start": "2026-12-15T22:00",
    "end": "2026-12-16T02:00",
    "services": ["sms-premium"],
    "sender": "Anna Nowak",
}
OPEN_ID = "<open-1@digitalvirgo.pl>"


@pytest.fixture(scope="module")
def composer(catalog: Catalog) -> Composer:
    return Composer.from_bundle(json.loads(json.dumps(catalog_bundle(catalog))))


@pytest.fixture(scope="module")
def opened(composer: Composer) -> dict[str, Any]:
    result = composer.compose("dv-outage-open", OPEN_VALUES)
    assert result["ready"], result["problems"]
    return result


def kept(result: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A notice as the browser keeps it (localStorage) and hands it back as a previous one."""
    return {"name": "zapisana wiadomość", "text": result["text"], **extra}


def parsed(eml: str) -> EmailMessage:
    message = email.message_from_string(eml, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_close_takes_hl_start_and_services_from_the_quoted_open(
    composer: Composer, opened: dict[str, Any]
) -> None:
    values = {"end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    item = kept(opened, sent="2026-12-15T22:10:00+01:00")
    result = composer.compose("dv-outage-close", values, previous=[item])
    assert result["ready"], result["problems"]
    assert result["subject"].endswith("CLOSE [HL-300001]")
    inherited = result["inherited"]
    assert set(inherited) == {"hl", "start"}
    assert inherited["hl"]["value"] == "HL-300001"
    assert inherited["start"]["value"] == "15.12.2026 22:00"
    assert inherited["start"]["note"] == "z wiadomości OPEN z 15.12.2026 22:10"
    assert result["missing"] == []
    assert result["fields"]["start"]["shown"] == "15.12.2026 22:00 CET"


def test_an_operator_close_also_takes_the_operator_as_its_select_holds_it(
    composer: Composer,
) -> None:
    values = {**OPEN_VALUES, "operator": "ORANGE", "services": ["sms-premium"]}
    opened = composer.compose("operator-outage-open", values)
    assert opened["ready"], opened["problems"]
    closing = {"end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    result = composer.compose("operator-outage-close", closing, previous=[kept(opened)])
    assert result["ready"], result["problems"]
    assert result["inherited"]["operator"]["value"] == "ORANGE"


def test_a_maintenance_close_takes_the_planned_end(composer: Composer) -> None:
    opened = composer.compose("dv-maintenance-open", MAINTENANCE)
    closing = {"sender": "Jan Kowalski"}
    result = composer.compose("dv-maintenance-close", closing, previous=[kept(opened)])
    assert result["ready"], result["problems"]
    assert result["inherited"]["end"]["value"] == "16.12.2026 02:00"
    assert result["inherited"]["end"]["note"].startswith("z cytowanej wiadomości (planowany")


def test_a_close_quoting_a_prolongation_names_it_as_the_notice_its_values_come_from(
    composer: Composer,
) -> None:
    opened = composer.compose("dv-maintenance-open", MAINTENANCE)
    prolonging = {"end": "2026-12-16T04:00", "sender": "Jan Kowalski"}
    prolonged = composer.compose("dv-maintenance-prolongation", prolonging, previous=[kept(opened)])
    assert prolonged["ready"], prolonged["problems"]
    assert prolonged["inherited"]["start"]["note"] == "z wiadomości OPEN (zapisana wiadomość)"
    # after a prolongation the real end is asked for: it is not taken from the PROLONGATION
    asked = composer.compose(
        "dv-maintenance-close", {"sender": "Jan Kowalski"}, previous=[kept(prolonged)]
    )
    assert not asked["ready"] and "end" not in asked["inherited"]
    closing = {"sender": "Jan Kowalski", "end": "2026-12-16T03:10"}
    result = composer.compose("dv-maintenance-close", closing, previous=[kept(prolonged)])
    assert result["ready"], result["problems"]
    inherited = result["inherited"]
    assert inherited["start"]["note"] == "z wiadomości PROLONGATION (zapisana wiadomość)"

    contradicting = {**closing, "start": "2026-12-15T21:00"}
    result = composer.compose("dv-maintenance-close", contradicting, previous=[kept(prolonged)])
    said = "15.12.2026 21:00 różni się od cytowanej wiadomości PROLONGATION (15.12.2026 22:00)"
    assert said in result["fields"]["start"]["problem"]


@pytest.mark.parametrize("template_id", ["operator-problem-report", "dv-outage-close"])
def test_blank_fields_are_taken_from_nothing_when_no_open_is_quoted(
    composer: Composer, template_id: str
) -> None:
    blank = {name: "" for name in composer.spec(template_id).variable_names}
    assert composer.compose(template_id, blank)["inherited"] == {}


def test_a_value_typed_before_the_open_was_given_is_not_taken_over(
    composer: Composer, opened: dict[str, Any]
) -> None:
    values = {"hl": "HL-300001", "end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    result = composer.compose("dv-outage-close", values, previous=[kept(opened)])
    assert "hl" not in result["inherited"] and result["ready"]
    assert result["inherited"]["start"]["note"] == "z wiadomości OPEN (zapisana wiadomość)"


def test_a_contradicting_start_is_an_error_naming_both_values_at_the_field(
    composer: Composer, opened: dict[str, Any]
) -> None:
    values = {"start": "2026-12-15T21:00", "end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    result = composer.compose("dv-outage-close", values, previous=[kept(opened)])
    assert not result["ready"]
    said = "15.12.2026 21:00 różni się od cytowanej wiadomości OPEN (15.12.2026 22:00)"
    assert any(said in problem for problem in result["problems"])
    assert said in result["fields"]["start"]["problem"]


def test_problems_with_previous_notices_name_the_form_not_the_cli_options(
    composer: Composer,
) -> None:
    values = {"hl": "HL-1", "end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    result = composer.compose("dv-outage-close", values, previous=["Subject: coś\n\ntreść"])
    assert result["problems"] and not any("--previous" in p for p in result["problems"])
    assert any(
        "wybierz je z listy „Wcześniejsza wiadomość”, wklej albo wczytaj plik" in p
        for p in result["problems"]
    )


def test_the_close_eml_is_threaded_to_the_open_and_its_own_id_is_returned(
    composer: Composer, opened: dict[str, Any]
) -> None:
    values = {"end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    item = kept(opened, message_id=OPEN_ID)
    result = composer.eml("dv-outage-close", values, previous=[item])
    assert result["ready"], result["problems"]
    mail = parsed(result["eml"])
    assert mail["In-Reply-To"] == OPEN_ID and mail["References"] == OPEN_ID
    assert mail["Message-ID"] == result["message_id"] != OPEN_ID
    assert result["thread"] == [OPEN_ID]


def test_a_close_quoting_the_prolongation_refers_to_the_whole_thread(
    composer: Composer, opened: dict[str, Any]
) -> None:
    prolonged = "<prolongation-1@digitalvirgo.pl>"
    item = kept(opened, message_id=prolonged, references=[OPEN_ID])
    values = {"end": "2026-12-16T01:00", "sender": "Jan Kowalski"}
    mail = parsed(composer.eml("dv-outage-close", values, previous=[item])["eml"])
    assert mail["In-Reply-To"] == prolonged
    assert mail["References"] == f"{OPEN_ID} {prolonged}"


def test_to_and_cc_go_into_the_eml(composer: Composer) -> None:
    recipients = {"to": "Partner <noc@partner.pl>, ops@partner.pl", "cc": "kierownik@dv.pl"}
    result = composer.eml("dv-outage-open", OPEN_VALUES, recipients=recipients)
    mail = parsed(result["eml"])
    assert mail["To"] == "Partner <noc@partner.pl>, ops@partner.pl"
    assert mail["Cc"] == "kierownik@dv.pl"


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("to", "jan.kowalski", "„jan.kowalski” nie jest adresem e-mail"),
        ("cc", "a@b.pl\nBcc: x@y.pl", "znak sterujący (np. nowy wiersz)"),
        ("to", "a@b.pl\r", "znak sterujący"),
    ],
)
def test_recipients_that_are_not_addresses_are_refused_at_their_field(
    composer: Composer, field: str, typed: str, said: str
) -> None:
    recipients = {field: typed}
    shown = composer.compose("dv-outage-open", OPEN_VALUES, recipients=recipients)
    assert said in shown["recipients"][field]
    assert shown["ready"]  # the text itself can still be copied
    refused = composer.eml("dv-outage-open", OPEN_VALUES, recipients=recipients)
    assert not refused["ready"] and said in refused["problems"][0]


def test_the_maintenance_eml_attaches_the_cli_calendar(composer: Composer) -> None:
    mail = parsed(composer.eml("dv-maintenance-open", MAINTENANCE)["eml"])
    parts = [part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert [part.get_filename() for part in parts] == ["prace-planowane-HL-300002.ics"]


def test_the_ics_is_in_warsaw_time_with_its_timezone(composer: Composer) -> None:
    result = composer.ics("dv-maintenance-open", MAINTENANCE)
    assert result["ready"] and result["filename"] == "prace-planowane-HL-300002.ics"
    calendar = Calendar.from_ical(result["ics"])
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event.decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == "2026-12-15 22:00"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]


def test_an_outage_has_no_calendar(composer: Composer) -> None:
    assert not composer.ics("dv-outage-open", OPEN_VALUES)["ready"]


def test_the_form_says_which_templates_offer_a_calendar(catalog: Catalog) -> None:
    forms = catalog_bundle(catalog)["forms"]
    assert {tid for tid, form in forms.items() if form["calendar"]} == {
        f"{who}-maintenance-{phase}"
        for who in ("dv", "operator")
        for phase in ("open", "prolongation", "close")
        if f"{who}-maintenance-{phase}" in forms
    }


def test_the_calendar_zip_ships_icalendar_and_dateutil_with_licences_and_no_tests() -> None:
    names = zipfile.ZipFile(io.BytesIO(python_bundle(CALENDAR_PACKAGES))).namelist()
    assert "icalendar/__init__.py" in names and "dateutil/rrule.py" in names
    assert "licenses/icalendar/LICENSE.rst" in names
    assert "licenses/python-dateutil/LICENSE" in names
    assert not any("/tests/" in name for name in names)
    main = zipfile.ZipFile(io.BytesIO(python_bundle())).namelist()
    assert not any(name.startswith("icalendar/") for name in main)
