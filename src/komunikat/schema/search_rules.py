"""Schema of hooks/search_pl/rules.yml: the normalisation rules of the Polish search.

The rules are shared by the browser plugin (lunr.pl.js) and its Python mirror
(:mod:`komunikat.site.search_pl`). What a field type cannot say (fold keys are
single letters, every ending is stemmable, no ending twice) is checked by
:func:`cross_check`, which points at the offending key or item like a schema error.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from ..problems import InputError
from ..yamlsource import YamlDoc
from .base import Strict
from .suppliers import Regex

VERSION = 1


def _version(value: int) -> int:
    if value != VERSION:
        raise ValueError(f"nieznana wersja reguł {value}; wpisz „version: {VERSION}”")
    return value


def _positive(value: int) -> int:
    if value < 1:
        raise ValueError(f"„min_stem” musi być dodatnie, a jest {value}; wpisz np. 4")
    return value


def _character_class(text: str) -> str:
    try:
        re.compile(f"[{text}]|[^{text}.*]")  # as used in a word and in the separator
    except re.error as exc:
        raise ValueError(
            f"„{text}” nie jest poprawnym wnętrzem klasy znaków [...]: {exc}; "
            "wpisz zakresy w rodzaju 0-9A-Za-z i znaki \\uXXXX"
        ) from None
    return text


Text = Annotated[str, Field(min_length=1)]
#: A synonym group's name: it becomes part of the index term ``syn:<id>``.
GroupId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


def _boost(value: float) -> float:
    if not 0 < value <= 100:
        raise ValueError(
            f"„boost” musi być większe od 0 i nie większe niż 100, a jest {value:g}; wpisz np. 2"
        )
    return value


def _two_phrases(phrases: list[str]) -> list[str]:
    if len(phrases) < 2:
        raise ValueError(
            "grupa synonimów potrzebuje co najmniej dwóch fraz; dopisz drugą albo usuń grupę"
        )
    return phrases


class SynonymGroup(Strict):
    """Phrases an operator types for one thing; any of them finds the pages with any other."""

    id: GroupId
    phrases: Annotated[list[Text], AfterValidator(_two_phrases)]


class PageBoost(Strict):
    """How much the pages whose source path matches one of ``pages`` weigh in the ranking."""

    pages: Annotated[list[Text], Field(min_length=1)]
    boost: Annotated[float, AfterValidator(_boost)]
    why: Text


class SearchRulesFile(Strict):
    version: Annotated[int, AfterValidator(_version)]
    word_characters: Annotated[str, Field(min_length=1), AfterValidator(_character_class)]
    fold: dict[str, str]
    stemmable: Annotated[Regex, Field(min_length=1)]
    min_stem: Annotated[int, AfterValidator(_positive)]
    suffixes: list[Text]
    synonyms: list[SynonymGroup]
    ranking: list[PageBoost]


def cross_check(doc: YamlDoc, model: SearchRulesFile) -> list[InputError]:
    """Single letters to fold; endings the stemmer can remove, each once."""
    errors: list[InputError] = [
        doc.error(
            ("fold", key),
            f"klucz „{key}” w „fold” nie jest jednym znakiem; wpisz jedną literę, np. „ą: a”",
            at_key=True,
        )
        for key in model.fold
        if len(key) != 1
    ]
    stemmable = re.compile(model.stemmable)
    first: dict[str, int] = {}
    for i, suffix in enumerate(model.suffixes):
        at = ("suffixes", i)
        if not stemmable.fullmatch(suffix):
            errors.append(
                doc.error(
                    at,
                    f"końcówka „{suffix}” nie pasuje do „stemmable” ({model.stemmable}); "
                    "wpisz ją małymi literami bez znaków diakrytycznych (ą→a, ę→e, ó→o)",
                )
            )
        if suffix in first:
            line, _ = doc.position(("suffixes", first[suffix]))
            errors.append(
                doc.error(
                    at,
                    f"końcówka „{suffix}” występuje więcej niż raz (pierwszy raz w wierszu "
                    f"{line}); usuń powtórzenie",
                )
            )
        first.setdefault(suffix, i)
    errors += _repeated(doc, [g.id for g in model.synonyms], "synonyms", "grupa synonimów")
    return errors


def _repeated(doc: YamlDoc, ids: list[str], key: str, what: str) -> list[InputError]:
    """Each name once: a second one points at the first."""
    errors: list[InputError] = []
    first: dict[str, int] = {}
    for i, name in enumerate(ids):
        if name in first:
            line, _ = doc.position((key, first[name], "id"))
            errors.append(
                doc.error(
                    (key, i, "id"),
                    f"{what} „{name}” występuje więcej niż raz (pierwszy raz w wierszu {line}); "
                    "połącz je w jedną albo nadaj inną nazwę",
                )
            )
        first.setdefault(name, i)
    return errors
