"""A .eml whose charset or transfer encoding does not hold is one line, not mojibake.

Before, each of these decoded silently into mojibake or replacement
characters and ``check`` reported dozens of spelling errors instead.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.messagefile import parse_bytes

BODY = "Dzień dobry,\n\nprace zakończą się o 12:00, zażółć gęślą jaźń.\n\nZ poważaniem,\nJan\n"
HEAD = b"Subject: Prace\nFrom: noc@example.pl\nMIME-Version: 1.0\n"


def eml(charset: str | None, body: bytes, cte: str = "8bit") -> bytes:
    kind = "text/plain" + (f"; charset={charset}" if charset else "")
    return HEAD + f"Content-Type: {kind}\nContent-Transfer-Encoding: {cte}\n\n".encode() + body


# the body starts on line 7; "Dzień" has its ń at column 5, "zakończą" its ą at column 14
CASES = [
    (
        "declared iso-8859-2, written in UTF-8",
        eml("iso-8859-2", BODY.encode()),
        "7:5: nagłówek Content-Type podaje charset=iso-8859-2, ale treść jest w UTF-8; "
        "zmień charset w nagłówku na utf-8",
    ),
    (
        "declared utf-8, written in Windows-1250",
        eml("utf-8", BODY.encode("cp1250")),
        "7:5: nagłówek Content-Type podaje charset=utf-8, ale treść nie jest w UTF-8 — "
        "wygląda na Windows-1250; popraw charset w nagłówku na windows-1250",
    ),
    (
        "declared iso-8859-2, written in Windows-1250",
        eml("iso-8859-2", BODY.encode("cp1250")),
        "9:14: treść nie pasuje do kodowania iso-8859-2 z nagłówka Content-Type — "
        "wygląda na Windows-1250",
    ),
    (
        "no charset, written in UTF-8",
        HEAD + b"\n" + BODY.encode(),
        "5:5: plik .eml nie podaje kodowania treści (charset), a treść ma znaki spoza ASCII — "
        "wygląda na UTF-8; dopisz w nagłówku „Content-Type: text/plain; charset=utf-8”",
    ),
    (
        "plain UTF-8 text saved as .eml",
        BODY.encode(),
        "1:1: plik .eml nie ma nagłówków poczty (Subject:, From:, Content-Type:) — to zwykły "
        "tekst; zmień rozszerzenie na .txt",
    ),
    (
        "base64 with characters outside its alphabet",
        eml("utf-8", base64.encodebytes(BODY.encode()) + b"!!#@garbage\n", "base64"),
        "9:1: treść zakodowana w base64 jest uszkodzona (znaki spoza alfabetu base64)",
    ),
    (
        "base64 cut short",
        eml("utf-8", base64.b64encode(BODY.encode())[:-3] + b"\n", "base64"),
        "7:1: treść zakodowana w base64 jest uszkodzona (niepełny ostatni blok)",
    ),
    (
        "base64 of Windows-1250 bytes declared utf-8",
        eml("utf-8", base64.encodebytes(BODY.encode("cp1250")), "base64"),
        "7:1: nagłówek Content-Type podaje charset=utf-8, ale treść nie jest w UTF-8 — "
        "wygląda na Windows-1250; popraw charset w nagłówku na windows-1250 albo zapisz "
        "wiadomość z programu pocztowego ponownie jako .eml (od 1. wiersza treści po "
        "zdekodowaniu base64)",
    ),
]


@pytest.mark.parametrize(("content", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_broken_eml_is_one_line_where_the_problem_starts_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "msg.eml"
    path.write_bytes(content)
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"komunikat: {path}:{says}"), err


@pytest.mark.parametrize(
    ("charset", "codec"),
    [("iso-8859-2", "iso-8859-2"), ("windows-1250", "cp1250"), ("utf-8", "utf-8")],
)
def test_a_correctly_declared_body_reads_as_its_text(charset: str, codec: str) -> None:
    assert parse_bytes(eml(charset, BODY.encode(codec)), "msg.eml").body == BODY


def test_quoted_printable_and_base64_bodies_still_read() -> None:
    qp = eml("utf-8", b"Dzie=C5=84 dobry,\n", "quoted-printable")
    assert parse_bytes(qp, "msg.eml").body == "Dzień dobry,\n"
    b64 = eml("utf-8", base64.encodebytes(BODY.encode()), "base64")
    assert parse_bytes(b64, "msg.eml").body == BODY
