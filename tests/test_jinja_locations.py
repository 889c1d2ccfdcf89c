"""A template that does not parse is reported at the tag that was opened and never closed.

The load error itself carries the place (the template-syntax rule never ran
on a template that failed to load), so lint, render and the site all say it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.environment import make_environment
from komunikat.jinjasyntax import locate


def located(source: str) -> tuple[int, int, str]:
    try:
        make_environment({}).parse(source)
    except Exception as exc:  # TemplateSyntaxError
        return locate(source, exc)  # type: ignore[arg-type]
    raise AssertionError("parsed")


@pytest.mark.parametrize(
    ("source", "line", "column", "says"),
    [
        ("a\n{% if x %}\nb\nc\nd\n", 2, 1, "blok „{% if %}” otwarty tutaj nie jest zamknięty"),
        ("a\nStart: {{ start.en\nb\n{{ end }}\nc\n", 2, 8, "znacznik „{{” otwarty tutaj"),
        ("a\nStart: {{ start.en }\nb\n", 2, 8, "dodaj „}}”"),
        ("a\n{% if x \nb\n{% endif %}\n", 2, 1, "znacznik „{%” otwarty tutaj nie jest zamknięty"),
        ("a {# note\nb\nc\n", 1, 3, "znacznik „{#” otwarty tutaj"),
        ("{{ a }}\n{{ b + }}\n", 2, 1, "błąd składni Jinja: "),
    ],
)
def test_a_syntax_error_is_located_at_the_opening_tag(
    source: str, line: int, column: int, says: str
) -> None:
    at, col, message = located(source)
    assert (at, col) == (line, column) and says in message, message


@pytest.mark.parametrize(
    ("old", "new", "opening", "says"),
    [
        (
            '{% include "partials/signature.j2" %}',
            '{% if hl %}\n{% include "partials/signature.j2" %}',
            "{% if hl %}",
            "blok „{% if %}” otwarty tutaj nie jest zamknięty; dodaj „{% endif %}”",
        ),
        (
            "pod numerem {{ hl }}.",
            "pod numerem {{ hl.",
            "{{ hl.",
            "znacznik „{{” otwarty tutaj nie jest zamknięty; dodaj „}}”",
        ),
    ],
    ids=["unclosed if", "unclosed {{"],
)
def test_lint_and_render_point_at_the_unclosed_tag(
    project_copy: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    opening: str,
    says: str,
) -> None:
    path = project_copy / "templates" / "ticket-accepted.j2"
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    line = next(n for n, x in enumerate(lines, 1) if opening in x)
    where = f"templates/ticket-accepted.j2:{line}:{lines[line - 1].index(opening) + 1}:"
    code = main(["--root", str(project_copy), "lint", "--format", "text"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert f"{where} error: błąd składni Jinja: {says} [template-syntax]" in out, out
    code = main(["--root", str(project_copy), "render", "ticket-accepted", "--sample"])
    _, err = capsys.readouterr()
    assert code == 2 and f"{where} błąd składni Jinja: {says}" in err
