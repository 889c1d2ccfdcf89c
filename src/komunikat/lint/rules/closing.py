"""closing: a courtesy closing stands right before the signature.

Polish: „Z poważaniem”, „Pozdrawiam”, „Z wyrazami szacunku”; English: "Kind
regards", "Best regards", "Regards", "Yours sincerely", "Yours faithfully"
(seed 000, „Zakończenie i stopka”). Every language part of a bilingual notice
ends with its own closing; the signature follows the last one. Phone scripts
are not checked.

PASS::

    Dzień dobry,

    zgłoszenie zostało przyjęte.

    Z poważaniem,
    Jan Kowalski

PASS::

    Hello,

    Your request has been registered.

    Kind regards,
    Jan Kowalski

FAIL::

    Dzień dobry,

    zgłoszenie zostało przyjęte.
    Jan Kowalski

FAIL::

    Hello,

    Your request has been registered.

    Z poważaniem,
    Jan Kowalski
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ..model import Context, Document, Finding
from ..phrases import CLOSINGS, close_match, is_closing
from ..signature import sender_index

ID = "closing"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

SUGGEST = {"pl": ("Z poważaniem,",), "en": ("Kind regards,",)}
KNOWN = {
    "pl": ("Z poważaniem,", "Pozdrawiam,", "Z wyrazami szacunku,"),
    "en": ("Kind regards,", "Best regards,", "Regards,", "Yours sincerely,", "Yours faithfully,"),
}


def applies(doc: Document) -> bool:
    return doc.channel == "email"


def _last_text(doc: Document, start: int, end: int) -> int | None:
    for index in range(end - 1, start - 1, -1):
        if doc.lines[index].text.strip():
            return index
    return None


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    sender = sender_index(doc, ctx.data)
    for number, part in enumerate(doc.parts):
        lang = part.lang or "pl"
        last_part = number == len(doc.parts) - 1
        end = part.end
        if last_part:
            # the closing is the line before the sender's name (the line before the footer)
            end = sender if sender is not None else _sender_line(doc, part.start, part.end)
        if last_part and sender is not None and is_closing(doc.lines[sender].text):
            continue  # the name under the closing is missing: the footer rule says so
        index = _last_text(doc, part.start, end) if end is not None else None
        if index is None:
            continue
        text = doc.lines[index].text.strip()
        if CLOSINGS[lang].match(text):
            continue
        other = CLOSINGS["en" if lang == "pl" else "pl"]
        if other.match(text):
            yield Finding(
                index,
                0,
                f"zwrot grzecznościowy w innym języku niż ta część ({lang}); użyj „{SUGGEST[lang][0]}”",
                text,
                SUGGEST[lang],
            )
            continue
        close = close_match(text, KNOWN[lang])
        if close:
            yield Finding(
                index,
                0,
                f"zwrot grzecznościowy z błędem: „{text}” — czy chodziło o „{close}”?",
                text,
                (close,),
            )
            continue
        yield Finding(
            index,
            0,
            f"brak zwrotu grzecznościowego przed podpisem; dodaj np. „{SUGGEST[lang][0]}”",
            text[:40],
            SUGGEST[lang],
        )


def _sender_line(doc: Document, start: int, end: int) -> int | None:
    """Without a footer, the last non-empty line is taken as the sender's name."""
    last = _last_text(doc, start, end)
    return last
