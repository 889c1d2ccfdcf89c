"""The project's own LanguageTool server: found, started once, reused, stopped when unused.

``./dev`` copies LanguageTool (the HTTP server and the Polish and English
modules, from Maven Central, pinned by ``languagetool/pom.xml``) into
``.cache/languagetool/lib``. A JVM takes seconds to start, so no command pays
that each time: the first run that needs LanguageTool starts one server on
127.0.0.1 and a free port, and every later run — the CLI, the site build's
lint gate, the tests, in parallel or not — reuses it.

- ``server.json`` (in ``.cache/languagetool``) names the port and the pids of
  the JVM and of its supervisor; before reuse the JVM must be alive and a real
  LanguageTool must answer ``/v2/languages`` with Polish and English;
- ``server.lock`` (``flock``) makes the start a critical section: of two runs
  starting at once, the second waits and reuses the first one's server;
- ``last-used`` is touched by every check; the supervisor, a small detached
  Python process that owns the JVM (:mod:`.ltsupervisor`), stops it after
  ``IDLE_SECONDS`` without a check (or when told to stop) and removes
  ``server.json``.

Nothing here downloads anything; without Java or the installation the engine
is reported as not run, with what to install.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

CACHE_DIR = Path(".cache") / "languagetool"
POM = Path("languagetool") / "pom.xml"
IDLE_SECONDS = 30 * 60
START_TIMEOUT = 90.0
# the detached process that owns the JVM (run as ``python -m SUPERVISOR supervise …``)
SUPERVISOR = "komunikat.lint.engines.ltsupervisor"
PROBE_TIMEOUT = 3.0
WANTED = ("pl-PL", "en-US")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
INSTALL_HINT = "uruchom ./dev test (albo mvn -q -f languagetool/pom.xml package)"
JAVA_HINT = (
    "zainstaluj Javę 17 i Mavena (Debian/Ubuntu: apt-get install openjdk-17-jre-headless maven)"
)


class ServerError(Exception):
    """The server could not be started or reached; the message is one Polish line."""


class ExitedAtStart(ServerError):
    """The server ended before it answered (a taken port, a broken installation)."""


@dataclass(frozen=True)
class ServerState:
    port: int
    pid: int  # the JVM
    supervisor: int
    started: float
    idle: float

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def package_project() -> Path:
    """The checkout this package is installed from (editable install), or the working directory."""
    checkout = Path(__file__).resolve().parents[4]
    return checkout if (checkout / POM).is_file() else Path.cwd()


@dataclass(frozen=True)
class Installation:
    """Where the project's LanguageTool lives; ``home`` is ``.cache/languagetool``."""

    home: Path

    @classmethod
    def of(cls, project: Path | None = None) -> Installation:
        return cls((project or package_project()) / CACHE_DIR)

    @property
    def lib(self) -> Path:
        return self.home / "lib"

    @property
    def state_file(self) -> Path:
        return self.home / "server.json"

    @property
    def lock_file(self) -> Path:
        return self.home / "server.lock"

    @property
    def used_file(self) -> Path:
        return self.home / "last-used"

    @property
    def log_file(self) -> Path:
        return self.home / "server.log"

    def installed(self) -> bool:
        return (self.lib).is_dir() and any(self.lib.glob("languagetool-server-*.jar"))

    def version(self) -> str | None:
        jars = sorted(self.lib.glob("languagetool-server-*.jar"))
        return jars[-1].stem.removeprefix("languagetool-server-") if jars else None

    def missing(self) -> str | None:
        """Why this installation cannot run (one Polish line), or None."""
        if not self.installed():
            return f"brak lokalnej instalacji w {self.home} — {INSTALL_HINT}"
        if shutil.which("java") is None:
            return f"brak programu java w PATH — {JAVA_HINT}"
        return None

    def touch(self) -> None:
        """Mark the server as used now (the supervisor's idle clock)."""
        with contextlib.suppress(OSError):
            os.utime(self.used_file)


def probe(url: str, timeout: float = PROBE_TIMEOUT) -> set[str]:
    """Language codes the server at ``url`` offers; raises ``OSError``/``ValueError`` if none."""
    endpoint = url.rstrip("/") + "/v2/languages"
    local = urllib.parse.urlparse(endpoint).hostname in LOCAL_HOSTS
    # a proxy from the environment must not stand between us and a server on this machine
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({})) if local else None
    with (opener.open if opener else urllib.request.urlopen)(endpoint, timeout=timeout) as response:
        listed = json.loads(response.read().decode("utf-8"))
    if not isinstance(listed, list):
        raise ValueError("odpowiedź /v2/languages nie jest listą języków")
    codes: set[str] = set()
    for entry in listed:
        if isinstance(entry, dict):
            codes.update(str(entry[key]) for key in ("code", "longCode") if key in entry)
    return codes


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_state(inst: Installation) -> ServerState | None:
    try:
        raw = json.loads(inst.state_file.read_text(encoding="utf-8"))
        return ServerState(**{k: raw[k] for k in ServerState.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(inst: Installation, state: ServerState) -> None:
    temporary = inst.state_file.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(state)), encoding="utf-8")
    os.replace(temporary, inst.state_file)


