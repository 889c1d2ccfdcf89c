"""grammar: grammar and usage, by LanguageTool (Polish, English) and Harper (English).

Harper runs offline on every English part. LanguageTool checks both languages
when a server is configured (``KOMUNIKAT_LANGUAGETOOL_URL``) or a local
installation is found; otherwise the engine summary says that Polish grammar
was not checked. Each engine hit is placed at its line and column.

The prose is the same as for the spelling rule: no quoted mails, no footer, no
commands or output, and hits on URLs, addresses, numbers, dates or ids are
dropped. Engine rules that raise false alarms on our notices are listed, each
with its reason, in data/lint/grammar-ignore.yml (spelling, for one, is the
spelling rule's job).

Level: warning. The engines give advice, not certainty; a false alarm is
silenced by an entry in data/lint/grammar-ignore.yml, and the shipped
templates raise none.

PASS::

    Hello,

    Your request has been registered.

FAIL::

    Hello,

    The maintenance will last longer then expected.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from ...problems import Severity
from ...schema.base import Strict, validate
from ...yamlsource import load_yaml
from ..engines import LANGUAGE_NAMES, GrammarChecker, GrammarHit
from ..model import Context, Document, Finding
from ..prose import Segment, prose_segments
from ..tokens import non_prose_spans, overlaps

ID = "grammar"
LEVEL = Severity.WARNING
KIND = "message"
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

IGNORE_FILE = "data/lint/grammar-ignore.yml"
ENGINE_LABELS = {"harper": "Harper", "languagetool": "LanguageTool"}

PASS = [
    "Hello,\n\nYour request has been registered.\n",
    "Dear customer,\n\nWe would like to inform you that the planned maintenance has been completed.\n",
]
FAIL = [
    "Hello,\n\nThe maintenance will last longer then expected.\n",
    "Hello,\n\nWe will inform you about it's completion as soon as as possible.\n",
]


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


@lru_cache(maxsize=8)
def _ignore_entries(path: Path, shown: str, mtime_ns: int) -> tuple[IgnoreEntry, ...]:
    return tuple(validate(IgnoreFile, load_yaml(path, shown)).ignore)


def ignore_entries(root: Path) -> tuple[IgnoreEntry, ...]:
    """The entries of data/lint/grammar-ignore.yml; a broken file is an InputError."""
    path = Path(root) / IGNORE_FILE
    if not path.is_file():
        return ()
    return _ignore_entries(path, IGNORE_FILE, path.stat().st_mtime_ns)


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
    ignored = ignore_entries(ctx.root)
    seen: set[tuple[int, int]] = set()  # one finding per place: LanguageTool's, then Harper's
    for chunk in chunks(doc, prose_segments(doc, ctx.data)):
        checkers = list(ctx.engines.grammar.get(chunk.lang, []))
        if not checkers:
            _note_unchecked(ctx, chunk.lang)
        for checker in checkers:
            for hit in _run(checker, chunk.text, ctx, ignored):
                finding = _finding(doc, chunk, hit, ignored)
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
    doc: Document, chunk: Chunk, hit: GrammarHit, ignored: tuple[IgnoreEntry, ...]
) -> Finding | None:
    index, column = chunk.place(hit.start)
    line = doc.lines[index].text
    end = min(len(line), column + max(hit.end - hit.start, 1))
    flagged = line[column:end]
    if overlaps(column, end, non_prose_spans(line)):
        return None
    if any(entry.matches(hit, chunk.lang, flagged, line) for entry in ignored):
        return None
    label = ENGINE_LABELS.get(hit.engine, hit.engine)
    message = (
        f"możliwy błąd językowy: {hit.message} [{label}: {hit.rule}]; fałszywy alarm "
        f"opisz w {IGNORE_FILE}"
    )
    return Finding(index, column, message, flagged, hit.suggestions)


def _note_unchecked(ctx: Context, lang: str) -> None:
    if any(s.lang == lang and s.name in ENGINE_LABELS for s in ctx.engines.statuses):
        return  # the engine summary already says why
    note = f"gramatyka {LANGUAGE_NAMES.get(lang, lang)} nie została sprawdzona: brak silnika"
    if note not in ctx.notes:
        ctx.notes.append(note)
