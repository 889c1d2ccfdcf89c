"""What rules see and what they report.

A :class:`Document` is the text under check, line by line, whether it is a
template rendered with sample values or a message an operator is about to
send. Each line knows where it came from (file, line, column), so a rule only
says *which line and column of the document* is wrong; the runner turns that
into ``path:line:column``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data import DataSet
    from ..spec import TemplateSpec
    from .datafiles import LintData
    from .engines import EngineSet

MASS_KINDS = ("maintenance", "outage")


@dataclass
class Line:
    text: str
    zone: str  # subject | body | quote
    path: str
    line: int  # 1-based line in ``path``
    column: int = 1  # 1-based column in ``path`` where ``text`` starts
    source: str | None = None  # template lines: the source line, to place columns
    lang: str | None = None  # language of the part this line belongs to: pl | en | None


@dataclass(frozen=True)
class Part:
    """A run of body lines in one language (a bilingual notice has two)."""

    lang: str | None
    start: int  # index into Document.lines, inclusive
    end: int  # exclusive
    detected: bool = False  # True when the language was detected, not declared


@dataclass
class Document:
    path: str
    lines: list[Line]
    subject: str | None = None
    kind: str | None = None  # maintenance | outage | reply | report | phone | None (unknown)
    channel: str = "email"  # email | phone
    phase: str | None = None  # OPEN | CLOSE | PROLONGATION, as declared by the template
    subject_phase: str | None = None  # the phase the subject names (even a malformed one)
    template: TemplateSpec | None = None
    recipients: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    origin: str = "message"  # message | template
    lang: str | None = None  # the single language of the message, when known
    supplier: str | None = None  # supplier id when the message is a report to a supplier

    @property
    def is_mass_notice(self) -> bool:
        return self.kind in MASS_KINDS

    def indexed(self, *zones: str) -> Iterator[tuple[int, Line]]:
        """(index, line) of the lines in the given zones (all when none given)."""
        for index, line in enumerate(self.lines):
            if not zones or line.zone in zones:
                yield index, line

    def body_indexes(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line.zone == "body"]

    def subject_index(self) -> int | None:
        for i, line in enumerate(self.lines):
            if line.zone == "subject":
                return i
        return None


@dataclass(frozen=True)
class Finding:
    """A rule's report: document line index and 0-based column within that line's text."""

    index: int
    column: int
    message: str
    text: str = ""
    suggestions: tuple[str, ...] = ()


class SourceFinding(Finding):
    """A template-source rule's report: 1-based line (``index``) and column in the file."""

    @property
    def line(self) -> int:
        return self.index


@dataclass
class Context:
    """What rules may consult: the data, the engines, the linter's data files, the root."""

    data: DataSet
    engines: EngineSet
    root: Any  # pathlib.Path
    notes: list[str] = field(default_factory=list)
    files: LintData = None  # type: ignore[assignment]  # None: every file, read now

    def __post_init__(self) -> None:
        if self.files is None:  # a context built by hand (tests, benchmarks)
            from .datafiles import load_lint_data

            self.files = load_lint_data(self.root)
