"""Clean-up of rendered text: small pure ``str -> str`` steps, read top to bottom."""

from __future__ import annotations

import re
from collections.abc import Callable


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def collapse_blank_lines(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text)


def strip_outer_blank_lines(text: str) -> str:
    return text.strip("\n")


def end_with_newline(text: str) -> str:
    return text + "\n"


STEPS: tuple[Callable[[str], str], ...] = (
    normalise_newlines,
    strip_trailing_spaces,
    collapse_blank_lines,
    strip_outer_blank_lines,
    end_with_newline,
)


def clean_body(text: str) -> str:
    for step in STEPS:
        text = step(text)
    return text
