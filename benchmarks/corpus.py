"""Corpus: precision and recall of ``komunikat check`` on tests/corpus, with and without LanguageTool.

The same files and the same counting as ``tests/test_corpus.py`` (true
positive: an expected rule reported; false positive: an error no expectation
allows; false negative: an expected rule not reported). "Without" points the
engine at a port where nothing listens, as on a machine without Java: the
pairs only LanguageTool finds are then counted as misses here, so the
difference is what LanguageTool adds.
"""

from __future__ import annotations

from typing import Any

from .harness import Options, Row, child

OFF = {"KOMUNIKAT_LANGUAGETOOL_URL": "http://127.0.0.1:1", "NO_PROXY": "127.0.0.1"}


def measure() -> dict[str, Any]:
    from tests import test_corpus as corpus

    runs = corpus.all_runs()
    metrics = corpus._metrics_from(runs)
    missed_needs = metrics.left_out  # counted as misses: the question is what the run finds
    overall = metrics.overall()
    grammar = metrics.per_rule.get("grammar", corpus.Tally())
    grammar_warnings = sum(
        1
        for kind, _, run in runs
        if kind == "good"
        for f in run.findings()
        if f["rule"] == "grammar"
    )
    return {
        "ran": metrics.languagetool_ran,
        "precision": overall.precision,
        "recall": overall.tp / (overall.tp + overall.fn + missed_needs),
        "grammar_recall": grammar.tp / (grammar.tp + grammar.fn + missed_needs),
        "grammar_tp": grammar.tp,
        "grammar_pairs": grammar.tp + grammar.fn + missed_needs,
        "good_grammar_warnings": grammar_warnings,
        "files": len(runs),
    }


def run(opts: Options) -> list[Row]:
    on = child("corpus:measure").data
    off = child("corpus:measure", env=OFF).data
    rows = []
    for label, key in (
        ("precision", "precision"),
        ("recall", "recall"),
        ("grammar recall", "grammar_recall"),
    ):
        rows.append(
            Row(
                "corpus",
                f"{label}, with LanguageTool",
                on[key],
                "",
                off[key],
                "without",
                better="higher",
                note="" if on["ran"] else "LanguageTool did not run on this machine",
            )
        )
    rows.append(
        Row(
            "corpus",
            "grammar pairs found, with / without LanguageTool",
            on["grammar_tp"],
            f"of {on['grammar_pairs']}",
            off["grammar_tp"],
            "without",
            better="higher",
        )
    )
    rows.append(
        Row(
            "corpus",
            "grammar warnings in good files, with LanguageTool",
            on["good_grammar_warnings"],
            "",
            limit=0,
            note=f"{on['files']} files checked each way",
        )
    )
    return rows
