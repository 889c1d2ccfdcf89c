"""DNiU notice policy: what a notice must satisfy beyond well-formed values.

The start must come before the end; a CLOSE or PROLONGATION quotes the OPEN
notice of the same HL (and never a CLOSE); a maintenance CLOSE gives the
planned end of the OPEN it quotes, also after an early finish, or, if the
works were prolonged, the real end, not later than the PROLONGATION's planned
end. (When a notice may go out and whom it copies in: :mod:`komunikat.sending`.)

The policy reads only the variables named in :data:`READS`, by those names;
a template that declares them with these meanings gets the checks. Problems
are :class:`~komunikat.problems.RenderProblem` of kind ``NOTICE`` (``PREVIOUS``
for the quoted notices), with the field they belong to and, where the CLI's
wording names an option, the composer form's own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .patterns import HL_ANYWHERE
from .problems import ProblemKind, RenderProblem
from .spec import TemplateSpec
from .subjects import find_notice_subjects, parse_subject
from .textclean import clean_body
from .values import OperatorValue, ValueProblem, is_blank
from .vartypes import coerce_memo
from .warsaw import LocalTime, TimeError, parse_local

START, END, HL, OPERATOR, SERVICE, SERVICES = (
    "start",
    "end",
    "hl",
    "operator",
    "service",
    "services",
)
READS = (START, END, HL, OPERATOR, SERVICE, SERVICES)

QUOTE_SEPARATOR = "----- Poprzednia wiadomość / Previous message -----"
QUOTING_PHASES = ("CLOSE", "PROLONGATION")
# the end line of a maintenance notice, as the templates write it in either language
END_LINE = re.compile(r"^(?:End date|Czas zakończenia):[ \t]*(?P<value>\S.*?)[ \t]*$", re.MULTILINE)
#: The lines of an OPEN notice a later notice takes its values from, English first
#: (the English line of a time carries its zone, CET or CEST).
FACT_LINES = {
    OPERATOR: ("Operator",),
    START: ("Start date", "Czas rozpoczęcia"),
    SERVICES: ("Services", "Niedostępne usługi"),
}


@dataclass(frozen=True)
class Previous:
    """An earlier notice to quote: its subject (if any) and body."""

    subject: str | None
    body: str
    source: str = ""
    message_id: str | None = None  # of an .eml: the later notice is threaded to it
    references: tuple[str, ...] = ()  # the Message-IDs it was itself threaded to
    sent: str | None = None  # when it was sent or composed, as a person reads it

    def as_text(self) -> str:
        head = f"Subject: {self.subject}\n\n" if self.subject else ""
        return head + self.body.rstrip("\n")


def _notice(message: str, variable: str | None = None) -> RenderProblem:
    return RenderProblem(ProblemKind.NOTICE, message, variable)


def _previous(message: str, form: str | None = None) -> RenderProblem:
    """A problem with the quoted notices; ``form`` is said where the CLI names --previous."""
    return RenderProblem(ProblemKind.PREVIOUS, message, form=form)


def _which(prev: Previous) -> str:
    """The earlier notice named in a message: „poprzednia wiadomość (open.eml)”."""
    return f"poprzednia wiadomość ({prev.source})" if prev.source else "poprzednia wiadomość"


def check_order(values: Mapping[str, Any]) -> list[RenderProblem]:
    """The end after the start; the problem belongs to the end field, where it is fixed."""
    start, end = values.get(START), values.get(END)
    if isinstance(start, LocalTime) and isinstance(end, LocalTime) and end.utc <= start.utc:
        return [
            _notice(
                f"czas zakończenia ({end}) musi być późniejszy niż czas rozpoczęcia ({start})",
                END,
            )
        ]
    return []


def check_previous(
    spec: TemplateSpec,
    values: Mapping[str, Any],
    previous: Sequence[Previous],
    *,
    preview: bool,
) -> tuple[list[Previous], list[RenderProblem]]:
    """The earlier notices to quote under this one, and what is wrong with them."""
    problems: list[RenderProblem] = []
    if spec.phase not in QUOTING_PHASES:
        if previous:
            problems.append(
                _previous(
                    f"szablon {spec.id} nie cytuje poprzednich wiadomości; usuń --previous",
                    "ten szablon nie cytuje poprzednich wiadomości; usuń je z „Poprzednich wiadomości”",
                )
            )
        return [], problems
    if not previous:
        if not preview:
            must = (
                f"{spec.phase} musi zawierać treść poprzedniej wiadomości (OPEN, a jeśli "
                "prace przedłużano, także PROLONGATION); "
            )
            problems.append(
                _previous(
                    must + "podaj ją: --previous PLIK",
                    must + "wybierz ją z listy „Wcześniejsza wiadomość”, wklej albo wczytaj plik",
                )
            )
        return [], problems
    hl = values.get(HL)
    found_open = False
    for prev in previous:
        numbers, phases = _previous_facts(prev)
        if isinstance(hl, str) and numbers and hl not in numbers:
            problems.append(
                _previous(
                    f"{_which(prev)} dotyczy {', '.join(sorted(numbers))}, a ta — {hl}; "
                    "dołącz wiadomość o tym samym numerze HL"
                )
            )
        for phase in phases:
            if phase == "CLOSE":
                problems.append(
                    _previous(f"{_which(prev)} to już CLOSE; cytuj OPEN i ewentualne PROLONGATION")
                )
            if phase == "OPEN":
                found_open = True
    if not found_open:
        lacking = (
            "wśród cytowanych wiadomości brak zawiadomienia OPEN (z tematem „… - OPEN [HL-…]”); "
        )
        problems.append(
            _previous(
                lacking + "dołącz je przez --previous",
                lacking + "wybierz je z listy „Wcześniejsza wiadomość”, wklej albo wczytaj plik",
            )
        )
    problems += _planned_end_agrees(spec, values, previous)
    return list(previous), problems


def _planned_end_agrees(
    spec: TemplateSpec, values: Mapping[str, Any], previous: Sequence[Previous]
) -> list[RenderProblem]:
    """A maintenance CLOSE's end against the planned end of the newest notice it quotes.

    The procedure: the CLOSE gives the planned end, and works that finish early
    are closed just before that time; after a prolongation it gives the real
    end, which a further prolongation would have announced if it were later.
    """
    end = values.get(END)
    if spec.kind != "maintenance" or spec.phase != "CLOSE" or not isinstance(end, LocalTime):
        return []
    planned = _planned_end(previous)
    if planned is None or planned.utc == end.utc:
        return []
    if end.utc < planned.utc and _prolonged(previous):
        return []  # the real end of prolonged works
    if end.utc > planned.utc and _prolonged(previous):
        return [
            _notice(
                f"czas zakończenia ({end}) jest późniejszy niż planowany w cytowanym "
                f"przedłużeniu ({planned}); najpierw wyślij kolejne PROLONGATION z nowym "
                "czasem i zacytuj je w CLOSE",
                END,
            )
        ]
    if end.utc < planned.utc:
        return [
            _notice(
                f"czas zakończenia ({end}) jest wcześniejszy niż planowany w cytowanej "
                f"wiadomości ({planned}); CLOSE podaje planowany czas zakończenia, a gdy prace "
                "skończyły się wcześniej, wysyła się go tuż przed tym czasem",
                END,
            )
        ]
    return [
        _notice(
            f"czas zakończenia ({end}) jest późniejszy niż planowany w cytowanej wiadomości "
            f"({planned}); jeśli prace przedłużono, najpierw wyślij PROLONGATION z nowym czasem "
            "i zacytuj je w CLOSE",
            END,
        )
    ]


def _prolonged(previous: Sequence[Previous]) -> bool:
    """Whether a quoted notice is (or quotes) a PROLONGATION."""
    return any("PROLONGATION" in _previous_facts(prev)[1] for prev in previous)


def _planned_end(previous: Sequence[Previous]) -> LocalTime | None:
    """The end the newest quoted notice gives: the PROLONGATION's, else the OPEN's."""
    planned: LocalTime | None = None
    for prev in previous:
        own_end = _own_end(prev)
        if own_end is not None and (planned is None or "PROLONGATION" in _previous_facts(prev)[1]):
            planned = own_end
    return planned


@lru_cache(maxsize=256)
def _own_end(prev: Previous) -> LocalTime | None:
    """The end time an earlier notice gives for itself (the first end line, above its quotes)."""
    found = END_LINE.search(prev.body)
    if found is None:
        return None
    try:
        return parse_local(found.group("value"))
    except TimeError:
        return None


def inherit(
    spec: TemplateSpec, raw: Mapping[str, Any], previous: Sequence[Previous]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Values a CLOSE or PROLONGATION takes from the OPEN it quotes.

    Returns the raw values with the blanks filled in from the quoted OPEN
    (HL, operator, start, services; a maintenance CLOSE also takes the OPEN's
    planned end, but not after a prolongation, where the real end is asked for:
    see :func:`_planned_end_agrees`), and what the OPEN says for the values
    that were given, to compare once they are typed (:func:`contradictions`).
    """
    filled = dict(raw)
    quoted: dict[str, str] = {}
    if spec.phase not in QUOTING_PHASES or not previous:
        return filled, quoted
    facts = dict(open_facts(tuple(previous)))
    if spec.kind == "maintenance" and spec.phase == "CLOSE" and not _prolonged(previous):
        planned = _planned_end(previous)
        if planned is not None:
            facts[END] = str(planned)
    for name, value in facts.items():
        if name not in spec.variable_names:
            continue
        if is_blank(raw.get(name)):
            filled[name] = value
        elif name != END:  # a different end is explained by _planned_end_agrees
            quoted[name] = value
    return filled, quoted


