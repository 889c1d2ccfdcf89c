"""subject: mass notices carry ``<Polish title> | <English title> - <PHASE> [HL-<number>]``.

The titles are those of the notice templates (e.g. „Prace planowane |
Planned maintenance”, „Awaria w Digital Virgo | Digital Virgo outage”), the
phase is OPEN, CLOSE or PROLONGATION and agrees with the body (a notice
saying the failure „została usunięta” is a CLOSE), and the HL number matches
the one in the body. No subject may contain a placeholder or a line break;
an e-mail without a subject is an error. Phone scripts have no subject.

A subject longer than ``max_length`` characters (default 200) is an error:
mail clients show the first 60–80, and the longest real subject is under
80; a subject of a thousand characters is a paste gone wrong. The limit is
an option (``komunikat.yml``: ``subject: {options: {max_length: 150}}``).

PASS::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

    Dear customer,

    We would like to inform you about planned maintenance.

FAIL::

    Subject: Prace planowane   Planned maintenance - OPEN [[HL-xxxxxx]]

    Dear customer,

    We would like to inform you about planned maintenance.

FAIL::

    Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]

    Dear customer,

    The failure has been resolved.

    -----
    Szanowni Państwo,

    awaria została usunięta.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ...patterns import HL_ANYWHERE
from ...problems import Severity
from ...spec import TemplateSpec
from ...subjects import parse_subject
from ..messages import LOOSE_PHASE
from ..model import Context, Document, Finding, SourceFinding
from ..placeholders import find_leftovers

ID = "subject"
LEVEL = Severity.ERROR
KIND = ("message", "source")
OPTIONS: Mapping[str, type] = {"max_length": int}
DEFAULTS: Mapping[str, Any] = {"max_length": 200}  # characters; the longest real one is 79

TITLES = {
    ("Prace planowane", "Planned maintenance"): "maintenance",
    ("Awaria w Digital Virgo", "Digital Virgo outage"): "outage",
    ("Awaria u Operatora", "Operator's outage"): "outage",
}
PHASE_WORDS = {
    "CLOSE": re.compile(
        r"has been (resolved|completed|finished)|had been finished|została usunięta|"
        r"informujemy o zakończeniu prac|zostały zakończone",
        re.IGNORECASE,
    ),
    "PROLONGATION": re.compile(r"will last longer|ulegną przedłużeniu", re.IGNORECASE),
}


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
    limit = int(options.get("max_length", DEFAULTS["max_length"]))
    if len(subject) > limit:
        yield Finding(
            index,
            0,
            f"temat ma {len(subject)} znaków, a może mieć najwyżej {limit}; skróć go "
            "(programy pocztowe pokazują zwykle pierwsze 60–80 znaków)",
        )
    new_text = "\n".join(doc.lines[i].text for i in doc.body_indexes())
    yield from _hl_agrees(index, subject, new_text)
    if not doc.is_mass_notice:
        return
    parsed = parse_subject(subject)
    if parsed is None:
        yield _malformed(doc, index, subject)
        loose = LOOSE_PHASE.search(subject)
        if loose:
            yield from _phase_agrees(doc, index, subject, loose.group(1), new_text)
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
    yield from _phase_agrees(doc, index, subject, parsed.phase, new_text)


def _hl_agrees(index: int, subject: str, new_text: str) -> Iterator[Finding]:
    """Any subject naming an HL number names the one the body names."""
    in_subject = HL_ANYWHERE.search(subject)
    body_numbers = {f"HL-{m.group('n')}" for m in HL_ANYWHERE.finditer(new_text)}
    if not in_subject or not body_numbers:
        return
    hl = in_subject.group(0)
    if hl not in body_numbers:
        yield Finding(
            index,
            in_subject.start(),
            f"numer {hl} w temacie różni się od numeru w treści ({', '.join(sorted(body_numbers))})",
            hl,
            tuple(sorted(body_numbers)),
        )


def _malformed(doc: Document, index: int, subject: str) -> Finding:
    """The shape error, with a suggestion built from what the subject and message say."""
    hint = "„<tytuł polski> | <tytuł angielski> - OPEN|CLOSE|PROLONGATION [HL-<numer>]”"
    hl = HL_ANYWHERE.search(subject)
    loose = LOOSE_PHASE.search(subject)
    new_text = "\n".join(doc.lines[i].text for i in doc.body_indexes())
    said = next((ph for ph, words in PHASE_WORDS.items() if words.search(new_text)), None)
    phase = doc.phase or said or (loose.group(1) if loose else "OPEN")
    titles = [pair for pair, kind in TITLES.items() if kind == doc.kind] or list(TITLES)
    lowered = subject.lower()
    pl, en = next((pair for pair in titles if pair[0].lower() in lowered), titles[0])
    number = hl.group(0) if hl else "HL-<numer>"
    return Finding(
        index,
        0,
        f"temat zawiadomienia musi mieć postać {hint}",
        subject,
        (f"{pl} | {en} - {phase} [{number}]",),
    )


def _phase_agrees(
    doc: Document, index: int, subject: str, named: str, new_text: str
) -> Iterator[Finding]:
    column = max(subject.find(named), 0)
    if doc.phase and named != doc.phase:
        yield Finding(
            index,
            column,
            f"faza w temacie to {named}, a wiadomość to {doc.phase}",
            named,
            (doc.phase,),
        )
        return
    for phase, words in PHASE_WORDS.items():
        if words.search(new_text) and named != phase and not doc.phase:
            yield Finding(
                index,
                column,
                f"treść wskazuje na {phase}, a temat mówi {named}; popraw fazę w temacie",
                named,
                (phase,),
            )
            return


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    lines = text.split("\n")
    for key, source in spec.subject.items():
        if "\n" in source.strip():
            number = next((n for n, line in enumerate(lines, 1) if line.startswith("subject:")), 1)
            yield SourceFinding(
                number, 1, f"temat ({key}) zawiera podział wiersza; zapisz go w jednym wierszu"
            )
