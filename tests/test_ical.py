"""The maintenance window as an iCalendar event, read back with icalendar itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from komunikat.catalog import Catalog
from komunikat.ical import NoWindow, maintenance_event
from komunikat.render import Previous

STAMP = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def event_of(catalog: Catalog, template_id: str, previous=(), **changes: object):
    spec = catalog.get(template_id)
    message = catalog.render(spec, {**catalog.sample_values(spec), **changes}, previous=previous)
    calendar = Calendar.from_ical(maintenance_event(message, stamp=STAMP))
    [event] = calendar.walk("VEVENT")
    return calendar, event, message


@pytest.mark.parametrize("template_id", ["dv-maintenance-open", "operator-maintenance-open"])
def test_the_window_is_in_warsaw_time_with_its_zone(catalog: Catalog, template_id: str) -> None:
    calendar, event, message = event_of(catalog, template_id)
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert str(start.tzinfo) == "Europe/Warsaw" and str(end.tzinfo) == "Europe/Warsaw"
    assert start == message.typed["start"].moment and end == message.typed["end"].moment
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert event["summary"] == message.subject
    assert "Poprzednia wiadomość" not in event["description"]


def test_the_prolongation_updates_the_same_event(catalog: Catalog) -> None:
    _, opened, open_message = event_of(catalog, "dv-maintenance-open")
    previous = [Previous(open_message.subject, open_message.body, source="open.txt")]
    _, prolonged, _ = event_of(catalog, "dv-maintenance-prolongation", previous=previous)
    assert prolonged["uid"] == opened["uid"]
    assert prolonged["sequence"] > opened["sequence"]
    assert prolonged.decoded("dtend") > opened.decoded("dtend")


def test_an_hour_that_happens_twice_is_written_exactly_in_utc(catalog: Catalog) -> None:
    _, event, message = event_of(
        catalog, "dv-maintenance-open", start="25.10.2026 02:30 CET", end="25.10.2026 05:00"
    )
    start = event.decoded("dtstart")
    assert start.utcoffset().total_seconds() == 0
    assert start == message.typed["start"].utc == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_a_notice_without_a_window_has_no_event(catalog: Catalog) -> None:
    spec = catalog.get("dv-outage-open")
    message = catalog.render(spec, catalog.sample_values(spec))
    with pytest.raises(NoWindow, match="okna prac planowanych"):
        maintenance_event(message)
