"""language: a mass notice has an English part and a Polish part.

Mass notices (maintenance, outage) go to partners of every language: the
English part comes first, then a line „-----”, then the Polish part, and one
signature. A part in the wrong language, or a missing part, is an error.

PASS::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

    Dear customer,

    We would like to inform you about planned maintenance.

    Regards,

    -----
    Szanowni Państwo,

    uprzejmie informujemy o pracach planowanych.

    Z poważaniem,
    Jan Kowalski

FAIL::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

    Szanowni Państwo,

    uprzejmie informujemy o pracach planowanych, które będą prowadzone przez Digital Virgo.

    Z poważaniem,
    Jan Kowalski
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ..model import Context, Document, Finding

ID = "language"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    return doc.is_mass_notice


NAMES = {"pl": "polskiej", "en": "angielskiej"}


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    langs = [p.lang for p in doc.parts]
    first = doc.parts[0].start if doc.parts else (doc.body_indexes() or [0])[0]
    for lang in ("en", "pl"):
        if lang not in langs:
            yield Finding(
                first,
                0,
                f"zawiadomienie masowe musi mieć część w wersji {NAMES[lang]} "
                "(najpierw angielska, potem „-----” i polska)",
            )
    if langs[:2] == ["pl", "en"]:
        yield Finding(first, 0, "część angielska ma być pierwsza, polska po linii „-----”")
