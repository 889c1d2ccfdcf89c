"""What the composer's functions answer: the problems as the form shows them, and the result.

The browser gets JSON: per problem the field it belongs to (or None), its
kind and its text in the form's wording (``RenderProblem.form_message``: no
command-line options), one per missing field where the CLI lists the names
in one line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .problems import ProblemKind, RenderProblem
from .render import Message, TemplateFault
from .spec import TemplateSpec


def filename(message: Message, suffix: str) -> str:
    hl = message.values.get("hl")
    return f"{message.template}-{hl}.{suffix}" if hl else f"{message.template}.{suffix}"


Issue = dict[str, Any]  # {"field": name or None, "kind": ProblemKind value, "message": text}

#: Said beside an empty required field once it was left (the CLI lists the names in one line).
MISSING_FORM = "„{label}”: uzupełnij to pole"


def form_issues(
    spec: TemplateSpec,
    fields: Mapping[str, Mapping[str, Any]],
    problems: Sequence[RenderProblem | Issue],
) -> list[Issue]:
    """The problems as the form shows them, in the order of the form's fields.

    The CLI's one MISSING line becomes one issue per missing field; the rest
    keep their field (if it is one of the form's) and take the form's wording.
    Field-less issues (the quoted notices, a broken template) come last.
    """
    order = {name: i for i, name in enumerate(spec.variable_names)}
    found: list[Issue] = [
        {
            "field": name,
            "kind": ProblemKind.MISSING.value,
            "message": MISSING_FORM.format(label=spec.variable(name).label),
        }
        for name, state in fields.items()
        if state["missing"]
    ]
    for problem in problems:
        if isinstance(problem, dict):
            found.append(problem)
        elif problem.kind is not ProblemKind.MISSING:
            field = problem.variable if problem.variable in order else None
            found.append(
                {"field": field, "kind": problem.kind.value, "message": problem.form_message}
            )
    return sorted(found, key=lambda issue: order.get(issue["field"], len(order)))


def general(message: str) -> Issue:
    return {"field": None, "kind": "general", "message": message}


def fault(exc: TemplateFault) -> Issue:
    return {"field": None, "kind": "template", "message": f"{exc.path}:{exc.line}:1: {exc.message}"}


def refused(issues: Sequence[Issue]) -> dict[str, Any]:
    return {"ready": False, "problems": [i["message"] for i in issues], "issues": list(issues)}


def result(
    template_id: str,
    lang: str | None,
    *,
    message: Message | None = None,
    fields: Mapping[str, Any] | None = None,
    problems: Sequence[Issue] = (),
    ready: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    return {
        **extra,
        "template": template_id,
        "lang": lang,
        "ready": ready,
        "subject": message.subject if message else None,
        "body": message.body if message else None,
        "text": message.as_text() if message else None,
        "missing": [name for name, state in (fields or {}).items() if state["missing"]],
        "problems": [issue["message"] for issue in problems],
        "issues": list(problems),
        "hl": message.values.get("hl") if message else None,
        "warnings": list(message.warnings) if message else [],
        "cc": list(message.cc) if message else [],
        "fields": dict(fields or {}),
    }
