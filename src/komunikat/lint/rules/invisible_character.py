"""invisible-character: no zero-width or bidirectional control characters.

A zero-width space (U+200B) splits a word so that spelling and search miss
it; a right-to-left override (U+202E) shows text in another order than it is
sent. Each one is reported by code point and column, in templates (body and
subject), in their partials (``templates/partials/``), in ``data/`` files
and in composed messages (``komunikat check``);
``komunikat render`` refuses them in ``--set`` values.

PASS::

    Subject: Test

    Dzień dobry,

    prace zakończyły się.

    Pozdrawiam,
    Jan Kowalski

FAIL::

    Subject: Test

    Dzień<U+200B>dobry,

    prace zakończyły się.

FAIL::

    Subject: Faktura <U+202E>gpj.exe

    Dzień dobry,

FAIL::

    Subject: Test

    Dzień dobry,

    w załączniku <U+2066>plik<U+2069>.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...invisible import find_invisible, message
from ...problems import Severity
from ...spec import TemplateSpec
from ..model import Context, Document, Finding, SourceFinding

ID = "invisible-character"
LEVEL = Severity.ERROR
KIND = ("message", "source", "data")
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    return doc.origin == "message"  # templates: check_source, on the file itself


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    for index, line in doc.indexed():
        for _, column, char in find_invisible(line.text):
            yield Finding(index, column - 1, message(char), char)


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    yield from check_text(text)


def check_text(text: str) -> Iterator[SourceFinding]:
    """Any file: a template with its front matter, a data file."""
    for line, column, char in find_invisible(text):
        yield SourceFinding(line, column, message(char), char)
