"""What the composer's form hands over, read as the renderer and the CLI read it.

Field states use the renderer's own :func:`~komunikat.vartypes.coerce`, and
earlier notices go through the CLI's :func:`~komunikat.messagefile.parse_bytes`,
so the form refuses exactly what ``komunikat render`` refuses. Runs in the
browser: light imports only.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from .problems import InputError
from .render import Previous
from .spec import TemplateSpec
from .values import ValueProblem, is_blank
from .vartypes import VARIABLE_TYPES, coerce
from .warsaw import FORMAT, WARSAW, TimeError, parse_local

#: How a pasted notice is named in messages: „poprzednia wiadomość (wklejona nr 2) …”.
PASTED_NAME = "wklejona nr {n}"


def field_states(
    spec: TemplateSpec, raw: Mapping[str, Any], context: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    """Per field: missing, the renderer's problem with it, how a time prints (CET/CEST).

    Uses the renderer's own :func:`~komunikat.vartypes.coerce`, so the form marks
    exactly the values the renderer refuses.
    """
    states: dict[str, dict[str, Any]] = {}
    for var in spec.variables:
        kind = VARIABLE_TYPES[var.type]
        value = raw.get(var.name)
        state: dict[str, Any] = {"missing": False, "problem": None, "shown": None}
        state["ambiguous"] = kind.moment and is_ambiguous_time(str(value or ""))
        if is_blank(value):
            state["missing"] = var.required
        else:
            try:
                coerced = coerce(var, value, context)
            except ValueProblem as exc:
                state["problem"] = exc.form or exc.message
            else:
                if kind.shown is not None:
                    state["shown"] = kind.shown(coerced)
        states[var.name] = state
    return states


def is_ambiguous_time(text: str) -> bool:
    """True for a wall-clock time that occurs twice in Warsaw (clocks going back).

    The form then offers CEST/CET, which :func:`~komunikat.warsaw.parse_local`
    accepts as a suffix; a suffix already given is ignored here, so the
    choice stays on offer while the time is the same.
    """
    base = " ".join(text.split())
    for zone in (" CEST", " CET"):
        if base.upper().endswith(zone):
            base = base[: -len(zone)]
            break
    if not base:
        return False
    try:
        parse_local(base)
    except TimeError:
        pass
    else:
        return False
    try:
        parse_local(f"{base} CEST")
        parse_local(f"{base} CET")
    except TimeError:
        return False
    return True


def read_previous(items: Sequence[Any]) -> tuple[list[Previous], list[str]]:
    """Earlier notices from the form, read exactly like ``--previous FILE``.

    An item is pasted text (a string, or ``{"name", "text"}``) or a loaded
    file (``{"name", "base64"}``); a notice the composer kept in the browser
    is text that also gives its ``message_id``, ``references`` and ``sent``
    (ISO time), so the later notice is threaded to it. All go through
    :func:`~komunikat.messagefile.parse_bytes`, the CLI's reader, so a pasted
    text is read as a ``.txt`` file with the same content would be. Blank
    items are skipped.
    """
    found: list[Previous] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        name, raw, problem = _previous_bytes(number, item)
        if problem:
            problems.append(problem)
            continue
        if not raw.strip():
            continue
        # the email package costs a fifth of the composer's start in Pyodide:
        # imported when an earlier notice is first read, not when the page starts
        from .eml import references_of
        from .messagefile import parse_bytes

        try:
            parsed = parse_bytes(raw, name)
        except InputError as exc:
            problems.append(str(exc))
            continue
        except ImportError:
            # The legacy-encoding guess needs charset_normalizer, which the
            # site does not ship; the refusal itself stays the same.
            problems.append(f"{name}: plik nie jest w UTF-8; zapisz go ponownie jako UTF-8")
            continue
        given = item if isinstance(item, Mapping) else {}
        found.append(
            Previous(
                parsed.subject,
                parsed.body,
                source=name,
                message_id=str(given.get("message_id") or "")
                or parsed.headers.get("message-id")
                or None,
                references=tuple(str(r) for r in given.get("references") or ())
                or references_of(parsed.headers),
                sent=_shown_time(str(given.get("sent") or ""), parsed.headers.get("date", "")),
            )
        )
    return found, problems


def _shown_time(iso: str, date_header: str) -> str | None:
    """When an earlier notice was made (the composer's record, else its Date header), in Warsaw."""
    try:
        from email.utils import parsedate_to_datetime  # see read_previous: not at start

        moment = datetime.fromisoformat(iso) if iso else parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=WARSAW)
    return moment.astimezone(WARSAW).strftime(FORMAT)


def _previous_bytes(number: int, item: Any) -> tuple[str, bytes, str | None]:
    default_name = PASTED_NAME.format(n=number)
    if isinstance(item, str):
        return default_name, item.encode("utf-8"), None
    if not isinstance(item, Mapping):
        return default_name, b"", f"{default_name}: nieobsługiwana postać poprzedniej wiadomości"
    name = str(item.get("name") or default_name)
    if "base64" in item:
        try:
            return name, base64.b64decode(str(item["base64"]), validate=True), None
        except (binascii.Error, ValueError):
            return name, b"", f"{name}: nie można odczytać pliku"
    return name, str(item.get("text") or "").encode("utf-8"), None
