"""Input that is not UTF-8 text: UTF-16, binary data, a NUL byte anywhere in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main

TEXT = "Subject: Przyjęcie zgłoszenia\n\nDzień dobry,\n\nzgłoszenie przyjęte.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            TEXT.encode("utf-16"),
            "plik jest zapisany w UTF-16, a nie w UTF-8; przekoduj go: iconv -f UTF-16 -t UTF-8",
        ),
        (
            TEXT.encode("utf-16-le"),
            "zapisany w UTF-16LE, a nie w UTF-8; przekoduj go: iconv -f UTF-16LE -t UTF-8",
        ),
        (
            TEXT.encode("utf-16-be"),
            "zapisany w UTF-16BE, a nie w UTF-8; przekoduj go: iconv -f UTF-16BE -t UTF-8",
        ),
        (bytes(range(256)) * 4, "plik binarny, a nie tekst; podaj wiadomość jako tekst"),
    ],
    ids=["utf-16 with a BOM", "utf-16-le without a BOM", "utf-16-be without a BOM", "binary"],
)
def test_a_message_that_is_not_utf8_text_says_what_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "msg.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"{path}:" in err and says in err


def test_a_nul_byte_after_the_first_8_kb_is_found_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = ["Dzień dobry,", ""] + ["zgłoszenie przyjęte, pracujemy nad nim."] * 400
    lines[300] = "zgłoszenie\x00 przyjęte"
    path = tmp_path / "msg.txt"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    assert path.read_bytes().index(b"\x00") > 8192
    code, out, err = run(capsys, "check", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"komunikat: {path}:301:11: bajt zerowy (NUL) w tekście")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            "plik binarny, a nie tekst; szablon (.j2) musi być zwykłym tekstem",
        ),
        (
            "---\nid: x\n---\nDzień dobry\n".encode("utf-16"),
            "iconv -f UTF-16 -t UTF-8 templates/ticket-accepted.j2",
        ),
    ],
    ids=["binary", "utf-16"],
)
def test_a_template_that_is_not_text_is_named_a_template(
    project_copy: Path, capsys: pytest.CaptureFixture[str], content: bytes, says: str
) -> None:
    (project_copy / "templates" / "ticket-accepted.j2").write_bytes(content)
    code, out, err = run(capsys, "--root", str(project_copy), "lint", "--format", "text")
    assert code != 0
    found = [line for line in (out + err).splitlines() if "templates/ticket-accepted.j2" in line]
    assert found and says in found[0], out + err
    assert "wiadomość" not in found[0]
