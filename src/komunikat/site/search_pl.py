"""Polish search: the rules of ``hooks/search_pl/rules.yml`` and the Python mirror of the analyser.

Why this exists
---------------
Material's built-in search runs lunr.js in a web worker. lunr has no Polish
language support, so out of the box every word is indexed verbatim: "awarii"
does not find "awaria", "zakonczenie" (typed without diacritics, as operators
often do) does not find "zakończenie", and punctuation such as "awaria," or
"HL-123456:" can stick to indexed words. ``hooks/search_pl.py`` ships a lunr
language plugin (``hooks/search_pl/lunr.pl.js`` with the rules inlined by
:func:`render_plugin`) and points the search index at it (:func:`configure_index`).

How matching works (see lunr.pl.js for the browser side)
--------------------------------------------------------
* Index: Material's tokenizer splits on ``separator`` and lowercases; the
  plugin trims and folds diacritics ("awarię" -> "awarie"). Positions are
  untouched, so Material highlights the original words in result snippets.
* Query: Material appends ``*`` to every term and lunr skips the search
  pipeline for wildcard terms, so the plugin normalises query clauses in
  ``lunr.Query.prototype.clause`` instead: fold, strip one inflectional ending
  (``stem``) and match the stem as a prefix ("awarii" -> ``awar*``). Because
  a stem is always a prefix of the folded word, partially typed words keep
  matching while the user types.
* Highlighting: result snippets are highlighted by lunr match positions, i.e.
  on the original words. For ``search.highlight`` (on the target page, done
  by a regex over the ``h`` URL parameter) the plugin replaces the result's
  matched terms with the original surface forms seen while indexing
  ("zakoncz" -> "zakończenie").

:class:`PolishAnalyzer` is the Python mirror of the browser analyser;
tests/test_search_pl.py holds the two equal by running the rendered plugin
in Node against the same rules.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import relative
from ..problems import InputError, InputErrors
from ..schema.base import validate
from ..schema.search_rules import SearchRulesFile, cross_check
from ..yamlsource import YamlDoc, load_yaml, read_text
from .search_synonyms import (
    Pattern,
    SynonymGroup,
    build_groups,
    index_expansion,
    phrase_ending,
    word_matches,
)

#: Where the rules and the plugin's JavaScript live, relative to the project root.
ASSET_DIR = Path("hooks") / "search_pl"
RULES_FILE = "rules.yml"
TEMPLATE_FILE = "lunr.pl.js"

#: Language code under which Material's worker loads ``lunr.<lang>.min.js``.
LANG = "pl"
#: Where Material's worker looks for language plugins (relative to site root).
PLUGIN_URI = f"assets/javascripts/lunr/min/lunr.{LANG}.min.js"
#: Search index written by Material's search plugin (relative to site_dir).
INDEX_URI = "search/search_index.json"
#: Placeholder in the JavaScript template replaced by the rules as JSON.
RULES_PLACEHOLDER = "/* @rules */ null"

#: Combining diacritical marks removed after NFD decomposition (same range in JS).
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")


@dataclass(frozen=True)
class PolishRules:
    """The normalisation rules of rules.yml, validated; endings longest first."""

    word_characters: str
    fold: dict[str, str]
    stemmable: str
    min_stem: int
    suffixes: tuple[str, ...]
    synonyms: tuple[SynonymGroup, ...] = ()
    #: (globs over the page's path in docs/, boost), the first match decides
    ranking: tuple[tuple[tuple[str, ...], float], ...] = ()

    @classmethod
    def from_file(
        cls, model: SearchRulesFile, doc: YamlDoc | None = None
    ) -> tuple[PolishRules, list[InputError]]:
        """The rules, with the synonyms read by the analyser they define; errors where
        a phrase reads as nothing or like another phrase."""
        words = cls(
            word_characters=model.word_characters,
            fold=dict(model.fold),
            stemmable=model.stemmable,
            min_stem=model.min_stem,
            # Longest ending first; ties keep the order of the file.
            suffixes=tuple(sorted(model.suffixes, key=len, reverse=True)),
            ranking=tuple((tuple(r.pages), r.boost) for r in model.ranking),
        )
        groups, errors = build_groups(
            [(g.id, g.phrases) for g in model.synonyms], PolishAnalyzer(words).pattern, doc
        )
        return dataclasses.replace(words, synonyms=groups), errors

    def page_boost(self, src_uri: str) -> float | None:
        """The ranking weight of the page at ``src_uri`` (docs/-relative), None: no rule."""
        for globs, boost in self.ranking:
            if any(fnmatch.fnmatchcase(src_uri, glob) for glob in globs):
                return boost
        return None

    @property
    def separator(self) -> str:
        """Regex (JS and Python compatible) that splits text into words."""
        return build_separator(self.word_characters)

    def to_json(self) -> str:
        """Serialise the rules for embedding into the JavaScript plugin."""
        data = {
            "word_characters": self.word_characters,
            "fold": self.fold,
            "stemmable": self.stemmable,
            "min_stem": self.min_stem,
            "suffixes": list(self.suffixes),
            "synonyms": [group.to_json() for group in self.synonyms],
        }
        return json.dumps(data, ensure_ascii=True, sort_keys=True)


def build_separator(word_characters: str) -> str:
    """Return the word separator regex for the given word character class body.

    A separator is a run of non-word characters (HTML entities count as one
    character, because Material indexes HTML-escaped text) or a dot that is
    not followed by a digit, so "2.0" and "10.0.0.1" stay whole. ``*`` never
    separates: Material also splits query terms with this expression, and
    lunr needs the ``*`` of wildcard queries ("*ria"); the trimmer removes it
    from the ends of indexed words.

    The expression is used by Material with ``new RegExp(separator)`` (no
    ``u`` flag), by Material's on-page highlighter inside a larger expression
    and by the Python mirror with ``re``; it avoids lookbehind, which older
    Safari versions cannot compile.
    """
    entity = "&(?:amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);"
    return rf"(?:{entity}|[^{word_characters}.*])+|\.(?![0-9])"


def rules_path(root: Path) -> Path:
    return root / ASSET_DIR / RULES_FILE


def template_path(root: Path) -> Path:
    return root / ASSET_DIR / TEMPLATE_FILE


def load_rules(path: Path, root: Path | None = None) -> PolishRules:
    """Read and validate rules.yml (errors name the file relative to ``root``).

    Re-read whenever the file changes (``mkdocs serve`` rebuilds in one process).
    """
    shown = relative(path, root) if root is not None else str(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0  # load_yaml says what is wrong with the path
    return _load_rules(path, shown, stamp)


@functools.lru_cache(maxsize=4)
def _load_rules(path: Path, shown: str, mtime_ns: int) -> PolishRules:
    del mtime_ns  # only part of the cache key
    doc = load_yaml(path, shown)
    model = validate(SearchRulesFile, doc)
    errors = cross_check(doc, model)
    if errors:
        raise InputErrors(errors)
    rules, phrase_errors = PolishRules.from_file(model, doc)  # read by the rules above
    if phrase_errors:
        raise InputErrors(phrase_errors)
    return rules


class PolishAnalyzer:
    """Python mirror of the browser-side analyser in lunr.pl.js.

    ``tokenize`` + ``index_term`` model what ends up in the lunr index,
    ``query_term`` what a typed query word is reduced to, and ``matches``
    how the two are compared (prefix match of the query stem).
    """

    def __init__(self, rules: PolishRules) -> None:
        self.rules = rules
        self._separator = re.compile(rules.separator)
        self._trim = re.compile(rf"^[^{rules.word_characters}]+|[^{rules.word_characters}]+$")
        self._stemmable = re.compile(rules.stemmable)
        self._fold_table = str.maketrans(rules.fold)

    def tokenize(self, text: str) -> list[str]:
        """Split text into lowercased words like Material's tokenizer does."""
        return [part.lower() for part in self._separator.split(text) if part]

    def trim(self, word: str) -> str:
        """Remove non-word characters from both ends of a word."""
        return self._trim.sub("", word)

    def fold(self, word: str) -> str:
        """Lowercase and remove diacritics ("Łódź" -> "lodz")."""
        mapped = word.lower().translate(self._fold_table)
        return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", mapped))

    def stem(self, word: str) -> str:
        """Remove the longest inflectional ending that leaves min_stem characters."""
        if not self._stemmable.fullmatch(word):
            return word
        for suffix in self.rules.suffixes:
            if len(word) - len(suffix) >= self.rules.min_stem and word.endswith(suffix):
                return word[: -len(suffix)]
        return word

    def index_term(self, word: str) -> str:
        """Normalise an indexed word: trim and fold (no stemming)."""
        return self.fold(self.trim(word))

    def index_terms(self, text: str) -> list[str]:
        """All index terms of a text (one field), in order, with the synonym terms."""
        words = [term for term in map(self.index_term, self.tokenize(text)) if term]
        terms: list[str] = []
        for i, word in enumerate(words):
            terms.append(word)
            terms += [token for token, _ in index_expansion(self.rules.synonyms, words, i)]
        return terms

    def pattern(self, phrase: str) -> Pattern:
        """A synonym phrase as word patterns: query stems, ``*`` where matched as a prefix."""
        return tuple(
            self.query_term(word) + ("*" if self.is_prefix_query(word) else "")
            for word in self.tokenize(phrase)
            if self.query_term(word)
        )

    def query_clauses(self, query: str) -> list[str]:
        """The terms lunr searches for a query: ``stem*``, an exact word or a synonym term.

        A phrase of a synonym group replaces its words by the group's term as
        soon as its last word is read (the browser sees one clause at a time).
        """
        clauses: list[str] = []
        run: list[str] = []  # folded words of the clauses since the last replacement
        for word in self.tokenize(query):
            stem = self.query_term(word)
            if not stem:
                continue
            clauses.append(stem + ("*" if self.is_prefix_query(word) else ""))
            run.append(self.index_term(word))
            found = phrase_ending(self.rules.synonyms, run)
            if found is not None:
                token, length = found
                del clauses[-length:]
                clauses.append(token)
                run = []
        return clauses

    def query_term(self, word: str) -> str:
        """Normalise a query word: trim, fold and stem."""
        return self.stem(self.fold(self.trim(word)))

    def is_prefix_query(self, word: str) -> bool:
        """Whether a query word is matched as a prefix of index terms.

        Material appends ``*`` to plain query words, but pieces that lunr's
        query lexer splits off at a hyphen ("t" in "T-Mobile") arrive without
        one; the browser matches those exactly when shorter than ``min_stem``.
        The mirror applies that stricter rule to every short word.
        """
        return len(self.fold(self.trim(word))) >= self.rules.min_stem

    def matches(self, query: str, text: str) -> bool:
        """Whether every clause of ``query`` matches some index term of ``text``."""
        terms = self.index_terms(text)
        clauses = self.query_clauses(query)
        return bool(clauses) and all(
            any(word_matches(clause, term) for term in terms) for clause in clauses
        )


def render_plugin(rules: PolishRules, template: Path, root: Path | None = None) -> str:
    """lunr.pl.min.js: the JavaScript template with the rules inlined."""
    shown = relative(template, root) if root is not None else str(template)
    text = read_text(template, shown)
    if text.count(RULES_PLACEHOLDER) != 1:
        raise InputError(
            shown,
            0,
            0,
            f"szablon wtyczki musi zawierać dokładnie jedno „{RULES_PLACEHOLDER}”; "
            "przywróć to miejsce na reguły",
        )
    return text.replace(RULES_PLACEHOLDER, rules.to_json())


def configure_index(index: dict[str, Any], rules: PolishRules) -> dict[str, Any]:
    """Point Material's search index at the Polish plugin, separator and trimmer."""
    search_config = index.setdefault("config", {})
    search_config["lang"] = [LANG]
    search_config["separator"] = rules.separator
    search_config["pipeline"] = ["trimmer"]
    return index
