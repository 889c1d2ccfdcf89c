"""subject: mass notices carry ``<Polish title> | <English title> - <PHASE> [HL-<number>]``.

The titles are those of the notice templates (e.g. „Prace planowane |
Planned maintenance”, „Awaria w Digital Virgo | Digital Virgo outage”), the
phase is OPEN, CLOSE or PROLONGATION and agrees with the body (a notice
saying the failure „została usunięta” is a CLOSE), and the HL number matches
the one in the body. No subject may contain a placeholder or a line break;
an e-mail without a subject is an error. Phone scripts have no subject.

PASS::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

FAIL::

    Subject: Prace planowane   Planned maintenance - OPEN [[HL-xxxxxx]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ...spec import TemplateSpec
from ...subjects import HL_ANYWHERE, parse_subject
from ..model import Context, Document, Finding, SourceFinding
from ..placeholders import find_leftovers

ID = "subject"
LEVEL = Severity.ERROR
KIND = "message"
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

TITLES = {
    ("Prace planowane", "Planned maintenance"): "maintenance",
    ("Awaria w Digital Virgo", "Digital Virgo outage"): "outage",
    ("Awaria u operatora", "Operator outage"): "outage",
}
PHASE_WORDS = {
    "CLOSE": re.compile(
        r"has been (resolved|completed|finished)|had been finished|została usunięta|"
        r"informujemy o zakończeniu prac|zostały zakończone",
        re.IGNORECASE,
    ),
    "PROLONGATION": re.compile(r"will last longer|ulegną przedłużeniu", re.IGNORECASE),
}
_GOOD = "Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]\n\nDear customer,\n\nWe would like to inform you about planned maintenance.\n"
PASS = [_GOOD]
FAIL = [
    "Subject: Prace planowane   Planned maintenance - OPEN [[HL-xxxxxx]]\n\nDear customer,\n\nWe would like to inform you about planned maintenance.\n",
    "Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]\n\nDear customer,\n\nThe failure has been resolved.\n\n-----\nSzanowni Państwo,\n\nawaria została usunięta.\n",
]


def applies(doc: Document) -> bool:
    return doc.channel == "email"


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    index = doc.subject_index()
    if index is None:
        if doc.origin == "template" or doc.is_mass_notice:
            first = doc.body_indexes()[0] if doc.body_indexes() else 0
            yield Finding(first, 0, "wiadomość nie ma tematu; dodaj wiersz „Subject: …”")
        return
    subject = doc.lines[index].text
    for column, text, what in find_leftovers(subject):
        yield Finding(
            index, column, f"temat zawiera {what}: „{text}”; wpisz właściwą wartość", text
        )
    if "\n" in subject or "\r" in subject:
        yield Finding(index, 0, "temat zawiera podział wiersza; temat musi być jednym wierszem")
    if not doc.is_mass_notice:
        return
    parsed = parse_subject(subject)
    if parsed is None:
        hint = "„<tytuł polski> | <tytuł angielski> - OPEN|CLOSE|PROLONGATION [HL-<numer>]”"
        yield Finding(
            index,
            0,
            f"temat zawiadomienia musi mieć postać {hint}",
            subject,
            ("Prace planowane | Planned maintenance - OPEN [HL-123456]",),
        )
        return
    if (parsed.pl, parsed.en) not in TITLES:
        known = [f"{pl} | {en}" for pl, en in TITLES]
        yield Finding(
            index,
            0,
            f"nieznany tytuł zawiadomienia „{parsed.pl} | {parsed.en}”; "
            f"użyj jednego z: {'; '.join(known)}",
            f"{parsed.pl} | {parsed.en}",
            tuple(known),
        )
    elif doc.kind in ("maintenance", "outage") and TITLES[(parsed.pl, parsed.en)] != doc.kind:
        yield Finding(
            index,
            0,
            f"tytuł „{parsed.pl}” nie pasuje do rodzaju wiadomości ({doc.kind})",
            parsed.pl,
        )
    if doc.phase and parsed.phase != doc.phase:
        column = subject.find(parsed.phase)
        yield Finding(
            index,
            column,
            f"faza w temacie to {parsed.phase}, a wiadomość to {doc.phase}",
            parsed.phase,
            (doc.phase,),
        )
    new_text = "\n".join(doc.lines[i].text for i in doc.body_indexes())
    for phase, words in PHASE_WORDS.items():
        if words.search(new_text) and parsed.phase != phase and not doc.phase:
            column = subject.find(parsed.phase)
            yield Finding(
                index,
                column,
                f"treść wskazuje na {phase}, a temat mówi {parsed.phase}; popraw fazę w temacie",
                parsed.phase,
                (phase,),
            )
            break
    body_numbers = {f"HL-{m.group('n')}" for m in HL_ANYWHERE.finditer(new_text)}
    if body_numbers and parsed.hl not in body_numbers:
        column = subject.find(parsed.hl)
        yield Finding(
            index,
            column,
            f"numer {parsed.hl} w temacie różni się od numeru w treści "
            f"({', '.join(sorted(body_numbers))})",
            parsed.hl,
        )


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    lines = text.split("\n")
    for key, source in spec.subject.items():
        if "\n" in source.strip():
            number = next((n for n, line in enumerate(lines, 1) if line.startswith("subject:")), 1)
            yield SourceFinding(
                number, 1, f"temat ({key}) zawiera podział wiersza; zapisz go w jednym wierszu"
            )
