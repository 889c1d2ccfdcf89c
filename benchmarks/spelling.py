"""Spelling: words per second of the spelling rule against bare Hunspell on the same words.

The documents are what ``komunikat lint`` checks: every template rendered
with its samples, in each language and for each operator. komunikat's figure
is the whole rule (prose segments, tokenising, the accepted vocabulary,
Hunspell behind a per-word memo); the floor is the chunspell binding's
``spell()`` called on exactly the words the rule looks up, each in the
dictionary of its part, in the same process. "First pass" starts with empty
memos, as a new ``komunikat lint`` process does; "warm" is a later pass, as in
a long run (the site's lint gate under ``mkdocs serve``).
"""

from __future__ import annotations

import statistics
from typing import Any

from .harness import ROOT, Options, Row, child, median_time


def documents() -> tuple[Any, list[Any]]:
    from komunikat.catalog import load_catalog
    from komunikat.lint.sourcemap import document_from_template

    catalog = load_catalog(ROOT)
    docs = [
        document_from_template(catalog, catalog.get(tid), lang=lang, operator=operator)
        for spec in catalog
        for tid, lang, operator in catalog.renderings(spec)
    ]
    return catalog, docs


def _looked_up(docs: list[Any], ctx: Any) -> list[tuple[str, str]]:
    """(language, word) of every Hunspell lookup the rule makes, in order, repeats kept."""
    from komunikat.lint.prose import prose_segments
    from komunikat.lint.tokens import words

    found = []
    for doc in docs:
        for segment in prose_segments(doc, ctx.data):
            for word in words(segment.text):
                found.append((segment.lang or "pl", word.text.replace("’", "'")))
    return found


def measure(repeat: str) -> dict[str, Any]:
    from hunspell import Hunspell

    from komunikat.lint import tokens
    from komunikat.lint.engines import create_engines
    from komunikat.lint.engines.hunspell import DICTIONARIES, DICTIONARY_DIR
    from komunikat.lint.model import Context
    from komunikat.lint.rules import spelling

    catalog, docs = documents()
    engines = create_engines({"spelling"})
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)

    def rule() -> None:
        for doc in docs:
            for _ in spelling.check(doc, spelling.DEFAULTS, ctx):
                pass

    def forget() -> None:
        """Back to a new process's state: no per-line or per-word memo, no vocabulary."""
        for memo in (tokens.words, tokens.non_prose_spans, tokens.is_code_line):
            memo.cache_clear()
        spelling._VOCABULARIES.clear()
        for speller in engines.spellers.values():
            speller._known.clear()  # type: ignore[attr-defined]
            speller._suggestions.clear()  # type: ignore[attr-defined]

    lookups = _looked_up(docs, ctx)
    count = len(lookups)
    bare = {
        lang: Hunspell(name, hunspell_data_dir=str(DICTIONARY_DIR))
        for lang, name in DICTIONARIES.items()
    }
    encodable = []
    for lang, word in lookups:
        try:
            bare[lang].spell(word)
            encodable.append((lang, word))
        except UnicodeEncodeError:
            pass

    def floor() -> None:
        for lang, word in encodable:
            bare[lang].spell(word)

    # first passes and the floor in turn, so a slow spell of the machine hits both
    firsts, floors = [], []
    for _ in range(int(repeat)):
        forget()
        firsts.append(median_time(rule, 1))
        floors.append(median_time(floor, 1))
    first, floor_time = statistics.median(firsts), statistics.median(floors)
    warm = median_time(rule, int(repeat))
    return {
        "documents": len(docs),
        "words": count,
        "distinct": len(set(lookups)),
        "first": first,
        "warm": warm,
        "floor": floor_time,
    }


def run(opts: Options) -> list[Row]:
    result = child("spelling:measure", "3" if opts.quick else "15")
    data = result.data
    words = data["words"]
    extra = {k: data[k] for k in ("documents", "words", "distinct")}
    scope = f"{data['documents']} renderings, {words} words ({data['distinct']} distinct)"
    passes = {"first": "rule, first pass (memos empty)", "warm": "rule, warm (later passes)"}
    return [
        Row(
            "spelling",
            measure,
            words / data[key],
            "words/s",
            words / data["floor"],
            "bare Hunspell",
            better="higher",
            budget=2.0,
            peak_mb=result.peak_mb,
            note=scope if key == "first" else "",
            extra=extra,
        )
        for key, measure in passes.items()
    ]
