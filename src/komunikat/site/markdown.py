"""Safe building blocks for generated Markdown: escaping and code fences.

Every value from ``data/`` and front matter goes through :func:`inline` (or
:func:`cell`): each character that means something to Markdown, to one of the
site's extensions (``attr_list``'s ``{: …}``, links, images, raw HTML, tables)
or to HTML becomes a numeric character reference. Python-Markdown keeps
references as text, so the value reaches the page as text whatever extension
is on; a value can neither open a block (it is one line, and its first
character is escaped when it could open a list or a block) nor add an attribute.
"""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_REFERENCES = str.maketrans({**{c: f"&#{ord(c)};" for c in "`*_[]{}\\|#"}, **_HTML})
# What opens a block at the start of a line: a list, a definition, a tab, an admonition.
_BLOCK_START = re.compile(r"^(?:[-+:=!?~]|\d+[.)])")


def cell(text: object) -> str:
    """Text for a Markdown table cell: escaped like prose, line breaks kept as ``<br>``."""
    return "<br>".join(inline(line) for line in str(text).split("\n"))


def inline(text: object) -> str:
    """Text for running Markdown prose: one line, every Markdown and HTML special escaped."""
    value = " ".join(str(text).splitlines()).strip()
    escaped = value.translate(_REFERENCES)
    start = _BLOCK_START.match(escaped)
    if start:
        end = start.end() - 1
        escaped = f"{escaped[:end]}&#{ord(escaped[end])};{escaped[end + 1 :]}"
    return escaped


def code(text: object) -> str:
    """Text shown as inline code, safe in a table cell or an admonition (unlike a backtick span)."""
    return f"<code>{inline(text)}</code>"


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
