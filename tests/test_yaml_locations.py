"""An unclosed quote or bracket in YAML is reported where it opened, not at the end of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.problems import InputError
from komunikat.yamlsource import parse_yaml


@pytest.mark.parametrize(
    ("text", "line", "column", "says"),
    [
        ('a: 1\nb: "abc\nc: 2\nd: 3\n', 2, 4, 'cudzysłów (") otwarty tutaj nie jest zamknięty'),
        ("a: 1\nb: 'abc\nc: 2\n", 2, 4, "cudzysłów (') otwarty tutaj nie jest zamknięty"),
        ('a:\n  - "x\n  - y\nb: 2\n', 2, 5, 'dopisz zamykający " na końcu wartości'),
        ('a: 1\nb: "abc\nc: 2\nd: "x"\ne: 3\n', 2, 4, "otwarty tutaj nie jest zamknięty"),
        ("a: [1, 2\nb: 3\n", 1, 4, "nawias ([) otwarty tutaj nie jest zamknięty"),
        ("a: {x: 1\nb: 2\n", 1, 4, "nawias ({) otwarty tutaj nie jest zamknięty"),
    ],
)
def test_an_unclosed_quote_or_bracket_is_located_where_it_opened(
    text: str, line: int, column: int, says: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "data/x.yml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert says in caught.value.message


def test_an_unclosed_quote_in_front_matter_is_reported_at_its_template_line(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "ticket-accepted.j2"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Przyjęcie zgłoszenia", 'title: "Przyjęcie zgłoszenia'))
    line = text.split("\n").index("title: Przyjęcie zgłoszenia") + 1
    code = main(["--root", str(project_copy), "lint", "--format", "text"])
    out, err = capsys.readouterr()
    assert code != 0
    assert (
        f'templates/ticket-accepted.j2:{line}:8: error: niepoprawny YAML: cudzysłów (") otwarty tutaj'
        in out + err
    )
