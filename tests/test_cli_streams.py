"""The command's own output streams failing: a closed pipe, a full disk, a closed stdout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KOMUNIKAT = [sys.executable, "-m", "komunikat.cli"]


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    child = subprocess.Popen(
        [*KOMUNIKAT, "list"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like `| head -0`: nobody reads what komunikat writes
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141  # 128 + SIGPIPE, as a shell pipeline reports it
    assert err == ""


def test_a_full_disk_on_stdout_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*KOMUNIKAT, "list"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert err.count("\n") == 1 and "nie można wypisać wyniku" in err, err


def test_a_closed_stdout_is_one_line_and_exit_2() -> None:
    done = subprocess.run(
        ["bash", "-c", f"'{sys.executable}' -m komunikat.cli list >&-"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        timeout=60,
    )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert err.count("\n") == 1 and "stdout" in err, err


def test_check_refuses_a_message_over_the_size_limit_in_one_line(tmp_path: Path) -> None:
    from komunikat.limits import MAX_MESSAGE_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"Subject: Test\n\n" + b"Dzien dobry.\n" * (MAX_MESSAGE_BYTES // 13 + 1))
    done = subprocess.run(
        [*KOMUNIKAT, "check", str(big)], cwd=ROOT, capture_output=True, timeout=60
    )
    err = done.stderr.decode()
    assert done.returncode == 2 and done.stdout == b""
    assert err.count("\n") == 1 and f"{big}:1:1: wiadomość ma ponad 500 000 bajtów" in err, err
