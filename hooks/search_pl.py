"""Polish-aware search for Material for MkDocs (MkDocs hook).

Why this exists
---------------
Material's built-in search runs lunr.js in a web worker.  lunr has no Polish
language support, so out of the box every word is indexed verbatim: "awarii"
does not find "awaria", "zakonczenie" (typed without diacritics, as operators
often do) does not find "zakończenie", and punctuation such as "awaria," or
"HL-123456:" can stick to indexed words.

What the hook does
------------------
* ``on_files`` emits ``assets/javascripts/lunr/min/lunr.pl.min.js`` - a lunr
  language plugin rendered from ``search_pl/lunr.pl.js`` with the rules of
  ``search_pl/rules.yml`` embedded as JSON.
* ``on_post_build`` (after Material's search plugin has written
  ``search/search_index.json``) sets the index ``config`` to ``lang: ["pl"]``,
  a punctuation-aware ``separator`` and ``pipeline: ["trimmer"]``.  Material's
  worker then loads the plugin with ``importScripts`` like any lunr-languages
  file and calls ``this.use(lunr.pl)`` while building the index.

How matching works (see lunr.pl.js for the browser side)
--------------------------------------------------------
* Index: Material's tokenizer splits on ``separator`` and lowercases; the
  plugin trims and folds diacritics ("awarię" -> "awarie").  Positions are
  untouched, so Material highlights the original words in result snippets.
* Query: Material appends ``*`` to every term and lunr skips the search
  pipeline for wildcard terms, so the plugin normalises query clauses in
  ``lunr.Query.prototype.clause`` instead: fold, strip one inflectional ending
  (``stem``) and match the stem as a prefix ("awarii" -> ``awar*``).  Because
  a stem is always a prefix of the folded word, partially typed words keep
  matching while the user types.
* Highlighting: result snippets are highlighted by lunr match positions, i.e.
  on the original words.  For ``search.highlight`` (on the target page, done
  by a regex over the ``h`` URL parameter) the plugin replaces the result's
  matched terms with the original surface forms seen while indexing
  ("zakoncz" -> "zakończenie").

The module also contains the Python mirror of the analyser (``PolishAnalyzer``)
that tests/test_search_pl.py checks table-driven against the same rules.yml.

Relies on Material for MkDocs 9.x internals (verified against 9.8.1, whose
worker bundles lunr 2.3.9): the ``search_index.json`` ``config`` keys, the
worker's ``importScripts("../lunr/min/lunr.<lang>.min.js")`` convention, the
worker's result message format and Material's position-based highlighting.

The hook keeps no state between builds: rules are re-read (cached by file
modification time) and the outputs are rewritten on every build, so repeated
builds under ``mkdocs serve`` behave like the first one.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

__all__ = [
    "ASSET_DIR",
    "RULES_PATH",
    "TEMPLATE_PATH",
    "PolishAnalyzer",
    "PolishRules",
    "build_separator",
    "load_rules",
    "on_files",
    "on_post_build",
    "on_serve",
    "render_plugin",
]

log = logging.getLogger("mkdocs.hooks.search_pl")

#: Directory with the data and the JavaScript template used by this hook.
ASSET_DIR = Path(__file__).resolve().with_name("search_pl")
RULES_PATH = ASSET_DIR / "rules.yml"
TEMPLATE_PATH = ASSET_DIR / "lunr.pl.js"

#: Language code under which Material's worker loads ``lunr.<lang>.min.js``.
LANG = "pl"
#: Where Material's worker looks for language plugins (relative to site root).
PLUGIN_URI = f"assets/javascripts/lunr/min/lunr.{LANG}.min.js"
#: Search index written by Material's search plugin (relative to site_dir).
INDEX_URI = "search/search_index.json"
#: Placeholder in the JavaScript template replaced by the rules as JSON.
RULES_PLACEHOLDER = "/* @rules */ null"

#: Material major version whose search internals this hook was written for.
SUPPORTED_MATERIAL_MAJOR = 9

#: Combining diacritical marks removed after NFD decomposition (same range in JS).
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")


class RulesError(ValueError):
    """Raised when rules.yml is missing required keys or has invalid values."""


@dataclass(frozen=True)
class PolishRules:
    """The normalisation rules of rules.yml, validated."""

    word_characters: str
    fold: dict[str, str]
    stemmable: str
    min_stem: int
    suffixes: tuple[str, ...]

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
        }
        return json.dumps(data, ensure_ascii=True, sort_keys=True)


def build_separator(word_characters: str) -> str:
    """Return the word separator regex for the given word character class body.

    A separator is a run of non-word characters (HTML entities count as one
    character, because Material indexes HTML-escaped text) or a dot that is
    not followed by a digit, so "2.0" and "10.0.0.1" stay whole.  ``*`` never
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


