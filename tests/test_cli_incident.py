"""One incident from OPEN to CLOSE on the command line: the CLOSE takes what the OPEN says."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main

OPEN = [
    "render",
    "dv-outage-open",
    "--set",
    "hl=HL-300001",
    "--set",
    "start=15.12.2026 22:00",
    "--set",
    "services=sms-premium,mps",
    "--set",
    "sender=Anna Nowak",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", ["txt", "eml"])
def test_close_from_the_open_needs_only_the_end_and_the_sender(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    opened = tmp_path / f"open.{suffix}"
    fmt = ["--format", "eml"] if suffix == "eml" else []
    assert run(capsys, *OPEN, *fmt, "-o", str(opened))[0] == 0
    code, out, err = run(
        capsys,
        "render",
        "dv-outage-close",
        "--previous",
        str(opened),
        "--set",
        "end=16.12.2026 01:00",
        "--set",
        "sender=Jan Kowalski",
    )
    assert code == 0, err
    new = out.partition("----- Poprzednia wiadomość")[0]
    assert new.startswith(
        "Subject: Awaria w Digital Virgo | Digital Virgo outage - CLOSE [HL-300001]"
    )
    assert "Start date: 15.12.2026 22:00 CET" in new
    assert "Czas rozpoczęcia: 15.12.2026 22:00" in new


def test_a_start_that_contradicts_the_quoted_open_is_refused_naming_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, opened, _ = run(capsys, *OPEN)
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    code, out, err = run(
        capsys,
        "render",
        "dv-outage-close",
        "--set",
        "start=15.12.2026 21:00",
        "--set",
        "end=16.12.2026 01:00",
        "--set",
        "sender=Jan Kowalski",
        "--previous",
        str(tmp_path / "open.txt"),
    )
    assert code == 2 and out == ""
    assert "15.12.2026 21:00 różni się od cytowanej wiadomości OPEN (15.12.2026 22:00)" in err
