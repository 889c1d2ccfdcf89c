"""``komunikat list`` (the templates) and ``komunikat escalate`` (a supplier's ladder now)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..catalog import load_catalog
from ..warsaw import TimeError, parse_local
from .usage import EXIT_OK, UsageError


def cmd_list(args: argparse.Namespace, root: Path) -> int:
    catalog = load_catalog(root)
    if args.format == "json":
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "phase": s.phase,
                "kind": s.kind,
                "languages": list(s.languages),
                "path": s.path,
            }
            for s in catalog
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(s.id) for s in catalog)
    for spec in catalog:
        phase = spec.phase or "-"
        langs = "+".join(spec.languages)
        print(f"{spec.id:<{width}}  {phase:<12}  {langs:<5}  {spec.title}")
    return EXIT_OK


def levels_help(root: Path | None) -> str:
    """Every supplier's levels, for the end of ``escalate --help``."""
    from ..data import load_data
    from ..escalation import level_list
    from ..paths import project_root
    from ..problems import InputError, InputErrors

    try:
        data = load_data(root or project_root())
    except InputErrors as exc:
        return f"Poziomów pilności nie da się wypisać: {exc.errors[0]}"
    except InputError as exc:
        return f"Poziomów pilności nie da się wypisać: {exc}"
    lines = ["poziomy pilności (--severity: nazwa albo id):"]
    for supplier in data.suppliers.suppliers:
        lines.append(f"  {supplier.id} – {supplier.name}: {level_list(supplier)}")
    return "\n".join(lines)


def cmd_escalate(args: argparse.Namespace, root: Path) -> int:
    from ..data import load_data
    from ..escalation import escalation_status, format_status
    from ..warsaw import now_local

    times = {}
    for name in ("since", "now"):
        value = getattr(args, name)
        if value is None:
            times[name] = now_local().moment
            continue
        try:
            times[name] = parse_local(value).moment
        except TimeError as exc:
            raise UsageError(f"--{name}: {exc}") from None
    data = load_data(root)
    try:
        status = escalation_status(
            args.supplier, args.severity, times["since"], times["now"], data=data
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(format_status(status)))
    return EXIT_OK
