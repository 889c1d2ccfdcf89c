"""Schema of data/operators.yml: operators, their contacts and rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Strict

Text = Annotated[str, Field(min_length=1)]
CrmId = Annotated[str, Field(pattern=r"^CRM-\d+$")]
HlId = Annotated[str, Field(pattern=r"^HL-\d{4,7}$")]


class CrmContact(Strict):
    role: Literal["technical", "business", "technical-business", "cc"]
    crm: CrmId
    title: Text
    status: Literal["ACTIVE", "INACTIVE"]
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None


class SubjectPrefix(Strict):
    prefix: Annotated[str, Field(pattern=r"^[A-Z0-9]+$")]
    services: list[str]
    when_pl: Text


class CcRule(Strict):
    when_pl: Text
    services: list[str] = []
    mentions: list[Text] = []
    contacts: list[CrmContact]


class ExampleTask(Strict):
    task: HlId
    title: Text
    status: Literal["VERIFIED", "OPEN", "CLOSED"]
    description: Text


class Operator(Strict):
    code: Annotated[str, Field(pattern=r"^[A-Z0-9-]+$")]
    name: Text
    slug: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    kind: Literal["mno", "aggregator"]
    summary: Text
    notices: bool = True
    remarks: list[Text] = []
    contacts: list[CrmContact] = []
    cc_rules: list[CcRule] = []
    subject_prefixes: list[SubjectPrefix] = []
    examples: list[ExampleTask] = []


class OperatorsFile(Strict):
    operators: list[Operator]
