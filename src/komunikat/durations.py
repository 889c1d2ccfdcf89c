"""Durations as data files write them: ``0 h``, ``2 h``, ``10 min``, ``1 d``.

Standard library only: the escalation ladders are also counted in the
browser (Pyodide), where the schema's pydantic is not shipped.
"""

from __future__ import annotations

import re
from datetime import timedelta

DURATION = re.compile(r"^(?P<amount>\d+) (?P<unit>min|h|d)$")
UNITS = {"min": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}


def to_timedelta(text: str) -> timedelta:
    """``"2 h"`` → two hours (the schema has checked the format of data files)."""
    match = DURATION.match(text)
    if match is None:
        raise ValueError(f"czas „{text}” ma zły format")
    return int(match.group("amount")) * UNITS[match.group("unit")]
