"""Hostile YAML in data/ and front matter: refused at once, with path:line:column."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.problems import InputError
from komunikat.yamlsource import parse_yaml

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: &x 1\nb: *x\n", 2, 4),
        ("base: &base {pl: a}\nother:\n  <<: *base\n", 3, 7),
        (BOMB, 2, 8),
    ],
    ids=["alias of a scalar", "merge key", "billion laughs"],
)
def test_aliases_are_refused_where_they_are_used(text: str, line: int, column: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "data/services.yml")
    error = caught.value
    assert (error.path, error.line, error.column) == ("data/services.yml", line, column)
    assert "aliasy YAML" in error.message and "wpisz wartość wprost" in error.message


def test_nesting_deeper_than_any_data_file_needs_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "data/services.yml")
    assert caught.value.line == 1 and "zagnieżdż" in caught.value.message


def test_an_alias_bomb_in_the_data_fails_lint_in_a_moment(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    services = project_copy / "data" / "services.yml"
    services.write_text(BOMB + services.read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    code = main(["--root", str(project_copy), "lint"])
    out, _ = capsys.readouterr()
    assert time.monotonic() - started < 30
    assert code == 1  # lint reports broken data as error findings [data]
    assert re.search(r"data/services\.yml:2:8: error: aliasy YAML", out), out


def test_an_alias_in_front_matter_is_refused(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    template = project_copy / "templates" / "ticket-accepted.j2"
    text = template.read_text(encoding="utf-8")
    text = text.replace("title:", "anchor: &t x\ntitle:", 1).replace("title: ", "title: *t #", 1)
    template.write_text(text, encoding="utf-8")
    code = main(["--root", str(project_copy), "list"])
    _, err = capsys.readouterr()
    assert code == 2 and re.search(r"templates/ticket-accepted\.j2:\d+:\d+: aliasy YAML", err), err


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("pl: 2024-13-01\n", 1, 5), ("a: 1\nsample: 2024-02-30\n", 2, 9)],
    ids=["month 13", "30 February"],
)
def test_an_unquoted_impossible_date_is_located(text: str, line: int, column: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "data/services.yml")
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert "nie ma takiej daty" in error.message and "cudzysłów" in error.message
