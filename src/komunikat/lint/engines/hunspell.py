"""Hunspell through chunspell, with the Debian pl_PL and en_US dictionaries.

chunspell encodes each word in the dictionary's own encoding (pl_PL is
ISO-8859-2); a word with a character that encoding cannot hold cannot be in
that dictionary, so it is unknown rather than an exception. Lookups and
suggestions are cached: a notice repeats its words in two languages and every
quoted earlier notice repeats them again.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import LANGUAGE_NAMES, EngineStatus

DICTIONARY_DIR = Path("/usr/share/hunspell")
DICTIONARIES = {"pl": "pl_PL", "en": "en_US"}
PACKAGES = {"pl": "hunspell-pl", "en": "hunspell-en-us"}
MAX_SUGGESTIONS = 5


class HunspellSpeller:
    """One dictionary; ``known`` and ``suggest`` are memoised per word."""

    def __init__(self, lang: str, backend: object) -> None:
        self.lang = lang
        self._backend = backend
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            try:
                found = bool(self._backend.spell(word))  # type: ignore[attr-defined]
            except UnicodeEncodeError:
                found = False
            self._known[word] = found
        return found

    def suggest(self, word: str) -> tuple[str, ...]:
        found = self._suggestions.get(word)
        if found is None:
            try:
                found = tuple(self._backend.suggest(word))[:MAX_SUGGESTIONS]  # type: ignore[attr-defined]
            except UnicodeEncodeError:
                found = ()
            self._suggestions[word] = found
        return found


def missing_detail(lang: str, directory: Path) -> str:
    name = DICTIONARIES[lang]
    return (
        f"brak słownika {directory / name}.dic/.aff — zainstaluj pakiet {PACKAGES[lang]} "
        f"(apt-get install {PACKAGES[lang]}); sprawdzanie pisowni "
        f"{LANGUAGE_NAMES[lang]} nie zostało wykonane"
    )


@cache
def load(
    lang: str, directory: Path = DICTIONARY_DIR
) -> tuple[HunspellSpeller | None, EngineStatus]:
    """The speller for ``lang`` and its status; built once per process and directory."""
    name = DICTIONARIES[lang]
    dic, aff = directory / f"{name}.dic", directory / f"{name}.aff"
    if not (dic.is_file() and aff.is_file()):
        return None, EngineStatus("hunspell", lang, False, missing_detail(lang, directory))
    try:
        from hunspell import Hunspell
    except ImportError as exc:
        detail = f"brak biblioteki chunspell ({exc}) — zainstaluj pakiet Pythona chunspell"
        return None, EngineStatus("hunspell", lang, False, detail)
    try:
        backend = Hunspell(name, hunspell_data_dir=str(directory))
    except Exception as exc:  # the binding raises its own error types for unreadable files
        detail = f"nie udało się wczytać słownika {dic}: {exc}"
        return None, EngineStatus("hunspell", lang, False, detail)
    return HunspellSpeller(lang, backend), EngineStatus("hunspell", lang, True, f"słownik {dic}")
