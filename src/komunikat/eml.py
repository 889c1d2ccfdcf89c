"""A rendered message as an RFC 5322 e-mail (.eml) ready to open and send."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import formatdate, make_msgid
from typing import Any

from .render import Message, Previous


def to_eml(
    message: Message,
    *,
    sender: str,
    to: list[str] | None = None,
    cc: list[str] | None = None,
    date: float | None = None,
    replying_to: Sequence[str] = (),
    calendar: tuple[str, bytes] | None = None,
    message_id: str | None = None,
) -> bytes:
    """UTF-8 body, encoded-word Subject, marked as an unsent draft for mail clients.

    ``replying_to`` are the Message-IDs of the earlier notices of the incident,
    oldest first: the message is threaded to them (In-Reply-To, References).
    ``calendar`` is (file name, iCalendar bytes), attached as text/calendar.
    ``message_id`` is given when the caller keeps it (the composer stores it to
    thread the next notice of the incident); otherwise a new one is made.
    """
    mail = EmailMessage()
    mail["From"] = Address(addr_spec=sender)
    if to:
        mail["To"] = ", ".join(to)
    recipients_cc = list(cc or []) + [c["email"] for c in message.cc if c.get("email")]
    if recipients_cc:
        mail["Cc"] = ", ".join(recipients_cc)
    if message.subject is not None:
        mail["Subject"] = message.subject
    mail["Date"] = formatdate(date, localtime=True)
    mail["Message-ID"] = message_id or new_message_id(sender)
    if replying_to:
        mail["In-Reply-To"] = replying_to[-1]
        mail["References"] = " ".join(replying_to)
    mail["X-Unsent"] = "1"
    mail["X-Komunikat-Template"] = message.template
    mail.set_content(message.body, charset="utf-8", cte="quoted-printable")
    if calendar is not None:
        name, data = calendar
        mail.add_attachment(
            data, maintype="text", subtype="calendar", filename=name, params={"method": "PUBLISH"}
        )
    return mail.as_bytes(policy=SMTPUTF8.clone(utf8=False, linesep="\r\n"))


def new_message_id(sender: str) -> str:
    """A Message-ID in the sender's domain (no host name lookup: the domain is given)."""
    return make_msgid(domain=sender.rsplit("@", 1)[-1])


def thread_of(previous: Sequence[Previous]) -> list[str]:
    """The Message-IDs a later notice replies to, oldest first, each once.

    Each earlier notice brings its own thread (its References) and itself, so
    a CLOSE quoting only the PROLONGATION still refers to the OPEN.
    """
    found: list[str] = []
    for prev in previous:
        for message_id in (*prev.references, prev.message_id):
            if message_id and message_id not in found:
                found.append(message_id)
    return found


def references_of(headers: Mapping[str, str]) -> tuple[str, ...]:
    """The Message-IDs of a References header (``<a@b> <c@d>``)."""
    return tuple(f"<{ref}>" for ref in re.findall(r"<([^<>\s]+)>", headers.get("references", "")))


def eml_summary(message: Message) -> list[dict[str, Any]]:
    """CC entries without an e-mail address: the operator adds them by hand (e.g. from CRM)."""
    return [c for c in message.cc if not c.get("email")]
