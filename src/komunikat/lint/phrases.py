"""Fixed phrases (greetings, closings) and near-misses of them."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def close_match(text: str, known: Sequence[str], cutoff: float = 0.8) -> str | None:
    """The known phrase ``text`` is a misspelling of (e.g. „Z powaaniem,” → „Z poważaniem,”)."""
    candidates = {k.rstrip(",.!").lower(): k for k in known}
    hits = difflib.get_close_matches(
        text.rstrip(",.!").lower(), list(candidates), n=1, cutoff=cutoff
    )
    return candidates[hits[0]] if hits else None
