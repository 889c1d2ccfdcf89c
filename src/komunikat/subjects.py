"""The subject line of mass notices: ``<PL title> | <EN title> - <PHASE> [HL-<n>]``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import HL_DIGITS

SUBJECT = re.compile(
    r"^(?P<pl>[^|\[\]]+?) \| (?P<en>[^|\[\]]+?) - (?P<phase>OPEN|CLOSE|PROLONGATION) "
    rf"\[(?P<hl>HL-{HL_DIGITS})\]$"
)


@dataclass(frozen=True)
class NoticeSubject:
    pl: str
    en: str
    phase: str
    hl: str


def parse_subject(subject: str) -> NoticeSubject | None:
    match = SUBJECT.match(subject.strip())
    if not match:
        return None
    return NoticeSubject(**match.groupdict())


def find_notice_subjects(text: str) -> list[NoticeSubject]:
    """Every notice subject quoted in a text (``Subject:`` or ``Temat:`` lines)."""
    found = []
    for line in text.split("\n"):
        stripped = line.lstrip("> ").strip()
        for prefix in ("Subject:", "Temat:"):
            if stripped.startswith(prefix):
                parsed = parse_subject(stripped[len(prefix) :])
                if parsed:
                    found.append(parsed)
    return found
