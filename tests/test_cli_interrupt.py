"""Ctrl+C at any moment, start-up included, ends with one line and exit 130."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What the installed `komunikat` script runs: the entry point pyproject.toml declares.
ENTRY = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["komunikat"]

# The child sends itself SIGINT while the command's dependencies are being
# imported (the first import of jinja2), then runs the entry point exactly as
# the console script does: a deterministic interrupt "during start-up".
INTERRUPT_DURING_IMPORT = f"""
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "jinja2":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["komunikat", "list"]
module, _, function = {ENTRY!r}.partition(":")
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


def test_an_interrupt_while_the_command_starts_is_one_line_and_exit_130() -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_DURING_IMPORT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == ["komunikat: przerwano (Ctrl+C)"]
    assert done.returncode == 130


@pytest.mark.parametrize("delay", [0.1, 0.25, 0.5])
def test_ctrl_c_soon_after_start_never_prints_a_traceback(delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "komunikat", "list"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert "Traceback" not in stderr
    if child.returncode == 0:
        return  # finished before the signal arrived
    assert child.returncode in (130, -signal.SIGINT)  # -SIGINT: before Python itself started
    assert stderr.splitlines() in ([], ["komunikat: przerwano (Ctrl+C)"])


# The command is running (its modules are imported) when Ctrl+C lands inside a
# callback Python cannot raise from: the weakref callback that frees an import
# lock after a lazy import. Python would print "Exception ignored in …" with a
# traceback and go on; the run must end as any other Ctrl+C does.
INTERRUPT_IN_A_CALLBACK = f"""
import sys, time, weakref
import komunikat.cli

def command(argv=None):
    class Lock:
        pass
    lock = Lock()
    def freed(ref):
        raise KeyboardInterrupt
    ref = weakref.ref(lock, freed)
    del lock
    for _ in range(100):
        time.sleep(0.05)
    print("went on")
    return 0

komunikat.cli.main = command
sys.argv = ["komunikat", "list"]
module, _, function = {ENTRY!r}.partition(":")
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


def test_an_interrupt_swallowed_by_a_callback_still_ends_the_run_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_IN_A_CALLBACK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Exception ignored" not in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == ["komunikat: przerwano (Ctrl+C)"]
    assert "went on" not in done.stdout
    assert done.returncode == 130
