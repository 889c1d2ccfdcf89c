"""Spelling and grammar engines, and the record of which ones ran.

Every engine reports whether it is available for a language and, if not, why;
nothing is skipped silently: the report lands in the JSON ``engines`` object
and in the text summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EngineStatus:
    name: str
    lang: str
    available: bool
    detail: str  # what ran (dictionary path, server URL) or why it did not

    def to_json(self) -> dict[str, Any]:
        return {"status": "ok" if self.available else "unavailable", "detail": self.detail}


@dataclass
class EngineSet:
    """The engines of one run. Filled by :func:`create_engines`."""

    statuses: list[EngineStatus] = field(default_factory=list)
    spellers: dict[str, Any] = field(default_factory=dict)
    grammar: dict[str, list[Any]] = field(default_factory=dict)

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
    return EngineSet()
