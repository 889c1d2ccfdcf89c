"""harper: offline English grammar with harper-py."""

from __future__ import annotations

import pytest

from komunikat.lint.engines import harper


def test_harper_is_available_offline_and_built_once() -> None:
    checker, status = harper.load()
    assert checker is not None and status.available
    assert status.detail.startswith("Harper ")
    assert harper.load()[0] is checker


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("The maintenance will last longer then expected.", "ThenThan", "then"),
        ("Please do not hesitate to to contact us.", "ToTo", "to to"),
        ("This is a error.", "AnA", "a"),
    ],
)
def test_hits_carry_the_rule_and_a_code_point_span(text: str, rule: str, flagged: str) -> None:
    checker, _ = harper.load()
    assert checker is not None
    hits = [h for h in checker.check(text) if h.rule == rule]
    assert [text[h.start : h.end] for h in hits] == [flagged]
    assert hits[0].engine == "harper" and hits[0].message


def test_spans_count_code_points_not_bytes() -> None:
    checker, _ = harper.load()
    assert checker is not None
    text = "Zażółć — it lasts longer then expected."
    [hit] = [h for h in checker.check(text) if h.rule == "ThenThan"]
    assert text[hit.start : hit.end] == "then"


def test_correct_english_gives_no_grammar_hits() -> None:
    checker, _ = harper.load()
    assert checker is not None
    text = "We kindly inform you that the planned maintenance has been completed."
    assert [h for h in checker.check(text) if h.rule != "SpellCheck"] == []
