"""Broken data and templates: one line per problem, with path:line:column and the fix; exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from komunikat.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def break_file(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = [
    pytest.param(
        "data/operators.yml",
        "  - code: PLAY\n",
        "  - code: PLAY\n    code: PLAYY\n",
        r"data/operators.yml:\d+:5: powtórzony klucz",
        id="duplicate key",
    ),
    pytest.param(
        "data/services.yml",
        "    en: WWW\n",
        "    en: !!python/object:os.system WWW\n",
        r"data/services.yml:\d+:9: znaczniki typów YAML",
        id="yaml tag",
    ),
    pytest.param(
        "data/services.yml",
        "    en: WWW\n",
        "    en: !custom WWW\n",
        r"data/services.yml:\d+:9: znaczniki",
        id="custom tag",
    ),
    pytest.param(
        "data/contacts.yml",
        "  helpline: helpline@digitalvirgo.pl",
        "  helpline: [helpline@digitalvirgo.pl",
        r"data/contacts.yml:\d+:\d+: niepoprawny YAML",
        id="malformed yaml",
    ),
    pytest.param(
        "data/contacts.yml",
        "  helpline:",
        "  helpline_mail:",
        r"data/contacts.yml:\d+:3: nieznany klucz „helpline_mail”. Czy chodziło o „helpline”",
        id="unknown key with suggestion",
    ),
    pytest.param(
        "data/contacts.yml",
        "  role: IT Operator\n",
        "",
        r"data/contacts.yml:\d+:\d+: brak wymaganego klucza „role”",
        id="missing key",
    ),
    pytest.param(
        "data/operators.yml",
        "    notices: false\n",
        "    notices: nie\n",
        r"data/operators.yml:\d+:14: oczekiwano: wartość true albo false, a jest: tekst",
        id="wrong type",
    ),
    pytest.param(
        "data/operators.yml",
        "        services: [directbilling]\n        when_pl: problemy z DirectBilling",
        "        services: [direct-billing]\n        when_pl: problemy z DirectBilling",
        r"data/operators.yml:\d+:20: nieznana usługa „direct-billing”.*„directbilling”",
        id="unknown service name",
    ),
    pytest.param(
        "data/operators.yml",
        "    kind: aggregator",
        "    kind: agregator",
        r"data/operators.yml:\d+:11: niedozwolona wartość „agregator”.*Czy chodziło o „aggregator”",
        id="unknown literal",
    ),
    pytest.param(
        "data/operators.yml",
        "  - code: PLUS\n",
        "  - code: PLAY\n",
        r"data/operators.yml:\d+:\d+: „PLAY” występuje więcej niż raz",
        id="duplicate code",
    ),
    pytest.param(
        "templates/dv-outage-open.j2",
        "kind: outage",
        "kind: awaria",
        r"templates/dv-outage-open.j2:9:7: niedozwolona wartość „awaria”",
        id="template front matter",
    ),
    pytest.param(
        "templates/dv-outage-open.j2",
        "    type: hl\n",
        "    type: hl\n    requird: true\n",
        r"templates/dv-outage-open.j2:\d+:5: nieznany klucz „requird”. Czy chodziło o „required”",
        id="template unknown key",
    ),
    pytest.param(
        "templates/dv-outage-open.j2",
        "{{ services.en }}",
        "{{ services.en }",
        r"templates/dv-outage-open.j2:\d+:11: błąd składni Jinja: znacznik „\{\{” otwarty tutaj",
        id="template syntax",
    ),
    pytest.param(
        "templates/dv-outage-open.j2",
        "id: dv-outage-open",
        "id: dv-outage-opn",
        r"templates/dv-outage-open.j2:2:5: id „dv-outage-opn” nie zgadza się z nazwą pliku",
        id="template id",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES)
def test_bad_data_gives_one_located_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str],
    project_copy: Path,
    name: str,
    old: str,
    new: str,
    expected: str,
) -> None:
    before = {p: p.read_bytes() for p in project_copy.rglob("*") if p.is_file()}
    break_file(project_copy, name, old, new)
    code, out, err = run(capsys, "--root", str(project_copy), "list")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert re.search(expected, err), err
    lines = [line for line in err.strip().split("\n") if line]
    assert all(re.match(r"^[\w/.-]+:\d+:\d+: ", line) for line in lines), err
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert [p.relative_to(project_copy).as_posix() for p in changed] == [name]


def test_several_broken_files_are_all_reported(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    break_file(project_copy, "data/contacts.yml", "  helpline:", "  helpline_mail:")
    break_file(project_copy, "data/services.yml", "    en: WWW\n", "    en: !tag WWW\n")
    code, _, err = run(capsys, "--root", str(project_copy), "list")
    assert code == 2
    assert "data/contacts.yml:" in err and "data/services.yml:" in err


def test_an_empty_data_file_is_reported(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    (project_copy / "data/services.yml").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(project_copy), "list")
    assert code == 2 and "data/services.yml:1:1: plik jest pusty" in err


def test_a_data_file_in_windows_1250_is_refused_with_the_encoding_named(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    path = project_copy / "data/contacts.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1250"))
    code, _, err = run(capsys, "--root", str(project_copy), "list")
    assert code == 2
    assert re.search(
        r"data/contacts.yml:\d+:\d+: plik nie jest w UTF-8 — wygląda na Windows-1250", err
    )


def test_a_missing_data_file_is_reported(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    (project_copy / "data/operators.yml").unlink()
    code, _, err = run(capsys, "--root", str(project_copy), "list")
    assert code == 2 and "data/operators.yml: plik nie istnieje" in err
