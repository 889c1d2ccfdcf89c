"""Engines that had to run: every one in CI, and those komunikat.yml requires."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.engines import languagetool

DOWN = "http://127.0.0.1:1"  # nothing listens on port 1: LanguageTool does not run


@pytest.fixture
def no_languagetool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(languagetool.URL_VARIABLE, DOWN)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.mark.parametrize(("ci", "code"), [("", 0), ("true", 1)])
def test_in_ci_an_engine_that_did_not_run_fails_lint(
    no_languagetool: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ci: str,
    code: int,
) -> None:
    monkeypatch.setenv("CI", ci)
    assert main(["lint", "templates/ticket-accepted.j2"]) == code
    err = capsys.readouterr().err
    if code:
        assert "CI: silnik languagetool [pl] nie zadziałał, a w CI każdy silnik musi działać" in err
    else:
        assert "CI:" not in err


def test_an_engine_required_by_the_configuration_fails_lint_and_check(
    no_languagetool: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    project_copy: Path,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    (project_copy / "komunikat.yml").write_text(
        "rules: {}\nengines:\n  required: [languagetool]\n", encoding="utf-8"
    )
    message = project_copy / "m.txt"
    message.write_text("Subject: Test\n\nDzień dobry,\n\nDziękujemy.\n", encoding="utf-8")
    for argv in (["lint"], ["check", str(message)]):
        capsys.readouterr()
        assert main(["--root", str(project_copy), *argv]) == 1
        err = capsys.readouterr().err
        assert (
            "komunikat.yml:1:1: silnik languagetool [en] jest wymagany (engines.required), "
            "a nie zadziałał"
        ) in err


def test_an_unknown_required_engine_is_a_configuration_error(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project_copy / "komunikat.yml").write_text(
        "rules: {}\nengines:\n  required: [grammarly]\n", encoding="utf-8"
    )
    assert main(["--root", str(project_copy), "lint"]) == 2
    assert "komunikat.yml:3" in capsys.readouterr().err
