"""Fixed phrases (greetings, closings) and near-misses of them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

CLOSINGS = {
    "pl": re.compile(r"^(Z poważaniem|Pozdrawiam|Z wyrazami szacunku|Łączę wyrazy szacunku)[,.]?$"),
    "en": re.compile(
        r"^(Kind regards|Best regards|Regards|Yours sincerely|Yours faithfully|Sincerely)[,.]?$",
        re.IGNORECASE,
    ),
}


def is_closing(text: str) -> bool:
    """A courtesy closing in either language: where a message's prose ends."""
    stripped = text.strip()
    return any(pattern.match(stripped) for pattern in CLOSINGS.values())


def close_match(text: str, known: Sequence[str], cutoff: float = 0.8) -> str | None:
    """The known phrase ``text`` is a misspelling of (e.g. „Z powaaniem,” → „Z poważaniem,”)."""
    candidates = {k.rstrip(",.!").lower(): k for k in known}
    hits = difflib.get_close_matches(
        text.rstrip(",.!").lower(), list(candidates), n=1, cutoff=cutoff
    )
    return candidates[hits[0]] if hits else None
