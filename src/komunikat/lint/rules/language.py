"""language: each part is in its language; a mass notice has an English part and a Polish part.

Mass notices (maintenance, outage) go to partners of every language: the
English part comes first, then a line „-----”, then the Polish part, and one
signature. A part in the wrong language, or a missing part, is an error.

In every message and template, a sentence of the other language inside a
part (an English sentence pasted into the Polish text, or the reverse) is an
error: the reader of that part may not understand it. A sentence counts when
it has at least four words, two of them lower-case, and the language
detector is at least 95% sure of the other language; names, roles, pasted
error output and the footer are not sentences.

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

FAIL::

    Subject: Przyjęcie zgłoszenia [HL-123456]

    Dzień dobry,

    zgłoszenie zostało przyjęte. We will contact you as soon as possible.

    Z poważaniem,
    Jan Kowalski
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ..language import foreign_sentences
from ..model import Context, Document, Finding
from ..phrases import is_closing
from ..signature import footer_lines
from ..tokens import is_code_line, output_block

ID = "language"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    return bool(doc.parts) or doc.is_mass_notice


NAMES = {"pl": "polskiej", "en": "angielskiej"}
IN_LANGUAGE = {"pl": "po polsku", "en": "po angielsku"}


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    yield from _foreign_sentences(doc, ctx)
    if doc.is_mass_notice:
        yield from _parts_present(doc)


def _foreign_sentences(doc: Document, ctx: Context) -> Iterator[Finding]:
    footer = set(footer_lines(ctx.data))
    for part in doc.parts:
        if part.lang not in IN_LANGUAGE:
            continue
        indexes = range(part.start, part.end)
        pasted = {indexes[i] for i in output_block([doc.lines[i].text for i in indexes])}
        for index in indexes:
            text = doc.lines[index].text
            if is_closing(text):
                break  # the sender's name and the footer follow
            if index in pasted or text.strip() in footer or is_code_line(text):
                continue
            for column, sentence in foreign_sentences(text, part.lang):
                other = "en" if part.lang == "pl" else "pl"
                yield Finding(
                    index,
                    column,
                    f"zdanie {IN_LANGUAGE[other]} w części {NAMES[part.lang]}: „{sentence}”; "
                    f"przetłumacz je albo przenieś do części {NAMES[other]}",
                    sentence,
                )


def _parts_present(doc: Document) -> Iterator[Finding]:
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