def contradictions(
    spec: TemplateSpec,
    values: Mapping[str, Any],
    quoted: Mapping[str, str],
    context: Mapping[str, Any],
    *,
    said_by: str = "OPEN",
) -> list[RenderProblem]:
    """A given value that differs from the quoted notice (``said_by``: its phase) names both."""
    problems: list[RenderProblem] = []
    for name, text in quoted.items():
        var = spec.variable(name)
        given = values.get(name)
        try:
            said = coerce_memo(var, text, context)
        except ValueProblem:
            continue  # the quoted notice says something this template cannot read
        if given is None or _same(given, said):
            continue
        problems.append(
            RenderProblem(
                ProblemKind.NOTICE,
                f"„{var.label}”: {_shown(given)} różni się od cytowanej wiadomości {said_by} "
                f"({_shown(said)}); popraw wartość albo zacytuj właściwą wiadomość",
                name,
            )
        )
    return problems


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, LocalTime) and isinstance(b, LocalTime):
        return a.utc == b.utc
    return _shown(a) == _shown(b)


def _shown(value: Any) -> str:
    if isinstance(value, OperatorValue):
        return value.code
    if isinstance(value, LocalTime):
        return str(value)
    items = getattr(value, "items", None)
    if isinstance(items, tuple):
        return ", ".join(item.pl for item in items)
    return str(value)


