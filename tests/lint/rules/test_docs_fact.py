"""docs-fact: a docs page that spells out a subject, phone, address, name or CRM id is a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.lint.config import load_config
from komunikat.lint.rules import docs_fact
from komunikat.lint.runner import lint_templates

ROOT = Path(__file__).resolve().parents[3]


def _found(text: str, catalog: Catalog) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.text, f.message) for f in docs_fact.check_page(text, catalog)]


@pytest.mark.parametrize(
    ("page", "text", "macro"),
    [
        (
            "| Tytuł maila | `Awaria u Operatora | Operator's outage - CLOSE [HL-<numer>]` |",
            "Awaria u Operatora | Operator's outage - CLOSE [HL-<numer>]",
            "{{ subject('operator-outage-close') }}",
        ),
        (
            "Temat: Awaria w Digital Virgo \\| Digital Virgo outage - OPEN [HL-123456].",
            "Awaria w Digital Virgo \\| Digital Virgo outage - OPEN [HL-123456]",
            "{{ subject('dv-outage-open') }}",
        ),
        (
            "Tytuł: Przyjęcie zgłoszenia [HL-1234].",
            "Przyjęcie zgłoszenia [HL-1234]",
            "{{ subject('ticket-accepted', 'pl') }}",
        ),
        (
            "Wyślij najpóźniej 3  pełne dni przed pracami.",
            "3  pełne dni",
            "{{ lead_time('dv-maintenance-open') }}",
        ),
        ("Dzwoń: 503-208-168.", "503-208-168", "{{ contact('signature', 'mobile') }}"),
        ("Dzwoń: 0048 22 312 11 11.", "0048 22 312 11 11", "{{ contact('signature', 'desk') }}"),
        (
            "Pisz: <helpline@digitalvirgo.pl>",
            "helpline@digitalvirgo.pl",
            "{{ contact('signature', 'helpline') }}",
        ),
        (
            "W DW: Katarzyna  Wczyrsa.",
            "Katarzyna  Wczyrsa",
            "{{ contact('business-contact', 'name') }}",
        ),
        (
            "T-Mobile: CRM-2534.",
            "CRM-2534",
            "{{ operator('t-mobile', 'crm', 'technical-business') }}",
        ),
        ("Funskan: CRM-2503.", "CRM-2503", "{{ operator('plus', 'crm', 'cc') }}"),
    ],
)
def test_a_spelled_out_fact_is_reported_with_the_macro_to_write(
    catalog: Catalog, page: str, text: str, macro: str
) -> None:
    ((line, column, found, message),) = _found(f"# Strona\n\n{page}\n", catalog)
    assert (line, column, found) == (3, page.index(text) + 1, text)
    assert message.endswith(f"— użyj {macro}")


def test_templates_that_share_a_subject_are_one_finding_naming_both(catalog: Catalog) -> None:
    ((_, _, _, message),) = _found("`Prace planowane | Planned maintenance - OPEN [HL-1]`", catalog)
    assert (
        "{{ subject('dv-maintenance-open') }} lub {{ subject('operator-maintenance-open') }}"
        in message
    )


@pytest.mark.parametrize(
    "page",
    [
        "```text\nSubject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]\n```",
        "~~~~\nCRM-744\n~~~~",
        "    ```\n    +48 503 208 168\n    ```",
        "---\ndescription: helpline@digitalvirgo.pl\n---\n# T",
        "Zadzwoń: {{ contact('signature', 'mobile') }}, CRM {{ operator('orange', 'crm') }}.",
        "Kontakt w CRM-7440 albo CRM-74; telefon 503 208 1689; helpline@digitalvirgo.pl.example",
        "[Przyjęcie zgłoszenia](../szablony/ticket-accepted.md)",  # a link to the template is no subject
        "Temat zgłoszenia zależy od pola {{ '{{ summary }}' }}.",
    ],
)
def test_code_macro_calls_front_matter_and_look_alikes_are_not_findings(
    catalog: Catalog, page: str
) -> None:
    assert _found(page, catalog) == []


def test_every_fact_of_the_data_is_known_to_the_rule(catalog: Catalog) -> None:
    data = catalog.data
    sig = data.contacts.signature
    page = "\n".join(
        [sig.mobile, sig.desk, sig.helpline]
        + [c.name for c in (*data.contacts.internal, *data.contacts.people)]
        + [
            c.crm
            for op in data.operators.operators
            for c in (*op.contacts, *(c for r in op.cc_rules for c in r.contacts))
        ]
    )
    found = {f.line for f in docs_fact.check_page(page, catalog)}
    assert found == set(range(1, page.count("\n") + 2))


def test_the_lint_checks_the_docs_pages_and_the_real_pages_spell_out_no_fact(
    project_copy: Path,
) -> None:
    rules = [r for r in load_config(ROOT) if r.id == "docs-fact"]
    assert lint_templates(ROOT, rules).findings == []
    (project_copy / "docs").mkdir()
    (project_copy / "docs" / "strona.md").write_text("# T\n\nDzwoń: +48 503 208 168\n", "utf-8")
    (problem,) = lint_templates(project_copy, rules).findings
    assert problem.format().startswith(
        "docs/strona.md:3:8: error: telefon komórkowy z data/contacts.yml"
    )
