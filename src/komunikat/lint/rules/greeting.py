"""greeting: the message opens with a courteous greeting for its language.

Allowed in Polish: „Dzień dobry”, „Dobry wieczór”, „Szanowni Państwo”,
„Szanowni Partnerzy”, „Szanowna Pani …”, „Szanowny Panie …”. In English:
"Dear customer", "Dear …", "Hello", "Good morning/afternoon/evening".
Familiar forms („Witam”, „Cześć”, „Hej”, "Hi", "Hey") are refused even when
the partner wrote that way, and a missing greeting is an error too (seed 000,
„Przywitanie”). Each language part of a bilingual notice needs its own.
Phone scripts are not checked.

PASS::

    Dzień dobry,

    zgłoszenie zostało przyjęte.

PASS::

    Hello,

    Your request has been registered.

FAIL::

    Witam,

    zgłoszenie zostało przyjęte.

FAIL::

    Hi,

    your request has been registered.

FAIL::

    Zgłoszenie zostało przyjęte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ...problems import Severity
from ..model import Context, Document, Finding
from ..phrases import close_match

ID = "greeting"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

ALLOWED = {
    "pl": re.compile(
        r"^(Dzień dobry|Dobry wieczór|Szanowni Państwo|Szanowni Partnerzy|"
        r"Szanowna Pani \S.*|Szanowny Panie \S.*|Szanowna Pani|Szanowny Panie)[,!]?$"
    ),
    "en": re.compile(r"^(Dear \S.*|Hello|Good (morning|afternoon|evening))[,!]?$", re.IGNORECASE),
}
FAMILIAR = re.compile(
    r"^(Witam|Witajcie|Cześć|Czesc|Hej|Heja|Siema|Siemka|Elo|Yo|Hi|Hey|Hiya|"
    r"Howdy|Dzien dobry)\b",
    re.IGNORECASE,
)
SUGGEST = {"pl": ("Dzień dobry,", "Szanowni Państwo,"), "en": ("Dear customer,", "Hello,")}


KNOWN = {
    "pl": ("Dzień dobry,", "Dobry wieczór,", "Szanowni Państwo,", "Szanowni Partnerzy,"),
    "en": ("Dear customer,", "Hello,", "Good morning,", "Good afternoon,", "Good evening,"),
}


def applies(doc: Document) -> bool:
    return doc.channel == "email"


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    for part in doc.parts:
        first = next((i for i in range(part.start, part.end) if doc.lines[i].text.strip()), None)
        if first is None:
            continue
        text = doc.lines[first].text.strip()
        lang = part.lang or "pl"
        pattern = ALLOWED.get(lang, ALLOWED["pl"])
        if pattern.match(text):
            continue
        familiar = FAMILIAR.match(text)
        if familiar:
            yield Finding(
                first,
                0,
                f"„{familiar.group(0)}” to forma potoczna; w korespondencji "
                f"zewnętrznej zacznij od „{SUGGEST[lang][0]}”",
                familiar.group(0),
                SUGGEST[lang],
            )
        elif ALLOWED["pl" if lang == "en" else "en"].match(text):
            yield Finding(
                first,
                0,
                f"przywitanie w innym języku niż ta część wiadomości ({lang}); "
                f"użyj „{SUGGEST[lang][0]}”",
                text,
                SUGGEST[lang],
            )
        elif close := close_match(text, KNOWN.get(lang, KNOWN["pl"])):
            yield Finding(
                first,
                0,
                f"przywitanie z błędem: „{text}” — czy chodziło o „{close}”?",
                text,
                (close,),
            )
        else:
            yield Finding(
                first,
                0,
                f"brak przywitania na początku wiadomości; zacznij od „{SUGGEST[lang][0]}”",
                text[:40],
                SUGGEST[lang],
            )