@lru_cache(maxsize=64)
def open_facts(previous: tuple[Previous, ...]) -> tuple[tuple[str, str], ...]:
    """(name, text) the quoted OPEN gives: its HL and its fact lines, above its own quotes."""
    prev = open_notice(previous)
    if prev is not None:
        numbers = _previous_facts(prev)[0]
        own = prev.body.split(QUOTE_SEPARATOR, 1)[0]
        facts: list[tuple[str, str]] = []
        head = parse_subject(prev.subject or "")
        if head is not None:
            facts.append((HL, head.hl))
        elif len(numbers) == 1:
            facts.append((HL, next(iter(numbers))))
        for name, labels in FACT_LINES.items():
            for label in labels:
                found = re.search(rf"^{re.escape(label)}:[ \t]*(\S.*?)[ \t]*$", own, re.MULTILINE)
                if found:
                    facts.append((name, found.group(1)))
                    break
        return tuple(facts)
    return ()


def open_notice(previous: Sequence[Previous]) -> Previous | None:
    """The quoted notice the later one takes its values from: the first that is (or quotes) an OPEN."""
    for prev in previous:
        if "OPEN" in _previous_facts(prev)[1]:
            return prev
    return None


def source_phase(previous: Sequence[Previous]) -> str:
    """The phase of the notice :func:`open_facts` reads: OPEN, or the PROLONGATION quoting it."""
    prev = open_notice(previous)
    head = parse_subject(prev.subject or "") if prev is not None else None
    return head.phase if head is not None and head.phase in ("OPEN", "PROLONGATION") else "OPEN"


@lru_cache(maxsize=64)
def quoted_block(quoted: tuple[Previous, ...]) -> str:
    """The earlier notices as quoted under a message, cleaned (memoised like the facts)."""
    return clean_body("\n\n".join(f"{QUOTE_SEPARATOR}\n{p.as_text()}" for p in quoted))


@lru_cache(maxsize=256)
def _previous_facts(prev: Previous) -> tuple[frozenset[str], tuple[str, ...]]:
    """The HL numbers an earlier notice names and the phases of its notice subjects.

    Memoised: the composer re-renders on every keystroke with the same earlier notices.
    """
    text = prev.as_text()
    numbers = frozenset(f"HL-{m.group('n')}" for m in HL_ANYWHERE.finditer(text))
    subjects = find_notice_subjects(text)
    head = parse_subject(prev.subject or "")
    if head:
        subjects.append(head)
    return numbers, tuple(subject.phase for subject in subjects)
