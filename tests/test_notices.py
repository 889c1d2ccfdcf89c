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
        ("dv-maintenance-close", False, {}, [ProblemKind.PREVIOUS]),
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


def test_after_a_prolongation_the_close_gives_the_real_end_up_to_the_prolonged_one(
    catalog: Catalog,
) -> None:
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
    for real_end in ("16.12.2026 04:00", "16.12.2026 01:40"):  # the prolonged end, or earlier
        values = {**catalog.sample_values(spec), "end": real_end}
        assert f"End date: {real_end} CET" in catalog.render(spec, values, previous=quoted).body
    later = {**catalog.sample_values(spec), "end": "16.12.2026 05:00"}
    with pytest.raises(RenderError) as caught:
        catalog.render(spec, later, previous=quoted)
    [issue] = caught.value.issues
    assert "(16.12.2026 04:00)" in issue.message
    assert "kolejne PROLONGATION" in issue.message


def test_after_a_prolongation_the_close_asks_for_the_real_end_instead_of_taking_one(
    catalog: Catalog,
) -> None:
    """The procedure: after a prolongation the CLOSE gives the real end, which only the operator knows."""
    spec = catalog.get("dv-maintenance-close")
    prolongation = catalog.get("dv-maintenance-prolongation")
    prolonged = catalog.render(
        prolongation,
        catalog.sample_values(prolongation),
        previous=catalog.sample_previous(prolongation),
    )
    only_open = catalog.sample_previous(spec)
    with_prolongation = [
        *only_open,
        notices.Previous(prolonged.subject, prolonged.body, source="prolongation.txt"),
    ]
    assert "end" in notices.inherit(spec, {}, only_open)[0], "the OPEN's planned end"
    assert "end" not in notices.inherit(spec, {}, with_prolongation)[0]


def open_notice(catalog: Catalog, template_id: str, **changes: object) -> notices.Previous:
    spec = catalog.get(template_id)
    message = catalog.render(spec, {**catalog.sample_values(spec), **changes})
    return notices.Previous(message.subject, message.body, source="open.txt")


@pytest.mark.parametrize(
    ("open_id", "close_id", "given"),
    [
        ("dv-outage-open", "dv-outage-close", {"end": "29.03.2026 06:00", "sender": "Anna Nowak"}),
        (
            "operator-outage-open",
            "operator-outage-close",
            {"end": "25.10.2026 04:00", "sender": "Anna Nowak"},
        ),
        ("dv-maintenance-open", "dv-maintenance-close", {"sender": "Anna Nowak"}),
        ("operator-maintenance-open", "operator-maintenance-close", {"sender": "Anna Nowak"}),
        (
            "dv-maintenance-open",
            "dv-maintenance-prolongation",
            {"end": "16.12.2026 04:00", "sender": "Anna Nowak"},
        ),
    ],
)
def test_a_later_notice_takes_hl_operator_start_and_planned_end_from_the_quoted_open(
    catalog: Catalog, open_id: str, close_id: str, given: dict
) -> None:
    opened = open_notice(catalog, open_id, hl="HL-765432")
    spec = catalog.get(close_id)
    message = catalog.render(spec, given, previous=[opened])
    open_values = catalog.sample_values(catalog.get(open_id))
    assert "[HL-765432]" in message.subject
    assert str(message.typed["start"]) == open_values["start"]
    if "operator" in spec.variable_names:
        assert message.typed["operator"].code == open_values["operator"]
    if close_id.endswith("maintenance-close"):
        assert str(message.typed["end"]) == open_values["end"]


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("hl", "HL-111111", "(HL-765432)"),
        ("start", "15.12.2026 21:00", "(25.10.2026 01:50"),
        ("operator", "PLAY", "(ORANGE)"),
    ],
)
def test_a_given_value_that_contradicts_the_quoted_open_names_both_values(
    catalog: Catalog, name: str, value: str, said: str
) -> None:
    opened = open_notice(catalog, "operator-outage-open", hl="HL-765432")
    spec = catalog.get("operator-outage-close")
    given = {"end": "25.10.2026 04:00", "sender": "Anna Nowak", name: value}
    with pytest.raises(RenderError) as caught:
        catalog.render(spec, given, previous=[opened])
    messages = [issue.message for issue in caught.value.issues if issue.variable == name]
    assert messages and value in messages[0] and said in messages[0]


def test_the_same_values_given_again_are_no_contradiction(catalog: Catalog) -> None:
    opened = open_notice(catalog, "dv-outage-open")
    spec = catalog.get("dv-outage-close")
    values = catalog.sample_values(catalog.get("dv-outage-open"))
    given = {
        "hl": values["hl"],
        "start": values["start"],
        "end": "29.03.2026 06:00",
        "sender": "Anna Nowak",
    }
    catalog.render(spec, given, previous=[opened])
