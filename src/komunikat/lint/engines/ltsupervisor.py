"""The supervisor of the project's LanguageTool server: the detached process that owns the JVM.

:mod:`.ltserver` (the side of every run that needs LanguageTool) starts this
module as ``python -m komunikat.lint.engines.ltsupervisor supervise HOME PORT
IDLE`` in a session of its own. It starts the JVM on 127.0.0.1 and ``PORT``,
records it in ``server.json``, and stops it when it is told to (a signal),
when it exits by itself, or after ``IDLE`` seconds in which no run touched
``last-used``; then it removes ``server.json`` if it still names this server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .ltserver import (
    START_TIMEOUT,
    Installation,
    ServerState,
    answering,
    idle_for,
    read_state,
    write_state,
)

SERVER_CLASS = "org.languagetool.server.HTTPServer"
JAVA_OPTIONS = ("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC")
# sentences repeat across languages, operators and runs: LanguageTool's own cache answers them
SERVER_PROPERTIES = "cacheSize=5000\ncacheTTLSeconds=3600\npipelineCaching=true\n"


def java_command(inst: Installation, port: int) -> list[str]:
    java = shutil.which("java") or "java"
    properties = inst.home / "server.properties"
    properties.write_text(SERVER_PROPERTIES, encoding="utf-8")
    classpath = str(inst.lib / "*")
    # no --public: the server accepts connections from this machine only
    return [
        java,
        *JAVA_OPTIONS,
        "-cp",
        classpath,
        SERVER_CLASS,
        "--config",
        str(properties),
        "-p",
        str(port),
    ]


def supervise(home: Path, port: int, idle: float) -> int:
    """Run the JVM until it exits, is told to stop, or ``idle`` seconds pass without a check."""
    inst = Installation(home)

    def stop_now(signum: int, frame: object) -> None:
        raise SystemExit(0)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop_now)
    jvm = subprocess.Popen(
        java_command(inst, port), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
    )
    state = ServerState(port, jvm.pid, os.getpid(), time.time(), idle)
    try:
        write_state(inst, state)
        deadline = time.monotonic() + START_TIMEOUT
        while jvm.poll() is None and not answering(state) and time.monotonic() < deadline:
            time.sleep(0.2)
        inst.touch()  # the idle clock starts once the server answers, not while the JVM loads
        while jvm.poll() is None:
            unused = idle_for(inst)
            if unused is not None and unused > idle:
                print(f"LanguageTool: {unused:.0f} s bez sprawdzania — zatrzymuję", flush=True)
                break
            time.sleep(min(5.0, max(idle / 10, 0.2)))
        else:
            print(f"LanguageTool: JVM zakończyła pracę z kodem {jvm.returncode}", flush=True)
    finally:
        if jvm.poll() is None:
            jvm.terminate()
            try:
                jvm.wait(timeout=10)
            except subprocess.TimeoutExpired:
                jvm.kill()
                jvm.wait()
        if read_state(inst) == state:
            with contextlib.suppress(OSError):
                inst.state_file.unlink()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "supervise":
        sys.exit(supervise(Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])))
    print("usage: python -m komunikat.lint.engines.ltsupervisor supervise HOME PORT IDLE")
    sys.exit(2)
