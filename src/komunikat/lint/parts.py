"""Splitting a message into zones (subject, body, quoted earlier mail) and language parts."""

from __future__ import annotations

import re

from .language import detect
from .model import Document, Part
from .phrases import is_closing

LANGUAGE_SEPARATOR = re.compile(r"^-{3,}\s*$")
QUOTE_STARTS = (
    re.compile(r"^-{3,} ?Poprzednia wiadomość / Previous message ?-{3,}$"),
    re.compile(
        r"^-{2,} ?(Original Message|Wiadomość oryginalna|Oryginalna wiadomość|Forwarded message|"
        r"Wiadomość przekazana dalej) ?-{2,}$",
        re.IGNORECASE,
    ),
    re.compile(r"^(On .+ wrote:|W dniu .+ pisze:|.+ napisał\(a\):)$"),
    re.compile(r"^>"),
)


def is_quote_start(text: str) -> bool:
    stripped = text.strip()
    return any(p.match(stripped) for p in QUOTE_STARTS)


PROSE_LINES = 6


def _prose(doc: Document, start: int, end: int) -> str:
    """The opening lines of a part: its prose, before the closing, the name and the footer."""
    texts: list[str] = []
    for i in range(start, end):
        text = doc.lines[i].text
        if is_closing(text):
            break
        if text.strip():
            texts.append(text)
    return "\n".join(texts[:PROSE_LINES])


def assign_parts(
    doc: Document, declared: list[str] | None = None, forced: str | None = None
) -> None:
    """Fill ``doc.parts`` and each body line's ``lang``.

    ``declared`` gives the languages in order when known (templates);
    ``forced`` (``--lang``) applies one language to every part; otherwise each
    part is detected.
    """
    body = doc.body_indexes()
    if not body:
        doc.parts = []
        return
    runs: list[tuple[int, int]] = []
    start = body[0]
    for index in body:
        if LANGUAGE_SEPARATOR.match(doc.lines[index].text):
            runs.append((start, index))
            start = index + 1
    runs.append((start, body[-1] + 1))
    runs = [(a, b) for a, b in runs if any(doc.lines[i].text.strip() for i in range(a, b))]
    parts: list[Part] = []
    for number, (a, b) in enumerate(runs):
        if forced:
            lang, detected = forced, False
        elif declared and len(declared) == len(runs):
            lang, detected = declared[number], False
        elif declared and len(declared) == 1:
            lang, detected = declared[0], False
        else:
            lang, detected = detect(_prose(doc, a, b)), True
        parts.append(Part(lang=lang, start=a, end=b, detected=detected))
        for i in range(a, b):
            doc.lines[i].lang = lang
    doc.parts = parts
    if len({p.lang for p in parts}) == 1:
        doc.lang = parts[0].lang
