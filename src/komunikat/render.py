"""Turning a template and values into a ready-to-send message.

The same function serves the CLI, the site's previews, the composer (in the
browser, through Pyodide) and the tests. The only difference between a
preview and a real send is how a missing value is shown: highlighted in a
preview, an error otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from .environment import MessageEnvironment
from .spec import TemplateSpec
from .subjects import HL_ANYWHERE, find_notice_subjects, parse_subject
from .suggest import did_you_mean
from .textclean import clean_body
from .values import Missing, OperatorValue, ValueProblem, coerce_memo, display, is_blank
from .warsaw import LocalTime

QUOTE_SEPARATOR = "----- Poprzednia wiadomość / Previous message -----"
LANGUAGE_SEPARATOR = "-----"


class RenderError(Exception):
    """Values or previous messages that keep a template from rendering."""

    def __init__(self, template: str, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.template = template
        self.problems = problems


class TemplateFault(Exception):
    """The template itself is broken (syntax, undefined name, sandbox)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Previous:
    """An earlier notice to quote: its subject (if any) and body."""

    subject: str | None
    body: str
    source: str = ""

    def as_text(self) -> str:
        head = f"Subject: {self.subject}\n\n" if self.subject else ""
        return head + self.body.rstrip("\n")


@dataclass
class Message:
    template: str
    lang: str | None
    subject: str | None
    body: str
    typed: dict[str, Any] = field(default_factory=dict, repr=False)  # the values templates saw
    warnings: list[str] = field(default_factory=list)
    cc: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def as_text(self) -> str:
        head = f"Subject: {self.subject}\n\n" if self.subject is not None else ""
        return head + self.body

    @cached_property
    def values(self) -> dict[str, Any]:
        """The values as JSON (``--format json``, the composer); worked out when asked for."""
        return {k: None if isinstance(v, Missing) else display(v) for k, v in self.typed.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "lang": self.lang,
            "subject": self.subject,
            "body": self.body,
            "values": self.values,
            "cc": self.cc,
            "warnings": self.warnings,
        }


