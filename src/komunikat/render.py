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
from functools import cached_property
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from . import notices, sending
from .environment import MessageEnvironment
from .notices import QUOTE_SEPARATOR, Previous
from .problems import ProblemKind, RenderProblem
from .spec import TemplateSpec
from .suggest import did_you_mean, undefined_hint
from .textclean import clean_body
from .values import Missing, ValueProblem, is_blank
from .vartypes import coerce_memo, display

__all__ = [
    "QUOTE_SEPARATOR",
    "Message",
    "Previous",
    "RenderError",
    "TemplateFault",
    "prepare_values",
    "render",
]

LANGUAGE_SEPARATOR = "-----"


class RenderError(Exception):
    """Values or previous messages that keep a template from rendering.

    ``issues`` are the structured problems; ``problems`` their messages.
    """

    def __init__(self, template: str, issues: list[RenderProblem]) -> None:
        self.problems = [issue.message for issue in issues]
        super().__init__("; ".join(self.problems))
        self.template = template
        self.issues = issues


class TemplateFault(Exception):
    """The template itself is broken (syntax, undefined name, sandbox)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message


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
    spec: TemplateSpec = field(repr=False, compare=False, kw_only=True)

    def as_text(self) -> str:
        head = f"Subject: {self.subject}\n\n" if self.subject is not None else ""
        return head + self.body

    @cached_property
    def values(self) -> dict[str, Any]:
        """The values as JSON (``--format json``, the composer); worked out when asked for."""
        variable = self.spec.variable
        return {
            k: None if isinstance(v, Missing) else display(variable(k), v)
            for k, v in self.typed.items()
        }

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
) -> tuple[dict[str, Any], list[RenderProblem], list[str]]:
    """Check and normalise raw values; returns (values, problems, missing names)."""
    problems: list[RenderProblem] = []
    missing: list[str] = []
    names = spec.variable_names
    for given in raw:
        if given not in names:
            hint = did_you_mean(given, names)
            problems.append(
                RenderProblem(
                    ProblemKind.FIELD,
                    f"szablon {spec.id} nie ma pola „{given}”.{hint} Pola: {', '.join(names)}",
                    given,
                )
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
            problems.append(RenderProblem(ProblemKind.VALUE, exc.message, var.name, exc.form))
            values[var.name] = Missing(var.label)
    if missing and not preview:
        labels = ", ".join(f"{n} ({spec.variable(n).label})" for n in missing)
        problems.insert(
            0, RenderProblem(ProblemKind.MISSING, f"brak wymaganych wartości: {labels}")
        )
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
                    RenderProblem(
                        ProblemKind.LANGUAGE,
                        f"szablon {spec.id} nie ma wersji „{lang}”; "
                        f"dostępne: {', '.join(spec.languages)}",
                    )
                ],
            )
    else:
        lang = None
    raw, quoted_values = notices.inherit(spec, raw, previous)
    values, problems, missing = prepare_values(spec, raw, context, preview=preview)
    said_by = notices.source_phase(previous)
    problems += notices.contradictions(spec, values, quoted_values, context, said_by=said_by)
    problems += notices.check_order(values)
    quoted, refused = notices.check_previous(spec, values, previous, preview=preview)
    problems += refused
    if problems and not (preview and _only_missing(problems)):
        raise RenderError(spec.id, problems)
    scope = {**context, **values, "lang": lang or "+".join(spec.languages)}
    body = _render_body(env, spec, scope)
    if not body.strip():
        raise TemplateFault(
            spec.path,
            spec.body_line,
            "treść szablonu jest pusta (po wypełnieniu nie zostaje żaden tekst); "
            "dopisz treść pod front matter albo sprawdź warunki {% if %}",
        )
    subject = _render_subject(env, spec, scope, lang)
    if quoted:
        # the body is clean already; the quoted block starts with the separator line,
        # so cleaning it alone gives the same text as cleaning the whole message
        block = notices.quoted_block(tuple(quoted))
        body = body + "\n" + block if body.strip("\n") else block
    message = Message(
        template=spec.id,
        lang=lang,
        subject=subject,
        body=body,
        typed=values,
        missing=missing,
        spec=spec,
    )
    message.warnings += sending.lead_time_warnings(spec, values, now)
    message.cc = sending.cc_list(spec, values, context)
    return message


def _only_missing(problems: list[RenderProblem]) -> bool:
    """In a preview, a missing value is highlighted; any other problem is an error."""
    return all(p.kind is ProblemKind.MISSING for p in problems)


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
            *_place(exc, spec.path), f"niedozwolona operacja w szablonie: {exc}"
        ) from None
    except UndefinedError as exc:
        hint = undefined_hint(exc.message or "", scope)
        said = f"{exc.message}.{hint}" if hint else exc.message
        raise TemplateFault(
            *_place(exc, spec.path), f"nieznana nazwa w szablonie: {said}"
        ) from None
    except TemplateError as exc:
        raise TemplateFault(*_place(exc, spec.path), f"błąd szablonu: {exc}") from None
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
        line = spec.subject_position(lang)[0]
        raise TemplateFault(spec.path, line, f"błąd w temacie (subject): {exc}") from None
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


def _place(exc: BaseException, path: str) -> tuple[str, int]:
    """The file and line of a render-time error: a partial's own, when it happened there."""
    tb = exc.__traceback__
    place = (path, 0)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name == "<template>":
            place = (path, tb.tb_lineno)
        elif name.endswith(".j2"):
            place = ("templates/" + name.rpartition("templates/")[2], tb.tb_lineno)
        tb = tb.tb_next
    return place
