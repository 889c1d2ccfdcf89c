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
    # (line, column) in the file of the front-matter keys ("subject", "subject.pl",
    # "quotes", "variables.<name>", "variables.<name>.sample"), from the YAML parser
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

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

    def position(self, key: str) -> tuple[int, int]:
        """Where front-matter key ``key`` was written; the file's start if unknown."""
        return self.positions.get(key, (1, 1))

    def subject_position(self, lang: str | None) -> tuple[int, int]:
        """Where the subject used for ``lang`` was written."""
        if lang and lang in self.subject and f"subject.{lang}" in self.positions:
            return self.positions[f"subject.{lang}"]
        return self.position("subject")

    def sample_position(self, name: str) -> tuple[int, int]:
        """Where variable ``name``'s sample was written (its declaration if it has none)."""
        return self.positions.get(f"variables.{name}.sample") or self.position(f"variables.{name}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TemplateSpec:
        values = dict(data)
        values["languages"] = tuple(values["languages"])
        values["quotes"] = tuple(values.get("quotes", ()))
        values["positions"] = {k: tuple(v) for k, v in values.get("positions", {}).items()}
        values["variables"] = tuple(
            VariableSpec(**{**v, "choices": tuple(v.get("choices", ()))})
            for v in values["variables"]
        )
        return cls(**values)
