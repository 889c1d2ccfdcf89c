"""The per-line scanners take time in proportion to the line for long words and tokens.

Each pattern starts a match only where its token can start (a look-behind), so a
line of thousands of "a." or "a-" pairs is scanned once, not once per position
(200 KB of them took 9 minutes before)."""

from __future__ import annotations

import time

import pytest

from komunikat.lint.tokens import non_prose_spans

SHAPES = {
    "one long word": "a",
    "digits": "1",
    "at signs": "a@",
    "slashes": "a/",
    "colons": "1:",
    "dotted pairs": "a.",
    "hyphenated pairs": "a-",
    "mixed pairs": "a.a-",
}


@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_non_prose_spans_grow_linearly(unit: str) -> None:
    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        best = float("inf")
        for _ in range(3):  # the best of three: a busy machine slows single runs
            non_prose_spans.cache_clear()
            started = time.perf_counter()
            non_prose_spans(text)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(5_000), seconds(20_000)
    # linear: 4× the text costs about 4× the time; quadratic would cost 16×
    assert large < max(small, 0.005) * 8, (small, large)
