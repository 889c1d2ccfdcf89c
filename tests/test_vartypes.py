"""The table of variable types: every reader of types takes them from it.

A throw-away type is added to the table alone (no other file changes) and must
then work in the front matter, the CLI, the composer's form and the template page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from komunikat.catalog import load_catalog
from komunikat.cli import main
from komunikat.composer_form import form_description
from komunikat.problems import InputErrors
from komunikat.site.template_pages import template_page
from komunikat.spec import VariableSpec
from komunikat.values import ValueProblem
from komunikat.vartypes import VARIABLE_TYPES, WIDGETS, VariableType

COLOURS = {"czerwony": "red", "zielony": "green", "niebieski": "blue"}


def parse_colours(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> tuple[str, ...]:
    names = [raw] if isinstance(raw, str) else list(raw)
    for name in names:
        if name not in COLOURS:
            raise ValueProblem(spec.name, f"„{spec.label}”: nieznany kolor „{name}”")
    return tuple(names)


def colour_options(spec: VariableSpec, context: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"value": pl, "label": pl.capitalize()} for pl in COLOURS]


COLOURS_TYPE = VariableType(
    "kolory (wiele)",
    parse_colours,
    "checkboxes",
    display=lambda names: [COLOURS[n] for n in names],
    options=colour_options,
    list_valued=True,
)

TEMPLATE = """\
---
id: colour-test
title: Próba kolorów
when: Tylko w teście typów zmiennych.
kind: reply
channel: email
scope: partner
languages: [pl]
layout: single
subject: "Kolory {{ hl }}"
variables:
  hl:
    type: hl
    label: Numer zgłoszenia (HL)
    sample: HL-123460
  colours:
    type: colours
    label: Wybrane kolory
    sample: [czerwony, niebieski]
  sender:
    type: person
    label: Nadawca (imię i nazwisko)
    sample: Jan Kowalski
---
Dzień dobry,

wybrano {{ colours | join(", ") }}.

Z poważaniem,
{% include "partials/signature.j2" %}
"""


@pytest.fixture
def colour_project(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(VARIABLE_TYPES, "colours", COLOURS_TYPE)
    (project_copy / "templates" / "colour-test.j2").write_text(TEMPLATE, encoding="utf-8")
    return project_copy


def test_every_type_names_a_known_widget_and_a_polish_label() -> None:
    for name, kind in VARIABLE_TYPES.items():
        assert kind.widget in WIDGETS, name
        assert kind.label and kind.label[0].islower(), name
        assert (kind.options is not None) == (kind.widget in ("select", "checkboxes")), name


def test_an_unknown_type_is_refused_with_the_types_of_the_table(project_copy: Path) -> None:
    (project_copy / "templates" / "colour-test.j2").write_text(TEMPLATE, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_catalog(project_copy)
    [error] = caught.value.errors
    assert error.path == "templates/colour-test.j2" and error.line == 17
    assert "niedozwolona wartość „colours”; dozwolone: text, multiline," in error.message


def test_a_type_added_to_the_table_works_in_the_cli(
    colour_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--root",
            str(colour_project),
            "render",
            "colour-test",
            "--set",
            "hl=HL-123460",
            "--set",
            "colours=zielony",
            "--set",
            "colours=czerwony",
            "--set",
            "sender=Jan Kowalski",
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    message = json.loads(out)
    assert message["values"]["colours"] == ["green", "red"]
    assert "wybrano zielony, czerwony." in message["body"]


def test_a_type_added_to_the_table_is_refused_in_its_own_words_by_the_cli(
    colour_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--root",
            str(colour_project),
            "render",
            "colour-test",
            "--sample",
            "--set",
            "colours=różowy",
        ]
    )
    assert code == 2
    assert "nieznany kolor „różowy”" in capsys.readouterr().err


def test_a_type_added_to_the_table_gets_its_widget_and_options_in_the_form(
    colour_project: Path,
) -> None:
    catalog = load_catalog(colour_project)
    form = form_description(catalog.get("colour-test"), catalog.context)
    field = next(f for f in form["fields"] if f["name"] == "colours")
    assert field["widget"] == "checkboxes"
    assert [o["value"] for o in field["options"]] == list(COLOURS)


def test_a_type_added_to_the_table_is_named_and_previewed_on_the_template_page(
    colour_project: Path,
) -> None:
    catalog = load_catalog(colour_project)
    page = template_page(catalog, "colour-test")
    assert "kolory (wiele)" in page
    assert "wybrano czerwony, niebieski." in page
