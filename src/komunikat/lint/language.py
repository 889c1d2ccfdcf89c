"""Which language a part of a message is written in (Polish or English).

Detection uses lingua, restricted to the two languages our messages use, so
short parts are still told apart reliably. Within a part, a sentence is
"foreign" only when lingua is nearly sure of the other language and the
sentence is prose: at least :data:`MIN_WORDS` words, :data:`MIN_LOWERCASE`
of them lower-case (so a role, a company or a product name —
"IT Operator Maintenance Division" — is not a sentence); a sentence with a
Polish letter is never English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .tokens import mask, non_prose_spans, words

OTHER = {"pl": "en", "en": "pl"}
MIN_WORDS = 4
MIN_LOWERCASE = 2
FOREIGN_CONFIDENCE = 0.95  # lingua's confidence in the other language
SENTENCE = re.compile(r".+?(?:[.!?]+(?=\s|$)|$)")  # a dot inside "o.o." does not end one
# a sentence with one of these letters is not English, whatever its other words are
POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.POLISH, Language.ENGLISH).build()


def _language(code: str) -> Any:
    from lingua import Language

    return {"pl": Language.POLISH, "en": Language.ENGLISH}[code]


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


@lru_cache(maxsize=1)
def _sentence_detector() -> Any:
    """Trigram models only: loads in 0.2 s instead of 0.9 s, and a sentence is long enough."""
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(Language.POLISH, Language.ENGLISH)
    return builder.with_low_accuracy_mode().build()


@lru_cache(maxsize=4096)
def _confidence(prose: str, code: str) -> float:
    return float(_sentence_detector().compute_language_confidence(prose, _language(code)))


def foreign_sentences(line: str, lang: str) -> Iterator[tuple[int, str]]:
    """(0-based column, sentence) of each sentence of ``line`` written in the other language."""
    other = OTHER.get(lang)
    if other is None or not any(ch.isalpha() for ch in line):
        return
    spans = non_prose_spans(line)  # a URL or an IP address holds dots that end no sentence
    for match in SENTENCE.finditer(mask(line, spans) if spans else line):
        sentence = line[match.start() : match.end()]
        if other == "en" and not POLISH_LETTERS.isdisjoint(sentence):
            continue
        found = words(sentence)
        if len(found) < MIN_WORDS or sum(w.text[0].islower() for w in found) < MIN_LOWERCASE:
            continue
        if _confidence(" ".join(w.text for w in found), other) >= FOREIGN_CONFIDENCE:
            lead = len(sentence) - len(sentence.lstrip())
            yield match.start() + lead, sentence.strip()
