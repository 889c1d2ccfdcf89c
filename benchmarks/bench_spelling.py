"""Prints how fast the spelling (and grammar) rules check every template.

Every template is rendered with its samples in each language and, where it has
an operator variable, for each operator — the documents `komunikat lint` checks.
The first pass runs with empty word caches; later passes reuse them, as a long
`lint` run does.

Run: .venv/bin/python benchmarks/bench_spelling.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from komunikat.catalog import load_catalog
from komunikat.lint.engines import create_engines
from komunikat.lint.model import Context, Document
from komunikat.lint.prose import prose_segments
from komunikat.lint.rules import grammar, spelling
from komunikat.lint.sourcemap import document_from_template
from komunikat.lint.tokens import words

ROOT = Path(__file__).resolve().parents[1]


def documents() -> list[Document]:
    catalog = load_catalog(ROOT)
    docs = []
    for spec in catalog:
        langs: list[str | None] = [None] if spec.layout == "bilingual" else list(spec.languages)
        operators: list[str | None] = [None]
        if any(v.type == "operator" for v in spec.variables):
            operators = [None, *catalog.data.notice_operator_codes()]
        for lang in langs:
            for operator in operators:
                docs.append(document_from_template(catalog, spec, lang=lang, operator=operator))
    return docs


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    catalog = load_catalog(ROOT)
    docs = documents()
    start = time.perf_counter()
    engines = create_engines({"spelling", "grammar"})
    load = time.perf_counter() - start
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    count = sum(len(list(words(s.text))) for d in docs for s in prose_segments(d, catalog.data))

    def spell_all() -> None:
        for doc in docs:
            list(spelling.check(doc, spelling.DEFAULTS, ctx))

    def grammar_all() -> None:
        for doc in docs:
            list(grammar.check(doc, grammar.DEFAULTS, ctx))

    cold = timed(spell_all)
    warm = [timed(spell_all) for _ in range(10)]
    checked = [timed(grammar_all) for _ in range(3)]
    median = statistics.median(warm)
    print(f"documents: {len(docs)} (every template, language and operator); words: {count}")
    print(f"engines load (Hunspell pl+en, Harper, LanguageTool probe): {load * 1000:.0f} ms")
    print(f"spelling, first pass: {cold * 1000:.1f} ms, {count / cold:,.0f} words/s")
    print(f"spelling, cached: median {median * 1000:.1f} ms, {count / median:,.0f} words/s (n=10)")
    best = statistics.median(checked)
    print(f"grammar (Harper EN): median {best * 1000:.1f} ms, {count / best:,.0f} words/s (n=3)")
    for line in engines.summary():
        print(f"  {line}")


if __name__ == "__main__":
    main()
