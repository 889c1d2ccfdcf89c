"""style: the house style, kept as data in ``data/lint/style/*.yml``.

Vale-like rules, one file per family, each file naming the source of its
wording. They catch what a spelling checker lets through:

- familiar wording („pozdro”, „pzdr”, "thx", "thanks!", "ASAP", „siema” …);
- Polish words whose diacritics were lost and that happen to be valid words
  (Hunspell accepts „Pastwo”, „bd”, „si”, „e”, „planowych”), and the
  mangled forms of seed 000 („Usugi”, „wiadomoci”, „powaaniem”), each with
  its exact correction;
- the seed's English errors ("had been finished", "inform you, that",
  "contact You") and its Polish ones („Dzień Dobry”, „prac planowych”);
- a maintenance sentence in an outage notice ("the maintenance had been
  finished" — the seed reused the wrong template);
- a subject whose „ | ” separator was lost („Prace planowane   Planned
  maintenance”).

A finding points at the exact words and suggests the replacement. Each data
rule has its own level (error, warning or info), language (pl, en, any),
scope (body, subject, any) and optionally the kinds of message it applies
to. The quoted earlier message and the signature/footer lines are not
checked. The option ``disabled`` lists style rule ids (``file.rule``) to
skip.

PASS::

    Szanowni Państwo,

    uprzejmie informujemy o zakończeniu prac planowanych.

FAIL::

    Szanowni Pastwo,

    uprzejmie informujemy o zakoczeniu prac planowych.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...problems import Severity
from ..model import Context, Document, Finding, Line
from ..signature import footer_indexes
from ..stylebook import StyleRule, load_stylebook

ID = "style"
LEVEL = Severity.ERROR
KIND = "message"
OPTIONS: Mapping[str, type] = {"disabled": list}
DEFAULTS: Mapping[str, Any] = {"disabled": []}

PASS = [
    "Szanowni Państwo,\n\nuprzejmie informujemy o zakończeniu prac planowanych.\n",
    "Dear customer,\n\nIf you have any questions, please contact us.\n",
]
FAIL = [
    "Szanowni Pastwo,\n\nuprzejmie informujemy o zakoczeniu prac planowych.\n",
    "Dear customer,\n\nWe would like to inform you that the maintenance had been finished.\n",
    "Dzień dobry,\n\ndzięki za info, pozdro\n",
]


@dataclass(frozen=True)
class StyleFinding(Finding):
    """A finding that carries the level and id of the data rule that made it."""

    level: Severity = Severity.ERROR
    style_id: str = ""


def applies(doc: Document) -> bool:
    return True


def _languages(doc: Document, line: Line) -> set[str]:
    """Languages a line may be in: its part's, the message's, or both when unknown."""
    lang = line.lang or doc.lang
    return {lang, "any"} if lang else {"pl", "en", "any"}


def _selected(rule: StyleRule, doc: Document, line: Line, disabled: set[str]) -> bool:
    spec = rule.spec
    if rule.id in disabled:
        return False
    if spec.scope != "any" and spec.scope != line.zone:
        return False
    if spec.kinds and doc.kind not in spec.kinds:
        return False
    return spec.language in _languages(doc, line)


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    book = load_stylebook(Path(ctx.root))
    disabled = set(options.get("disabled", DEFAULTS["disabled"]))
    skipped = footer_indexes(doc, ctx.data)
    for index, line in doc.indexed("subject", "body"):
        if index in skipped or not line.text.strip():
            continue
        for rule in book.rules:
            if not _selected(rule, doc, line, disabled):
                continue
            for hit in rule.hits(line.text):
                yield StyleFinding(
                    index,
                    hit.start,
                    rule.message(hit),
                    hit.text,
                    (hit.replacement,) if hit.replacement is not None else (),
                    level=Severity(rule.level),
                    style_id=rule.id,
                )
