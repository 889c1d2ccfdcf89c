"""Typed values of template variables, normalised before rendering.

Raw values arrive as text (CLI ``--set``, the composer's form); each variable
type turns them into an object that prints the way notices print it. Every
refusal is a :class:`ValueProblem` that names the variable and the fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .warsaw import LocalTime


class ValueProblem(ValueError):
    """A raw value its type refuses; ``form`` words it for the composer's form, if differently."""

    def __init__(self, name: str, message: str, *, form: str | None = None) -> None:
        super().__init__(message)
        self.name = name
        self.message = message
        self.form = form


@dataclass(frozen=True)
class Service:
    id: str
    pl: str
    en: str

    def __str__(self) -> str:
        return self.pl


@dataclass(frozen=True)
class ServiceList:
    items: tuple[Service, ...]

    def __str__(self) -> str:
        return self.pl

    def __iter__(self) -> Iterator[Service]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, service_id: object) -> bool:
        return any(s.id == service_id for s in self.items)

    @property
    def pl(self) -> str:
        return ", ".join(s.pl for s in self.items)

    @property
    def en(self) -> str:
        return ", ".join(s.en for s in self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.items)


@dataclass(frozen=True)
class OperatorValue:
    code: str
    name: str
    data: Mapping[str, Any]

    def __str__(self) -> str:
        return self.code

    def subject_prefix(self, services: Any) -> str:
        """The prefix the operator asks for in subjects about these services."""
        wanted = set(_service_ids(services))
        for rule in self.data.get("subject_prefixes", []):
            if wanted & set(rule["services"]):
                return str(rule["prefix"])
        return ""

    def cc_contacts(self, services: Any, text: str = "") -> list[dict[str, Any]]:
        """Extra CC contacts whose rule matches these services or this text."""
        wanted = set(_service_ids(services))
        lowered = text.lower()
        found = []
        for rule in self.data.get("cc_rules", []):
            by_service = wanted & set(rule.get("services", []))
            by_mention = any(m.lower() in lowered for m in rule.get("mentions", []))
            if by_service or by_mention:
                found.extend(rule["contacts"])
        return found


# Frozen value types templates read attributes of; see MessageEnvironment.getattr.
VALUE_TYPES: frozenset[type] = frozenset({LocalTime, Service, ServiceList, OperatorValue})


def _service_ids(services: Any) -> list[str]:
    if isinstance(services, ServiceList):
        return list(services.ids)
    if isinstance(services, Service):
        return [services.id]
    if isinstance(services, str):
        return [services]
    return [getattr(s, "id", s) for s in services or ()]


_SANDBOX_MARKERS = ("unsafe_callable", "alters_data")


class Missing:
    """Stand-in for a value not yet given, shown highlighted in previews only."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        return f"⟦{self.label}⟧"

    def __getattr__(self, name: str) -> Missing:
        # The sandbox asks callables for these markers; answering with a
        # (truthy) Missing would make every method call on a missing value unsafe.
        if name.startswith("_") or name in _SANDBOX_MARKERS:
            raise AttributeError(name)
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> Missing:
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __bool__(self) -> bool:
        return True

    def __contains__(self, item: object) -> bool:
        return False


def is_blank(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list | tuple):
        return not any(str(r).strip() for r in raw)
    return False
