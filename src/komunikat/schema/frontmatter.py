"""Schema of a template's front matter (the YAML block between ``---`` lines)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from ..suggest import did_you_mean
from ..vartypes import VARIABLE_TYPES
from .base import Strict

Text = Annotated[str, Field(min_length=1)]


def _known_type(name: str) -> str:
    """A type from the table (read when validating, so a type added to the table is known)."""
    if name not in VARIABLE_TYPES:
        hint = did_you_mean(name, list(VARIABLE_TYPES))
        raise ValueError(
            f"niedozwolona wartość „{name}”; dozwolone: {', '.join(VARIABLE_TYPES)}.{hint}"
        )
    return name


VarType = Annotated[str, AfterValidator(_known_type)]


class Variable(Strict):
    type: VarType
    label: Text
    required: bool = True
    sample: Any = None
    help: str = ""
    scope: (
        Literal["dv", "operator-outage", "operator-maintenance", "report", "notices", "all"] | None
    ) = None
    choices: list[Text] = []


class FrontMatter(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    title: Text
    title_en: str | None = None
    when: Text
    kind: Literal["maintenance", "outage", "reply", "report", "phone"]
    channel: Literal["email", "phone"]
    scope: Literal["dv", "operator", "partner", "supplier", "any"] | None = None
    phase: Literal["OPEN", "CLOSE", "PROLONGATION"] | None = None
    languages: Annotated[list[Literal["pl", "en"]], Field(min_length=1)]
    layout: Literal["bilingual", "single"]
    subject: str | dict[Literal["pl", "en"], str] | None = None
    quotes: list[str] = []
    lead_time_days: int | None = None
    supplier: str | None = None
    variables: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Variable]
