"""languagetool: the project's own server or a configured one, never a download.

Against the real LanguageTool where it can play the part (the session's server,
``languagetool_server``); the stand-in (tests/lint/engines/ltstub.py) plays
only what a real server cannot: one that is down, slow, answers 500 or
malformed JSON — each must give one clear line, never a traceback.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from komunikat.lint.engines import languagetool, ltserver

from . import ltstub


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    yield


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the real server -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "rule", "flagged"),
    [
        ("pl", "Wczoraj poszłem do serwerowni.", "PL_SIMPLE_REPLACE", "poszłem"),
        ("pl", "Proszę cofnąć się do tyłu o jeden krok.", "COFAC_SIE_DO_TYLU", None),
        ("en", "This is a error in the service.", "EN_A_VS_AN", "a"),
        ("en", "We could of fixed it sooner.", "MODAL_OF", "could of"),
    ],
)
def test_the_project_server_finds_real_errors_in_both_languages(
    languagetool_server: ltserver.ServerState,
    lang: str,
    text: str,
    rule: str,
    flagged: str | None,
) -> None:
    checker, status = languagetool.load(lang)
    assert checker is not None and status.available
    assert status.detail.startswith(f"lokalny serwer {languagetool_server.url} (LanguageTool ")
    hits = [h for h in checker.check(text) if h.rule == rule]
    assert hits, checker.check(text)
    if flagged is not None:
        assert text[hits[0].start : hits[0].end] == flagged


def test_offsets_are_code_points_after_an_emoji(
    languagetool_server: ltserver.ServerState,
) -> None:
    checker, _ = languagetool.load("en")
    assert checker is not None
    text = "Done 😀. This is a error."
    [hit] = [h for h in checker.check(text) if h.rule == "EN_A_VS_AN"]
    assert text[hit.start : hit.end] == "a"


def test_both_languages_share_one_server_reused_by_later_runs(
    languagetool_server: ltserver.ServerState,
) -> None:
    polish, _ = languagetool.load("pl")
    english, _ = languagetool.load("en")
    assert polish is not None and english is not None
    assert polish.where == english.where == languagetool_server.url
    inst = ltserver.Installation.of()
    assert ltserver.running(inst) == languagetool_server  # what server.json names is reused
    assert ltserver.ensure_running(inst) == languagetool_server


def test_a_check_resets_the_idle_clock(languagetool_server: ltserver.ServerState) -> None:
    inst = ltserver.Installation.of()
    checker, _ = languagetool.load("pl")
    assert checker is not None
    checker.check("Dzień dobry.")
    unused = ltserver.idle_for(inst)
    assert unused is not None and unused < 5


# --- a configured server -------------------------------------------------------------------


def test_the_configured_url_wins_over_the_project_server(
    languagetool_server: ltserver.ServerState, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = languagetool_server.url.replace("127.0.0.1", "localhost") + "/"  # "a team's server"
    monkeypatch.setenv(languagetool.URL_VARIABLE, url)
    checker, status = languagetool.load("pl")
    assert checker is not None
    assert status.detail == f"serwer {url}"
    assert [h.rule for h in checker.check("Wczoraj poszłem do domu.")] == ["PL_SIMPLE_REPLACE"]


def test_a_server_that_does_not_answer_is_unavailable_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv(languagetool.URL_VARIABLE, url)
    checker, status = languagetool.load("pl")
    assert checker is None and not status.available
    assert status.detail.startswith(f"LanguageTool: serwer {url} nie odpowiada")
    assert status.detail.endswith("sprawdzanie gramatyki PL nie zostało wykonane")


@pytest.mark.parametrize(
    ("behaviour", "words"),
    [
        ("500", "serwer odpowiedział błędem HTTP 500: Error: internal trouble"),
        ("garbage", "odpowiedź serwera nie jest poprawnym JSON-em: {not json"),
        ("no-matches", "odpowiedź serwera nie zawiera listy „matches”"),
        ("slow", "brak odpowiedzi w ciągu 0.5 s"),
    ],
)
def test_a_broken_answer_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, behaviour: str, words: str
) -> None:
    with ltstub.running() as server:
        checker, _ = languagetool.from_server(server.url, "pl")
        assert checker is not None
        monkeypatch.setattr(checker._client, "timeout", 0.5)
        server.behaviour = behaviour
        with pytest.raises(languagetool.LanguageToolError) as caught:
            checker.check("Wczoraj poszłem.")
    message = str(caught.value)
    assert words in message and "\n" not in message and "Traceback" not in message


# --- the project's installation, without the real JVM ------------------------------------


def fake_home(base: Path, java_script: str | None) -> ltserver.Installation:
    """An installation whose ``java`` runs ``java_script`` (the stub, or a failure)."""
    inst = ltserver.Installation(base / ".cache" / "languagetool")
    inst.lib.mkdir(parents=True)
    (inst.lib / "languagetool-server-6.8.jar").write_bytes(b"")
    if java_script is not None:
        bin_dir = base / "bin"
        bin_dir.mkdir()
        java = bin_dir / "java"
        java.write_text(f'#!/bin/sh\nexec "{sys.executable}" {java_script} "$@"\n', "utf-8")
        java.chmod(0o755)
    return inst


@pytest.fixture
def stub_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[ltserver.Installation]:
    inst = fake_home(tmp_path, f'"{Path(ltstub.__file__)}"')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    yield inst
    ltserver.stop(inst)
    languagetool.forget_checkers()


def test_without_an_installation_nothing_is_downloaded_and_the_fix_is_named(
    tmp_path: Path,
) -> None:
    checker, status = languagetool.load("en", project=tmp_path)
    assert checker is None
    assert status.detail == (
        f"LanguageTool: brak lokalnej instalacji w {tmp_path / '.cache/languagetool'} — "
        "uruchom ./dev test (albo mvn -q -f languagetool/pom.xml package) — sprawdzanie "
        "gramatyki EN nie zostało wykonane"
    )
    assert not (tmp_path / ".cache").exists()


def test_an_installation_without_java_names_the_packages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_home(tmp_path, None)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    checker, status = languagetool.load("pl", project=tmp_path)
    assert checker is None
    assert "brak programu java w PATH" in status.detail
    assert "openjdk-17-jre-headless maven" in status.detail


def test_the_server_is_started_once_recorded_and_stopped(
    stub_home: ltserver.Installation,
) -> None:
    first = ltserver.ensure_running(stub_home)
    assert ltserver.read_state(stub_home) == first
    assert ltserver.ensure_running(stub_home) == first  # reused, not started again
    assert ltserver.stop(stub_home) == first
    assert ltserver.read_state(stub_home) is None
    assert not ltserver.alive(first.pid) or not ltserver.answering(first)


def test_a_recorded_server_that_is_gone_is_replaced(stub_home: ltserver.Installation) -> None:
    stub_home.home.mkdir(parents=True, exist_ok=True)
    stub_home.state_file.write_text(
        f'{{"port": {closed_port()}, "pid": 999999, "supervisor": 999998, '
        '"started": 0, "idle": 60}',
        encoding="utf-8",
    )
    state = ltserver.ensure_running(stub_home)
    assert state.pid != 999999 and ltserver.answering(state)


def test_an_unused_server_stops_by_itself(stub_home: ltserver.Installation) -> None:
    state = ltserver.ensure_running(stub_home, idle=1.0)
    ltserver.time.sleep(4)
    assert ltserver.read_state(stub_home) is None
    assert not ltserver.answering(state)


def test_a_server_that_exits_at_start_gives_its_last_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inst = fake_home(tmp_path, "-c 'import sys; sys.exit(\"Error: no Polish module\")'")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    checker, status = languagetool.load("pl", project=tmp_path)
    assert checker is None
    assert "serwer LanguageTool zakończył pracę przy starcie" in status.detail
    assert ltserver.read_state(inst) is None


def test_a_text_checked_again_in_one_process_is_answered_from_the_memo() -> None:
    with ltstub.running() as server:
        checker, _ = languagetool.from_server(server.url, "pl")
        assert checker is not None
        first = checker.check("Wczoraj poszłem.")
        assert checker.check("Wczoraj poszłem.") == first
        checker.skip_rules(frozenset({"POSZLEM"}))  # other rules: asked again
        checker.check("Wczoraj poszłem.")
    assert len(server.requests) == 2


def test_the_first_check_may_take_long_the_later_ones_may_not() -> None:
    """A new server loads a language's rules on its first text (a minute on a busy machine)."""
    with ltstub.running() as server:
        checker, _ = languagetool.from_server(server.url, "en")
        assert checker is not None
        assert checker._client.timeout == languagetool.FIRST_CHECK_TIMEOUT
        checker.check("A test.")
    assert checker._client.timeout == languagetool.CHECK_TIMEOUT
