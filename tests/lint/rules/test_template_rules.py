"""Template-source rules: syntax at the opening tag, forbidden filters, includes, variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.catalog import parse_template
from komunikat.lint.model import Context
from komunikat.lint.rules import placeholder, template_filter, template_include, template_syntax

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("a\n{% if error %}\nBłąd\nb\n", 2, "„{% if %}” otwarty tutaj nie jest zamknięty"),
        ("a\n{% for x in y %}\n{% if x %}\n{{ x }}\n{% endfor %}\n", 3, "„{% if %}”"),
        ("a\nStart: {{ start.en }\nb\n", 2, "błąd składni Jinja"),
        ("{% if a %}\n{% for b in c %}\n{% endfor %}\n", 1, "„{% if %}”"),
    ],
)
def test_syntax_errors_point_at_the_line_of_the_broken_tag(text: str, line: int, says: str) -> None:
    found = list(template_syntax.check_text(text))
    assert found and found[0].line == line and says in found[0].message


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [
        ("x\n{{ a | default('b') }}\n", "default", 2),
        ("{{ a|safe }}", "safe", 1),
        ("{{ a|d('') }}", "d", 1),
    ],
)
def test_default_and_safe_filters_are_reported_where_used(text: str, name: str, line: int) -> None:
    found = list(template_filter.check_text(text))
    assert [(f.text, f.line) for f in found] == [(name, line)]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{% include name %}", "podany wprost"),
        ('{% include "../data/contacts.yml" %}', "wychodzi poza katalog"),
        ('{% include "/etc/passwd" %}', "wychodzi poza katalog"),
        ('{% include "partials/missing.j2" %}', "nie ma pliku"),
    ],
)
def test_includes_must_be_static_and_inside_templates(text: str, says: str) -> None:
    found = list(template_include.check_text(text, ROOT / "templates"))
    assert found and says in found[0].message


HEADER = """---
id: demo
title: Demo
when: test
kind: reply
channel: email
languages: [pl, en]
layout: single
subject: "Demo [{{ hl }}]"
variables:
  hl: {type: hl, label: HL, sample: HL-1234}
  sender: {type: person, label: Nadawca, sample: Jan Kowalski}
  extra: {type: text, label: Extra, sample: x}
---
"""


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            '{% if lang == "pl" %}\nDzień dobry, {{ who }}\n{% elif lang == "en" %}\nHello\n{% endif %}\n{{ extra }}{% include "partials/signature.j2" %}\n',
            "„who” nie jest zadeklarowana",
        ),
        (
            '{% if lang == "pl" %}\nDzień dobry\n{% elif lang == "en" %}\nHello\n{% endif %}\n{% include "partials/signature.j2" %}\n',
            "wymagana zmienna „extra” nie jest użyta",
        ),
        (
            '{% if lang == "pl" %}\nDzień dobry {{ extra }}\n{% elif lang == "en" %}\nHello\n{% endif %}\n{% include "partials/signature.j2" %}\n',
            "występuje tylko w jednej wersji językowej (brak w części en)",
        ),
    ],
)
def test_templates_declare_exactly_the_variables_they_use(
    body: str, says: str, ctx: Context, tmp_path: Path
) -> None:
    text = HEADER + body
    spec = parse_template(text, "templates/demo.j2")
    found = list(placeholder.check_source(spec, text, ctx))
    assert any(says in f.message for f in found), [f.message for f in found]


def test_shipped_templates_declare_what_they_use(ctx: Context) -> None:
    for path in sorted((ROOT / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        spec = parse_template(text, f"templates/{path.name}")
        assert list(placeholder.check_source(spec, text, ctx)) == [], path.name
