"""The table of variable types: one entry per type, read by everything that handles values.

An entry says how raw text becomes the value templates receive (``parse``),
how that value looks as JSON (``display``), its Polish name on the template
pages, the composer's form widget and its options, and whether the CLI's
``--set`` collects a list. The front-matter schema, :func:`coerce`, the CLI,
the composer's form description and the template pages all read
:data:`VARIABLE_TYPES`, so a new type is one entry plus its functions
(CONTRIBUTING.md, "Adding a variable type").

Only the standard library and komunikat's light modules are imported: this
runs in the browser too (Pyodide).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .patterns import EMAIL, HL_INPUT, PERSON
from .spec import VariableSpec
from .suggest import did_you_mean
from .values import OperatorValue, Service, ServiceList, ValueProblem, is_blank
from .warsaw import LocalTime, TimeError, parse_local

Parse = Callable[[VariableSpec, Any, Mapping[str, Any]], Any]
Options = Callable[[VariableSpec, Mapping[str, Any]], list[dict[str, str]]]

WIDGETS = ("text", "email", "textarea", "datetime", "select", "checkboxes", "checkbox")


@dataclass(frozen=True)
class VariableType:
    """One variable type; see the module docstring."""

    label: str  # Polish, on the template pages
    parse: Parse  # raw value (text, or a list of text) -> the value templates receive
    widget: str  # the composer's form control, one of WIDGETS
    display: Callable[[Any], Any] = str  # the value as JSON (--format json, the composer)
    options: Options | None = None  # choices of a select or check boxes
    list_valued: bool = False  # --set given several times (or with commas) collects a list
    single_line: bool = True  # a line break in the text is refused
    moment: bool = False  # a point in time: the form offers CET/CEST for an ambiguous one
    shown: Callable[[Any], str] | None = None  # echoed beside the field in the form


def _text(spec: VariableSpec, raw: Any) -> str:
    if isinstance(raw, bool):
        return "tak" if raw else "nie"
    if isinstance(raw, list | tuple):
        raw = ", ".join(str(r) for r in raw)
    text = str(raw).replace("\r\n", "\n").strip()
    if VARIABLE_TYPES[spec.type].single_line and "\n" in text:
        raise ValueProblem(spec.name, f"„{spec.label}” musi być jednym wierszem")
    return text


def parse_text(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    return _text(spec, raw)


def parse_multiline(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    return "\n".join(line.rstrip() for line in _text(spec, raw).split("\n"))


def parse_person(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    text = _text(spec, raw)
    name = " ".join(text.split())
    if not PERSON.match(name):
        raise ValueProblem(
            spec.name,
            f"„{spec.label}”: „{text}” nie wygląda na imię i nazwisko; wpisz np. „Jan Kowalski”",
        )
    return name


def parse_email(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    text = _text(spec, raw)
    if not EMAIL.fullmatch(text):
        raise ValueProblem(spec.name, f"„{spec.label}”: „{text}” nie jest adresem e-mail")
    return text


def parse_hl(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    text = _text(spec, raw)
    match = HL_INPUT.match(text.replace(" ", ""))
    if not match:
        raise ValueProblem(
            spec.name, f"„{spec.label}”: „{text}” nie jest numerem HL; wpisz np. HL-123456"
        )
    return f"HL-{match.group('n')}"


def parse_datetime(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> LocalTime:
    try:
        return parse_local(_text(spec, raw))
    except TimeError as exc:
        form = f"„{spec.label}”: {exc.form}" if exc.form else None
        raise ValueProblem(spec.name, f"„{spec.label}”: {exc}", form=form) from None


def parse_flag(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> bool:
    text = _text(spec, raw)
    lowered = text.lower()
    if lowered in ("tak", "true", "yes", "1", "on"):
        return True
    if lowered in ("nie", "false", "no", "0", "off", ""):
        return False
    raise ValueProblem(spec.name, f"„{spec.label}”: wpisz „tak” albo „nie”, a nie „{text}”")


def parse_choice(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> str:
    text = _text(spec, raw)
    if text not in spec.choices:
        hint = did_you_mean(text, spec.choices)
        raise ValueProblem(
            spec.name,
            f"„{spec.label}”: niedozwolona wartość „{text}”; "
            f"dozwolone: {', '.join(spec.choices)}.{hint}",
        )
    return text


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


def parse_operator(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> OperatorValue:
    text = _text(spec, raw)
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


def parse_services(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> ServiceList:
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


def parse_service(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> Service:
    return parse_services(spec, [_text(spec, raw)], context).items[0]


def _operator_choices(spec: VariableSpec, context: Mapping[str, Any]) -> list[dict[str, str]]:
    return [
        {"value": code, "label": str(op["name"])}
        for code, op in operator_options(spec, context).items()
    ]


def _service_choices(spec: VariableSpec, context: Mapping[str, Any]) -> list[dict[str, str]]:
    return [
        {"value": sid, "label": str(s["pl"])} for sid, s in service_options(spec, context).items()
    ]


def _listed_choices(spec: VariableSpec, context: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"value": choice, "label": choice} for choice in spec.choices]


def _same(value: Any) -> Any:
    return value


VARIABLE_TYPES: dict[str, VariableType] = {
    "text": VariableType("tekst", parse_text, "text"),
    "multiline": VariableType(
        "tekst wielowierszowy", parse_multiline, "textarea", single_line=False
    ),
    "person": VariableType("imię i nazwisko", parse_person, "text"),
    "email": VariableType("adres e-mail", parse_email, "email"),
    "hl": VariableType("numer HL", parse_hl, "text"),
    "datetime": VariableType(
        "data i godzina (Warszawa)",
        parse_datetime,
        "datetime",
        display=lambda t: {"pl": t.pl, "en": t.en, "iso": t.iso},
        single_line=False,
        moment=True,
        shown=lambda t: t.en,
    ),
    "operator": VariableType(
        "operator",
        parse_operator,
        "select",
        display=lambda op: op.code,
        options=_operator_choices,
        single_line=False,
    ),
    "services": VariableType(
        "usługi (wiele)",
        parse_services,
        "checkboxes",
        display=lambda services: list(services.ids),
        options=_service_choices,
        list_valued=True,
    ),
    "service": VariableType(
        "usługa", parse_service, "select", display=lambda s: s.id, options=_service_choices
    ),
    "choice": VariableType("wybór", parse_choice, "select", options=_listed_choices),
    "flag": VariableType("tak/nie", parse_flag, "checkbox", display=_same, single_line=False),
}


def coerce(spec: VariableSpec, raw: Any, context: Mapping[str, Any]) -> Any:
    """Turn one raw value into the object templates receive."""
    kind = VARIABLE_TYPES.get(spec.type)
    if kind is None:
        raise ValueProblem(spec.name, f"nieznany typ zmiennej „{spec.type}”")
    return kind.parse(spec, raw, context)


def display(spec: VariableSpec, value: Any) -> Any:
    """A JSON-safe view of a normalised value (for ``--format json``)."""
    if value is None:
        return None
    return VARIABLE_TYPES[spec.type].display(value)


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

__all__ = ["VARIABLE_TYPES", "VariableType", "coerce", "coerce_memo", "display", "is_blank"]
