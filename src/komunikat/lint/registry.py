"""The rules, listed explicitly (no discovery): order is the order of reporting.

A rule is a module with ``ID``, ``LEVEL``, ``OPTIONS``, ``DEFAULTS``, a
docstring that opens with the id and gives PASS/FAIL examples, and ``KIND``:
what it checks, which decides what the runner calls (:data:`KINDS`):

- ``"message"``: ``applies(doc)`` and ``check(doc, options, ctx)`` on every
  document — a template rendered with its samples, or a composed message;
- ``"source"``: ``check_source(spec, text, ctx)`` on every template's source;
- ``"data"``: ``check_text(text)`` on every ``data/*.yml``;
- ``"docs"``: ``check_page(text, catalog)`` on every hand-written page
  ``docs/**/*.md``.
"""

from __future__ import annotations

from types import ModuleType

from .rules import (
    closing,
    docs_fact,
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

KINDS: dict[str, tuple[str, ...]] = {
    "message": ("applies", "check"),
    "source": ("check_source",),
    "data": ("check_text",),
    "docs": ("check_page",),
}

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
    docs_fact,
)


def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in RULES}
