"""The per-line scanners take time in proportion to the line for long words and tokens.

(Lines made of thousands of "a." or "a-" pairs still cost more than linear time in
the host, file and dotted-name patterns; `komunikat check` bounds a message's
size, see komunikat.limits.)"""

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
}


@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_non_prose_spans_grow_linearly(unit: str) -> None:
    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        non_prose_spans.cache_clear()
        started = time.perf_counter()
        non_prose_spans(text)
        return time.perf_counter() - started

    small, large = seconds(5_000), seconds(20_000)
    # linear: 4× the text costs about 4× the time; quadratic would cost 16×
    assert large < max(small, 0.005) * 8, (small, large)
