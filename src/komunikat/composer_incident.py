"""One incident in the composer: what a later notice takes from the earlier one, recipients, .ics.

The values a CLOSE or PROLONGATION takes from the quoted OPEN are found by the
renderer's own :func:`~komunikat.notices.inherit`, so the form locks exactly
the fields ``komunikat render --previous`` would fill in (problems with the
quoted notices carry the form's wording: ``RenderProblem.form_message``). Runs in
the browser: light imports only (icalendar is imported when a calendar file
is made, from the zip the browser fetches then).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import notices
from .notices import Previous
from .recipients import AddressError, parse_addresses
from .render import Message
from .spec import TemplateSpec
from .values import LocalTime, ValueProblem, is_blank
from .vartypes import coerce_memo, display

#: The composer's recipient fields and how their errors name them.
RECIPIENT_FIELDS = {"to": "Do", "cc": "DW"}


def inherited_fields(
    spec: TemplateSpec,
    raw: Mapping[str, Any],
    quoted: Sequence[Previous],
    context: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The raw values with what the quoted OPEN gives, and per taken field what to show.

    For each field left blank that the OPEN fills: ``value`` as the form's
    widget holds it (a ``datetime-local`` value, option codes), ``text`` as
    the OPEN wrote it and ``note`` saying where it came from.
    """
    filled, _ = notices.inherit(spec, raw, quoted)
    source = notices.open_notice(quoted)
    said_by = notices.source_phase(quoted)
    taken: dict[str, dict[str, Any]] = {}
    for name, text in filled.items():
        if is_blank(text) or not is_blank(raw.get(name)) or name not in spec.variable_names:
            continue
        var = spec.variable(name)
        try:
            value = coerce_memo(var, text, context)
        except ValueProblem:
            continue  # the renderer reports the value the OPEN gives
        origin = f"wiadomości {said_by}"
        if name == notices.END and spec.phase == "CLOSE":
            origin = "cytowanej wiadomości (planowany koniec prac)"
        taken[name] = {
            "value": _form_value(var, value),
            "text": str(text),
            "note": _note(origin, source),
        }
    return filled, taken


def _form_value(var: Any, value: Any) -> Any:
    if isinstance(value, LocalTime):
        return (
            value.pl
        )  # dd.mm.rrrr gg:mm as the field is typed, with CET/CEST for the repeated hour
    return display(var, value)


def _note(origin: str, source: Previous | None) -> str:
    if source is not None and source.sent:
        return f"z {origin} z {source.sent}"
    if source is not None and source.source:
        return f"z {origin} ({source.source})"
    return f"z {origin}"


def read_recipients(raw: Mapping[str, Any]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The To and Cc fields as ``--to``/``--cc`` read them: addresses, and problems per field."""
    found: dict[str, list[str]] = {}
    problems: dict[str, str] = {}
    for name, label in RECIPIENT_FIELDS.items():
        try:
            found[name] = parse_addresses([str(raw.get(name) or "")], f"„{label}”:")
        except AddressError as exc:
            found[name] = []
            problems[name] = str(exc)
    return found, problems


def calendar_attachment(message: Message) -> tuple[str, bytes] | None:
    """The maintenance window as the CLI attaches it to the .eml, or None for other notices."""
    from .ical import calendar_filename, has_window, maintenance_event

    if not has_window(message):
        return None
    return calendar_filename(message), maintenance_event(message)
