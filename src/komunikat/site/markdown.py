"""Safe building blocks for generated Markdown: escaping and code fences."""

from __future__ import annotations

import html
import re


def cell(text: object) -> str:
    """Text for a Markdown table cell: escaped like prose, pipes and newlines neutralised."""
    return inline(text).replace("|", "&#124;").replace("\n", "<br>")


def inline(text: object) -> str:
    """Text for running Markdown prose: HTML-escaped, Markdown specials escaped."""
    value = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", value)


def fence(text: str, lang: str = "text", indent: int = 0) -> str:
    """A fenced code block longer than any backtick run in ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in text.rstrip("\n").split("\n"))
    return f"{pad}{ticks}{lang}\n{body}\n{pad}{ticks}"


def table(header: list[str], rows: list[list[object]], raw: tuple[int, ...] = ()) -> str:
    """A Markdown table; columns listed in ``raw`` hold Markdown we built (links)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        cells = [str(c) if i in raw else cell(c) for i, c in enumerate(row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
