"""A message about to be sent (``komunikat check``) as a lint Document."""

from __future__ import annotations

import re

from ..messagefile import ParsedMessage
from ..spec import TemplateSpec
from ..subjects import parse_subject
from .model import Document, Line
from .parts import assign_parts, is_quote_start

SUBJECT_KINDS = {"prace planowane": "maintenance", "awaria": "outage"}


LOOSE_KINDS = (
    (re.compile(r"prace planowane|planned maintenance|maintenance", re.IGNORECASE), "maintenance"),
    (re.compile(r"awaria|outage|failure", re.IGNORECASE), "outage"),
)
LOOSE_PHASE = re.compile(r"-\s*(OPEN|CLOSE|PROLONGATION)\b")


def infer_kind(subject: str | None, body: str) -> tuple[str | None, str | None]:
    """(kind, phase) from a notice subject — even a malformed one — else from the body's shape."""
    parsed = parse_subject(subject or "")
    if parsed:
        for word, kind in SUBJECT_KINDS.items():
            if parsed.pl.lower().startswith(word):
                return kind, parsed.phase
        return "outage", parsed.phase
    phase_match = LOOSE_PHASE.search(subject or "")
    phase = phase_match.group(1) if phase_match else None
    if subject and phase:
        for pattern, kind in LOOSE_KINDS:
            if pattern.search(subject):
                return kind, phase
    lowered = body.lower()
    if lowered.lstrip().startswith("dear customer"):
        return ("maintenance" if "maintenance" in lowered else "outage"), phase
    return None, None


def document_from_message(
    parsed: ParsedMessage,
    *,
    template: TemplateSpec | None = None,
    lang: str | None = None,
    channel: str = "email",
) -> Document:
    lines: list[Line] = []
    if parsed.subject is not None:
        line_no = parsed.header_lines.get("subject", 1) if parsed.header_lines else 0
        lines.append(Line(parsed.subject, "subject", parsed.path, line_no, len("Subject: ") + 1))
    zone = "body"
    for offset, text in enumerate(parsed.body.split("\n")):
        if zone == "body" and is_quote_start(text):
            zone = "quote"
        lines.append(Line(text, zone, parsed.path, parsed.body_line + offset, 1))
    kind, subject_phase = infer_kind(parsed.subject, parsed.body)
    phase = None
    if template is not None:
        kind, phase, channel = template.kind, template.phase, template.channel
    doc = Document(
        path=parsed.path,
        lines=lines,
        subject=parsed.subject,
        kind=kind,
        channel=channel,
        phase=phase,
        subject_phase=subject_phase,
        template=template,
        recipients=parsed.recipients,
        origin="message",
    )
    declared = None
    if template is not None and template.layout == "bilingual":
        declared = list(template.languages)
    assign_parts(doc, declared=declared, forced=lang)
    return doc


def document_from_text(
    text: str,
    path: str = "<przykład>",
    *,
    lang: str | None = None,
    template: TemplateSpec | None = None,
    channel: str = "email",
) -> Document:
    """A Document from message text (headers optional) — used by examples and tests."""
    from ..messagefile import parse_text

    return document_from_message(
        parse_text(text, path), template=template, lang=lang, channel=channel
    )
