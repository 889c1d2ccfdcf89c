"""hunspell: the Debian pl_PL and en_US dictionaries through chunspell."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.lint.engines import hunspell


@pytest.mark.parametrize(
    ("lang", "word", "known"),
    [
        ("pl", "poważaniem", True),
        ("pl", "Uprzejmie", True),
        ("pl", "UPRZEJMIE", True),
        ("pl", "zaistniałych", True),
        ("pl", "powaaniem", False),
        ("pl", "serwis", True),
        ("en", "serwis", False),
        ("en", "Gateway", True),
        ("en", "Timeout", True),
        ("en", "maintenance", True),
        ("en", "maintenanse", False),
        ("pl", "naïve", False),  # not representable in ISO-8859-2: unknown, not an exception
        ("pl", "日本", False),
    ],
)
def test_words_are_looked_up_in_the_dictionary_of_their_language(
    lang: str, word: str, known: bool
) -> None:
    speller, status = hunspell.load(lang)
    assert status.available and speller is not None
    assert speller.known(word) is known


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [("Upzejmie", "Uprzejmie"), ("powaaniem", "poważaniem"), ("zaistniaaych", "zaistniałych")],
)
def test_polish_suggestions_come_from_hunspell_at_most_five(word: str, suggestion: str) -> None:
    speller, _ = hunspell.load("pl")
    assert speller is not None
    found = speller.suggest(word)
    assert suggestion in found
    assert len(found) <= hunspell.MAX_SUGGESTIONS


def test_dictionaries_are_loaded_once_per_process() -> None:
    assert hunspell.load("pl")[0] is hunspell.load("pl")[0]


@pytest.mark.parametrize(("lang", "package"), [("pl", "hunspell-pl"), ("en", "hunspell-en-us")])
def test_a_missing_dictionary_is_unavailable_and_names_the_package_to_install(
    tmp_path: Path, lang: str, package: str
) -> None:
    speller, status = hunspell.load(lang, tmp_path)
    assert speller is None
    assert status.to_json()["status"] == "unavailable"
    assert f"apt-get install {package}" in status.detail
    assert "nie zostało wykonane" in status.detail


def test_the_status_of_a_loaded_dictionary_names_its_file() -> None:
    _, status = hunspell.load("pl")
    assert status.to_json() == {
        "status": "ok",
        "detail": "słownik /usr/share/hunspell/pl_PL.dic",
    }
