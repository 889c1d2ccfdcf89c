"""Facts for the hand-written pages, read from data/ and the templates' front matter.

A procedure page never types a subject line, a phone number, an address, a
CRM id or a lead time: it calls a macro (``hooks/macros.py``) that asks this
module, so the page changes when the data does. Every value reaches the page
as text (:func:`~komunikat.site.markdown.inline`): a value cannot add
Markdown or HTML. An unknown template, contact, operator or field raises
:class:`UnknownName`, with the names there are and a did-you-mean.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..catalog import Catalog
from ..i18n import count
from ..spec import TemplateSpec
from ..suggest import did_you_mean
from .markdown import code, inline


class UnknownName(Exception):
    """A macro argument that names nothing; ``argument`` is the text the page wrote."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message)
        self.argument = argument
        self.message = message


def pick(name: str, known: Iterable[str], what: str, where: str = "", listing: str = "") -> str:
    """``name`` if it is one of ``known``, else UnknownName with a did-you-mean and the list."""
    names = list(known)
    if name in names:
        return name
    hint = did_you_mean(name, names)
    listing = listing or f"Do wyboru: {', '.join(names)}"
    raise UnknownName(name, f"nie ma {what} „{name}”{where}.{hint} {listing}")


def template(catalog: Catalog, template_id: str) -> TemplateSpec:
    listing = "Lista: strona „Szablony” albo polecenie komunikat list"
    return catalog.get(pick(template_id, catalog.templates, "szablonu", listing=listing))


def subject(catalog: Catalog, template_id: str, lang: str | None = None) -> str:
    """The subject line as inline code, the fields still to fill in marked ⟦…⟧.

    Rendered through the one renderer with no values (a preview), so the page
    shows exactly what the template writes and the composer marks the same way.
    """
    spec = template(catalog, template_id)
    if not spec.subject:
        raise UnknownName(template_id, f"szablon {template_id} nie ma tematu (subject)")
    if lang is not None:
        pick(lang, spec.languages, "wersji językowej", f" w szablonie {template_id}")
    message = catalog.render(spec, {}, lang=lang, preview=True)
    return code(message.subject or "")


def lead_time(catalog: Catalog, template_id: str) -> str:
    """„3 pełne dni”: how long before the works the notice must go out."""
    spec = template(catalog, template_id)
    if spec.lead_time_days is None:
        raise UnknownName(
            template_id, f"szablon {template_id} nie ma wyprzedzenia (lead_time_days)"
        )
    return inline(count("%(n)d full day", "%(n)d full days", spec.lead_time_days))


def _fields(entry: Any) -> dict[str, Any]:
    """A data entry's fields by the name the schema gives them (``role_pl`` is ``role``)."""
    values = entry.model_dump()
    if "role_pl" in values:
        values["role"] = values.pop("role_pl")
    return {k: v for k, v in values.items() if k != "id" and isinstance(v, str)}


def contacts(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every contact of data/contacts.yml by key: ``signature``, ``company``, each id."""
    data = catalog.data.contacts
    found = {"signature": _fields(data.signature), "company": _fields(data.company)}
    for entry in (*data.internal, *data.people):
        found[entry.id] = _fields(entry)
    return found


def contact(catalog: Catalog, key: str, field: str) -> str:
    """One field of a contact: ``contact('signature', 'mobile')`` → „+48 503 208 168”."""
    known = contacts(catalog)
    entry = known[pick(key, known, "kontaktu")]
    return inline(entry[pick(field, entry, "pola", f" w kontakcie „{key}”")])


OPERATOR_FIELDS = ("name", "code", "summary", "crm", "crm_title", "email")


def operator(catalog: Catalog, key: str, field: str, role: str = "technical") -> str:
    """One fact of an operator (code or slug): its name, or a CRM contact's id, title, address.

    The contact is the first of ``role``: technical, business, technical-business,
    or cc (the first contact of the operator's CC rules).
    """
    every = catalog.data.operators.operators
    by_key = {op.slug: op for op in every} | {op.code.lower(): op for op in every}
    op = by_key.get(key.lower()) or by_key[pick(key, [o.slug for o in every], "operatora")]
    pick(field, OPERATOR_FIELDS, "pola operatora")
    if field in ("name", "code", "summary"):
        return inline(getattr(op, field))
    by_role: dict[str, Any] = {}
    for entry in (*op.contacts, *(c for rule in op.cc_rules for c in rule.contacts)):
        by_role.setdefault(entry.role, entry)
    found = by_role[pick(role, by_role, "roli kontaktu", f" w CRM operatora {op.name}")]
    value = {"crm": found.crm, "crm_title": found.title, "email": found.email}[field]
    if value is None:
        raise UnknownName(field, f"kontakt {found.crm} operatora {op.name} nie ma adresu e-mail")
    return inline(value)


def required_cc(catalog: Catalog) -> str:
    """Who goes in DW of mail to an operator: our business contact, then each CC rule."""
    data = catalog.data
    lines = []
    for c in data.contacts.internal:
        if c.cc_on == "operator-mail":
            initials = f" ({inline(c.initials)})" if c.initials else ""
            lines.append(
                f"- **{inline(c.name)}{initials}** ({inline(c.role_pl)}) – "
                "w każdej wiadomości do polskiego operatora;"
            )
    for op in data.operators.operators:
        for rule in op.cc_rules:
            names = ", ".join(f"**{inline(c.crm)} {inline(c.title)}**" for c in rule.contacts)
            lines.append(f"- {names} – {inline(op.name)}: {inline(rule.when_pl)};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)
