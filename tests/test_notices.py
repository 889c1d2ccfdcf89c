"""The notice policy: its problems are structured, and it reads only the variables it declares."""

from __future__ import annotations

import pytest

from komunikat import notices
from komunikat.catalog import Catalog
from komunikat.problems import ProblemKind
from komunikat.render import RenderError


def refusal(catalog: Catalog, template_id: str, previous: bool = True, **changes: object):
    spec = catalog.get(template_id)
    values = {**catalog.sample_values(spec), **changes}
    for name, value in changes.items():
        if value is None:
            values.pop(name)
    quoted = catalog.sample_previous(spec) if previous else []
    with pytest.raises(RenderError) as caught:
        catalog.render(spec, values, previous=quoted)
    return caught.value


@pytest.mark.parametrize(
    ("template_id", "previous", "changes", "kinds"),
    [
        ("dv-outage-open", True, {"hl": None}, [ProblemKind.MISSING]),
        ("dv-outage-open", True, {"hl": "HL-12"}, [ProblemKind.VALUE]),
        ("dv-outage-open", True, {"colour": "red"}, [ProblemKind.FIELD]),
        (
            "dv-maintenance-open",
            True,
            {"start": "16.12.2026 10:00", "end": "16.12.2026 09:00"},
            [ProblemKind.NOTICE],
        ),
        ("dv-maintenance-close", False, {}, [ProblemKind.NOTICE]),
    ],
)
def test_each_refusal_says_what_kind_of_problem_it_is(
    catalog: Catalog, template_id: str, previous: bool, changes: dict, kinds: list
) -> None:
    error = refusal(catalog, template_id, previous, **changes)
    assert [issue.kind for issue in error.issues] == kinds
    assert error.problems == [issue.message for issue in error.issues]


def test_a_value_problem_names_its_variable(catalog: Catalog) -> None:
    [issue] = refusal(catalog, "dv-outage-open", hl="HL-12").issues
    assert issue.variable == "hl"


def test_the_policy_reads_variables_templates_declare(catalog: Catalog) -> None:
    every = {name for spec in catalog for name in spec.variable_names}
    assert set(notices.READS) <= every


@pytest.mark.parametrize("template_id", ["dv-maintenance-close", "operator-maintenance-close"])
def test_the_maintenance_close_sample_gives_the_quoted_planned_end(
    catalog: Catalog, template_id: str
) -> None:
    spec = catalog.get(template_id)
    values = catalog.sample_values(spec)
    quoted = catalog.sample_previous(spec)
    assert next(notices._own_end(prev) for prev in quoted).utc == spec_end(catalog, values)
    catalog.render(spec, values, previous=quoted)


def spec_end(catalog: Catalog, values: dict):
    from komunikat.warsaw import parse_local

    return parse_local(values["end"]).utc


@pytest.mark.parametrize(
    ("template_id", "end", "words"),
    [
        ("dv-maintenance-close", "16.12.2026 01:40", "wcześniejszy niż planowany"),
        ("operator-maintenance-close", "15.07.2027 02:30", "tuż przed tym czasem"),
        ("dv-maintenance-close", "16.12.2026 03:00", "najpierw wyślij PROLONGATION"),
    ],
)
def test_a_maintenance_close_with_another_end_than_the_quoted_notice_is_refused(
    catalog: Catalog, template_id: str, end: str, words: str
) -> None:
    [issue] = refusal(catalog, template_id, end=end).issues
    assert issue.kind is ProblemKind.NOTICE
    assert words in issue.message
    assert "(16.12.2026" in issue.message or "(15.07.2027" in issue.message


def test_after_a_prolongation_the_close_gives_the_prolonged_end(catalog: Catalog) -> None:
    spec = catalog.get("dv-maintenance-close")
    prolongation = catalog.get("dv-maintenance-prolongation")
    prolonged = catalog.render(
        prolongation,
        catalog.sample_values(prolongation),
        previous=catalog.sample_previous(prolongation),
    )
    quoted = [
        *catalog.sample_previous(spec),
        notices.Previous(prolonged.subject, prolonged.body, source="prolongation.txt"),
    ]
    values = {**catalog.sample_values(spec), "end": "16.12.2026 04:00"}
    catalog.render(spec, values, previous=quoted)
    with pytest.raises(RenderError) as caught:
        catalog.render(spec, catalog.sample_values(spec), previous=quoted)
    assert "16.12.2026 04:00" in caught.value.issues[0].message