def prepare_values(
    spec: TemplateSpec,
    raw: Mapping[str, Any],
    context: Mapping[str, Any],
    *,
    preview: bool = False,
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Check and normalise raw values; returns (values, problems, missing labels)."""
    problems: list[str] = []
    missing: list[str] = []
    names = spec.variable_names
    for given in raw:
        if given not in names:
            hint = did_you_mean(given, names)
            problems.append(
                f"szablon {spec.id} nie ma pola „{given}”.{hint} Pola: {', '.join(names)}"
            )
    values: dict[str, Any] = {}
    for var in spec.variables:
        value = raw.get(var.name)
        if is_blank(value):
            if var.required:
                missing.append(var.name)
                values[var.name] = Missing(var.label)
            else:
                values[var.name] = None
            continue
        try:
            values[var.name] = coerce_memo(var, value, context)
        except ValueProblem as exc:
            problems.append(exc.message)
            values[var.name] = Missing(var.label)
    if missing and not preview:
        labels = ", ".join(f"{n} ({spec.variable(n).label})" for n in missing)
        problems.insert(0, f"brak wymaganych wartości: {labels}")
    return values, problems, missing


def render(
    env: MessageEnvironment,
    spec: TemplateSpec,
    raw: Mapping[str, Any],
    context: Mapping[str, Any],
    *,
    lang: str | None = None,
    previous: Sequence[Previous] = (),
    now: datetime | None = None,
    preview: bool = False,
) -> Message:
    """Render one message. Raises RenderError (bad values) or TemplateFault (bad template)."""
    if spec.layout == "single":
        lang = lang or spec.languages[0]
        if lang not in spec.languages:
            raise RenderError(
                spec.id,
                [
                    f"szablon {spec.id} nie ma wersji „{lang}”; "
                    f"dostępne: {', '.join(spec.languages)}"
                ],
            )
    else:
        lang = None
    values, problems, missing = prepare_values(spec, raw, context, preview=preview)
    problems += _check_order(spec, values)
    quoted = _check_previous(spec, values, previous, preview=preview, problems=problems)
    if problems and not (preview and not _hard(problems, missing)):
        raise RenderError(spec.id, problems)
    scope = {**context, **values, "lang": lang or "+".join(spec.languages)}
    body = _render_body(env, spec, scope)
    subject = _render_subject(env, spec, scope, lang)
    if quoted:
        # the body is clean already; the quoted block starts with the separator line,
        # so cleaning it alone gives the same text as cleaning the whole message
        block = _quoted_block(tuple(quoted))
        body = body + "\n" + block if body.strip("\n") else block
    message = Message(
        template=spec.id,
        lang=lang,
        subject=subject,
        body=body,
        typed=values,
        missing=missing,
    )
    message.warnings += _lead_time_warnings(spec, values, now)
    message.cc = _cc(spec, values, context)
    return message


def _hard(problems: list[str], missing: list[str]) -> bool:
    """In a preview, only a malformed value is an error; a missing one is highlighted."""
    return any(not p.startswith("brak wymaganych") for p in problems)


def _render_body(env: MessageEnvironment, spec: TemplateSpec, scope: dict[str, Any]) -> str:
    try:
        template = env.file_template(spec.path.removeprefix("templates/") or f"{spec.id}.j2")
        return clean_body(env.render_bounded(template, scope))
    except TemplateSyntaxError as exc:
        raise TemplateFault(
            spec.path, exc.lineno or 0, f"błąd składni Jinja: {exc.message}"
        ) from None
    except SecurityError as exc:
        raise TemplateFault(
            spec.path, _line_of(exc), f"niedozwolona operacja w szablonie: {exc}"
        ) from None
    except UndefinedError as exc:
        raise TemplateFault(
            spec.path, _line_of(exc), f"nieznana nazwa w szablonie: {exc.message}"
        ) from None
    except TemplateError as exc:
        raise TemplateFault(spec.path, _line_of(exc), f"błąd szablonu: {exc}") from None
    except RecursionError as exc:
        raise TemplateFault(
            spec.path,
            _outermost_line(exc, spec.path.removeprefix("templates/")),
            "szablon dołącza sam siebie (pętla {% include %}); usuń dołączenie, które zamyka pętlę",
        ) from None


def _render_subject(
    env: MessageEnvironment, spec: TemplateSpec, scope: dict[str, Any], lang: str | None
) -> str | None:
    source = spec.subject_source(lang)
    if source is None:
        return None
    try:
        subject = env.render_bounded(env.string_template(source), scope)
    except TemplateError as exc:
        raise TemplateFault(spec.path, 0, f"błąd w temacie (subject): {exc}") from None
    subject = " ".join(subject.split())
    return subject


def _outermost_line(exc: BaseException, name: str) -> int:
    """The line of ``name`` (the template itself) where a runaway include began."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            return tb.tb_lineno
        tb = tb.tb_next
    return 0


def _line_of(exc: BaseException) -> int:
    """The template line of a render-time error.

    Jinja rewrites tracebacks so that template frames carry the template's own
    file name (``<template>`` for in-memory ones) and line number.
    """
    tb = exc.__traceback__
    line = 0
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name == "<template>" or name.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _check_order(spec: TemplateSpec, values: Mapping[str, Any]) -> list[str]:
    start, end = values.get("start"), values.get("end")
    if isinstance(start, LocalTime) and isinstance(end, LocalTime) and end.utc <= start.utc:
        return [f"czas zakończenia ({end}) musi być późniejszy niż czas rozpoczęcia ({start})"]
    return []


def _check_previous(
    spec: TemplateSpec,
    values: Mapping[str, Any],
    previous: Sequence[Previous],
    *,
    preview: bool,
    problems: list[str],
) -> list[Previous]:
    if spec.phase not in ("CLOSE", "PROLONGATION"):
        if previous:
            problems.append(f"szablon {spec.id} nie cytuje poprzednich wiadomości; usuń --previous")
        return []
    if not previous:
        if not preview:
            problems.append(
                f"{spec.phase} musi zawierać treść poprzedniej wiadomości (OPEN, a jeśli prace "
                "przedłużano, także PROLONGATION); podaj ją: --previous PLIK"
            )
        return []
    hl = values.get("hl")
    found_open = False
    for prev in previous:
        numbers, phases = _previous_facts(prev)
        if isinstance(hl, str) and numbers and hl not in numbers:
            problems.append(
                f"poprzednia wiadomość {prev.source or ''} dotyczy {', '.join(sorted(numbers))}, "
                f"a ta {hl}; dołącz wiadomość o tym samym numerze HL".replace("  ", " ")
            )
        for phase in phases:
            if phase == "CLOSE":
                problems.append(
                    f"poprzednia wiadomość {prev.source} to już CLOSE; cytuj OPEN "
                    "i ewentualne PROLONGATION".replace("  ", " ")
                )
            if phase == "OPEN":
                found_open = True
    if not found_open:
        problems.append(
            "wśród cytowanych wiadomości brak zawiadomienia OPEN (z tematem "
            "„… - OPEN [HL-…]”); dołącz je przez --previous"
        )
    return list(previous)


@lru_cache(maxsize=64)
def _quoted_block(quoted: tuple[Previous, ...]) -> str:
    """The earlier notices as quoted under a message, cleaned (memoised like the facts)."""
    return clean_body("\n\n".join(f"{QUOTE_SEPARATOR}\n{p.as_text()}" for p in quoted))


@lru_cache(maxsize=256)
def _previous_facts(prev: Previous) -> tuple[frozenset[str], tuple[str, ...]]:
    """The HL numbers an earlier notice names and the phases of its notice subjects.

    Memoised: the composer re-renders on every keystroke with the same earlier notices.
    """
    text = prev.as_text()
    numbers = frozenset(f"HL-{m.group('n')}" for m in HL_ANYWHERE.finditer(text))
    subjects = find_notice_subjects(text)
    head = parse_subject(prev.subject or "")
    if head:
        subjects.append(head)
    return numbers, tuple(subject.phase for subject in subjects)


def _lead_time_warnings(
    spec: TemplateSpec, values: Mapping[str, Any], now: datetime | None
) -> list[str]:
    start = values.get("start")
    if spec.lead_time_days is None or not isinstance(start, LocalTime):
        return []
    if now is None:
        return []
    sent = now.astimezone(start.moment.tzinfo)
    full_days = (start.moment.date() - sent.date()).days - 1
    if full_days >= spec.lead_time_days:
        return []
    return [
        f"prace zaczynają się {start}, a do tego czasu zostało {max(full_days, 0)} pełnych dni; "
        f"zawiadomienie trzeba wysłać najpóźniej {spec.lead_time_days} pełne dni przed pracami "
        "— uzgodnij termin z kierownikiem DNiU"
    ]


def _cc(
    spec: TemplateSpec, values: Mapping[str, Any], context: Mapping[str, Any]
) -> list[dict[str, Any]]:
    operator = values.get("operator")
    if spec.scope != "operator" or spec.kind != "report" or not isinstance(operator, OperatorValue):
        return []
    found: list[dict[str, Any]] = [
        {"name": c["name"], "email": c.get("email"), "note": c["role_pl"]}
        for c in context["contacts"]["internal"]
        if c.get("cc_on") == "operator-mail"
    ]
    text = " ".join(str(v) for v in values.values() if isinstance(v, str))
    services = values.get("service") or values.get("services") or ()
    for contact in operator.cc_contacts(services, text):
        found.append(
            {
                "name": f"{contact['crm']} {contact['title']}",
                "email": contact.get("email"),
                "note": "reguła DW operatora",
            }
        )
    return found
