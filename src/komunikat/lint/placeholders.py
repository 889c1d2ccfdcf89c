"""Patterns of unfilled places: the seed's fill-in markers, leftover Jinja, choice lists."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Leftover:
    pattern: re.Pattern[str]
    what: str  # Polish description used in the message


OPERATOR_CODES = r"(?:ORANGE|T-MOBILE|PLAY|PLUS|VIRGIN(?: MOBILE)?|OTHERS|INNE)"
SERVICE_WORDS = (
    r"(?:SMS Premium|MT Subscriptions|Subskrypcje MT|MPS|DirectBilling|WWW|OTHERS|INNE|Others|Inne)"
)

LEFTOVERS = (
    Leftover(re.compile(r"&\^"), "znacznik do uzupełnienia „&^”"),
    Leftover(re.compile(r"\bHL-[xX]{2,}\b|\bHL-&\^?PKEY\b|\bHL-\.\.\."), "niewypełniony numer HL"),
    Leftover(re.compile(r"\bPKEY\b"), "niewypełniony numer zgłoszenia (PKEY)"),
    Leftover(
        re.compile(r"\b(?:dd|DD)\.(?:mm|MM)\.(?:yyyy|YYYY|rrrr|RRRR)\b"), "niewypełniona data"
    ),
    Leftover(re.compile(r"\b(?:hh|HH|gg|GG):(?:mm|MM)\b"), "niewypełniona godzina"),
    Leftover(
        re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}"),
        "pozostałość składni Jinja",
    ),
    Leftover(
        re.compile(rf"\b{OPERATOR_CODES}(?:\s*/\s*{OPERATOR_CODES})+"),
        "nieprzycięta lista operatorów",
    ),
    Leftover(
        re.compile(r"\bCET\s*/\s*CEST\b|\bCEST\s*/\s*CET\b"), "nieprzycięty wybór strefy czasowej"
    ),
    Leftover(
        re.compile(rf"{SERVICE_WORDS}(?:\s*/\s*{SERVICE_WORDS}){{2,}}"), "nieprzycięta lista usług"
    ),
    Leftover(
        re.compile(r"\b(?:TODO|FIXME|TBD|XXX+)\b|\bx{4,}\b"), "znacznik do uzupełnienia (TODO/XXX)"
    ),
    Leftover(re.compile(r"⟦[^⟧]*⟧"), "brakująca wartość z podglądu kompozytora"),
    Leftover(
        re.compile(r"<(?:nazwa|numer|data|imię|adres|operator)[^>]*>", re.IGNORECASE),
        "opis pola w nawiasach <…>",
    ),
)


def find_leftovers(text: str) -> list[tuple[int, str, str]]:
    """(0-based column, matched text, description) of every unfilled place in ``text``."""
    hits: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for leftover in LEFTOVERS:
        for match in leftover.pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            hits.append((span[0], match.group(0), leftover.what))
    return sorted(hits)
