"""Schema of data/suppliers.yml: suppliers, how to report to them, SLA and escalation.

Durations are written the way people say them (``0 h``, ``2 h``, ``10 min``,
``1 d``) and read with :func:`komunikat.durations.to_timedelta`. Clock times are ``"09:00"``
(quoted, so YAML keeps them as text). Rules that span several entries
(unique ids, references between lists, a ticket number example that matches
its pattern) are checked by :mod:`.suppliers_check`, which points at the
exact entry in the file.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from ..durations import DURATION
from .base import Strict, compiling

Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]

CLOCK = re.compile(r"^(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)$")
LEVEL_NAME = re.compile(r"^[a-ząćęłńóśźż]+( [a-ząćęłńóśźż]+)*$")


def _duration(text: str) -> str:
    if not DURATION.match(text):
        raise ValueError(
            f"czas „{text}” ma zły format; wpisz liczbę i jednostkę, np. „0 h”, „2 h”, "
            "„10 min”, „1 d”"
        )
    return text


def _level_name(text: str) -> str:
    if not LEVEL_NAME.match(text):
        raise ValueError(
            f"nazwa poziomu pilności „{text}” ma zły format; wpisz małymi literami słowa "
            "rozdzielone spacją, np. „awaria krytyczna” (operator wpisuje ją w "
            "komunikat escalate --severity)"
        )
    return text


def _clock(text: str) -> str:
    if not CLOCK.match(text):
        raise ValueError(f'godzina „{text}” ma zły format; wpisz np. "09:00" (w cudzysłowie)')
    return text


Duration = Annotated[str, AfterValidator(_duration)]
Clock = Annotated[str, AfterValidator(_clock)]
LevelName = Annotated[str, AfterValidator(_level_name)]
Regex = Annotated[
    str, AfterValidator(compiling("wyrażenie regularne „{pattern}” jest niepoprawne: {exc}"))
]

ContactKind = Literal["email", "phone", "emergency-phone", "ticket-system", "client-panel", "chat"]
Channel = Literal["email", "email+sms", "phone", "email/ticket"]
SlaKind = Literal["acknowledgement", "first-response", "resolution", "status-updates"]


class Contact(Strict):
    kind: ContactKind
    value: str | None = None  # None: the source names the channel but gives no address
    as_in_source: str | None = None  # the number as the source writes it, when it differs
    label_pl: Text  # what the channel is for


class Hours(Strict):
    applies_to_pl: str = ""
    days: Literal["24/7", "mon-fri"]
    start: Clock | None = None
    end: Clock | None = None
    time_zone_pl: str | None = None  # as the source names it; None when it names none
    note_pl: str = ""


class SupportLevel(Strict):
    level: Annotated[int, Field(ge=1)]
    team_pl: Text
    hours: Hours
    scope_pl: Text


class SlaFigure(Strict):
    id: Id
    kind: SlaKind
    applies_to_pl: Text
    min: Duration | None = None
    max: Duration | None = None
    estimate: bool = False  # typical times the supplier quotes, not commitments
    wording_pl: Text  # what the source says, in corrected Polish


class RequiredField(Strict):
    """Information a report must carry, and how a check recognises it in a message.

    ``keywords`` match case-insensitively at the start of a word (``opis``
    finds „opis”, „opisie”); ``patterns`` are regular expressions, also
    case-insensitive.
    """

    id: Id
    label_pl: Text
    label_en: str | None = None
    required: bool = True
    condition_pl: str = ""  # when it is needed, for fields that are not always required
    wording_pl: str = ""  # the source's wording, when it adds to the label
    example_pl: Text  # a line that carries the field; the check must recognise it
    example_en: str | None = None
    keywords: list[Text] = []
    patterns: list[Regex] = []


class ExampleLine(Strict):
    field: Id  # a required field id of the same supplier
    label_pl: Text
    value: Text


class ExampleReport(Strict):
    intro_pl: str = ""
    lines: Annotated[list[ExampleLine], Field(min_length=1)]


class Section(Strict):
    title_pl: Text
    text_pl: str = ""
    items_pl: list[Text] = []


class Tickets(Strict):
    acknowledgement_pl: Text
    acknowledged_from: Email | None = None
    number_pl: str = ""
    number_pattern: Regex | None = None
    number_example: str | None = None
    stages: list[Section] = []


class LadderStep(Strict):
    after: Duration | None = None  # None: a standing rule, not a moment (the source's "-")
    channel: Channel
    action_pl: Text  # an imperative, lower case: reads after "Następny krok: po 2 h …"
    allowed: bool = True
    note_pl: str = ""


class SeverityLadder(Strict):
    id: Id  # what data and tests name the level by; ``--severity`` accepts it too
    name_pl: LevelName  # the level's short Polish name, shown wherever an operator reads it
    label_pl: Text  # what the level covers, in the source's words
    steps: Annotated[list[LadderStep], Field(min_length=1)]
    expect: list[Id] = []  # SLA figure ids (with ``max``) whose deadlines run from the report
    note_pl: str = ""


class Supplier(Strict):
    id: Id
    name: Text
    named_in_source: bool = True
    source: Text  # the seed document the entry is built from
    supplies_pl: Text
    summary_pl: Text
    languages: Annotated[list[Literal["pl", "en"]], Field(min_length=1)]
    contacts: list[Contact] = []
    hours: list[Hours] = []
    support_levels: list[SupportLevel] = []
    sla: list[SlaFigure] = []
    sla_terms_pl: list[Text] = []
    reporting_pl: list[Text] = []
    required_fields: Annotated[list[RequiredField], Field(min_length=1)]
    required_fields_note_pl: str = ""
    example_report: ExampleReport | None = None
    tickets: Tickets | None = None
    escalation: Annotated[list[SeverityLadder], Field(min_length=1)]
    escalation_notes: list[Section] = []
    sections: list[Section] = []
    tips: list[Section] = []

    def severity(self, severity_id: str) -> SeverityLadder:
        for ladder in self.escalation:
            if ladder.id == severity_id:
                return ladder
        raise KeyError(severity_id)

    def sla_figure(self, sla_id: str) -> SlaFigure:
        for figure in self.sla:
            if figure.id == sla_id:
                return figure
        raise KeyError(sla_id)

    @property
    def email_addresses(self) -> list[str]:
        """Every e-mail address among the contacts (the ticket system's too)."""
        return [
            c.value.lower()
            for c in self.contacts
            if c.value and re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", c.value, re.IGNORECASE)
        ]


class SuppliersFile(Strict):
    suppliers: list[Supplier]
