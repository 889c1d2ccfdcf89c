"""Typed values of template variables, normalised before rendering.

Raw values arrive as text (CLI ``--set``, the composer's form); each variable
type turns them into an object that prints the way notices print it. Every
refusal is a :class:`ValueProblem` that names the variable and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .spec import VariableSpec
from .suggest import did_you_mean
from .warsaw import LocalTime, TimeError, parse_local

HL_PATTERN = re.compile(r"^(?:HL-?)?(?P<n>\d{4,7})$", re.IGNORECASE)
EMAIL_PATTERN = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
PERSON_PATTERN = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)+$")


class ValueProblem(ValueError):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


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


def _as_text(spec: VariableSpec, raw: Any) -> str:
    if isinstance(raw, bool):
        return "tak" if raw else "nie"
    if isinstance(raw, list | tuple):
        raw = ", ".join(str(r) for r in raw)
    return str(raw).replace("\r\n", "\n").strip()


def coerce(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> Any:
    """Turn one raw value into the object templates receive."""
    kind = spec.type
    if kind == "services":
        return _services(spec, raw, context)
    text = _as_text(spec, raw)
    if kind in ("text", "person", "email", "hl", "choice", "service") and "\n" in text:
        raise ValueProblem(spec.name, f"„{spec.label}” musi być jednym wierszem")
    if kind == "text":
        return text
    if kind == "multiline":
        return "\n".join(line.rstrip() for line in text.split("\n"))
    if kind == "person":
        name = " ".join(text.split())
        if not PERSON_PATTERN.match(name):
            raise ValueProblem(
                spec.name,
                f"„{spec.label}”: „{text}” nie wygląda na imię "
                "i nazwisko; wpisz np. „Jan Kowalski”",
            )
        return name
    if kind == "email":
        if not EMAIL_PATTERN.match(text):
            raise ValueProblem(spec.name, f"„{spec.label}”: „{text}” nie jest adresem e-mail")
        return text
    if kind == "hl":
        match = HL_PATTERN.match(text.replace(" ", ""))
        if not match:
            raise ValueProblem(
                spec.name, f"„{spec.label}”: „{text}” nie jest numerem HL; wpisz np. HL-123456"
            )
        return f"HL-{match.group('n')}"
    if kind == "datetime":
        try:
            return parse_local(text)
        except TimeError as exc:
            raise ValueProblem(spec.name, f"„{spec.label}”: {exc}") from None
    if kind == "operator":
        return _operator(spec, text, context)
    if kind == "service":
        services = _services(spec, [text], context)
        return services.items[0]
    if kind == "flag":
        lowered = text.lower()
        if lowered in ("tak", "true", "yes", "1", "on"):
            return True
        if lowered in ("nie", "false", "no", "0", "off", ""):
            return False
        raise ValueProblem(spec.name, f"„{spec.label}”: wpisz „tak” albo „nie”, a nie „{text}”")
    if kind == "choice":
        if text not in spec.choices:
            hint = did_you_mean(text, spec.choices)
            raise ValueProblem(
                spec.name,
                f"„{spec.label}”: niedozwolona wartość „{text}”; "
                f"dozwolone: {', '.join(spec.choices)}.{hint}",
            )
        return text
    raise ValueProblem(spec.name, f"nieznany typ zmiennej „{kind}”")


class CoerceMemo:
    """Remembers :func:`coerce` results for one data context.

    The composer re-renders on every keystroke and the linter renders each
    template many times with the same samples; parsing a date or a service
    list again gives the same frozen value. Only successful results of text
    (or list of text) input are kept; a new context starts a new memo.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        self._context: Mapping[str, Any] | None = None
        self._values: dict[tuple[Any, ...], Any] = {}

    def __call__(self, spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> Any:
        if isinstance(raw, str):
            raw_key: Any = raw
        elif isinstance(raw, list | tuple) and all(isinstance(r, str) for r in raw):
            raw_key = tuple(raw)
        else:
            return coerce(spec, raw, context)
        if context is not self._context or len(self._values) > self.LIMIT:
            self._values.clear()
            self._context = context
        key = (spec.name, spec.type, spec.label, spec.scope, spec.choices, raw_key)
        found = self._values.get(key, _NOT_FOUND)
        if found is _NOT_FOUND:
            found = self._values[key] = coerce(spec, raw, context)
        return found


_NOT_FOUND = object()
coerce_memo = CoerceMemo()


def operator_options(spec: VariableSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    """Operators a variable accepts, by code: scope "notices" keeps those taking notices.

    Public so that the composer's choice list is exactly what :func:`coerce` accepts.
    """
    operators: Mapping[str, Any] = context["operators"]
    return {
        code: op
        for code, op in operators.items()
        if spec.scope != "notices" or op.get("notices", True)
    }


def service_options(spec: VariableSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    """Services a variable accepts, by id, in vocabulary order (limited to its scope).

    Public so that the composer's check boxes are exactly what :func:`coerce` accepts.
    """
    vocabulary: Mapping[str, Any] = context["services"]
    return {
        sid: s for sid, s in vocabulary.items() if spec.scope is None or spec.scope in s["scopes"]
    }


def _operator(spec: VariableSpec, text: str, context: Mapping[str, Any]) -> OperatorValue:
    allowed = operator_options(spec, context)
    by_name = {op["name"].lower(): code for code, op in allowed.items()}
    code = text.upper().replace(" ", "-")
    code = by_name.get(text.lower(), code)
    if code not in allowed:
        hint = did_you_mean(text, list(allowed))
        raise ValueProblem(
            spec.name,
            f"„{spec.label}”: nieznany operator „{text}”; dozwoleni: {', '.join(allowed)}.{hint}",
        )
    op = allowed[code]
    return OperatorValue(code=code, name=op["name"], data=op)


def _services(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> ServiceList:
    allowed = service_options(spec, context)
    if isinstance(raw, str):
        names = [p.strip() for p in re.split(r"[,;\n]", raw) if p.strip()]
    else:
        names = [str(p).strip() for p in raw or () if str(p).strip()]
    lookup: dict[str, str] = {}
    for sid, s in allowed.items():
        for key in (sid, s["pl"], s["en"]):
            lookup[key.lower()] = sid
    chosen: list[Service] = []
    for name in names:
        sid = lookup.get(name.lower())
        if sid is None:
            hint = did_you_mean(name, list(allowed))
            raise ValueProblem(
                spec.name,
                f"„{spec.label}”: nieznana usługa „{name}”; dozwolone: {', '.join(allowed)}.{hint}",
            )
        s = allowed[sid]
        item = Service(id=sid, pl=s["pl"], en=s["en"])
        if item not in chosen:
            chosen.append(item)
    if not chosen:
        raise ValueProblem(spec.name, f"„{spec.label}”: wybierz co najmniej jedną usługę")
    order = list(allowed)
    chosen.sort(key=lambda s: order.index(s.id))
    return ServiceList(tuple(chosen))


def is_blank(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list | tuple):
        return not any(str(r).strip() for r in raw)
    return False


def display(value: Any) -> Any:
    """A JSON-safe view of a normalised value (for ``--format json``)."""
    if type(value) is str:  # most values: text, names, HL numbers
        return value
    if value is None:
        return None
    if isinstance(value, LocalTime):
        return {"pl": value.pl, "en": value.en, "iso": value.iso}
    if isinstance(value, ServiceList):
        return list(value.ids)
    if isinstance(value, Service):
        return value.id
    if isinstance(value, OperatorValue):
        return value.code
    if isinstance(value, bool):
        return value
    return str(value)
