"""footer: the sender's name on its own line after the closing, then the company footer.

The footer is the one in data/contacts.yml, line for line: role, division,
department, mobile and desk phone, helpline e-mail, company, address; the
legal register lines may follow. A footer with another address (the seed's
help@ instead of helpline@), a missing line or a missing sender name is an
error. Phone scripts are not checked.

PASS::

    Dzień dobry,

    treść.

    Z poważaniem,
    Jan Kowalski
    IT Operator
    Maintenance Division
    IT and Operations Department
    M: +48 503 208 168
    T: +48 22 312 1111
    e-mail: helpline@digitalvirgo.pl
    Digital Virgo S.A.
    ul. Inflancka 4, 00-189 Warszawa

FAIL::

    Dzień dobry,

    treść.

    Z poważaniem,
    &^
    IT Operator
    e-mail: help@digitalvirgo.pl

FAIL::

    Dzień dobry,

    treść.

    Z poważaniem,
    Jan Kowalski
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ...patterns import PERSON as PERSON_PATTERN
from ...problems import Severity
from ..model import Context, Document, Finding
from ..signature import footer_lines, footer_start, sender_index

ID = "footer"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

CLOSING_LIKE = re.compile(
    r"^(Z poważaniem|Pozdrawiam|Z wyrazami szacunku|.*regards|Yours \w+)[,.]?$", re.I
)


def applies(doc: Document) -> bool:
    return doc.channel == "email"


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    body = [i for i in doc.body_indexes()]
    if not body:
        return
    expected = footer_lines(ctx.data, legal=False)
    start = footer_start(doc, ctx.data)
    if start is None:
        last = max((i for i in body if doc.lines[i].text.strip()), default=body[-1])
        yield Finding(
            last,
            0,
            "brak stopki firmowej (stanowisko, dział, telefony, e-mail helpline, firma, adres) "
            "po podpisie; wstaw stopkę z szablonu",
            "",
            tuple(expected[:1]),
        )
        return
    sender = sender_index(doc, ctx.data)
    sender_text = doc.lines[sender].text.strip() if sender is not None else ""
    if sender is None or not PERSON_PATTERN.match(sender_text) or CLOSING_LIKE.match(sender_text):
        yield Finding(
            sender if sender is not None else start,
            0,
            "nad stopką brak imienia i nazwiska nadawcy w osobnym wierszu; podpisz się",
            sender_text,
        )
    # blank lines between footer lines (pasted from HTML mail) are tolerated
    present = [i for i in doc.body_indexes() if i >= start and doc.lines[i].text.strip()]
    for offset, want in enumerate(expected):
        index = present[offset] if offset < len(present) else None
        got = doc.lines[index].text.strip() if index is not None else ""
        if got != want:
            where = index if index is not None else (present[-1] if present else start)
            yield Finding(
                where,
                0,
                f"stopka różni się od wzoru z data/contacts.yml: jest „{got}”, powinno być „{want}”",
                got,
                (want,),
            )
            return
