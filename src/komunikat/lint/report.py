"""The result of a lint or check run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem, Severity
from .suppress import Suppression


@dataclass
class Report:
    findings: list[Problem] = field(default_factory=list)
    engines: dict[str, Any] = field(default_factory=dict)
    engine_lines: list[str] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def has_errors(self) -> bool:
        return any(p.severity == Severity.ERROR for p in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [p.to_json() for p in self.findings],
            "engines": self.engines,
            "suppressions": [s.to_json() for s in self.suppressions],
        }
