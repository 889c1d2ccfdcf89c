"""The composer's form for a template, described at build time.

The site build writes it into ``catalog.json``
(:mod:`komunikat.site.composer_assets`), so the form appears before Pyodide
has loaded; the browser side (:mod:`komunikat.composer`) never builds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .ical import describes_window
from .spec import TemplateSpec, VariableSpec
from .vartypes import VARIABLE_TYPES


def form_description(spec: TemplateSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    """What the form shows for a template: fields with labels, help and choices.

    Written into the site's catalogue at build time, so the form appears
    before Pyodide has loaded. The choices come from the functions
    :func:`~komunikat.vartypes.coerce` itself uses.
    """
    return {
        "id": spec.id,
        "title": spec.title,
        "channel": spec.channel,
        "layout": spec.layout,
        "languages": list(spec.languages),
        "phase": spec.phase,
        "has_subject": bool(spec.subject),
        "quotes": list(spec.quotes),
        "calendar": describes_window(spec),
        "fields": [_field(var, context) for var in spec.variables],
    }


def _field(var: VariableSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    kind = VARIABLE_TYPES[var.type]
    return {
        "name": var.name,
        "type": var.type,
        "widget": kind.widget,
        "label": var.label,
        "help": var.help,
        "required": var.required,
        "options": kind.options(var, context) if kind.options else [],
        "example": _example(var.sample),
    }


def _example(sample: Any) -> dict[str, str] | None:
    """A sample as a placeholder per language (``*`` for all)."""
    if isinstance(sample, dict):
        return {str(k): str(v) for k, v in sample.items()}
    if isinstance(sample, str):
        return {"*": sample}
    return None
