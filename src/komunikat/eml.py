"""A rendered message as an RFC 5322 e-mail (.eml) ready to open and send."""

from __future__ import annotations

from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import formatdate, make_msgid
from typing import Any

from .render import Message


def to_eml(
    message: Message,
    *,
    sender: str,
    to: list[str] | None = None,
    cc: list[str] | None = None,
    date: float | None = None,
    replying_to: Sequence[str] = (),
    calendar: tuple[str, bytes] | None = None,
) -> bytes:
    """UTF-8 body, encoded-word Subject, marked as an unsent draft for mail clients.

    ``replying_to`` are the Message-IDs of the earlier notices of the incident,
    oldest first: the message is threaded to them (In-Reply-To, References).
    ``calendar`` is (file name, iCalendar bytes), attached as text/calendar.
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
    mail["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
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


def eml_summary(message: Message) -> list[dict[str, Any]]:
    """CC entries without an e-mail address: the operator adds them by hand (e.g. from CRM)."""
    return [c for c in message.cc if not c.get("email")]
