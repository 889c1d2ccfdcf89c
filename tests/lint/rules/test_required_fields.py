"""required-fields: a report to a supplier carries everything the supplier asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.data import load_data
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context, Document, Finding
from komunikat.lint.ruledoc import rule_doc
from komunikat.lint.rules import required_fields
from komunikat.lint.sourcemap import document_from_template
from komunikat.lint.suppliers import supplier_for
from komunikat.schema.suppliers import Supplier

SIGNATURE = (
    "Jan Kowalski\nIT Operator\nMaintenance Division\nIT and Operations Department\n"
    "M: +48 503 208 168\nT: +48 22 312 1111\ne-mail: helpline@digitalvirgo.pl\n"
    "Digital Virgo S.A.\nul. Inflancka 4, 00-189 Warszawa\n"
)
ROOT = Path(__file__).resolve().parents[3]


def findings(doc: Document, ctx: Context) -> list[Finding]:
    if not required_fields.applies(doc):
        return []
    return list(required_fields.check(doc, required_fields.DEFAULTS, ctx))


def report(supplier: Supplier, lang: str = "pl", leave_out: str | None = None) -> str:
    """A report built from the examples of the supplier's required fields, with the footer."""
    lines = [
        (f.example_en if lang == "en" and f.example_en else f.example_pl)
        for f in supplier.required_fields
        if f.required and f.id != leave_out
    ]
    greeting, closing = (
        ("Hello,", "Kind regards,") if lang == "en" else ("Dzień dobry,", "Z poważaniem,")
    )
    return f"{greeting}\n\n" + "\n".join(lines) + f"\n\n{closing}\n{SIGNATURE}"


def every_required_field() -> list[tuple[str, str, str]]:
    """(supplier, language, field) for every required field of every supplier, from the real data."""
    data = load_data(ROOT)
    return [
        (s.id, lang, f.id)
        for s in data.suppliers.suppliers
        for lang in s.languages
        for f in s.required_fields
        if f.required
    ]


