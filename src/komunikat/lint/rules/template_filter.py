"""template-filter: outgoing templates use neither ``|default`` nor ``|safe``.

``|default`` would hide a missing value behind made-up text, and ``|safe``
would switch off escaping; a notice must fail loudly instead. Optional fields
are written with ``{% if field %}…{% endif %}``.

PASS::

    {% if error %}Błąd: {{ error }}{% endif %}

FAIL::

    Błąd: {{ error | default("brak") }}

FAIL::

    {{ body | safe }}

FAIL::

    {{ x|d('-') }}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from ...problems import Severity
from ...spec import TemplateSpec
from ..model import Context, SourceFinding
from ..templatesource import parse

ID = "template-filter"
LEVEL = Severity.ERROR
KIND = ("source",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    yield from check_text(text)


FORBIDDEN = {
    "default": "ukrywa brak wartości; użyj {% if pole %}…{% endif %}",
    "d": "ukrywa brak wartości; użyj {% if pole %}…{% endif %}",
    "safe": "wyłącza escapowanie; usuń ten filtr",
}


def check_text(text: str) -> Iterator[SourceFinding]:
    try:
        tree = parse(text)
    except TemplateSyntaxError:
        return  # template-syntax reports it
    lines = text.split("\n")
    for node in tree.find_all(nodes.Filter):
        if node.name in FORBIDDEN:
            source = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
            column = source.find(node.name) + 1 or 1
            yield SourceFinding(
                node.lineno, column, f"filtr „|{node.name}” {FORBIDDEN[node.name]}", node.name
            )
