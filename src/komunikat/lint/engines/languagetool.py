"""LanguageTool through language-tool-python, for Polish and English.

Two ways to reach it, tried in order:

1. a server named by ``KOMUNIKAT_LANGUAGETOOL_URL`` (e.g. ``http://localhost:8081``),
   probed with a short timeout before the client is built;
2. a local installation where language-tool-python keeps its downloads — a
   ``LanguageTool-*`` directory with ``languagetool-server.jar`` under ``LTP_PATH``
   or ``~/.cache/language_tool_python`` — and ``java`` on ``PATH``; its HTTP
   server is started here, once per process, and stopped at exit.

The client's own start-up downloads LanguageTool when it finds none; this
module never calls it: the client only ever talks to a running server. Without
a server or an installation the engine is reported unavailable, with the reason.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from functools import cache
from pathlib import Path
from typing import Any

from . import LANGUAGE_NAMES, EngineStatus, GrammarHit

URL_VARIABLE = "KOMUNIKAT_LANGUAGETOOL_URL"
LANGUAGES = {"pl": "pl-PL", "en": "en-US"}
PROBE_TIMEOUT = 3.0
CHECK_TIMEOUT = 30
START_TIMEOUT = 60.0
JAR_NAMES = ("languagetool-server.jar", "languagetool.jar")


class LanguageToolChecker:
    name = "languagetool"

    def __init__(self, lang: str, client: Any, where: str) -> None:
        self.lang = lang
        self._client = client
        self.where = where

    def check(self, text: str) -> list[GrammarHit]:
        """Hits for ``text``; raises ``LanguageToolError`` when the server stops answering."""
        hits = []
        for match in self._client.check(text):
            hits.append(
                GrammarHit(
                    engine=self.name,
                    rule=str(match.rule_id),
                    start=int(match.offset),
                    end=int(match.offset) + int(match.error_length),
                    message=str(match.message),
                    suggestions=tuple(str(r) for r in match.replacements)[:5],
                )
            )
        return hits


def unavailable_detail(lang: str, reason: str) -> str:
    return (
        f"LanguageTool: {reason} — sprawdzanie gramatyki {LANGUAGE_NAMES[lang]} "
        "nie zostało wykonane"
    )


def download_dir() -> Path:
    """Where language-tool-python keeps its installations (without creating it, as it does)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def local_installation(directory: Path | None = None) -> Path | None:
    """The newest-named ``LanguageTool-*`` directory holding a server jar, if any."""
    base = directory or download_dir()
    if not base.is_dir():
        return None
    found = [
        path
        for path in sorted(base.glob("LanguageTool-*"))
        if path.is_dir() and any((path / jar).is_file() for jar in JAR_NAMES)
    ]
    return found[-1] if found else None


def probe(url: str, timeout: float = PROBE_TIMEOUT) -> set[str]:
    """Language codes the server at ``url`` offers; raises ``OSError``/``ValueError`` if none."""
    endpoint = url.rstrip("/") + "/v2/languages"
    with urllib.request.urlopen(endpoint, timeout=timeout) as response:
        listed = json.loads(response.read().decode("utf-8"))
    if not isinstance(listed, list):
        raise ValueError("odpowiedź /v2/languages nie jest listą języków")
    codes: set[str] = set()
    for entry in listed:
        if isinstance(entry, dict):
            codes.update(str(entry[key]) for key in ("code", "longCode") if key in entry)
    return codes


def _client_class() -> type:
    from language_tool_python import LanguageTool

    class Client(LanguageTool):  # type: ignore[misc]
        """The library's client with a bounded wait on each request (it waits 300 s)."""

        _TIMEOUT = CHECK_TIMEOUT  # type: ignore[assignment]

    return Client


def _offers(codes: set[str], lang: str) -> bool:
    return LANGUAGES[lang] in codes or lang in codes


_CHECKERS: dict[tuple[str, str], LanguageToolChecker] = {}
_STARTED: list[subprocess.Popen[bytes]] = []


def from_server(url: str, lang: str) -> tuple[LanguageToolChecker | None, EngineStatus]:
    """A checker talking to the server at ``url``; a working one is kept for the process."""
    checker = _CHECKERS.get((url, lang))
    if checker is not None:
        return checker, EngineStatus("languagetool", lang, True, f"serwer {url}")
    try:
        codes = probe(url)
    except (OSError, ValueError) as exc:
        reason = f"serwer {url} nie odpowiada: {exc}"
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
    if not _offers(codes, lang):
        reason = f"serwer {url} nie obsługuje języka {LANGUAGES[lang]}"
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
    try:
        client = _client_class()(LANGUAGES[lang], remote_server=url.rstrip("/") + "/")
    except Exception as exc:  # the library wraps network trouble in several error types
        reason = f"serwer {url} odrzucił połączenie: {exc}"
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
    checker = _CHECKERS[(url, lang)] = LanguageToolChecker(lang, client, url)
    return checker, EngineStatus("languagetool", lang, True, f"serwer {url}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        return int(probe_socket.getsockname()[1])


def start_local_server(
    installation: Path, java: str, timeout: float = START_TIMEOUT
) -> tuple[subprocess.Popen[bytes], str]:
    """Start the installation's HTTP server on a free port; (process, base URL) once it answers.

    Started here rather than by the client, which would fall back to
    downloading and retries hundreds of ports when the server does not come up.
    """
    jar = next(installation / name for name in JAR_NAMES if (installation / name).is_file())
    port = _free_port()
    command = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "-p", str(port)]
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _STARTED.append(process)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serwer zakończył pracę z kodem {process.returncode}")
        try:
            probe(url, timeout=1.0)
        except (OSError, ValueError):
            time.sleep(0.2)
            continue
        return process, url
    _stop(process)
    raise RuntimeError(f"serwer nie odpowiedział w ciągu {timeout:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@atexit.register
def stop_local_servers() -> None:
    """Stop the servers this process started (at exit, or when a test is done with them)."""
    while _STARTED:
        _stop(_STARTED.pop())
    _local_server.cache_clear()
    _CHECKERS.clear()


@cache
def _local_server(installation: Path, java: str) -> tuple[str | None, str]:
    """One local server per process, shared by both languages: (URL, or None and why)."""
    try:
        _, url = start_local_server(installation, java)
    except (OSError, RuntimeError, StopIteration) as exc:
        return None, str(exc)
    return url, ""


def from_installation(
    installation: Path, java: str, lang: str
) -> tuple[LanguageToolChecker | None, EngineStatus]:
    url, error = _local_server(installation, java)
    if url is None:
        reason = f"nie udało się uruchomić lokalnej instalacji {installation}: {error}"
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
    checker, status = from_server(url, lang)
    if checker is not None:
        status = EngineStatus(
            "languagetool", lang, True, f"lokalna instalacja {installation} (serwer {url})"
        )
    return checker, status


def load(lang: str) -> tuple[LanguageToolChecker | None, EngineStatus]:
    """The checker for ``lang`` from a server or a local installation, or why there is none."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if url:
        return from_server(url, lang)
    installation = local_installation()
    java = shutil.which("java")
    if installation is not None and java:
        return from_installation(installation, java, lang)
    if installation is not None:
        reason = f"lokalna instalacja {installation} wymaga programu java w PATH"
    else:
        reason = f"brak serwera (ustaw {URL_VARIABLE}) ani lokalnej instalacji"
    return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
