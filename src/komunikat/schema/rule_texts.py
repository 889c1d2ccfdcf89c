"""Schema of data/lint/rules.yml: the editors' description of every lint rule, in Polish.

The rule modules document themselves for developers (in English); the site's
page "Reguły sprawdzania" speaks to editors and operators, so its wording is
data. Prose fields are plain text: paragraphs separated by a blank line, a
paragraph whose lines start with "- " is a list, and text between backticks
is shown as code. Nothing else is markup.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from .base import Strict


def _one_line(text: str) -> str:
    if not text.strip():
        raise ValueError("tekst nie może być pusty; wpisz jedno zdanie")
    if "\n" in text.strip():
        raise ValueError("tekst musi być jednym wierszem; usuń podział wiersza")
    return text.strip()


def _prose(text: str) -> str:
    if not text.strip():
        raise ValueError("tekst nie może być pusty; opisz regułę")
    for number, paragraph in enumerate(text.strip().split("\n\n"), start=1):
        if paragraph.count("`") % 2:
            raise ValueError(
                f"akapit {number} ma nieparzystą liczbę znaków „`”; "
                "zamknij fragment kodu drugim znakiem „`”"
            )
    return text.strip()


OneLine = Annotated[str, AfterValidator(_one_line)]
Prose = Annotated[str, AfterValidator(_prose)]


class OptionText(Strict):
    description: OneLine
    example: OneLine  # the value as written in komunikat.yml (YAML flow style)


class RuleText(Strict):
    title: OneLine
    summary: OneLine
    checks: Prose
    why: Prose
    source: OneLine
    fix: Prose
    options: dict[str, OptionText] = {}


class RuleTextsFile(Strict):
    source: OneLine
    rules: dict[str, RuleText]  # rule id -> text; ids are checked against the registry
