"""Spelling and grammar engines, and the record of which ones ran.

Every engine reports whether it is available for a language and, if not, why;
nothing is skipped silently: the report lands in the JSON ``engines`` object
and in the text summary. Engines are built only for the rules that are turned
on and are loaded once per process (see each module's ``load``): a dictionary
or a linter costs a second to build, a LanguageTool server more.

- ``hunspell`` (:mod:`.hunspell`): pl_PL and en_US dictionaries from Debian;
- ``harper`` (:mod:`.harper`): offline English grammar;
- ``languagetool`` (:mod:`.languagetool`): Polish and English grammar, from a
  configured server (``KOMUNIKAT_LANGUAGETOOL_URL``) or the project's own
  (:mod:`.ltserver`: installed by ``./dev`` into ``.cache/languagetool``,
  started once, reused, stopped when unused) — never downloaded at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

SPELLING_LANGUAGES = ("pl", "en")
LANGUAGE_NAMES = {"pl": "PL", "en": "EN"}


@dataclass
class EngineStatus:
    name: str
    lang: str
    available: bool
    detail: str  # what ran (dictionary path, server URL) or why it did not

    def to_json(self) -> dict[str, Any]:
        return {"status": "ok" if self.available else "unavailable", "detail": self.detail}


@dataclass(frozen=True)
class GrammarHit:
    """One engine report on a text: code-point offsets into that text."""

    engine: str
    rule: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()


class Speller(Protocol):
    lang: str

    def known(self, word: str) -> bool: ...

    def suggest(self, word: str) -> tuple[str, ...]: ...


class GrammarChecker(Protocol):
    name: str
    lang: str

    def check(self, text: str) -> list[GrammarHit]: ...


@dataclass
class EngineSet:
    """The engines of one run. Filled by :func:`create_engines`."""

    statuses: list[EngineStatus] = field(default_factory=list)
    spellers: dict[str, Speller] = field(default_factory=dict)
    grammar: dict[str, list[GrammarChecker]] = field(default_factory=dict)

    def status(self, name: str, lang: str) -> EngineStatus | None:
        for status in self.statuses:
            if status.name == name and status.lang == lang:
                return status
        return None

    def mark_failed(self, checker: GrammarChecker, reason: str) -> None:
        """An engine that stopped answering mid-run: drop it and say so."""
        checkers = self.grammar.get(checker.lang, [])
        if checker in checkers:
            checkers.remove(checker)
        status = self.status(checker.name, checker.lang)
        if status is not None:
            status.available = False
            status.detail = reason

    def report(self) -> dict[str, dict[str, dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for status in self.statuses:
            out.setdefault(status.name, {})[status.lang] = status.to_json()
        return out

    def summary(self) -> list[str]:
        lines = []
        for status in self.statuses:
            state = "działa" if status.available else "NIE DZIAŁA"
            lines.append(f"{status.name} [{status.lang}]: {state} — {status.detail}")
        return lines


def create_engines(enabled: set[str]) -> EngineSet:
    """Engines for the rules that are turned on (``enabled`` holds rule ids)."""
    engines = EngineSet()
    if "spelling" in enabled:
        from . import hunspell

        for lang in SPELLING_LANGUAGES:
            speller, status = hunspell.load(lang)
            engines.statuses.append(replace(status))
            if speller is not None:
                engines.spellers[lang] = speller
    if "grammar" in enabled:
        from . import harper, languagetool

        checker, status = harper.load()
        engines.statuses.append(replace(status))
        if checker is not None:
            engines.grammar.setdefault("en", []).append(checker)
        for lang in SPELLING_LANGUAGES:
            lt_checker, lt_status = languagetool.load(lang)
            engines.statuses.append(replace(lt_status))
            if lt_checker is not None:
                engines.grammar.setdefault(lang, []).insert(0, lt_checker)
    return engines
