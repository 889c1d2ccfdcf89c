"""Inline suppressions: one place, a rule id and a reason; listed in the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.suppress import find_suppressions


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{# komunikat: disable=placeholder reason="przykład" #}\nStart: TODO\n', 2),
        ('Start: TODO {# komunikat: disable=placeholder reason="przykład" #}\n', 1),
    ],
)
def test_a_suppression_covers_its_own_line_or_the_next(text: str, line: int) -> None:
    found, problems = find_suppressions("t.j2", text, {"placeholder"})
    assert problems == [] and [s.line for s in found] == [line]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{# komunikat: disable=placeholder #}\nx\n", "bez uzasadnienia"),
        ('{# komunikat: disable=nosuchrule reason="x" #}\nx\n', "nieznanej reguły „nosuchrule”"),
    ],
)
def test_suppressions_need_a_reason_and_a_known_rule(text: str, says: str) -> None:
    _, problems = find_suppressions("t.j2", text, {"placeholder"})
    assert problems and says in problems[0].message


ORIGINAL = (Path(__file__).resolve().parents[2] / "templates" / "ticket-accepted.j2").read_text(
    encoding="utf-8"
)


def _break_with_todo(root: Path, suppressed: bool) -> None:
    path = root / "templates" / "ticket-accepted.j2"
    text = ORIGINAL
    marker = '{# komunikat: disable=placeholder reason="celowy przykład" #}\n' if suppressed else ""
    text = text.replace("Trwa jego weryfikacja.", marker + "TODO Trwa jego weryfikacja.", 1)
    path.write_text(text, encoding="utf-8")


def test_lint_honours_a_suppression_and_lists_it(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_with_todo(project_copy, suppressed=False)
    assert main(["--root", str(project_copy), "lint", "--format", "json"]) == 1
    capsys.readouterr()
    _break_with_todo(project_copy, suppressed=True)
    code = main(["--root", str(project_copy), "lint", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report["findings"]
    [ours] = [s for s in report["suppressions"] if s["reason"] == "celowy przykład"]
    assert ours["rules"] == ["placeholder"]
