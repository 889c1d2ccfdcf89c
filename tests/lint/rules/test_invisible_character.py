"""invisible-character: zero-width and bidi characters, by code point and column, everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from komunikat.cli import main

ZWSP, RLO = "\u200b", "\u202e"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _insert(path: Path, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` once; the 1-based line where it happened."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    ("name", "old", "new", "column"),
    [
        ("templates/ticket-accepted.j2", "Dzień dobry,", f"Dzień{ZWSP} dobry,", 6),
        (
            "templates/ticket-accepted.j2",
            'pl: "Przyjęcie zgłoszenia',
            f'pl: "Przyjęcie{RLO} zgłoszenia',
            17,
        ),
        ("data/services.yml", "    en: WWW\n", f"    en: WW{RLO}W\n", 11),
        ("templates/partials/signature.j2", "T: {{", f"T:{ZWSP} {{{{", 3),
    ],
    ids=["template body", "front matter (subject)", "data file", "partial"],
)
def test_lint_reports_the_code_point_and_its_column(
    capsys: pytest.CaptureFixture[str],
    project_copy: Path,
    name: str,
    old: str,
    new: str,
    column: int,
) -> None:
    (project_copy / "komunikat.yml").write_text("", encoding="utf-8")
    line = _insert(project_copy / name, old, new)
    code, out, _ = run(capsys, "--root", str(project_copy), "lint")
    assert code == 1
    char = "200B" if ZWSP in new else "202E"
    assert re.search(
        rf"{re.escape(name)}:{line}:{column}: error: niewidoczny znak U\+{char} \(",
        out,
    ), out


def test_check_reports_a_right_to_left_override_in_the_body(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    message = tmp_path / "m.txt"
    message.write_text(
        f"Subject: Test\n\nDzień dobry,\n\nplik faktura{RLO}fdp.exe w załączniku.\n\n"
        "Pozdrawiam,\nJan Kowalski\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(message))
    assert code == 1
    assert re.search(
        r"m\.txt:5:13: error: niewidoczny znak U\+202E \(RIGHT-TO-LEFT OVERRIDE\)", out
    )


def test_render_refuses_an_invisible_character_in_a_set_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "render", "ticket-accepted", "--sample", "--set", f"sender=Jan{ZWSP} Kowalski"
    )
    assert code == 2 and out == ""
    assert err.strip() == (
        "komunikat: --set sender: kolumna 4: niewidoczny znak U+200B (ZERO WIDTH SPACE); "
        "usuń go (może zmienić lub ukryć treść)"
    )
