"""The rules, listed explicitly (no discovery): order is the order of reporting."""

from __future__ import annotations

from types import ModuleType

from .rules import (
    closing,
    footer,
    grammar,
    greeting,
    invisible_character,
    language,
    pii,
    placeholder,
    quote,
    required_fields,
    spelling,
    style,
    subject,
    template_filter,
    template_include,
    template_syntax,
)

RULES: tuple[ModuleType, ...] = (
    greeting,
    closing,
    footer,
    placeholder,
    subject,
    quote,
    language,
    template_syntax,
    template_filter,
    template_include,
    invisible_character,
    style,
    pii,
    spelling,
    grammar,
    required_fields,
)


def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in RULES}
