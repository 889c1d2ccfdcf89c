"""Where the signature and company footer sit in a message (shared by several rules)."""

from __future__ import annotations

from ..data import DataSet
from .model import Document


def footer_lines(data: DataSet, legal: bool = True) -> list[str]:
    """The footer exactly as templates/partials/signature.j2 prints it, after the sender's name."""
    sig = data.contacts.signature
    company = data.contacts.company
    lines = [
        sig.role,
        sig.division,
        sig.department,
        f"M: {sig.mobile}",
        f"T: {sig.desk}",
        f"e-mail: {sig.helpline}",
        company.name,
        company.address,
    ]
    return lines + list(company.legal) if legal else lines


def footer_start(doc: Document, data: DataSet) -> int | None:
    """Index of the footer's first line (the role line) in the new text, if present."""
    first = footer_lines(data, legal=False)[0]
    for index in doc.body_indexes():
        if doc.lines[index].text.strip() == first:
            return index
    return None


def sender_index(doc: Document, data: DataSet) -> int | None:
    """The line with the sender's name: the last non-empty line above the footer."""
    start = footer_start(doc, data)
    if start is None:
        return None
    for index in range(start - 1, -1, -1):
        if doc.lines[index].zone == "body" and doc.lines[index].text.strip():
            return index
    return None


def footer_indexes(doc: Document, data: DataSet) -> set[int]:
    """Indexes of the sender line, the footer and the legal lines (not prose to spell-check)."""
    start = footer_start(doc, data)
    if start is None:
        return set()
    known = set(footer_lines(data))
    sender = sender_index(doc, data)
    found = {sender} if sender is not None else set()
    for index in doc.body_indexes():
        if index >= start and doc.lines[index].text.strip() in known:
            found.add(index)
    return found
