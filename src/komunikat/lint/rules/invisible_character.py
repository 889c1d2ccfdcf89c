"""invisible-character: no zero-width or bidirectional control characters.

A zero-width space (U+200B) splits a word so that spelling and search miss
it; a right-to-left override (U+202E) shows text in another order than it is
sent. Each one is reported by code point and column, in templates (body and
subject), in their partials (``templates/partials/``), in ``data/`` files
and in composed messages (``komunikat check``);
``komunikat render`` refuses them in ``--set`` values.

PASS::

    Dzień dobry,
    prace zakończyły się.

FAIL::

    Dzień<U+200B>dobry,
    prace <U+202E> respond.exe
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
KIND = "message"
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}
PASS = ["Subject: Test\n\nDzień dobry,\n\nprace zakończyły się.\n\nPozdrawiam,\nJan Kowalski\n"]
FAIL = [
    "Subject: Test\n\nDzień\u200bdobry,\n\nprace zakończyły się.\n",
    "Subject: Faktura \u202egpj.exe\n\nDzień dobry,\n",
    "Subject: Test\n\nDzień dobry,\n\nw załączniku \u2066plik\u2069.\n",
]


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
