"""prose: which stretches of a message are language to check, and in which language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.data import load_data
from komunikat.lint.model import Document
from komunikat.lint.prose import prose_segments
from komunikat.lint.signature import footer_lines

ROOT = Path(__file__).resolve().parents[2]

_NOTICE = """Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

Dear customer,

We would like to inform you about planned maintenance.

-----
Szanowni Państwo,

uprzejmie informujemy o pracach planowanych.

Z poważaniem,
Jan Kowalski
{footer}

----- Poprzednia wiadomość / Previous message -----
Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]
Stara trść.
"""
# the footer of data/contacts.yml, as the signature partial prints it
NOTICE = _NOTICE.replace("{footer}", "\n".join(footer_lines(load_data(ROOT), legal=False)))


def texts(doc: Document, catalog: Catalog) -> list[tuple[str, str | None]]:
    return [(s.text, s.lang) for s in prose_segments(doc, catalog.data)]


def test_a_notice_subject_is_checked_half_polish_half_english(
    make_doc: Callable[..., Document], catalog: Catalog
) -> None:
    doc = make_doc(NOTICE)
    segments = prose_segments(doc, catalog.data)
    subject = doc.lines[0].text
    assert [(s.text, s.lang, subject[s.start :]) for s in segments[:2]] == [
        ("Prace planowane", "pl", subject),
        ("Planned maintenance", "en", subject[len("Prace planowane | ") :]),
    ]


def test_body_lines_take_the_language_of_their_part(
    make_doc: Callable[..., Document], catalog: Catalog
) -> None:
    found = texts(make_doc(NOTICE), catalog)[2:]
    assert found == [
        ("Dear customer,", "en"),
        ("We would like to inform you about planned maintenance.", "en"),
        ("Szanowni Państwo,", "pl"),
        ("uprzejmie informujemy o pracach planowanych.", "pl"),
        ("Z poważaniem,", "pl"),
    ]


def test_footer_separator_and_quoted_mail_are_not_prose(
    make_doc: Callable[..., Document], catalog: Catalog
) -> None:
    found = [text for text, _ in texts(make_doc(NOTICE), catalog)]
    for not_prose in ("Jan Kowalski", "IT Operator", "-----", "Stara trść."):
        assert not_prose not in found


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        (
            "Subject: Przyjęcie zgłoszenia [HL-123460]\n\nDzień dobry,\n\nzgłoszenie przyjęte.\n",
            "pl",
        ),
        (
            "Subject: Request registered [HL-123460]\n\nHello,\n\nYour request is registered.\n",
            "en",
        ),
    ],
)
def test_any_other_subject_takes_the_language_of_the_message(
    make_doc: Callable[..., Document], catalog: Catalog, subject: str, expected: str
) -> None:
    assert texts(make_doc(subject), catalog)[0][1] == expected


def test_commands_and_pasted_output_are_not_prose(
    make_doc: Callable[..., Document], catalog: Catalog
) -> None:
    text = (
        "Dzień dobry,\n\nserwer nie odpowiada.\n\n$ curl -v https://api.example.com/\n"
        "< HTTP/1.1 504 Gateway Timeout\n\nZwracany błąd:\nNACK 02: Syntax eror\n\n"
        "Prosimy o weryfikację.\n"
    )
    found = [t for t, _ in texts(make_doc(text), catalog)]
    assert found == [
        "Dzień dobry,",
        "serwer nie odpowiada.",
        "Zwracany błąd:",
        "Prosimy o weryfikację.",
    ]