def answering(state: ServerState) -> bool:
    """The JVM of ``state`` is alive and a LanguageTool with Polish and English answers."""
    if not alive(state.pid):
        return False
    try:
        codes = probe(state.url)
    except (OSError, ValueError):
        return False
    return all(code in codes for code in WANTED)


def running(inst: Installation) -> ServerState | None:
    """The server recorded in ``server.json`` if it can be reused."""
    state = read_state(inst)
    return state if state is not None and answering(state) else None


@contextlib.contextmanager
def _locked(inst: Installation, timeout: float = START_TIMEOUT + 10) -> Iterator[None]:
    inst.home.mkdir(parents=True, exist_ok=True)
    with inst.lock_file.open("a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"inny proces uruchamia LanguageTool od ponad {timeout:.0f} s "
                        f"({inst.lock_file})"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_SPAWNED: list[subprocess.Popen[bytes]] = []  # supervisors this process started (reaped later)


def ensure_running(inst: Installation, idle: float = IDLE_SECONDS) -> ServerState:
    """The reusable server, started if there is none; raises ``ServerError`` with the reason."""
    state = running(inst)
    if state is not None:
        inst.touch()
        return state
    reason = inst.missing()
    if reason is not None:
        raise ServerError(reason)
    with _locked(inst):
        state = running(inst)  # started by another run while this one waited
        if state is None:
            stale = read_state(inst)
            if stale is not None:
                _stop_state(inst, stale)
            try:
                state = _start(inst, idle)
            except ExitedAtStart:
                state = _start(inst, idle)  # once more: another program may have taken the port
    inst.touch()
    return state


def _start(inst: Installation, idle: float) -> ServerState:
    for finished in [p for p in _SPAWNED if p.poll() is not None]:
        _SPAWNED.remove(finished)
    inst.used_file.touch()
    port = _free_port()
    source = str(Path(__file__).resolve().parents[3])
    path = [source, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    with inst.log_file.open("wb") as log:
        supervisor = subprocess.Popen(
            [sys.executable, "-m", SUPERVISOR, "supervise", str(inst.home), str(port), str(idle)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,  # survives the run that started it; not hit by its Ctrl-C
        )
    _SPAWNED.append(supervisor)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if supervisor.poll() is not None:
            raise ExitedAtStart(
                f"serwer LanguageTool zakończył pracę przy starcie: {_last_log_line(inst)}"
            )
        state = read_state(inst)
        if state is not None and state.supervisor == supervisor.pid and answering(state):
            return state
        time.sleep(0.2)
    with contextlib.suppress(OSError):
        os.killpg(supervisor.pid, signal.SIGTERM)
    raise ServerError(f"serwer LanguageTool nie odpowiedział w ciągu {START_TIMEOUT:.0f} s")


def _last_log_line(inst: Installation) -> str:
    try:
        lines = inst.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    meaningful = [line.strip() for line in lines if line.strip()]
    # the JVM's own last words, before the supervisor's line saying that it ended
    own = [line for line in meaningful if not line.startswith("LanguageTool: ")] or meaningful
    return own[-1][:300] if own else f"bez komunikatu (dziennik: {inst.log_file})"


def stop(inst: Installation) -> ServerState | None:
    """Stop the recorded server; the state it had, or None when none was running."""
    with _locked(inst):
        state = read_state(inst)
        if state is None:
            return None
        _stop_state(inst, state)
        return state


def _ours(pid: int, marker: str) -> bool:
    """``pid`` still runs a command naming ``marker`` (a pid in an old file may be reused)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    return marker.encode() in command


def _stop_state(inst: Installation, state: ServerState, timeout: float = 10.0) -> None:
    targets = [
        pid
        for pid, marker in ((state.supervisor, "supervise"), (state.pid, str(state.port)))
        if _ours(pid, marker)
    ]
    for pid in targets:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_ours(pid, "") for pid in targets):
        for child in _SPAWNED:
            child.poll()  # a supervisor this process started: reap it, or it stays a zombie
        time.sleep(0.1)
    for pid in targets:
        if _ours(pid, ""):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        inst.state_file.unlink()


def idle_for(inst: Installation) -> float | None:
    """Seconds since the last check, if known."""
    try:
        return max(0.0, time.time() - inst.used_file.stat().st_mtime)
    except OSError:
        return None
