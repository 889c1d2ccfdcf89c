"""placeholder: nothing is left unfilled, and templates declare exactly what they use.

In a message: the seed's ``&^`` markers, ``HL-xxxxxx``, ``dd.mm.yyyy``,
``hh:mm``, ``PKEY``, leftover Jinja (``{{ … }}``, ``{% … %}``), choice lists
left unedited (``ORANGE / T-MOBILE / PLAY / PLUS``, ``CET / CEST``, a list of
services separated by slashes), TODO/XXX, and the composer's ⟦…⟧ markers.
The subject is checked by the ``subject`` rule.

In a template's source: every variable used is declared in the front matter,
every declared required variable is used, and the Polish and English parts
use the same variables.

PASS::

    Dzień dobry,

    Czas rozpoczęcia: 15.12.2026 22:00

FAIL::

    Dear customer,

    Start date: &^dd.mm.yyyy hh:mm CET / CEST

FAIL::

    Dzień dobry,

    Operator: ORANGE / T-MOBILE / PLAY / PLUS

FAIL::

    Dzień dobry,

    zgłoszenie HL-&^PKEY zostało przyjęte.

FAIL::

    Dzień dobry,

    Start: {{ start }}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ...spec import TemplateSpec
from ..model import Context, Document, Finding, SourceFinding
from ..placeholders import find_leftovers
from ..templatesource import GLOBALS, used_names_by_language

ID = "placeholder"
LEVEL = Severity.ERROR
KIND = ("message", "source")
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}


def applies(doc: Document) -> bool:
    return True


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    for index, line in doc.indexed("body"):
        for column, text, what in find_leftovers(line.text):
            yield Finding(index, column, f"{what}: „{text}”; wpisz właściwą wartość", text)


def check_source(spec: TemplateSpec, text: str, ctx: Context) -> Iterator[SourceFinding]:
    declared = {v.name: v for v in spec.variables}
    by_lang, first_use = used_names_by_language(spec, text, ctx.root)
    used = set().union(*by_lang.values()) if by_lang else set()
    for name in sorted(used - set(declared) - GLOBALS):
        line, column = first_use.get(name, (spec.body_line, 1))
        yield SourceFinding(
            line,
            column,
            f"zmienna „{name}” nie jest zadeklarowana w nagłówku (variables); dopisz ją",
            name,
        )
    for name, var in declared.items():
        if var.required and name not in used and name not in _subject_names(spec):
            yield SourceFinding(
                *spec.position(f"variables.{name}"),
                f"wymagana zmienna „{name}” nie jest użyta w treści ani w temacie; użyj jej albo usuń",
                name,
            )
    if len(by_lang) == 2:
        (la, a), (lb, b) = sorted(by_lang.items())
        for name in sorted((a ^ b) - GLOBALS):
            missing = lb if name in a else la
            line, column = first_use.get(name, (spec.body_line, 1))
            yield SourceFinding(
                line,
                column,
                f"zmienna „{name}” występuje tylko w jednej wersji językowej (brak w części {missing}); "
                "obie części muszą podawać te same dane",
                name,
            )


def _subject_names(spec: TemplateSpec) -> set[str]:
    import re

    names: set[str] = set()
    for source in spec.subject.values():
        names |= set(re.findall(r"[a-z_][a-z0-9_]*", source))
    return names
