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


def test_the_same_text_is_linted_once_and_callers_get_their_own_list() -> None:
    from komunikat.lint.engines.harper import HarperChecker

    calls: list[str] = []

    class Span:
        start, end = 0, 4

    class Lint:
        span = Span()
        message = "m"
        suggestions = ()

    class FakeLinter:
        def organized_lints(self, text: str, language: str) -> dict[str, list[Lint]]:
            calls.append(text)
            return {"Rule": [Lint()]}

    checker = HarperChecker(FakeLinter(), "test")
    first = checker.check("Some text.")
    first.clear()  # a caller changing its list does not change the memo
    second = checker.check("Some text.")
    assert len(second) == 1 and second[0].rule == "Rule"
    assert calls == ["Some text."]
    checker.check("Other text.")
    assert calls == ["Some text.", "Other text."]


def test_skipped_rules_do_not_run_and_can_be_turned_back_on() -> None:
    import harper as harper_py

    checker = harper.HarperChecker(harper_py.Linter(harper_py.Dialect.AMERICAN), "test")
    text = "The maintenance will last longer then expectd."
    assert {"SpellCheck", "ThenThan"} <= {h.rule for h in checker.check(text)}
    checker.skip_rules(frozenset({"SpellCheck"}))
    rules = {h.rule for h in checker.check(text)}
    assert "SpellCheck" not in rules and "ThenThan" in rules
    checker.skip_rules(frozenset())
    assert "SpellCheck" in {h.rule for h in checker.check(text)}


def test_only_unconditional_exact_entries_turn_a_rule_off() -> None:
    from komunikat.lint.rules.grammar import IgnoreEntry, always_ignored

    checker, _ = harper.load()
    assert checker is not None
    entries = (
        IgnoreEntry(engine="harper", rule="SpellCheck", reason="r"),
        IgnoreEntry(engine="harper", rule="ThenThan", text="then", reason="r"),
        IgnoreEntry(engine="harper", rule="Long*", reason="r"),
        IgnoreEntry(engine="harper", rule="AnA", lang="en", reason="r"),
        IgnoreEntry(engine="languagetool", rule="TOTO", reason="r"),
    )
    assert always_ignored(checker, entries) == frozenset({"SpellCheck"})
