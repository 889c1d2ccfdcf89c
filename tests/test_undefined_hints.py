"""A misspelt name or attribute in a template gets a did-you-mean, in lint and in render."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.suggest import undefined_hint
from komunikat.values import OperatorValue


@pytest.mark.parametrize(
    ("message", "scope", "hint"),
    [
        (
            "'komunikat.values.OperatorValue object' has no attribute 'nmae'",
            {},
            " Czy chodziło o „name”?",
        ),
        (
            "'dict object' has no attribute 'signatur'",
            {"contacts": {"signature": {"role": "IT"}, "footer": {}}},
            " Czy chodziło o „signature”?",
        ),
        ("'hll' is undefined", {"hl": "HL-1", "lang": "pl"}, " Czy chodziło o „hl”?"),
        ("'zzzz' is undefined", {"hl": "HL-1"}, ""),
        ("something else entirely", {"hl": "HL-1"}, ""),
    ],
)
def test_an_undefined_name_or_attribute_suggests_the_closest(
    message: str, scope: dict[str, object], hint: str
) -> None:
    assert OperatorValue.__module__ == "komunikat.values"
    assert undefined_hint(message, scope) == hint


def test_lint_and_render_suggest_the_attribute_an_editor_meant(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "operator-problem-report.j2"
    text = path.read_text(encoding="utf-8").replace("{{ operator.name }}", "{{ operator.nmae }}", 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, x in enumerate(text.split("\n"), 1) if "operator.nmae" in x)
    says = "has no attribute 'nmae'. Czy chodziło o „name”?"
    code = main(["--root", str(project_copy), "lint", "--format", "text"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert f"templates/operator-problem-report.j2:{line}:1: error: " in out and says in out
    code = main(["--root", str(project_copy), "render", "operator-problem-report", "--sample"])
    _, err = capsys.readouterr()
    assert code == 2 and says in err
