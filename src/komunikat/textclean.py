"""Clean-up of rendered text: small pure ``str -> str`` steps, read top to bottom."""

from __future__ import annotations

import re
from collections.abc import Callable

BLANK_RUN = re.compile(r"\n{3,}")


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_trailing_spaces(text: str) -> str:
    return "\n".join([line.rstrip() for line in text.split("\n")])


def collapse_blank_lines(text: str) -> str:
    # a regex without a literal prefix tries every position; most texts need nothing
    if "\n\n\n" not in text:
        return text
    return BLANK_RUN.sub("\n\n", text)


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
