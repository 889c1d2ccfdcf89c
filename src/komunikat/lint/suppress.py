"""Inline suppressions in templates: ``{# komunikat: disable=spelling reason="nazwa marki" #}``.

A suppression switches named rules off for one place: the line it stands on
when it shares the line with text, otherwise the next line. A reason is
required; every suppression is listed in the run's summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem, Severity

DIRECTIVE = re.compile(
    r"\{#-?\s*komunikat:\s*disable=(?P<rules>[\w,\s-]+?)(?:\s+reason=\"(?P<reason>[^\"]*)\")?\s*-?#\}"
)


@dataclass(frozen=True)
class Suppression:
    path: str
    line: int  # the line it applies to
    rules: tuple[str, ...]
    reason: str
    at: int  # the line where the directive stands

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "rules": list(self.rules),
            "reason": self.reason,
        }


def _problem(path: str, line: int, column: int, message: str, text: str) -> Problem:
    """A broken suppression comment is an error of its own rule, ``suppression``."""
    return Problem(path, line, column, "suppression", Severity.ERROR, message, text)


def find_suppressions(
    path: str, text: str, known: set[str]
) -> tuple[list[Suppression], list[Problem]]:
    found: list[Suppression] = []
    problems: list[Problem] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for match in DIRECTIVE.finditer(line):
            rules = tuple(r.strip() for r in match.group("rules").split(",") if r.strip())
            column = match.start() + 1
            reason = (match.group("reason") or "").strip()
            if not reason:
                problems.append(
                    _problem(
                        path,
                        number,
                        column,
                        'wyłączenie reguły bez uzasadnienia; dopisz reason="…"',
                        match.group(0),
                    )
                )
                continue
            unknown = [r for r in rules if r not in known]
            for rule in unknown:
                problems.append(
                    _problem(path, number, column, f"wyłączenie nieznanej reguły „{rule}”", rule)
                )
            rest = DIRECTIVE.sub("", line).strip()
            target = number if rest else _next_text_line(lines, number)
            found.append(
                Suppression(path, target, tuple(r for r in rules if r in known), reason, number)
            )
    return found, problems


def _next_text_line(lines: list[str], number: int) -> int:
    for later in range(number + 1, len(lines) + 1):
        if lines[later - 1].strip() and not DIRECTIVE.fullmatch(lines[later - 1].strip()):
            return later
    return number


def apply(
    problems: list[Problem], suppressions: list[Suppression]
) -> tuple[list[Problem], list[Suppression]]:
    """Problems left after suppressions, and the suppressions that were used."""
    kept: list[Problem] = []
    used: set[Suppression] = set()
    for problem in problems:
        match = next(
            (
                s
                for s in suppressions
                if s.path == problem.path and s.line == problem.line and problem.rule in s.rules
            ),
            None,
        )
        if match:
            used.add(match)
        else:
            kept.append(problem)
    return kept, [s for s in suppressions if s in used]
