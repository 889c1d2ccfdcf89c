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
