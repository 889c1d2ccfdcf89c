"""Characters a reader cannot see: zero-width, bidirectional controls, line separators.

U+202E turns "txt.exe" into "exe.txt" on screen; U+200B splits a word so
that spelling and search miss it. Every Unicode format character (category
``Cf``: U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF,
U+00AD …) and the line/paragraph separators U+2028/U+2029 are reported by
code point, name and column; nothing komunikat sends needs one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_SEPARATORS = frozenset({"Zl", "Zp"})


def is_invisible(char: str) -> bool:
    return char > "\x7f" and (
        unicodedata.category(char) == "Cf" or unicodedata.category(char) in _SEPARATORS
    )


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'bez nazwy')})"


def find_invisible(text: str) -> Iterator[tuple[int, int, str]]:
    """(1-based line, 1-based column, character) of every invisible character."""
    if text.isascii():
        return
    for number, line in enumerate(text.split("\n"), 1):
        if line.isascii():
            continue
        for column, char in enumerate(line, 1):
            if is_invisible(char):
                yield number, column, char


def message(char: str) -> str:
    return f"niewidoczny znak {describe(char)}; usuń go (może zmienić lub ukryć treść)"
