"""One incident from OPEN to CLOSE on the command line: the CLOSE takes what the OPEN says."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from icalendar import Calendar

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


MAINTENANCE_OPEN = [
    "render",
    "dv-maintenance-open",
    "--set",
    "hl=HL-300002",
    "--set",
    "start=20.12.2026 22:00",
    "--set",
    "end=21.12.2026 01:00",
    "--set",
    "services=sms-premium",
    "--set",
    "sender=Anna Nowak",
]


def test_the_close_eml_is_threaded_to_the_open_and_needs_only_the_sender(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, closed = tmp_path / "open.eml", tmp_path / "close.eml"
    assert run(capsys, *MAINTENANCE_OPEN, "--format", "eml", "-o", str(opened))[0] == 0
    code, _, err = run(
        capsys,
        "render",
        "dv-maintenance-close",
        "--previous",
        str(opened),
        "--set",
        "sender=Jan Kowalski",
        "--format",
        "eml",
        "-o",
        str(closed),
    )
    assert code == 0, err
    first = email.message_from_bytes(opened.read_bytes(), policy=email.policy.default)
    later = email.message_from_bytes(closed.read_bytes(), policy=email.policy.default)
    assert later["In-Reply-To"] == first["Message-ID"]
    assert later["References"] == first["Message-ID"]
    assert later["Subject"] == "Prace planowane | Planned maintenance - CLOSE [HL-300002]"
    body = later.get_body(("plain",)).get_content()
    assert "End date: 21.12.2026 01:00 CET" in body.partition("-----")[0]


def test_a_close_quoting_only_the_prolongation_eml_still_refers_to_the_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = tmp_path / "open.eml", tmp_path / "prolongation.eml"
    assert run(capsys, *MAINTENANCE_OPEN, "--format", "eml", "-o", str(opened))[0] == 0
    prolong = ["render", "dv-maintenance-prolongation", "--previous", str(opened)]
    prolong += ["--set", "end=21.12.2026 03:00", "--set", "sender=Jan Kowalski"]
    assert run(capsys, *prolong, "--format", "eml", "-o", str(prolonged))[0] == 0
    close = ["render", "dv-maintenance-close", "--previous", str(prolonged)]
    close += ["--set", "sender=Jan Kowalski", "--format", "eml"]
    # after a prolongation the CLOSE gives the real end: it is asked for, not taken
    code, out, err = run(capsys, *close)
    assert code != 0 and out == ""
    assert "end" in err
    code, out, err = run(capsys, *close, "--set", "end=21.12.2026 02:40")
    assert code == 0, err
    ids = [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Message-ID"]
        for path in (opened, prolonged)
    ]
    later = email.message_from_string(out, policy=email.policy.default)
    assert later["In-Reply-To"] == ids[1]
    assert later["References"] == " ".join(ids)
    own = later.get_body(("plain",)).get_content().partition("-----")[0]
    assert "End date: 21.12.2026 02:40 CET" in own  # the real end, before the prolonged one


def test_a_start_contradicting_the_quoted_prolongation_names_the_prolongation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened, prolonged = tmp_path / "open.eml", tmp_path / "prolongation.eml"
    assert run(capsys, *MAINTENANCE_OPEN, "--format", "eml", "-o", str(opened))[0] == 0
    prolong = ["render", "dv-maintenance-prolongation", "--previous", str(opened)]
    prolong += ["--set", "end=21.12.2026 03:00", "--set", "sender=Jan Kowalski"]
    assert run(capsys, *prolong, "--format", "eml", "-o", str(prolonged))[0] == 0
    close = ["render", "dv-maintenance-close", "--previous", str(prolonged)]
    close += ["--set", "start=20.12.2026 21:00", "--set", "sender=Jan Kowalski"]
    code, out, err = run(capsys, *close)
    assert code == 2 and out == ""
    assert (
        "20.12.2026 21:00 różni się od cytowanej wiadomości PROLONGATION (20.12.2026 22:00)" in err
    )


def test_a_maintenance_eml_carries_its_window_as_a_calendar_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened = tmp_path / "open.eml"
    assert run(capsys, *MAINTENANCE_OPEN, "--format", "eml", "-o", str(opened))[0] == 0
    mail = email.message_from_bytes(opened.read_bytes(), policy=email.policy.default)
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "prace-planowane-HL-300002.ics"
    [event] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Warsaw"
    code, out, _ = run(capsys, *MAINTENANCE_OPEN, "--format", "ics")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")


def test_a_calendar_file_of_an_outage_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, *OPEN, "--format", "ics")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "tylko dla nich" in err
