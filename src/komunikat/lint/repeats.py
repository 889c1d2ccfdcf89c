"""One finding per misspelt word: its repetitions are counted, not listed again.

A word misspelt three times in a message (or a template) is one mistake to
fix; three identical lines bury the other findings. The first place stays
(where a reader starts fixing), the message says how many times the word
occurs and on which other lines.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..problems import Problem

#: Rules whose findings are about a word, so that the same word is the same finding.
WORD_RULES = frozenset({"spelling"})
#: Other lines named at most; the count says how many there are in all.
SHOWN_LINES = 5


def _other_lines(lines: list[int]) -> str:
    """„w wierszu 5”, „w wierszach 5, 9 i 12”, „w wierszach 5, 9, 12, 14, 20 i dalszych”."""
    if len(lines) == 1:
        return f"w wierszu {lines[0]}"
    shown = [str(n) for n in lines[:SHOWN_LINES]]
    if len(lines) > SHOWN_LINES:
        return "w wierszach " + ", ".join(shown) + " i dalszych"
    return "w wierszach " + ", ".join(shown[:-1]) + f" i {shown[-1]}"


def counted(first: Problem, others: list[Problem]) -> Problem:
    """``first`` with the number of occurrences and the other lines in its message."""
    lines = sorted({p.line for p in others} - {first.line})
    times = f"{len(others) + 1} razy"
    if lines:
        times += f", także {_other_lines(lines)}"
    return dataclasses.replace(first, message=f"{first.message} ({times})")


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.path, problem.rule, problem.text.casefold())


def merge_repeats(problems: Iterable[Problem]) -> list[Problem]:
    """The problems in order, a word rule's repeated word once per file.

    The same word is the same text whatever its case („Awari” opening a
    sentence, „awari” inside one).
    """
    ordered = sorted(problems)
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in ordered:
        if problem.rule in WORD_RULES and problem.text:
            groups.setdefault(_key(problem), []).append(problem)
    merged: list[Problem] = []
    for problem in ordered:
        group = groups.get(_key(problem)) if problem.rule in WORD_RULES else None
        if group is None:
            merged.append(problem)
        elif group[0] is problem:
            merged.append(counted(problem, group[1:]) if len(group) > 1 else problem)
    return merged
