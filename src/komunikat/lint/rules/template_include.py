"""template-include: includes name a fixed file inside templates/.

A dynamic include (``{% include name %}``) cannot be checked before sending,
and a path that leaves ``templates/`` (``../``) or does not exist would fail
or leak another file.

PASS::

    {% include "partials/signature.j2" %}

FAIL::

    {% include footer_name %}

FAIL::

    {% include "../data/contacts.yml" %}

FAIL::

    {% include "partials/nope.j2" %}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from ...problems import Severity
from ...spec import TemplateSpec
from ..model import Context, SourceFinding
from ..templatesource import parse

ID = "template-include"
LEVEL = Severity.ERROR
KIND = ("source",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    yield from check_text(text, Path(ctx.root) / "templates")


def check_text(text: str, templates: Path) -> Iterator[SourceFinding]:
    try:
        tree = parse(text)
    except TemplateSyntaxError:
        return
    lines = text.split("\n")
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        source = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
        column = source.find("{%") + 1 or 1
        target = node.template
        if not (isinstance(target, nodes.Const) and isinstance(target.value, str)):
            yield SourceFinding(
                node.lineno,
                column,
                "dołączany plik musi być podany wprost "
                '(np. "partials/signature.j2"), a nie wyliczany',
                source.strip(),
            )
            continue
        name = target.value
        resolved = (templates / name).resolve()
        if (
            name.startswith("/")
            or ".." in Path(name).parts
            or not resolved.is_relative_to(templates.resolve())
        ):
            yield SourceFinding(
                node.lineno,
                column,
                f"„{name}” wychodzi poza katalog templates/; "
                "dołączaj tylko pliki z templates/partials/",
                name,
            )
        elif not resolved.is_file():
            yield SourceFinding(node.lineno, column, f"nie ma pliku templates/{name}", name)
