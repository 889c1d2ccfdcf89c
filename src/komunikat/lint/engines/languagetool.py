"""LanguageTool through language-tool-python, for Polish and English.

Two ways to reach it, tried in order:

1. a server named by ``KOMUNIKAT_LANGUAGETOOL_URL`` (a team's own, e.g.
   ``http://lt.example:8081``), probed with a short timeout; it wins;
2. the project's own installation (``.cache/languagetool``, put there by
   ``./dev`` from ``languagetool/pom.xml``): its server on 127.0.0.1 is started
   once and reused by later runs (:mod:`.ltserver`).

The client is language-tool-python's, built with ``remote_server``, so its own
download and its own server start are never triggered. Without either way the
engine is reported as not run, with the reason and what to install.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Any

from . import LANGUAGE_NAMES, EngineStatus, GrammarHit, ltserver

URL_VARIABLE = "KOMUNIKAT_LANGUAGETOOL_URL"
LANGUAGES = {"pl": "pl-PL", "en": "en-US"}
PROBE_TIMEOUT = ltserver.PROBE_TIMEOUT
CHECK_TIMEOUT = 30.0
# a new server loads a language's rules on its first text: seconds, a minute on a busy machine
FIRST_CHECK_TIMEOUT = 180.0
MEMO_SIZE = 4096  # texts whose hits a checker keeps (the site's lint gate re-checks the same)
LOCAL_HOSTS = ltserver.LOCAL_HOSTS


class LanguageToolError(Exception):
    """A check that did not come back; the message is one Polish line."""


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _client_class() -> type:
    import requests
    from language_tool_python import LanguageTool

    class Client(LanguageTool):  # type: ignore[misc]
        """The library's client, with one kept-alive connection and plain failures.

        The library waits 300 s, retries, and turns a 500 or a broken answer
        into an error carrying the whole body; here each failure is one line.
        """

        timeout = FIRST_CHECK_TIMEOUT  # CHECK_TIMEOUT once the server has answered a check

        def __init__(self, language: str, remote_server: str) -> None:
            self._session = requests.Session()
            host = urllib.parse.urlparse(remote_server).hostname or ""
            self._session.trust_env = host not in LOCAL_HOSTS  # no proxy for our own server
            super().__init__(language, remote_server=remote_server)

        def _query_server(
            self,
            url: str,
            params: dict[str, str] | None = None,
            num_tries: int = 1,
            method: str = "get",
        ) -> Any:
            try:
                if method == "post":
                    response = self._session.post(url, data=params, timeout=self.timeout)
                else:
                    response = self._session.get(url, params=params, timeout=self.timeout)
            except requests.Timeout:
                raise LanguageToolError(
                    f"brak odpowiedzi w ciągu {self.timeout:g} s ({url})"
                ) from None
            except requests.RequestException as exc:
                raise LanguageToolError(f"błąd połączenia z {url}: {_one_line(str(exc))}") from None
            with response:
                if response.status_code != 200:
                    raise LanguageToolError(
                        f"serwer odpowiedział błędem HTTP {response.status_code}: "
                        f"{_one_line(response.text) or 'bez treści'}"
                    )
                try:
                    answer = response.json()
                except (ValueError, json.JSONDecodeError):
                    raise LanguageToolError(
                        f"odpowiedź serwera nie jest poprawnym JSON-em: {_one_line(response.text)}"
                    ) from None
            if method == "post" and not (
                isinstance(answer, dict) and isinstance(answer.get("matches"), list)
            ):
                raise LanguageToolError("odpowiedź serwera nie zawiera listy „matches”")
            if method == "post":
                self.timeout = min(self.timeout, CHECK_TIMEOUT)
            return answer

        def close(self) -> None:
            self._session.close()

        def __del__(self) -> None:  # the library's would look for a server of its own
            return

    return Client


class LanguageToolChecker:
    name = "languagetool"

    def __init__(
        self, lang: str, client: Any, where: str, installation: ltserver.Installation | None = None
    ) -> None:
        self.lang = lang
        self._client = client
        self.where = where
        self._installation = installation
        self._memo: dict[tuple[frozenset[str], str], list[GrammarHit]] = {}

    def skip_rules(self, rules: frozenset[str]) -> None:
        """Rules whose every hit would be ignored are not run by the server at all."""
        self._client.disabled_rules.clear()
        self._client.disabled_rules.update(rules)

    def check(self, text: str) -> list[GrammarHit]:
        """Hits for ``text``; raises ``LanguageToolError`` when the server does not answer."""
        key = (frozenset(self._client.disabled_rules), text)
        if key in self._memo:
            return list(self._memo[key])
        if self._installation is not None:
            self._installation.touch()  # the local server's idle clock
        try:
            matches = self._client.check(text)
        except LanguageToolError:
            raise
        except Exception as exc:  # a malformed match, or the library's own errors
            raise LanguageToolError(_one_line(f"{type(exc).__name__}: {exc}")) from None
        hits = []
        for match in matches:
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
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = hits
        return list(hits)


def unavailable_detail(lang: str, reason: str) -> str:
    return (
        f"LanguageTool: {reason} — sprawdzanie gramatyki {LANGUAGE_NAMES[lang]} "
        "nie zostało wykonane"
    )


def probe(url: str, timeout: float = PROBE_TIMEOUT) -> set[str]:
    """Language codes the server at ``url`` offers; raises ``OSError``/``ValueError`` if none."""
    return ltserver.probe(url, timeout)


def _offers(codes: set[str], lang: str) -> bool:
    return LANGUAGES[lang] in codes or lang in codes


_CHECKERS: dict[tuple[str, str], LanguageToolChecker] = {}


def from_server(
    url: str,
    lang: str,
    where: str | None = None,
    installation: ltserver.Installation | None = None,
) -> tuple[LanguageToolChecker | None, EngineStatus]:
    """A checker talking to the server at ``url``; a working one is kept for the process."""
    shown = where or f"serwer {url}"
    checker = _CHECKERS.get((url, lang))
    if checker is not None:
        return checker, EngineStatus("languagetool", lang, True, shown)
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
        reason = f"serwer {url} odrzucił połączenie: {_one_line(str(exc))}"
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, reason))
    checker = _CHECKERS[(url, lang)] = LanguageToolChecker(lang, client, url, installation)
    return checker, EngineStatus("languagetool", lang, True, shown)


def forget_checkers() -> None:
    """Drop the kept clients (a test that stops its server, a long process after ``stop``)."""
    for checker in _CHECKERS.values():
        checker._client.close()
    _CHECKERS.clear()


def from_installation(
    installation: ltserver.Installation, lang: str
) -> tuple[LanguageToolChecker | None, EngineStatus]:
    """The project's server, started or reused, for ``lang``."""
    try:
        state = ltserver.ensure_running(installation)
    except (ltserver.ServerError, OSError) as exc:
        return None, EngineStatus("languagetool", lang, False, unavailable_detail(lang, str(exc)))
    version = installation.version() or "?"
    where = f"lokalny serwer {state.url} (LanguageTool {version}, pid {state.pid})"
    return from_server(state.url, lang, where, installation)


def load(lang: str, project: Path | None = None) -> tuple[LanguageToolChecker | None, EngineStatus]:
    """The checker for ``lang`` from the configured server or the project's own, or why none."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if url:
        return from_server(url, lang)
    return from_installation(ltserver.Installation.of(project), lang)
