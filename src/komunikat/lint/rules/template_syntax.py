"""template-syntax: the template's Jinja parses; an error points at the tag that opens the broken block.

Jinja reports an unclosed ``{% if %}`` at the end of the file; editors need
the line where the block was opened, so this rule finds the unmatched
opening tag itself.

PASS::

    {% if error %}Błąd: {{ error }}{% endif %}

FAIL::

    {% if error %}Błąd: {{ error }}

FAIL::

    Start: {{ start.en }
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import TemplateSyntaxError

from ...problems import Severity
from ...spec import TemplateSpec
from ..model import Context, SourceFinding
from ..templatesource import parse

ID = "template-syntax"
LEVEL = Severity.ERROR
KIND = ("source",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

BLOCKS = {"if", "for", "block", "macro", "call", "filter", "raw", "with", "autoescape", "trans"}
TAG = re.compile(r"\{%-?\s*(?P<name>\w+)(?P<rest>.*?)-?%\}", re.DOTALL)


def unmatched_opener(text: str) -> tuple[int, int, str] | None:
    """(line, column, tag) of the innermost block tag that is never closed."""
    stack: list[tuple[int, int, str]] = []
    for match in TAG.finditer(text):
        name = match.group("name")
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        is_block_set = name == "set" and "=" not in match.group("rest")
        if name in BLOCKS or is_block_set:
            stack.append((line, column, name))
        elif name.startswith("end") and stack and stack[-1][2] == name[3:]:
            stack.pop()
    return stack[-1] if stack else None


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    yield from check_text(text)


def check_text(text: str) -> Iterator[SourceFinding]:
    try:
        parse(text)
    except TemplateSyntaxError as exc:
        opener = unmatched_opener(text)
        unclosed = "end of template" in exc.message.lower() or "needs to be closed" in exc.message
        if opener and unclosed:
            line, column, name = opener
            yield SourceFinding(
                line,
                column,
                f"blok „{{% {name} %}}” otwarty tutaj nie jest zamknięty; "
                f"dodaj „{{% end{name} %}}”",
                name,
            )
            return
        line = exc.lineno or 1
        source_line = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
        column = max(source_line.find("{"), 0) + 1
        yield SourceFinding(line, column, f"błąd składni Jinja: {exc.message}", source_line.strip())
