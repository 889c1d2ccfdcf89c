"""Which language a part of a message is written in (Polish or English).

Detection uses lingua, restricted to the two languages our messages use, so
short parts are still told apart reliably.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.POLISH, Language.ENGLISH).build()


def detect(text: str) -> str | None:
    """'pl', 'en', or None when the text has no letters to judge by."""
    if not any(ch.isalpha() for ch in text):
        return None
    from lingua import Language

    found = _detector().detect_language_of(text)
    if found == Language.POLISH:
        return "pl"
    if found == Language.ENGLISH:
        return "en"
    return None
