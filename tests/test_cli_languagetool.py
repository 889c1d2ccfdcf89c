"""`komunikat languagetool status|start|stop`: the project's server by hand, in Polish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.engines import languagetool, ltserver

from .lint.engines import ltstub
from .lint.engines.test_languagetool import fake_home


@pytest.fixture
def stub_project(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A checkout whose LanguageTool is the stand-in server (no JVM needed)."""
    fake_home(tmp_path, f'"{Path(ltstub.__file__)}"')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setattr(ltserver, "package_project", lambda: tmp_path)
    yield tmp_path
    ltserver.stop(ltserver.Installation.of(tmp_path))


def test_status_start_status_stop(stub_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languagetool", "status"]) == 1
    assert "LanguageTool 6.8: nie działa — zainstalowany w" in capsys.readouterr().out
    assert main(["languagetool", "start"]) == 0
    started = capsys.readouterr().out
    assert started.startswith("LanguageTool 6.8: działa — http://127.0.0.1:")
    assert "zatrzyma się sam za 30 min" in started
    assert main(["languagetool", "status"]) == 0
    assert capsys.readouterr().out.split(" (pid")[0] == started.split(" (pid")[0]
    assert main(["languagetool", "stop"]) == 0
    assert capsys.readouterr().out.startswith("LanguageTool: zatrzymano serwer http://127.0.0.1:")
    assert main(["languagetool", "stop"]) == 0
    assert capsys.readouterr().out == "LanguageTool: serwer nie działał\n"


def test_without_an_installation_status_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setattr(ltserver, "package_project", lambda: tmp_path)
    assert main(["languagetool", "status"]) == 1
    assert "uruchom ./dev test" in capsys.readouterr().out
    assert main(["languagetool", "start"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("LanguageTool: nie uruchomiono — brak lokalnej instalacji")
    assert len(err.splitlines()) == 1
