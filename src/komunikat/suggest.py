"""'Did you mean …' hints for names an editor or operator typed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_matches(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    hits = difflib.get_close_matches(name.lower(), list(lowered), n=limit, cutoff=0.6)
    return [lowered[h] for h in hits]


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """A Polish hint sentence, or an empty string when nothing is close."""
    hits = close_matches(name, candidates)
    if not hits:
        return ""
    return " Czy chodziło o " + " lub ".join(f"„{h}”" for h in hits) + "?"
