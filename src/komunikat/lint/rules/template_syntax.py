"""template-syntax: the template's Jinja parses; an error points at the tag that opens the broken block.

Jinja reports an unclosed ``{% if %}`` at the end of the file, and an
unclosed ``{{`` wherever the next ``}}`` is; editors need the line where the
tag was opened, so the error is located at the unmatched opening tag
(:mod:`komunikat.jinjasyntax`). A template that does not parse is reported
by the catalogue's load error, located the same way.

PASS::

    {% if error %}Błąd: {{ error }}{% endif %}

FAIL::

    {% if error %}Błąd: {{ error }}

FAIL::

    Start: {{ start.en }
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import TemplateSyntaxError

from ...jinjasyntax import locate
from ...problems import Severity
from ...spec import TemplateSpec
from ...templatefile import split
from ..model import Context, SourceFinding
from ..templatesource import parse

ID = "template-syntax"
LEVEL = Severity.ERROR
KIND = ("source",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    yield from check_text(text)


def check_text(text: str) -> Iterator[SourceFinding]:
    try:
        parse(text)
    except TemplateSyntaxError as exc:
        line, column, message = locate(split(text).jinja_source, exc)
        source_line = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
        yield SourceFinding(line, column, message, source_line.strip())
