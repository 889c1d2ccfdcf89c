"""grammar: grammar and usage, by LanguageTool (Polish, English) and Harper (English).

Harper runs offline on every English part. LanguageTool checks both languages
through the project's own server (installed by ``./dev`` into
``.cache/languagetool``, started once and reused) or a team's server named by
``KOMUNIKAT_LANGUAGETOOL_URL``; where neither runs, the engine summary says
that Polish grammar was not checked. Each engine hit is placed at its line and
column.

Spelling is the spelling rule's, not this one's: Hunspell speaks for Polish
(and English) spelling, and LanguageTool's spellers (Morfologik,
``MORFOLOGIK_RULE_*``) are switched off in data/lint/grammar-ignore.yml. Why
Hunspell: it is the one engine that runs on every machine (a Debian package,
no Java), so a word is judged the same with or without LanguageTool; it
already knows the project vocabulary (data/lint/accept.txt and the names in
data/*.yml) and suggests from the same dictionary the site's editors use; and
with both spellers on, every unknown word would be reported twice. The
project vocabulary applies to LanguageTool's other rules too: a hit on exactly
an accepted term („DirectBilling”, „CommCell”) is dropped.

The prose is the same as for the spelling rule: no quoted mails, no footer, no
commands or output, and hits on URLs, addresses, numbers, dates or ids are
dropped. Engine rules that raise false alarms on our notices are listed, each
with its reason, in data/lint/grammar-ignore.yml.

Level: warning. The engines give advice, not certainty; a false alarm is
silenced by an entry in data/lint/grammar-ignore.yml, and the shipped
templates raise none.

PASS::

    Hello,

    Your request has been registered.

PASS::

    Dear customer,

    We would like to inform you that the planned maintenance has been completed.

FAIL::

    Hello,

    The maintenance will last longer then expected.

FAIL::

    Hello,

    We will inform you about it's completion as soon as as possible.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, field_validator

from ...problems import Severity
from ...schema.base import Strict
from .. import advice
from ..engines import LANGUAGE_NAMES, GrammarChecker, GrammarHit
from ..model import Context, Document, Finding
from ..prose import Segment, prose_segments
from ..tokens import non_prose_spans, overlaps
from .spelling import Vocabulary, vocabulary

ID = "grammar"
LEVEL = Severity.WARNING
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

ENGINE_LABELS = {"harper": "Harper", "languagetool": "LanguageTool"}


class IgnoreEntry(Strict):
    engine: Literal["harper", "languagetool"]
    rule: str = Field(min_length=1)  # the engine's rule id; "*" and "?" as in file names
    lang: Literal["pl", "en"] | None = None
    text: str | None = None  # regular expression the flagged text must match whole
    line: str | None = None  # regular expression found in the flagged line
    reason: str = Field(min_length=1)

    @field_validator("text", "line")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"niepoprawne wyrażenie regularne: {exc}") from exc
        return value

    def matches(self, hit: GrammarHit, lang: str, flagged: str, line: str) -> bool:
        return (
            self.engine == hit.engine
            and fnmatch.fnmatchcase(hit.rule, self.rule)
            and (self.lang is None or self.lang == lang)
            and (self.text is None or re.fullmatch(self.text, flagged) is not None)
            and (self.line is None or re.search(self.line, line) is not None)
        )


class IgnoreFile(Strict):
    source: str = Field(min_length=1)
    ignore: list[IgnoreEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """A text handed to an engine, and where each of its lines sits in the document."""

    lang: str
    text: str
    starts: tuple[tuple[int, int, int], ...]  # (offset in text, line index, offset in line)

    def place(self, offset: int) -> tuple[int, int]:
        """(line index, column) of a code-point offset into ``text``."""
        found = self.starts[0]
        for entry in self.starts:
            if entry[0] > offset:
                break
            found = entry
        return found[1], found[2] + offset - found[0]


def chunks(doc: Document, segments: list[Segment]) -> list[Chunk]:
    """One chunk per subject half and per language part; skipped lines stay blank."""
    found: list[Chunk] = []
    for segment in segments:
        if segment.part is None and segment.lang:
            found.append(Chunk(segment.lang, segment.text, ((0, segment.index, segment.start),)))
    by_part: dict[int, list[Segment]] = {}
    for segment in segments:
        if segment.part is not None:
            by_part.setdefault(segment.part, []).append(segment)
    for number, part_segments in sorted(by_part.items()):
        part = doc.parts[number]
        if part.lang is None:
            continue
        prose = {s.index: s for s in part_segments}
        pieces: list[str] = []
        starts: list[tuple[int, int, int]] = []
        offset = 0
        for index in range(part.start, part.end):
            # trailing blanks are invisible in a mail (a Markdown line break): not sent
            text = prose[index].text.rstrip() if index in prose else ""
            starts.append((offset, index, 0))
            pieces.append(text)
            offset += len(text) + 1
        found.append(Chunk(part.lang, "\n".join(pieces), tuple(starts)))
    return found


def applies(doc: Document) -> bool:
    return True


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    ignored = ctx.files.grammar_ignore
    vocab = vocabulary(ctx)
    seen: set[tuple[int, int]] = set()  # one finding per place: LanguageTool's, then Harper's
    for chunk in chunks(doc, prose_segments(doc, ctx.data)):
        checkers = list(ctx.engines.grammar.get(chunk.lang, []))
        if not checkers:
            _note_unchecked(ctx, chunk.lang)
        for checker in checkers:
            for hit in _run(checker, chunk.text, ctx, ignored):
                finding = _finding(doc, chunk, hit, ignored, vocab)
                if finding is None:
                    continue
                key = (finding.index, finding.column)
                if key not in seen:
                    seen.add(key)
                    yield finding


def always_ignored(checker: GrammarChecker, ignored: tuple[IgnoreEntry, ...]) -> frozenset[str]:
    """Rule ids of ``checker`` ignored whatever the text, line or language."""
    return frozenset(
        e.rule
        for e in ignored
        if e.engine == checker.name
        and e.lang is None
        and e.text is None
        and e.line is None
        and not any(c in e.rule for c in "*?[")
    )


def _run(
    checker: GrammarChecker, text: str, ctx: Context, ignored: tuple[IgnoreEntry, ...] = ()
) -> list[GrammarHit]:
    skip = getattr(checker, "skip_rules", None)
    if skip is not None:
        skip(always_ignored(checker, ignored))
    try:
        return checker.check(text)
    except Exception as exc:  # a server gone mid-run: say what was not checked, go on
        label = ENGINE_LABELS.get(checker.name, checker.name)
        reason = (
            f"{label} przestał odpowiadać ({exc}) — sprawdzanie gramatyki "
            f"{LANGUAGE_NAMES.get(checker.lang, checker.lang)} nie zostało dokończone"
        )
        ctx.engines.mark_failed(checker, reason)
        if reason not in ctx.notes:
            ctx.notes.append(reason)
        return []


def _finding(
    doc: Document,
    chunk: Chunk,
    hit: GrammarHit,
    ignored: tuple[IgnoreEntry, ...],
    vocab: Vocabulary | None = None,
) -> Finding | None:
    index, column = chunk.place(hit.start)
    line = doc.lines[index].text
    end = min(len(line), column + max(hit.end - hit.start, 1))
    flagged = line[column:end]
    if overlaps(column, end, non_prose_spans(line)):
        return None
    if any(entry.matches(hit, chunk.lang, flagged, line) for entry in ignored):
        return None
    if vocab is not None and hit.engine == "languagetool" and vocab.accepts(flagged):
        return None  # a project term („DirectBilling”): the vocabulary is the spelling rule's
    label = ENGINE_LABELS.get(hit.engine, hit.engine)
    message = (
        f"możliwy błąd językowy: {hit.message} [{label}: {hit.rule}]; "
        f"{advice.fix('language-error', doc.origin)}"
    )
    return Finding(index, column, message, flagged, hit.suggestions)


def _note_unchecked(ctx: Context, lang: str) -> None:
    if any(s.lang == lang and s.name in ENGINE_LABELS for s in ctx.engines.statuses):
        return  # the engine summary already says why
    note = f"gramatyka {LANGUAGE_NAMES.get(lang, lang)} nie została sprawdzona: brak silnika"
    if note not in ctx.notes:
        ctx.notes.append(note)
