"""``komunikat render``: a template filled with values, as text, JSON or .eml."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..catalog import Catalog, load_catalog
from ..eml import eml_summary, references_of, thread_of, to_eml
from ..ical import calendar_filename, has_window, maintenance_event
from ..invisible import find_invisible
from ..invisible import message as invisible_message
from ..messagefile import parse_bytes
from ..problems import reading
from ..recipients import AddressError, parse_addresses
from ..render import Previous, RenderError, TemplateFault
from ..vartypes import VARIABLE_TYPES
from ..warsaw import TimeError, parse_local
from .output import emit
from .usage import EXIT_USAGE, UsageError, fail


def _parse_sets(items: list[str], catalog: Catalog, template_id: str) -> dict[str, Any]:
    spec = catalog.get(template_id)
    values: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise UsageError(f"--set „{item}”: użyj postaci pole=wartość")
        name, value = item.split("=", 1)
        name = name.strip()
        for _, column, char in find_invisible(value):
            raise UsageError(f"--set {name}: kolumna {column}: {invisible_message(char)}")
        try:
            listed = VARIABLE_TYPES[spec.variable(name).type].list_valued
        except KeyError:
            listed = False
        if listed:
            values.setdefault(name, [])
            values[name] += [v.strip() for v in value.split(",") if v.strip()]
        elif name in values:
            raise UsageError(f"pole „{name}” podano dwa razy")
        else:
            values[name] = value
    return values


def _read_previous(paths: list[Path]) -> list[Previous]:
    found = []
    for path in paths:
        with reading(str(path), missing="plik nie istnieje; sprawdź ścieżkę --previous"):
            raw = path.read_bytes()
        parsed = parse_bytes(raw, str(path))
        found.append(
            Previous(
                parsed.subject,
                parsed.body,
                source=str(path),
                message_id=parsed.headers.get("message-id") or None,
                references=references_of(parsed.headers),
            )
        )
    return found


def cmd_render(args: argparse.Namespace, root: Path) -> int:
    catalog = load_catalog(root)
    try:
        spec = catalog.get(args.template)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    values = _parse_sets(args.values, catalog, spec.id)
    if args.sample:
        values = {**catalog.sample_values(spec, lang=args.lang), **values}
    previous = _read_previous(args.previous)
    if args.sample and not previous and spec.quotes:
        previous = catalog.sample_previous(spec)
    now = None
    if args.now:
        try:
            now = parse_local(args.now).moment
        except TimeError as exc:
            raise UsageError(f"--now: {exc}") from None
    else:
        from datetime import datetime

        from ..warsaw import WARSAW

        now = datetime.now(WARSAW)
    if args.lang and spec.layout == "bilingual":
        raise UsageError(f"{spec.id} jest dwujęzyczny (EN + PL w jednej wiadomości); pomiń --lang")
    try:
        message = catalog.render(spec, values, lang=args.lang, previous=previous, now=now)
    except RenderError as exc:
        for problem in exc.problems:
            print(f"komunikat: {spec.id}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except TemplateFault as exc:
        return fail(f"{exc.path}:{exc.line}:1: {exc.message}")
    for warning in message.warnings:
        print(f"komunikat: uwaga: {warning}", file=sys.stderr)
    for entry in message.cc:
        where = entry["email"] or "adres z CRM"
        print(f"komunikat: DW: {entry['name']} <{where}> — {entry['note']}", file=sys.stderr)
    if args.format == "json":
        payload = json.dumps(message.to_json(), ensure_ascii=False, indent=2) + "\n"
        return emit(payload.encode("utf-8"), args)
    if args.format == "ics":
        if not has_window(message):
            raise UsageError(
                f"{spec.id} nie jest zawiadomieniem o pracach planowanych; "
                "plik kalendarza (--format ics) jest tylko dla nich"
            )
        return emit(maintenance_event(message), args)
    if args.format == "eml":
        sender = catalog.data.contacts.signature.helpline
        to, cc = _addresses(args.to, "--to"), _addresses(args.cc, "--cc")
        threaded = thread_of(previous)
        calendar = None
        if has_window(message):
            calendar = (calendar_filename(message), maintenance_event(message))
        blob = to_eml(message, sender=sender, to=to, cc=cc, replying_to=threaded, calendar=calendar)
        for entry in eml_summary(message):
            print(f"komunikat: dodaj ręcznie w DW: {entry['name']}", file=sys.stderr)
        return emit(blob, args)
    return emit(message.as_text().encode("utf-8"), args)


def _addresses(values: list[str], option: str) -> list[str]:
    try:
        return parse_addresses(values, option)
    except AddressError as exc:
        raise UsageError(str(exc)) from None
