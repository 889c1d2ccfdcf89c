"""data/suppliers.yml: every fact reaches its page, every supplier has its template, bad data is located."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.cli import main
from komunikat.durations import to_timedelta
from komunikat.escalation import CHANNEL_NAMES
from komunikat.schema.suppliers import Supplier
from komunikat.site.markdown import cell
from komunikat.site.supplier_pages import duration_text, supplier_page

ROOT = Path(__file__).resolve().parents[1]


def suppliers(catalog: Catalog) -> list[Supplier]:
    return list(catalog.data.suppliers.suppliers)


SUPPLIER_IDS = ["unnamed", "daktela", "introserv", "s4e"]


def test_the_four_seed_suppliers_are_in_the_data(catalog: Catalog) -> None:
    assert [s.id for s in suppliers(catalog)] == SUPPLIER_IDS


def test_only_the_escalation_matrix_supplier_is_marked_as_not_named_in_its_source(
    catalog: Catalog,
) -> None:
    unnamed = [s.id for s in suppliers(catalog) if not s.named_in_source]
    assert unnamed == ["unnamed"]
    assert catalog.data.supplier("unnamed").source.startswith("001_")


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_every_contact_reaches_the_supplier_page(catalog: Catalog, supplier_id: str) -> None:
    supplier = catalog.data.supplier(supplier_id)
    page = supplier_page(catalog, supplier_id)
    for contact in supplier.contacts:
        assert cell(contact.label_pl) in page
        if contact.value:
            assert cell(contact.value) in page
        if contact.as_in_source:
            assert cell(contact.as_in_source) in page


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_every_sla_figure_reaches_the_page_with_its_duration_and_wording(
    catalog: Catalog, supplier_id: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    page = supplier_page(catalog, supplier_id)
    for figure in supplier.sla:
        assert cell(figure.wording_pl) in page
        assert cell(figure.applies_to_pl) in page
        if figure.min or figure.max:
            assert duration_text(figure) in page
    for term in supplier.sla_terms_pl:
        assert cell(term) in page


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_every_required_field_reaches_the_page_with_its_example_and_keywords(
    catalog: Catalog, supplier_id: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    page = supplier_page(catalog, supplier_id)
    for field in supplier.required_fields:
        assert cell(field.label_pl) in page
        assert cell(field.example_pl) in page
        if field.condition_pl:
            assert cell(field.condition_pl) in page
        for keyword in field.keywords:
            assert cell(keyword) in page


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_every_ladder_step_is_a_row_of_its_severity_table(
    catalog: Catalog, supplier_id: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    page = supplier_page(catalog, supplier_id)
    for ladder in supplier.escalation:
        section = page.split(f"### Pilność: {cell(ladder.name_pl)}\n", 1)[1].split("\n### ", 1)[0]
        assert cell(ladder.label_pl) in section
        assert "| Po czasie | Kanał | Co zrobić |" in section
        for step in ladder.steps:
            row = next(
                line
                for line in section.split("\n")
                if line.startswith("| ") and cell(step.action_pl[1:]) in line
            )
            assert row.startswith(f"| {step.after or '–'} | {CHANNEL_NAMES[step.channel]}")
            assert ("(niedozwolony)" in row) is (not step.allowed)
            if step.note_pl:
                assert cell(step.note_pl) in row


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_tickets_sections_tips_and_notes_reach_the_page(catalog: Catalog, supplier_id: str) -> None:
    supplier = catalog.data.supplier(supplier_id)
    page = supplier_page(catalog, supplier_id)
    texts: list[str] = [*supplier.reporting_pl]
    if supplier.tickets:
        texts.append(supplier.tickets.acknowledgement_pl)
        texts += [item for stage in supplier.tickets.stages for item in stage.items_pl]
        if supplier.tickets.number_example:
            texts += [supplier.tickets.number_example, supplier.tickets.acknowledged_from or ""]
    for section in [*supplier.sections, *supplier.tips, *supplier.escalation_notes]:
        texts += [section.title_pl, section.text_pl, *section.items_pl]
    for level in supplier.support_levels:
        texts += [level.team_pl, level.scope_pl]
    for text in filter(None, texts):
        assert cell(text) in page, text


def test_the_daktela_example_report_is_shown_line_by_line(catalog: Catalog) -> None:
    supplier = catalog.data.supplier("daktela")
    page = supplier_page(catalog, "daktela")
    assert supplier.example_report is not None
    for line in supplier.example_report.lines:
        assert f"{line.label_pl}: {line.value}" in page


@pytest.mark.parametrize(
    ("supplier_id", "severity", "steps"),
    [
        (
            "unnamed",
            "routine",
            [("0 h", "email", True), ("24 h", "email+sms", True), (None, "phone", False)],
        ),
        (
            "unnamed",
            "urgent",
            [("0 h", "email", True), ("2 h", "email+sms", True), (None, "phone", False)],
        ),
        ("unnamed", "critical", [("0 h", "email+sms", True), (None, "phone", False)]),
        ("daktela", "standard", [("0 h", "email", True)]),
        ("daktela", "emergency", [("0 h", "phone", True)]),
        ("introserv", "standard", [("0 h", "email/ticket", True)]),
        ("s4e", "failure", [("0 h", "email", True), ("0 h", "phone", True)]),
    ],
)
def test_the_ladders_say_what_the_sources_say_and_no_more(
    catalog: Catalog, supplier_id: str, severity: str, steps: list[tuple[str | None, str, bool]]
) -> None:
    ladder = catalog.data.supplier(supplier_id).severity(severity)
    assert [(s.after, s.channel, s.allowed) for s in ladder.steps] == steps


@pytest.mark.parametrize(
    ("supplier_id", "figure_id", "low", "high"),
    [
        ("introserv", "acknowledgement-ticket", None, "2 min"),
        ("introserv", "acknowledgement-chat", None, "1 min"),
        ("introserv", "first-response", None, "10 min"),
        ("introserv", "resolution-simple", "10 min", "30 min"),
        ("introserv", "resolution-standard", "1 h", "2 h"),
        ("introserv", "resolution-complex", "2 h", None),
        ("unnamed", "resolution", None, "24 h"),
    ],
)
def test_sla_figures_are_structured_durations(
    catalog: Catalog, supplier_id: str, figure_id: str, low: str | None, high: str | None
) -> None:
    figure = catalog.data.supplier(supplier_id).sla_figure(figure_id)
    assert (figure.min, figure.max) == (low, high)
    for value in filter(None, (low, high)):
        assert to_timedelta(value).total_seconds() > 0


@pytest.mark.parametrize("supplier_id", SUPPLIER_IDS)
def test_every_supplier_has_a_report_template_in_its_languages(
    catalog: Catalog, supplier_id: str
) -> None:
    supplier = catalog.data.supplier(supplier_id)
    spec = catalog.get(f"supplier-{supplier_id}-report")
    assert (spec.kind, spec.channel, spec.scope, spec.supplier) == (
        "report",
        "email",
        "supplier",
        supplier_id,
    )
    assert list(spec.languages) == supplier.languages
    assert spec.layout == "single"


def test_every_template_names_a_supplier_that_exists(catalog: Catalog) -> None:
    known = {s.id for s in suppliers(catalog)}
    for spec in catalog:
        assert spec.supplier is None or spec.supplier in known, spec.id


def test_templates_see_the_suppliers_by_id(catalog: Catalog) -> None:
    context = catalog.context
    assert list(context["suppliers"]) == SUPPLIER_IDS
    assert context["suppliers"]["s4e"]["tickets"]["number_example"] == "#123456"


def break_file(root: Path, old: str, new: str) -> None:
    path = root / "data/suppliers.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in data/suppliers.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    pytest.param(
        "    named_in_source: false",
        "    named_in_sorce: false",
        r"data/suppliers.yml:\d+:5: nieznany klucz „named_in_sorce”. Czy chodziło o „named_in_source”",
        id="unknown key",
    ),
    pytest.param(
        "          - after: 2 h\n",
        "          - after: 2 godziny\n",
        r"data/suppliers.yml:\d+:20: czas „2 godziny” ma zły format; wpisz liczbę i jednostkę",
        id="duration in words",
    ),
    pytest.param(
        "            channel: email+sms\n",
        "            channel: emial+sms\n",
        r"data/suppliers.yml:\d+:22: niedozwolona wartość „emial\+sms”.*Czy chodziło o „email\+sms”",
        id="unknown channel",
    ),
    pytest.param(
        "  - id: s4e\n",
        "  - id: daktela\n",
        r"data/suppliers.yml:\d+:9: „daktela” występuje więcej niż raz; id musi być unikalne",
        id="duplicate supplier id",
    ),
    pytest.param(
        "        expect: [acknowledgement-ticket, first-response]",
        "        expect: [acknowledgement-ticket, first-respons]",
        r"data/suppliers.yml:\d+:\d+: nieznany wskaźnik SLA „first-respons”. Czy chodziło o „first-response”",
        id="unknown sla reference",
    ),
    pytest.param(
        "        - field: agents\n",
        "        - field: agent\n",
        r"data/suppliers.yml:\d+:18: nieznane pole „agent”. Czy chodziło o „agents”",
        id="example line naming an unknown field",
    ),
    pytest.param(
        '      number_example: "#123456"',
        '      number_example: "#12345"',
        r"data/suppliers.yml:\d+:23: przykład „#12345” nie pasuje do wzorca",
        id="ticket number example off its pattern",
    ),
    pytest.param(
        '        start: "09:00"\n        end: "17:00"\n',
        "",
        r"data/suppliers.yml:\d+:\d+: przy days: mon-fri podaj start i end",
        id="working days without hours",
    ),
    pytest.param(
        "        value: 801 090 101\n",
        "        value: zadzwoń do serwisu\n",
        r"data/suppliers.yml:\d+:16: „zadzwoń do serwisu” nie wygląda na numer telefonu",
        id="phone that is not a number",
    ),
    pytest.param(
        "        max: 10 min\n",
        "        max: 10 min\n        min: 20 min\n",
        r"data/suppliers.yml:\d+:14: max jest krótszy niż min",
        id="range upside down",
    ),
    pytest.param(
        "        name_pl: nagły przypadek\n",
        "",
        r"data/suppliers.yml:\d+:9: brak wymaganego klucza „name_pl”",
        id="urgency level without its Polish name",
    ),
    pytest.param(
        "        name_pl: nagły przypadek\n",
        "        name_pl: Emergency!\n",
        r"data/suppliers.yml:\d+:18: nazwa poziomu pilności „Emergency!” ma zły format; wpisz małymi",
        id="urgency level name not in lower-case words",
    ),
    pytest.param(
        "        name_pl: nagły przypadek\n",
        "        name_pl: zwykłe zgłoszenie\n",
        r"data/suppliers.yml:\d+:18: „zwykłe zgłoszenie” występuje więcej niż raz; name_pl musi być unikalne",
        id="two urgency levels of a supplier with one name",
    ),
    pytest.param(
        "        name_pl: nagły przypadek\n",
        "        name_pl: standard\n",
        r"data/suppliers.yml:\d+:18: nazwa „standard” to id innego poziomu tego dostawcy",
        id="urgency level named like another level's id",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN)
def test_bad_supplier_data_gives_one_located_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], project_copy: Path, old: str, new: str, expected: str
) -> None:
    break_file(project_copy, old, new)
    code = main(["--root", str(project_copy), "list"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = [line for line in err.strip().split("\n") if line]
    assert len(lines) == 1, err
    assert re.search(expected, lines[0]), err
