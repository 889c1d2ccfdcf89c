"""greeting: courteous opening per language, familiar forms refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from komunikat.lint.model import Context, Document
from komunikat.lint.rules import greeting


def findings(make_doc: Callable[..., Document], ctx: Context, text: str, **kw: object) -> list[str]:
    doc = make_doc(text, **kw)
    return [f.message for f in greeting.check(doc, greeting.DEFAULTS, ctx)]


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry,\n\ntreść.\n",
        "Dobry wieczór,\n\ntreść.\n",
        "Szanowni Państwo,\n\ntreść.\n",
        "Szanowni Partnerzy,\n\ntreść.\n",
        "Szanowna Pani Anno,\n\ntreść.\n",
        "Szanowny Panie Dyrektorze,\n\ntreść.\n",
        "Dear customer,\n\nThe maintenance has been completed.\n",
        "Dear Mr Smith,\n\nThe maintenance has been completed.\n",
        "Hello,\n\nThe request has been registered.\n",
        "Good afternoon,\n\nThe request has been registered.\n",
    ],
)
def test_allowed_greetings_pass(make_doc: Callable[..., Document], ctx: Context, text: str) -> None:
    assert findings(make_doc, ctx, text) == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Witam,\n\nzgłoszenie zostało przyjęte.\n", "„Witam” to forma potoczna"),
        ("Cześć,\n\nzgłoszenie zostało przyjęte.\n", "„Cześć” to forma potoczna"),
        ("Hej,\n\nzgłoszenie zostało przyjęte.\n", "„Hej” to forma potoczna"),
        ("Hi,\n\nthe request has been registered.\n", "„Hi” to forma potoczna"),
        ("Hey there,\n\nthe request has been registered.\n", "„Hey” to forma potoczna"),
        ("Zgłoszenie zostało przyjęte i zarejestrowane.\n", "brak przywitania"),
    ],
)
def test_familiar_or_missing_greetings_fail(
    make_doc: Callable[..., Document], ctx: Context, text: str, says: str
) -> None:
    assert any(says in m for m in findings(make_doc, ctx, text))


def test_each_part_of_a_bilingual_notice_needs_its_greeting(
    make_doc: Callable[..., Document], ctx: Context
) -> None:
    text = "Dear customer,\n\nWe inform you about maintenance.\n\n-----\nUprzejmie informujemy o pracach.\n"
    assert any("brak przywitania" in m for m in findings(make_doc, ctx, text))


def test_phone_scripts_are_not_checked() -> None:
    from komunikat.lint.messages import document_from_text

    doc = document_from_text("Digital Virgo, Jan Kowalski przy telefonie.\n", channel="phone")
    assert not greeting.applies(doc)