def _require(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise RulesError(f"{RULES_PATH.name}: '{key}' must be a {kind.__name__}")
    return value


def parse_rules(data: object) -> PolishRules:
    """Validate the parsed YAML document and build :class:`PolishRules`."""
    if not isinstance(data, dict):
        raise RulesError(f"{RULES_PATH.name}: expected a mapping at the top level")
    word_characters = _require(data, "word_characters", str)
    fold = _require(data, "fold", dict)
    stemmable = _require(data, "stemmable", str)
    min_stem = _require(data, "min_stem", int)
    suffixes = _require(data, "suffixes", list)

    if not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in fold.items()):
        raise RulesError(f"{RULES_PATH.name}: 'fold' must map single characters to strings")
    if not all(isinstance(s, str) and re.fullmatch(stemmable, s) for s in suffixes):
        raise RulesError(f"{RULES_PATH.name}: every suffix must be a folded lowercase ending")
    if len(set(suffixes)) != len(suffixes):
        raise RulesError(f"{RULES_PATH.name}: 'suffixes' contains duplicates")
    if min_stem < 1:
        raise RulesError(f"{RULES_PATH.name}: 'min_stem' must be positive")
    re.compile(build_separator(word_characters))

    return PolishRules(
        word_characters=word_characters,
        fold=dict(fold),
        stemmable=stemmable,
        min_stem=min_stem,
        # Longest ending first; ties keep the order of the file.
        suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
    )


@functools.lru_cache(maxsize=4)
def _load_rules_cached(path: Path, mtime_ns: int) -> PolishRules:
    del mtime_ns  # only part of the cache key
    with path.open(encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))


def load_rules(path: Path = RULES_PATH) -> PolishRules:
    """Load rules.yml; re-read whenever the file changes (e.g. under serve)."""
    return _load_rules_cached(path, path.stat().st_mtime_ns)


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
        """All index terms of a text, in order."""
        return [term for term in map(self.index_term, self.tokenize(text)) if term]

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

    def term_matches(self, query_word: str, index_term: str) -> bool:
        """Whether one query word matches one index term."""
        stem = self.query_term(query_word)
        if not stem:
            return False
        if self.is_prefix_query(query_word):
            return index_term.startswith(stem)
        return index_term == stem

    def matches(self, query: str, text: str) -> bool:
        """Whether every word of ``query`` matches some index term of ``text``."""
        terms = self.index_terms(text)
        words = self.tokenize(query)
        return bool(words) and all(
            any(self.term_matches(word, term) for term in terms) for word in words
        )


def render_plugin(rules: PolishRules, template_path: Path = TEMPLATE_PATH) -> str:
    """Render lunr.pl.min.js: the JavaScript template with the rules inlined."""
    template = template_path.read_text(encoding="utf-8")
    if template.count(RULES_PLACEHOLDER) != 1:
        raise RulesError(f"{template_path.name}: expected exactly one '{RULES_PLACEHOLDER}'")
    return template.replace(RULES_PLACEHOLDER, rules.to_json())


def _material_search_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's search plugin is configured and enabled."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            plugin_config = getattr(plugin, "config", None)
            return bool(getattr(plugin_config, "enabled", True))
    return False


def _check_material_version() -> None:
    try:
        from material import __version__ as material_version
    except ImportError:  # pragma: no cover - theme is a hard dependency of the site
        return
    major = material_version.split(".", 1)[0]
    if major != str(SUPPORTED_MATERIAL_MAJOR):
        log.warning(
            "search_pl was written for Material for MkDocs %s.x search internals, "
            "found %s; verify Polish search in a browser",
            SUPPORTED_MATERIAL_MAJOR,
            material_version,
        )


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated lunr.pl.min.js to the site's files."""
    if not _material_search_enabled(config):
        log.info("search_pl: Material's search plugin is not enabled, nothing to do")
        return files
    _check_material_version()
    existing = files.get_file_from_path(PLUGIN_URI)
    if existing is not None:
        log.warning("search_pl: replacing %s with the generated Polish plugin", PLUGIN_URI)
        files.remove(existing)
    content = render_plugin(load_rules())
    files.append(File.generated(config, PLUGIN_URI, content=content))
    return files


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(*, config: MkDocsConfig) -> None:
    """Point the search index at the Polish plugin and separator."""
    if not _material_search_enabled(config):
        return
    path = Path(config.site_dir) / INDEX_URI
    if not path.is_file():
        log.warning("search_pl: %s was not generated; Polish search is not active", INDEX_URI)
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    search_config = index.setdefault("config", {})
    rules = load_rules()
    search_config["lang"] = [LANG]
    search_config["separator"] = rules.separator
    search_config["pipeline"] = ["trimmer"]
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    log.debug("search_pl: configured %s for Polish", INDEX_URI)


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    """Rebuild when the rules or the JavaScript template change."""
    server.watch(str(ASSET_DIR))
    return server
