"""required-fields: a report to a supplier carries every piece of information it asks for.

Each supplier in data/suppliers.yml lists the information a report must
contain (S4E: the device's serial number or CommCell ID, the installation
address, the reporter's contact details …; Daktela: the system's URL, the time
of the problem, the agent …) and the words by which it is recognised. The
rule applies when the message is a report to a supplier: ``--supplier``, a
supplier's template, or a recipient at a supplier's address or e-mail domain.
It reports each missing piece once, at the greeting, with a line to add.
The signature and footer do not count (S4E wants the reporter's own contact
details in the report), nor does quoted mail. Replies (``Re:``, ``Odp:``) and
mail in a ticket's thread (S4E: ``#123456`` in the subject) are not reports
and are not checked; a note says so.

PASS::

    To: serwis@s4e.pl
    Subject: Zgłoszenie awarii macierzy dyskowej

    Dzień dobry,

    Osoba zgłaszająca: Jan Kowalski
    Dane kontaktowe: helpline@digitalvirgo.pl, +48 503 208 168
    Adres instalacji sprzętu: ul. Przykładowa 1, 00-001 Warszawa
    Numer seryjny / CommCell ID: 7X2K9Q1

    Opis problemu: kopie zapasowe kończą się błędem.
    Treść komunikatu i objawy: „Backup job failed”.

    Z poważaniem,
    Jan Kowalski

PASS::

    To: serwis@s4e.pl
    Subject: Re: [#123456] Zgłoszenie awarii

    Dzień dobry,

    potwierdzamy, że urządzenie działa.

    Z poważaniem,
    Jan Kowalski

FAIL::

    To: serwis@s4e.pl
    Subject: Zgłoszenie awarii macierzy dyskowej

    Dzień dobry,

    kopie zapasowe kończą się błędem. Prosimy o pilną naprawę.

    Z poważaniem,
    Jan Kowalski

FAIL::

    To: daktela@daktela.pl
    Subject: Rozłączane połączenia

    Dzień dobry,

    Opis problemu: połączenia przychodzące są rozłączane w trakcie rozmowy.

    Z poważaniem,
    Jan Kowalski
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ..model import Context, Document, Finding
from ..suppliers import UnknownSupplier, checked_text, is_follow_up, missing_fields, supplier_for

ID = "required-fields"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    by_template = doc.template is not None and doc.template.supplier is not None
    return doc.channel == "email" and (
        doc.supplier is not None or by_template or bool(doc.recipients)
    )


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    anchor = next((i for i in doc.body_indexes() if doc.lines[i].text.strip()), None)
    if anchor is None:
        anchor = 0 if doc.lines else None
    if anchor is None:
        return
    shown = doc.lines[anchor].text.strip()[:40]
    try:
        supplier = supplier_for(doc, ctx.data)
    except UnknownSupplier as exc:
        yield Finding(anchor, 0, str(exc), shown)
        return
    if supplier is None:
        return
    if is_follow_up(doc, supplier):
        ctx.notes.append(
            f"{doc.path}: {ID}: odpowiedź w istniejącym zgłoszeniu do {supplier.name} "
            "(Re:/Odp: albo numer zgłoszenia w temacie) – wymaganych informacji nie sprawdzano."
        )
        return
    english = doc.lang == "en"
    for field in missing_fields(supplier, checked_text(doc, ctx.data)):
        label = field.label_en if english and field.label_en else field.label_pl
        example = field.example_en if english and field.example_en else field.example_pl
        yield Finding(
            anchor,
            0,
            f"zgłoszenie do {supplier.name} nie zawiera informacji „{label}”; "
            f"dopisz ją, np. „{example}” (szablon supplier-{supplier.id}-report ma na nią pole)",
            shown,
            (example,),
        )
