"""Schema of data/contacts.yml: signature, company footer, internal contacts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Strict

Text = Annotated[str, Field(min_length=1)]
Phone = Annotated[str, Field(pattern=r"^\+\d{2}( \d{2,4})+$")]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]


class Signature(Strict):
    role: Text
    division: Text
    department: Text
    mobile: Phone
    desk: Phone
    helpline: Email


class Company(Strict):
    name: Text
    address: Text
    legal: list[Text] = []


class InternalContact(Strict):
    id: Text
    name: Text
    initials: str = ""
    role_pl: Text
    email: Email | None = None
    cc_on: Literal["operator-mail", "partner-mail", "never"] = "never"
    note: str = ""


class Person(Strict):
    id: Text
    name: Text
    role_pl: Text


class ContactsFile(Strict):
    signature: Signature
    company: Company
    internal: list[InternalContact] = []
    people: list[Person] = []
