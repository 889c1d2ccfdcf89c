"""Which stretches of a document are prose to spell- and grammar-check, and in which language.

Not prose: the quoted earlier mails, the sender line with the footer
(:func:`komunikat.lint.signature.footer_indexes`), the language separator,
lines of commands and their output, and what is pasted after an output label
(:mod:`komunikat.lint.tokens`). A notice subject ``<PL> | <EN> - PHASE [HL-n]``
gives two stretches, Polish and English; any other subject takes the language
of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import DataSet
from ..subjects import SUBJECT
from .model import Document
from .parts import LANGUAGE_SEPARATOR
from .signature import footer_indexes
from .tokens import is_code_line, output_block


@dataclass(frozen=True)
class Segment:
    index: int  # document line index
    start: int  # offset of ``text`` within that line's text
    text: str
    lang: str | None  # pl | en | None when the language is not known
    part: int | None  # index into doc.parts; None for the subject


def subject_segments(doc: Document, index: int) -> list[Segment]:
    text = doc.lines[index].text
    match = SUBJECT.match(text.strip())
    if match:
        offset = len(text) - len(text.lstrip())
        return [
            Segment(index, offset + match.start(lang), match.group(lang), lang, None)
            for lang in ("pl", "en")
        ]
    return [Segment(index, 0, text, document_language(doc), None)]


def document_language(doc: Document) -> str | None:
    if doc.lang:
        return doc.lang
    languages = {part.lang for part in doc.parts}
    return languages.pop() if len(languages) == 1 else None


def skipped_body_lines(doc: Document, data: DataSet) -> set[int]:
    """Body line indexes that are not prose: footer, separator, code and pasted output."""
    texts = [line.text for line in doc.lines]
    skipped = footer_indexes(doc, data) | output_block(texts)
    for index in doc.body_indexes():
        text = texts[index]
        if LANGUAGE_SEPARATOR.match(text) or is_code_line(text):
            skipped.add(index)
    return skipped


def prose_segments(doc: Document, data: DataSet) -> list[Segment]:
    """Every prose stretch of the subject and the body, in document order."""
    segments: list[Segment] = []
    subject = doc.subject_index()
    if subject is not None:
        segments += subject_segments(doc, subject)
    skipped = skipped_body_lines(doc, data)
    part_of = {i: n for n, part in enumerate(doc.parts) for i in range(part.start, part.end)}
    for index in doc.body_indexes():
        line = doc.lines[index]
        if index in skipped or not line.text.strip():
            continue
        segments.append(Segment(index, 0, line.text, line.lang, part_of.get(index)))
    return segments
