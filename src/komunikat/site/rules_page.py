"""The lint rule reference, rendered from the rule modules' own documentation."""

from __future__ import annotations

import re
from types import ModuleType

from ..lint.registry import RULES
from ..lint.ruledoc import rule_doc
from .markdown import fence, inline

PATH = "reguly.md"
LEVELS = {"error": "błąd", "warning": "ostrzeżenie", "info": "uwaga"}


def _doc_sections(rule: ModuleType) -> tuple[str, str, list[tuple[str, str]]]:
    """(summary line, description, [(PASS|FAIL, example)]) from the module docstring."""
    doc = rule_doc(rule)
    return doc.summary, doc.description, [(e.label, e.shown) for e in doc.examples]


def rules_page() -> str:
    parts = [
        "# Reguły sprawdzania",
        "",
        "Reguły `komunikat lint` (szablony) i `komunikat check` (wiadomości przed wysłaniem). "
        "Ta strona powstaje z dokumentacji samych reguł. Poziom można zmienić w pliku "
        "`komunikat.yml`, a jedno miejsce w szablonie wyłączyć komentarzem "
        '`{# komunikat: disable=ID reason="…" #}`.',
        "",
        "| Reguła | Domyślny poziom | Opis |",
        "|---|---|---|",
    ]
    for rule in RULES:
        summary, _, _ = _doc_sections(rule)
        parts.append(
            f"| [`{rule.ID}`](#{rule.ID}) | {LEVELS[rule.LEVEL.value]} | {inline(summary)} |"
        )
    for rule in RULES:
        summary, description, examples = _doc_sections(rule)
        parts += ["", f"## `{rule.ID}` {{ #{rule.ID} }}", "", f"**{inline(summary)}**", ""]
        parts += [inline(description), ""]
        options = dict(getattr(rule, "OPTIONS", {}))
        if options:
            defaults = dict(getattr(rule, "DEFAULTS", {}))
            listed = ", ".join(f"`{k}` (domyślnie `{defaults.get(k)}`)" for k in options)
            parts += [f"Opcje: {listed}", ""]
        for label, text in examples:
            title = "Poprawnie" if label == "PASS" else "Błąd"
            kind = "success" if label == "PASS" else "failure"
            parts += [f'!!! {kind} "{title}"', "", fence(text, "text", 4), ""]
    return "\n".join(parts) + "\n"