@pytest.mark.parametrize(
    ("supplier_id", "lang"),
    [("unnamed", "pl"), ("daktela", "pl"), ("introserv", "pl"), ("introserv", "en"), ("s4e", "pl")],
)
def test_a_report_with_every_required_field_passes(
    catalog: Catalog, ctx: Context, supplier_id: str, lang: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    doc = document_from_text(report(supplier, lang), lang=lang)
    doc.supplier = supplier_id
    assert findings(doc, ctx) == []


@pytest.mark.parametrize(("supplier_id", "lang", "field_id"), every_required_field())
def test_a_report_missing_one_required_field_is_caught_for_that_field_only(
    catalog: Catalog, ctx: Context, supplier_id: str, lang: str, field_id: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    field = next(f for f in supplier.required_fields if f.id == field_id)
    doc = document_from_text(report(supplier, lang, leave_out=field_id), lang=lang)
    doc.supplier = supplier_id
    found = findings(doc, ctx)
    assert len(found) == 1, [f.message for f in found]
    label = field.label_en if lang == "en" and field.label_en else field.label_pl
    example = field.example_en if lang == "en" and field.example_en else field.example_pl
    assert f"„{label}”" in found[0].message
    assert found[0].suggestions == (example,)
    assert found[0].index == 0  # reported at the greeting
    assert found[0].message.startswith(f"zgłoszenie do {supplier.name} nie zawiera informacji")


@pytest.mark.parametrize(
    ("supplier_id", "missing_line", "says"),
    [
        ("s4e", "Numer seryjny / CommCell ID: …", "Numer seryjny urządzenia / numer CommCell ID"),
        ("s4e", "Dane kontaktowe: …", "Dane kontaktowe osoby zgłaszającej"),
        ("daktela", "URL: twojanazwa.daktela.com", "Adres URL systemu"),
        ("daktela", "Czas: 27.02.2020, 15:55", "Kiedy wystąpił problem"),
    ],
)
def test_the_footer_does_not_stand_in_for_missing_information(
    catalog: Catalog, ctx: Context, supplier_id: str, missing_line: str, says: str
) -> None:
    text = report(catalog.data.supplier(supplier_id)).replace(missing_line + "\n", "")
    doc = document_from_text(text)
    doc.supplier = supplier_id
    assert [says in f.message for f in findings(doc, ctx)] == [True]


@pytest.mark.parametrize(
    ("supplier_id", "lang"),
    [("unnamed", "pl"), ("daktela", "pl"), ("introserv", "pl"), ("introserv", "en"), ("s4e", "pl")],
)
def test_the_supplier_templates_rendered_with_their_samples_pass(
    catalog: Catalog, ctx: Context, supplier_id: str, lang: str
) -> None:
    spec = catalog.get(f"supplier-{supplier_id}-report")
    doc = document_from_template(catalog, spec, lang=lang, operator=None)
    assert required_fields.applies(doc)
    assert findings(doc, ctx) == []


def test_the_daktela_example_report_from_the_source_passes(catalog: Catalog, ctx: Context) -> None:
    example = catalog.data.supplier("daktela").example_report
    assert example is not None
    body = "\n".join(f"{line.label_pl}: {line.value}" for line in example.lines)
    doc = document_from_text(f"Dzień dobry,\n\n{body}\n\nZ poważaniem,\n{SIGNATURE}")
    doc.supplier = "daktela"
    assert findings(doc, ctx) == []


@pytest.mark.parametrize(
    ("recipients", "supplier_id"),
    [
        ("serwis@s4e.pl", "s4e"),
        ("crm@s4e.pl", "s4e"),
        ("Jan Nowak <jan.nowak@s4e.pl>", "s4e"),
        ("daktela@daktela.pl", "daktela"),
        ("SUPPORT@INTROSERV.COM", "introserv"),
        ("noc@mail.introserv.com", "introserv"),
        ("ktos@example.com, serwis@s4e.pl", "s4e"),
        ("ktos@example.com", None),
        ("ktos@nots4e.pl", None),
    ],
)
def test_the_supplier_is_recognised_by_the_recipient_address_or_domain(
    catalog: Catalog, recipients: str, supplier_id: str | None
) -> None:
    doc = document_from_text(f"To: {recipients}\nSubject: Awaria\n\nDzień dobry,\n\ntreść\n")
    found = supplier_for(doc, catalog.data)
    assert (found.id if found else None) == supplier_id


def test_a_message_to_a_supplier_address_is_checked_without_the_supplier_option(
    catalog: Catalog, ctx: Context
) -> None:
    doc = document_from_text(
        "To: serwis@s4e.pl\nSubject: Awaria macierzy\n\nDzień dobry,\n\nmacierz nie działa.\n\n"
        f"Z poważaniem,\n{SIGNATURE}"
    )
    required = [f for f in catalog.data.supplier("s4e").required_fields if f.required]
    assert len(findings(doc, ctx)) == len(required) == 6


def test_a_message_to_nobody_known_is_not_checked(ctx: Context) -> None:
    doc = document_from_text("To: ktos@example.com\nSubject: Pytanie\n\nDzień dobry,\n\ntreść\n")
    assert findings(doc, ctx) == []
    assert not required_fields.applies(document_from_text("Dzień dobry,\n\ntreść\n"))


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Zgłoszenie awarii",
        "Odp: Zgłoszenie awarii",
        "RE: awaria",
        "[#123456] Zgłoszenie awarii",
    ],
)
def test_replies_and_ticket_threads_are_not_reports_and_the_run_says_so(
    catalog: Catalog, ctx: Context, subject: str
) -> None:
    fresh = Context(data=ctx.data, engines=ctx.engines, root=ctx.root)
    doc = document_from_text(
        f"To: serwis@s4e.pl\nSubject: {subject}\n\nDzień dobry,\n\ndziękujemy.\n\n"
        f"Z poważaniem,\n{SIGNATURE}"
    )
    assert findings(doc, fresh) == []
    assert len(fresh.notes) == 1 and "nie sprawdzano" in fresh.notes[0]


def test_an_unknown_supplier_id_is_one_finding_with_a_suggestion(ctx: Context) -> None:
    doc = document_from_text("Dzień dobry,\n\ntreść\n")
    doc.supplier = "s4"
    found = findings(doc, ctx)
    assert len(found) == 1
    assert "nieznany dostawca „s4”. Czy chodziło o „s4e”?" in found[0].message


@pytest.mark.parametrize("text", rule_doc(required_fields).texts("PASS"))
def test_the_rules_pass_examples_pass(ctx: Context, text: str) -> None:
    assert findings(document_from_text(text), ctx) == []


@pytest.mark.parametrize("text", rule_doc(required_fields).texts("FAIL"))
def test_the_rules_fail_examples_fail(ctx: Context, text: str) -> None:
    assert findings(document_from_text(text), ctx) != []
