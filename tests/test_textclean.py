"""The clean-up steps: fast versions that give what the plain definitions give."""

from __future__ import annotations

import pytest

from komunikat.textclean import clean_body, collapse_blank_lines, strip_trailing_spaces


def reference_clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


SAMPLES = [
    "",
    "a",
    "a  \nb\t\n\n\n\nc \u00a0\n",
    "\n\n  x\r\ny\r\n\r\n\r\n\r\nz\x0b\x0c\n",
    "Dzień dobry,\u2003\n\n\n\n\ninformujemy\n   \n\t\n koniec  ",
    "line\u3000\nline\x1c\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_clean_body_matches_the_plain_definition(text: str) -> None:
    assert clean_body(text) == reference_clean(text)


def test_strip_trailing_spaces_removes_any_whitespace_but_newlines() -> None:
    assert strip_trailing_spaces("a \t\u00a0\nb  \n") == "a\nb\n"


def test_collapse_blank_lines_leaves_text_without_runs_untouched() -> None:
    text = "a\n\nb\n"
    assert collapse_blank_lines(text) is text
