"""komunikat.yml: turning rules off, changing severities, refusing unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.config import load_config
from komunikat.problems import InputError, InputErrors, Severity


def write(root: Path, text: str) -> None:
    (root / "komunikat.yml").write_text(text, encoding="utf-8")


def test_without_a_config_every_rule_runs_at_its_default_level(project_copy: Path) -> None:
    active = {r.id: r.severity for r in load_config(project_copy)}
    assert active["greeting"] is Severity.ERROR and "footer" in active


def test_a_rule_can_be_turned_off_or_downgraded(project_copy: Path) -> None:
    write(project_copy, "rules:\n  footer: off\n  closing:\n    level: warning\n")
    active = {r.id: r.severity for r in load_config(project_copy)}
    assert "footer" not in active and active["closing"] is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "rules:\n  gretting: off\n",
            "komunikat.yml:2:3: nieznana reguła „gretting”. Czy chodziło o „greeting”",
        ),
        ("rules:\n  greeting:\n    levle: warning\n", "komunikat.yml:3:5: nieznany klucz „levle”"),
        ("rules:\n  greeting:\n    level: loud\n", "niedozwolona wartość „loud”"),
        (
            "rules:\n  greeting:\n    options:\n      strict: true\n",
            "komunikat.yml:4:7: reguła greeting nie ma opcji „strict”",
        ),
        ("rules: [greeting\n", "komunikat.yml:1:8: niepoprawny YAML: nawias ([) otwarty tutaj"),
    ],
)
def test_unknown_rules_and_options_are_located_errors(
    project_copy: Path, text: str, says: str
) -> None:
    write(project_copy, text)
    with pytest.raises((InputError, InputErrors)) as caught:
        load_config(project_copy)
    errors = getattr(caught.value, "errors", [caught.value])
    assert any(says in str(e) for e in errors), [str(e) for e in errors]


def test_a_bad_config_makes_lint_exit_2(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project_copy, "rules:\n  gretting: off\n")
    code = main(["--root", str(project_copy), "lint"])
    assert code == 2 and "komunikat.yml:2:3" in capsys.readouterr().err
