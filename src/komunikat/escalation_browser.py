"""The supplier pages' panel „Co teraz?”: :mod:`komunikat.escalation` called from JavaScript.

``docs/assets/escalation.js`` runs this module in the browser (Pyodide, the
composer's runtime) so the panel says exactly what ``komunikat escalate``
prints for the same report time, level and moment: the same ladder logic,
the same Polish sentences. Only plain JSON text crosses the boundary, and
only the standard library is imported (no pydantic in the browser): the
supplier comes as the JSON copy the site ships in ``catalog.json``
(``context.suppliers``), read into objects with the schema's attribute names.

Every refusal is one Polish sentence in ``{"ok": false, "error": …}``; no
exception reaches JavaScript.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from .escalation import Status, elapsed_text, escalation_status, stamp, status_lines
from .warsaw import FORMAT, WARSAW, TimeError, parse_local

BROKEN = "Panel eskalacji dostał niepełne dane ({detail}); odśwież stronę"


class PanelError(ValueError):
    """A refusal the panel shows as it is."""


def now_text(now: str) -> str:
    """The moment ``now`` (ISO 8601, as JavaScript's ``toISOString``) as Warsaw ``dd.mm.rrrr gg:mm``.

    The panel's default report time; an unreadable moment gives an empty text.
    """
    try:
        return _moment(now).strftime(FORMAT)
    except PanelError:
        return ""


def status(request: str) -> str:
    """``{"supplier": {…}, "severity": …, "since": "dd.mm.rrrr gg:mm", "now": ISO}`` → JSON.

    The answer is ``{"ok": true, "lines": [...], "text": [...]}`` — ``text``
    is what ``komunikat escalate`` prints, line by line; ``lines`` the same
    sentences with their kind, label and time — or ``{"ok": false, "error": …}``.
    """
    try:
        return json.dumps(_answer(_request(request)), ensure_ascii=False)
    except PanelError as exc:
        return json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False)


def _request(text: str) -> dict[str, Any]:
    try:
        request = json.loads(text)
    except (TypeError, ValueError):
        raise PanelError(BROKEN.format(detail="to nie jest JSON")) from None
    if not isinstance(request, dict):
        raise PanelError(BROKEN.format(detail="oczekiwano obiektu JSON"))
    for key in ("supplier", "severity", "since", "now"):
        if key not in request:
            raise PanelError(BROKEN.format(detail=f"brak „{key}”"))
    return request


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    supplier = _supplier(request["supplier"])
    since_text = request["since"]
    if not isinstance(since_text, str) or not since_text.strip():
        raise PanelError("Kiedy zgłoszono: wpisz datę i godzinę, np. 15.12.2026 22:00")
    try:
        since = parse_local(since_text).moment
    except TimeError as exc:
        raise PanelError(f"Kiedy zgłoszono: {exc}") from None
    now = _moment(request["now"])
    if since.astimezone(UTC) > now.astimezone(UTC):
        raise PanelError(
            f"Kiedy zgłoszono: {stamp(since)} to jeszcze przyszłość (teraz jest {stamp(now)}); "
            "popraw datę lub godzinę"
        )
    severity = request["severity"]
    if not isinstance(severity, str):
        raise PanelError(BROKEN.format(detail="pilność nie jest tekstem"))
    try:
        result = escalation_status(supplier, severity, since, now)
    except ValueError as exc:
        message = str(exc)
        raise PanelError(message[:1].upper() + message[1:]) from None
    except (AttributeError, KeyError, TypeError, StopIteration):
        raise PanelError(BROKEN.format(detail="dane dostawcy mają zły kształt")) from None
    return _ok(result)


def _ok(result: Status) -> dict[str, Any]:
    lines = status_lines(result)
    now = result.now.astimezone(UTC)
    return {
        "ok": True,
        "supplier": result.supplier.id,
        "severity": result.severity.id,
        "since": stamp(result.since),
        "now": stamp(result.now),
        "lines": [
            {
                "kind": line.kind,
                "label": line.label,
                "text": line.text,
                "at": stamp(line.at) if line.at else None,
                "in": elapsed_text(line.at.astimezone(UTC) - now)
                if line.at and line.at.astimezone(UTC) > now
                else None,
            }
            for line in lines
        ],
        "text": [str(line) for line in lines],
    }


def _supplier(data: Any) -> Any:
    """The shipped JSON copy as objects with the schema's attribute names."""
    if not isinstance(data, dict) or not isinstance(data.get("escalation"), list):
        raise PanelError(BROKEN.format(detail="brak drabiny eskalacji dostawcy"))
    return json.loads(json.dumps(data), object_hook=lambda d: SimpleNamespace(**d))


def _moment(value: Any) -> datetime:
    """The browser's clock (ISO 8601 with ``Z`` or an offset), or Warsaw ``dd.mm.rrrr gg:mm``."""
    if not isinstance(value, str):
        raise PanelError(BROKEN.format(detail="brak bieżącego czasu"))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            return parse_local(value).moment
        except TimeError as exc:
            raise PanelError(f"Bieżący czas: {exc}") from None
    if moment.tzinfo is None:
        raise PanelError(BROKEN.format(detail="bieżący czas bez strefy"))
    try:
        return moment.astimezone(UTC).astimezone(WARSAW)
    except OverflowError:
        raise PanelError(BROKEN.format(detail="bieżący czas poza kalendarzem")) from None
