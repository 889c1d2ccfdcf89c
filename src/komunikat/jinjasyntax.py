"""Where a Jinja syntax error really is: the tag that was opened and never closed.

Jinja notices an unclosed ``{% if %}`` at the end of the template and an
unclosed ``{{`` wherever the next ``}}`` happens to be; editors need the
line where they opened it. The catalogue's load error and the lint rule
``template-syntax`` both locate the error here.
"""

from __future__ import annotations

import re

from jinja2 import TemplateSyntaxError

BLOCKS = {"if", "for", "block", "macro", "call", "filter", "raw", "with", "autoescape", "trans"}
TAG = re.compile(r"\{%-?\s*(?P<name>\w+)(?P<rest>.*?)-?%\}", re.DOTALL)
CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
OPENER = re.compile(r"\{\{|\{%|\{#")


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def unmatched_opener(text: str) -> tuple[int, int, str] | None:
    """(line, column, tag) of the innermost block tag that is never closed."""
    stack: list[tuple[int, int, str]] = []
    for match in TAG.finditer(text):
        name = match.group("name")
        is_block_set = name == "set" and "=" not in match.group("rest")
        if name in BLOCKS or is_block_set:
            stack.append((*_position(text, match.start()), name))
        elif name.startswith("end") and stack and stack[-1][2] == name[3:]:
            stack.pop()
    return stack[-1] if stack else None


def unclosed_delimiter(text: str) -> tuple[int, int, str] | None:
    """(line, column, delimiter) of the first ``{{``, ``{%`` or ``{#`` never closed.

    A ``{{`` or ``{%`` counts as unclosed when another tag opens before its
    closing delimiter: Jinja would read both as one broken expression.
    """
    position = 0
    while (match := OPENER.search(text, position)) is not None:
        opener = match.group(0)
        end = text.find(CLOSERS[opener], match.end())
        following = OPENER.search(text, match.end())
        runs_on = opener != "{#" and following is not None and following.start() < end
        if end < 0 or runs_on:
            return (*_position(text, match.start()), opener)
        position = end + len(CLOSERS[opener])
    return None


def _at_the_end(exc: TemplateSyntaxError) -> bool:
    return "end of template" in exc.message.lower() or "needs to be closed" in exc.message


def locate(text: str, exc: TemplateSyntaxError) -> tuple[int, int, str]:
    """(line, column, Polish message) of a syntax error in the Jinja source ``text``."""
    line = exc.lineno or 1
    delimiter = unclosed_delimiter(text)
    if delimiter is not None and delimiter[0] <= line:
        at, column, opener = delimiter
        return (
            at,
            column,
            f"błąd składni Jinja: znacznik „{opener}” otwarty tutaj nie jest zamknięty; "
            f"dodaj „{CLOSERS[opener]}”",
        )
    block = unmatched_opener(text)
    if block is not None and _at_the_end(exc):
        at, column, name = block
        return (
            at,
            column,
            f"błąd składni Jinja: blok „{{% {name} %}}” otwarty tutaj nie jest zamknięty; "
            f"dodaj „{{% end{name} %}}”",
        )
    lines = text.split("\n")
    source_line = lines[line - 1] if line <= len(lines) else ""
    return line, max(source_line.find("{"), 0) + 1, f"błąd składni Jinja: {exc.message}"
