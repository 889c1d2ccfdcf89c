"""Synonyms of the Polish search: groups of phrases that find each other's pages.

The groups are data (``synonyms`` in hooks/search_pl/rules.yml). Both sides of
the search use them the same way, in lunr.pl.js and here:

* index: wherever a field's words say a phrase of a group, the group's term
  (``syn:<id>``) is indexed too, once per word of the phrase and after it, so
  the result list marks the phrase the page uses;
* query: a phrase of a group in the query is replaced by one clause for the
  group's term, so "okno serwisowe" finds "Prace planowane" and the page's
  score is not shared between the two words.

A phrase word is kept as a pattern: its query stem followed by ``*`` when it is
matched as a prefix (``okno*``, ``serwisow*``), bare when it is shorter than
``min_stem`` and must be equal (``nie``). A word of a page or a query matches a
pattern as a query word matches an index term.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..problems import InputError
from ..yamlsource import YamlDoc

#: Index terms of synonym groups: a prefix no typed word can carry (":" separates words).
TOKEN_PREFIX = "syn:"

Pattern = tuple[str, ...]


@dataclass(frozen=True)
class SynonymGroup:
    """One group: its index term and its phrases as word patterns, in the file's order."""

    token: str
    phrases: tuple[Pattern, ...]

    def to_json(self) -> dict[str, object]:
        return {"token": self.token, "phrases": [list(p) for p in self.phrases]}


def word_matches(pattern: str, term: str) -> bool:
    """Whether a folded word (``term``) matches one word pattern of a phrase."""
    if pattern.endswith("*"):
        return term.startswith(pattern[:-1])
    return term == pattern


def phrase_at(phrase: Pattern, terms: Sequence[str], start: int) -> bool:
    """Whether ``phrase`` is said by ``terms[start:]``."""
    end = start + len(phrase)
    return end <= len(terms) and all(
        word_matches(p, t) for p, t in zip(phrase, terms[start:end], strict=True)
    )


def index_expansion(
    groups: Sequence[SynonymGroup], terms: Sequence[str], start: int
) -> list[tuple[str, int]]:
    """The synonym terms indexed after ``terms[start]``: (term, index of the word it marks).

    For each group (in the file's order) its longest phrase that begins at
    ``start``, one term per word of the phrase.
    """
    added: list[tuple[str, int]] = []
    for group in groups:
        longest = max(
            (len(p) for p in group.phrases if phrase_at(p, terms, start)),
            default=0,
        )
        added += [(group.token, start + k) for k in range(longest)]
    return added


def phrase_ending(groups: Sequence[SynonymGroup], terms: Sequence[str]) -> tuple[str, int] | None:
    """The group term and length of the longest phrase that ends with the last of ``terms``.

    ``terms`` are the query's words not yet replaced by a group, folded; ties go
    to the group first in the file.
    """
    best: tuple[str, int] | None = None
    for group in groups:
        for phrase in group.phrases:
            start = len(terms) - len(phrase)
            if start >= 0 and phrase_at(phrase, terms, start):
                if best is None or len(phrase) > best[1]:
                    best = (group.token, len(phrase))
    return best


def build_groups(
    raw: Sequence[tuple[str, Sequence[str]]],
    pattern_of: Callable[[str], Pattern],
    doc: YamlDoc | None = None,
) -> tuple[tuple[SynonymGroup, ...], list[InputError]]:
    """The groups with their phrases as patterns; errors for empty or repeated phrases.

    ``pattern_of`` is the analyser's reading of a phrase (its words as patterns).
    A phrase that reads like another one, in the same group or another, is an
    error at the second one: a phrase belongs to one group.
    """
    errors: list[InputError] = []
    seen: dict[Pattern, tuple[str, str]] = {}
    groups: list[SynonymGroup] = []
    for g, (group_id, phrases) in enumerate(raw):
        patterns: list[Pattern] = []
        for p, phrase in enumerate(phrases):
            pattern = pattern_of(phrase)
            at = ("synonyms", g, "phrases", p)
            if not pattern:
                if doc is not None:
                    errors.append(
                        doc.error(at, f"fraza „{phrase}” nie ma ani jednego słowa; wpisz słowa")
                    )
                continue
            if pattern in seen:
                other_id, other = seen[pattern]
                if doc is not None:
                    errors.append(
                        doc.error(
                            at,
                            f"fraza „{phrase}” czyta się jak „{other}” z grupy „{other_id}”; "
                            "fraza może należeć do jednej grupy i wystąpić w niej raz — usuń ją",
                        )
                    )
                continue
            seen[pattern] = (group_id, phrase)
            patterns.append(pattern)
        groups.append(SynonymGroup(TOKEN_PREFIX + group_id, tuple(patterns)))
    return tuple(groups), errors
