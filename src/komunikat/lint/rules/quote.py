"""quote: a CLOSE or PROLONGATION notice quotes the earlier notices of the same HL.

Seed 000 requires it: below the new text stands the OPEN notice — at least
its subject line „… - OPEN [HL-n]” with its body — and the PROLONGATION
notice where the work was prolonged. A quoted notice of another HL number or
a quoted CLOSE is an error too.

PASS::

    Subject: Awaria w Digital Virgo | Digital Virgo outage - CLOSE [HL-123456]

    Dear customer,

    The failure has been resolved.

    ----- Poprzednia wiadomość / Previous message -----
    Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]

    Dear customer,

FAIL::

    Subject: Awaria w Digital Virgo | Digital Virgo outage - CLOSE [HL-123456]

    Dear customer,

    The failure has been resolved.

FAIL::

    Subject: Awaria w Digital Virgo | Digital Virgo outage - CLOSE [HL-123456]

    Szanowni Państwo,

    awaria została usunięta.

    ----- Poprzednia wiadomość / Previous message -----
    Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-654321]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ...subjects import find_notice_subjects, parse_subject
from ..model import Context, Document, Finding

ID = "quote"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    return doc.is_mass_notice


def _phase(doc: Document) -> tuple[str | None, str | None]:
    parsed = parse_subject(doc.subject or "")
    hl = parsed.hl if parsed else None
    return doc.phase or doc.subject_phase, hl


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    phase, hl = _phase(doc)
    if phase not in ("CLOSE", "PROLONGATION"):
        return
    quote_lines = [(i, line) for i, line in doc.indexed("quote")]
    anchor = doc.subject_index() or 0
    if not quote_lines:
        last = doc.body_indexes()[-1] if doc.body_indexes() else anchor
        yield Finding(
            last,
            0,
            f"{phase} musi zawierać pod nową treścią poprzednie zawiadomienie "
            "(OPEN, a po przedłużeniu także PROLONGATION); dołącz je",
            "",
        )
        return
    found_open = False
    for index, line in quote_lines:
        for quoted in find_notice_subjects(line.text):
            if hl and quoted.hl != hl:
                yield Finding(
                    index,
                    0,
                    f"cytowane zawiadomienie dotyczy {quoted.hl}, a ta wiadomość {hl}; "
                    "dołącz zawiadomienie o tym samym numerze",
                    quoted.hl,
                    (hl,),
                )
            elif quoted.phase == "OPEN":
                found_open = True
            elif quoted.phase == "CLOSE":
                yield Finding(
                    index,
                    0,
                    "cytowane jest zawiadomienie CLOSE; cytuj OPEN i ewentualne PROLONGATION",
                    "CLOSE",
                )
    if not found_open:
        yield Finding(
            quote_lines[0][0],
            0,
            f"w cytacie brak zawiadomienia OPEN dla {hl or 'tego numeru HL'} "
            "(wiersz „Subject: … - OPEN [HL-…]” i jego treść)",
            "",
        )
