"""The maintenance window of a planned-maintenance notice as an iCalendar event.

Partners put the window into their calendars from the ``.ics`` file that goes
with the notice (attached to the ``.eml`` or saved beside it). The event is in
Europe/Warsaw time with its VTIMEZONE, so a calendar in any zone shows the
right hours. Its UID comes from the HL number, so the PROLONGATION's event
replaces the OPEN's in the partner's calendar (a higher SEQUENCE) and the
CLOSE's marks it as done, instead of adding a second one.

icalendar is imported only when an event is made: the composer ships it in a
zip of its own that the browser fetches when a calendar file is first asked for.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from .notices import QUOTE_SEPARATOR
from .render import Message
from .spec import TemplateSpec
from .warsaw import LocalTime

PRODID = "-//Digital Virgo DNiU//komunikat//PL"
UID_DOMAIN = "komunikat.digitalvirgo.pl"
#: The phase decides the event's SEQUENCE: each later notice updates the same event.
SEQUENCE = {"OPEN": 0, "PROLONGATION": 1, "CLOSE": 2}


class NoWindow(ValueError):
    """The message has no maintenance window to put into a calendar."""


def describes_window(spec: TemplateSpec) -> bool:
    """A template whose notices can be put into a calendar (the composer offers the .ics)."""
    return spec.kind == "maintenance" and {"hl", "start", "end"} <= set(spec.variable_names)


def has_window(message: Message) -> bool:
    spec = message.spec
    return (
        spec is not None
        and describes_window(spec)
        and isinstance(message.typed.get("start"), LocalTime)
        and isinstance(message.typed.get("end"), LocalTime)
        and isinstance(message.typed.get("hl"), str)
    )


def maintenance_event(message: Message, *, stamp: datetime | None = None) -> bytes:
    """The ``.ics`` file of a rendered maintenance notice (OPEN, PROLONGATION or CLOSE)."""
    from icalendar import Calendar, Event

    if not has_window(message):
        raise NoWindow(
            f"szablon {message.template} nie opisuje okna prac planowanych "
            "(potrzebne: numer HL, czas rozpoczęcia i zakończenia)"
        )
    spec = message.spec
    start: LocalTime = message.typed["start"]
    end: LocalTime = message.typed["end"]
    hl: str = message.typed["hl"]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{hl.lower()}-{spec.scope}@{UID_DOMAIN}")
    event.add("sequence", SEQUENCE.get(spec.phase or "OPEN", 0))
    event.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", _exact(start))
    event.add("dtend", _exact(end))
    event.add("summary", message.subject or spec.title)
    event.add("description", message.body.split(QUOTE_SEPARATOR, 1)[0].strip())
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    # the zone's rules around the window only: a short VTIMEZONE every calendar reads
    calendar.add_missing_timezones(
        first_date=date(start.moment.year - 1, 1, 1), last_date=date(end.moment.year + 2, 1, 1)
    )
    return calendar.to_ical()


def calendar_filename(message: Message) -> str:
    return f"prace-planowane-{message.typed['hl']}.ics"


def _exact(time: LocalTime) -> datetime:
    """Warsaw time, or UTC for an hour that happens twice (a local time cannot say which)."""
    moment = time.moment
    if moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset():
        return time.utc
    return moment
