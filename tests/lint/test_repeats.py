"""A misspelt word is one finding however often it repeats (komunikat.lint.repeats)."""

from __future__ import annotations

import pytest

from komunikat.lint.repeats import merge_repeats
from komunikat.problems import Problem, Severity

MESSAGE = "nieznane słowo „awari”; popraw pisownię"


def spelling(line: int, column: int, text: str = "awari", path: str = "a.txt") -> Problem:
    return Problem(path, line, column, "spelling", Severity.ERROR, MESSAGE, text, ("awarii",))


@pytest.mark.parametrize(
    ("places", "count"),
    [
        ([(3, 15), (3, 43), (4, 1)], "(3 razy, także w wierszu 4)"),
        ([(3, 15), (3, 43)], "(2 razy)"),
        ([(2, 1), (5, 1), (9, 1)], "(3 razy, także w wierszach 5 i 9)"),
        ([(n, 1) for n in range(1, 9)], "(8 razy, także w wierszach 2, 3, 4, 5, 6 i dalszych)"),
    ],
)
def test_a_repeated_word_is_one_finding_at_its_first_place_with_the_count(
    places: list[tuple[int, int]], count: str
) -> None:
    [merged] = merge_repeats(spelling(line, column) for line, column in reversed(places))
    assert (merged.line, merged.column) == places[0]
    assert merged.message == f"{MESSAGE} {count}"
    assert merged.suggestions == ("awarii",)


def test_the_same_word_in_capitals_is_the_same_finding() -> None:
    [merged] = merge_repeats([spelling(3, 1, "Awari"), spelling(4, 7, "awari")])
    assert merged.text == "Awari"
    assert merged.message.endswith("(2 razy, także w wierszu 4)")


def test_words_of_other_files_and_other_rules_stay_apart() -> None:
    other_rule = Problem("a.txt", 5, 1, "style", Severity.WARNING, "styl", "awari")
    problems = [spelling(3, 1), spelling(3, 1, path="b.txt"), other_rule, other_rule]
    merged = merge_repeats(problems)
    assert merged == sorted([spelling(3, 1), spelling(3, 1, path="b.txt"), other_rule, other_rule])
    assert all(p.message in (MESSAGE, "styl") for p in merged)


def test_a_word_found_once_is_left_as_it_is() -> None:
    assert merge_repeats([spelling(3, 1), spelling(4, 1, "usługii")]) == [
        spelling(3, 1),
        spelling(4, 1, "usługii"),
    ]
