"""Which supplier a message goes to, and which of its required information the message lacks.

The supplier comes from ``--supplier`` (``doc.supplier``), else from the
template the message was made from, else from a recipient address: one of the
supplier's contact addresses, or any address in the same e-mail domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..data import DataSet
from ..schema.suppliers import RequiredField, Supplier
from .model import Document
from .signature import footer_indexes

REPLY_PREFIX = re.compile(r"^\s*(re|odp|aw|sv)\s*:", re.IGNORECASE)


class UnknownSupplier(ValueError):
    """A supplier id that is not in data/suppliers.yml; the message names the valid ones."""


def supplier_for(doc: Document, data: DataSet) -> Supplier | None:
    """The supplier the message is a report to, or None when it goes to none."""
    chosen = doc.supplier or (doc.template.supplier if doc.template is not None else None)
    if chosen:
        return _by_id(data, chosen)
    for address in doc.recipients:
        found = supplier_for_address(address, data.suppliers.suppliers)
        if found is not None:
            return found
    return None


def supplier_for_address(address: str, suppliers: Iterable[Supplier]) -> Supplier | None:
    """The supplier owning the address, or its e-mail domain (subdomains included)."""
    address = address.strip().lower()
    domain = address.rpartition("@")[2]
    pool = list(suppliers)
    for supplier in pool:
        if address in supplier.email_addresses:
            return supplier
    for supplier in pool:
        for own in supplier_domains(supplier):
            if domain == own or domain.endswith("." + own):
                return supplier
    return None


def supplier_domains(supplier: Supplier) -> list[str]:
    domains: list[str] = []
    for address in supplier.email_addresses:
        domain = address.rpartition("@")[2]
        if domain not in domains:
            domains.append(domain)
    return domains


def is_follow_up(doc: Document, supplier: Supplier) -> bool:
    """A reply, or a message in a ticket's thread: the report itself was sent before."""
    subject = doc.subject or ""
    if REPLY_PREFIX.match(subject):
        return True
    tickets = supplier.tickets
    return bool(tickets and tickets.number_pattern and re.search(tickets.number_pattern, subject))


def checked_text(doc: Document, data: DataSet) -> str:
    """The subject and the new body text: no quoted mail, no signature or footer."""
    skip = footer_indexes(doc, data)
    lines = [
        line.text
        for index, line in enumerate(doc.lines)
        if line.zone in ("subject", "body") and index not in skip
    ]
    return "\n".join(lines)


def field_present(field: RequiredField, text: str) -> bool:
    for keyword in field.keywords:
        if re.search(r"(?<!\w)" + re.escape(keyword), text, re.IGNORECASE):
            return True
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in field.patterns)


def missing_fields(supplier: Supplier, text: str) -> list[RequiredField]:
    """The required fields (``required: true``) the text does not carry, in data order."""
    return [f for f in supplier.required_fields if f.required and not field_present(f, text)]


def _by_id(data: DataSet, supplier_id: str) -> Supplier:
    try:
        return data.supplier(supplier_id)
    except KeyError as exc:
        raise UnknownSupplier(exc.args[0]) from None
