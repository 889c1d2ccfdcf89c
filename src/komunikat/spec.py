"""What a template declares about itself, as plain data.

Kept free of YAML and pydantic so that the renderer also runs inside the
browser (Pyodide) from a JSON copy of the catalogue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class VariableSpec:
    name: str
    type: str
    label: str
    required: bool = True
    sample: Any = None
    help: str = ""
    scope: str | None = None  # services/operator: which part of the vocabulary
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class TemplateSpec:
    id: str
    title: str
    when: str
    kind: str  # maintenance | outage | reply | report | phone
    channel: str  # email | phone
    languages: tuple[str, ...]
    layout: str  # bilingual: one message with all languages; single: one per language
    subject: dict[str, str]  # language (or "*") -> Jinja source
    variables: tuple[VariableSpec, ...]
    source: str  # Jinja body
    path: str = ""
    body_line: int = 1  # line of the body's first line in the file
    scope: str | None = None  # dv | operator | partner | supplier
    phase: str | None = None
    title_en: str | None = None
    quotes: tuple[str, ...] = ()  # earlier notices a CLOSE/PROLONGATION quotes
    lead_time_days: int | None = None
    supplier: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def variable_names(self) -> tuple[str, ...]:
        return tuple(var.name for var in self.variables)

    @property
    def is_mass_notice(self) -> bool:
        return self.kind in ("maintenance", "outage")

    def variable(self, name: str) -> VariableSpec:
        for var in self.variables:
            if var.name == name:
                return var
        raise KeyError(name)

    def subject_source(self, lang: str | None) -> str | None:
        if lang and lang in self.subject:
            return self.subject[lang]
        return self.subject.get("*")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TemplateSpec:
        values = dict(data)
        values["languages"] = tuple(values["languages"])
        values["quotes"] = tuple(values.get("quotes", ()))
        values["variables"] = tuple(
            VariableSpec(**{**v, "choices": tuple(v.get("choices", ()))})
            for v in values["variables"]
        )
        return cls(**values)
