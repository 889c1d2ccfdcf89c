"""The rules, listed explicitly (no discovery): order is the order of reporting."""

from __future__ import annotations

from types import ModuleType

from .rules import greeting

RULES: tuple[ModuleType, ...] = (greeting,)


def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in RULES}
