"""A template whose body is empty is refused by render and reported by lint, at its path."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def empty_body(project: Path, body: str) -> int:
    """Replace the body of ticket-accepted.j2; return the line the body starts on."""
    path = project / "templates" / "ticket-accepted.j2"
    front, _, _ = path.read_text(encoding="utf-8").rpartition("\n---\n")
    path.write_text(front + "\n---\n" + body, encoding="utf-8")
    return front.count("\n") + 3


@pytest.mark.parametrize(
    "body",
    ["", "\n\n   \n", '{% if lang == "de" %}Guten Tag{% endif %}\n'],
    ids=["nothing", "blank lines", "a condition that is never true"],
)
def test_render_refuses_a_template_that_renders_to_nothing(
    project_copy: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    line = empty_body(project_copy, body)
    code, out, err = run(
        capsys, "--root", str(project_copy), "render", "ticket-accepted", "--sample"
    )
    assert (code, out) == (2, "")
    assert err == (
        f"komunikat: templates/ticket-accepted.j2:{line}:1: treść szablonu jest pusta "
        "(po wypełnieniu nie zostaje żaden tekst); dopisz treść pod front matter albo "
        "sprawdź warunki {% if %}\n"
    )


def test_lint_reports_an_empty_body_as_an_error(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = empty_body(project_copy, "\n")
    code, out, _ = run(capsys, "--root", str(project_copy), "lint", "--format", "text")
    assert code == 1
    assert f"templates/ticket-accepted.j2:{line}:1: error: " in out
    assert "treść szablonu jest pusta" in out
