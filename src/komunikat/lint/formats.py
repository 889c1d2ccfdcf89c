"""Output formats of lint and check results: text, json, github — all in one place."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter

from ..i18n import count
from ..problems import Problem, Severity
from .report import Report

FORMATS = ("text", "json", "github", "auto")


def pick(requested: str) -> str:
    if requested != "auto":
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(report: Report, fmt: str) -> str:
    fmt = pick(fmt)
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(_github(p) + "\n" for p in report.findings) + _summary(report)
    lines = [p.format() + _suggest(p) for p in report.findings]
    return "".join(line + "\n" for line in lines) + _summary(report)


def _suggest(problem: Problem) -> str:
    if not problem.suggestions:
        return ""
    return " (propozycje: " + ", ".join(problem.suggestions[:5]) + ")"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(problem: Problem) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[
        problem.severity
    ]
    props = ",".join(
        [
            f"file={_escape(problem.path, True)}",
            f"line={problem.line}",
            f"col={problem.column}",
            f"title={_escape('komunikat ' + problem.rule, True)}",
        ]
    )
    return f"::{level} {props}::{_escape(problem.message + _suggest(problem))}"


def _summary(report: Report) -> str:
    counts = Counter(p.severity for p in report.findings)
    out = [
        "",
        f"Podsumowanie: {count('%(n)d error', '%(n)d errors', counts[Severity.ERROR])}, "
        f"{count('%(n)d warning', '%(n)d warnings', counts[Severity.WARNING])}, "
        f"{count('%(n)d note', '%(n)d notes', counts[Severity.INFO])} "
        f"{count('in %(n)d checked file', 'in %(n)d checked files', report.checked)}.",
    ]
    if report.engine_lines:
        out.append("Silniki sprawdzania:")
        out += [f"  {line}" for line in report.engine_lines]
    if report.suppressions:
        out.append("Wyłączenia reguł (komunikat: disable):")
        out += [
            f"  {s.path}:{s.line}: {', '.join(s.rules)} — {s.reason}" for s in report.suppressions
        ]
    for note in report.notes:
        out.append(note)
    return "\n".join(out) + "\n"


def write(report: Report, fmt: str) -> None:
    """Findings (the results) to stdout; for text and github the summary goes to stderr."""
    fmt = pick(fmt)
    if fmt == "json":
        sys.stdout.write(render(report, fmt))
        return
    text = render(report, fmt)
    summary = _summary(report)
    sys.stdout.write(text[: len(text) - len(summary)])
    sys.stderr.write(summary.lstrip("\n"))
