"""languagetool: a configured server or a local installation, never a download.

The server is a stub (tests/lint/engines/ltstub.py) answering ``/v2/languages``
and ``/v2/check`` as LanguageTool does, reached through language-tool-python's
own client; every stub stops by itself.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from komunikat.lint.engines import languagetool

from . import ltstub


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    yield
    languagetool.stop_local_servers()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(("lang", "tag"), [("pl", "pl-PL"), ("en", "en-US")])
def test_a_configured_server_checks_its_language_through_the_client(lang: str, tag: str) -> None:
    with ltstub.running() as server:
        checker, status = languagetool.from_server(server.url, lang)
        assert checker is not None and status.available
        hits = checker.check("Wczoraj poszłem 😀 i to jest a error.")
    assert [(h.rule, h.start, h.end) for h in hits] == [
        ("POSZLEM", 8, 15),
        ("EN_A_VS_AN", 28, 35),
    ]
    assert server.requests[-1]["language"] == tag


def test_the_server_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with ltstub.running() as server:
        monkeypatch.setenv(languagetool.URL_VARIABLE, server.url + "/")
        checker, status = languagetool.load("pl")
    assert checker is not None
    assert status.detail == f"serwer {server.url}/"


def test_a_server_that_does_not_answer_is_unavailable_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv(languagetool.URL_VARIABLE, url)
    checker, status = languagetool.load("pl")
    assert checker is None and not status.available
    assert status.detail.startswith(f"LanguageTool: serwer {url} nie odpowiada")
    assert status.detail.endswith("sprawdzanie gramatyki PL nie zostało wykonane")


def test_without_server_or_installation_nothing_is_downloaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "cache"))
    checker, status = languagetool.load("en")
    assert checker is None
    assert status.detail == (
        "LanguageTool: brak serwera (ustaw KOMUNIKAT_LANGUAGETOOL_URL) ani lokalnej "
        "instalacji — sprawdzanie gramatyki EN nie zostało wykonane"
    )
    assert not (tmp_path / "cache").exists()


def fake_installation(base: Path) -> Path:
    installation = base / "LanguageTool-6.6"
    installation.mkdir(parents=True)
    (installation / "languagetool-server.jar").write_bytes(b"")
    return installation


def fake_java(directory: Path, script: str) -> Path:
    """A ``java`` that runs ``script`` with the server's arguments."""
    directory.mkdir(parents=True, exist_ok=True)
    java = directory / "java"
    java.write_text(f'#!/bin/sh\nexec "{sys.executable}" {script} "$@"\n', encoding="utf-8")
    java.chmod(0o755)
    return java


def test_a_local_installation_needs_java(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    installation = fake_installation(tmp_path)
    checker, status = languagetool.load("pl")
    assert checker is None
    assert f"lokalna instalacja {installation} wymaga programu java w PATH" in status.detail


def test_a_local_installation_is_started_once_and_serves_both_languages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    installation = fake_installation(tmp_path)
    java = fake_java(tmp_path / "bin", f'"{Path(ltstub.__file__)}"')
    monkeypatch.setenv("PATH", str(java.parent))
    polish, polish_status = languagetool.load("pl")
    english, english_status = languagetool.load("en")
    assert english_status.available
    assert polish is not None and english is not None
    assert polish_status.detail.startswith(f"lokalna instalacja {installation} (serwer http://")
    assert polish.where == english.where  # one server for both
    assert [h.rule for h in polish.check("Wczoraj poszłem.")] == ["POSZLEM"]


def test_a_local_server_that_exits_is_unavailable_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    fake_installation(tmp_path)
    java = fake_java(tmp_path / "bin", "-c 'raise SystemExit(3)'")
    monkeypatch.setenv("PATH", str(java.parent))
    checker, status = languagetool.load("pl")
    assert checker is None
    assert "serwer zakończył pracę z kodem 3" in status.detail


def test_local_installation_is_looked_for_without_creating_the_cache(tmp_path: Path) -> None:
    assert languagetool.local_installation(tmp_path / "absent") is None
    assert not (tmp_path / "absent").exists()
    (tmp_path / "LanguageTool-6.6").mkdir()  # no jar: not an installation
    assert languagetool.local_installation(tmp_path) is None
