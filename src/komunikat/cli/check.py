"""``komunikat lint`` (templates and data) and ``komunikat check`` (composed messages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..catalog import load_catalog
from ..data import load_data
from ..limits import MAX_MESSAGE_BYTES
from ..problems import InputError, reading
from .usage import EXIT_FINDINGS, EXIT_OK, UsageError


def cmd_lint(args: argparse.Namespace, root: Path) -> int:
    from ..lint.config import load_config
    from ..lint.formats import write
    from ..lint.required import in_ci
    from ..lint.runner import lint_templates

    rules = load_config(root)
    lang = None if args.lang == "auto" else args.lang
    report = lint_templates(root, rules, args.paths or None, lang)
    write(report, args.format)
    return _engines_required(report, root, ci=in_ci()) or (
        EXIT_FINDINGS if report.has_errors else EXIT_OK
    )


def _engines_required(report: Any, root: Path, ci: bool) -> int:
    """EXIT_FINDINGS when an engine that had to run did not (one line each on stderr)."""
    from ..lint.required import engines_not_run

    lines = engines_not_run(report.engines, root, ci)
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_FINDINGS if lines else EXIT_OK


def _read_inputs(names: list[str]) -> list[tuple[str, bytes]]:
    """The messages to check; at most MAX_MESSAGE_BYTES each (one byte more is read to tell)."""
    found = []
    for name in names:
        if name == "-":
            found.append(_within_limit("<stdin>", sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)))
            continue
        path = Path(name)
        unreadable = reading(name, directory="to jest katalog; podaj plik wiadomości")
        with unreadable, path.open("rb") as handle:
            found.append(_within_limit(name, handle.read(MAX_MESSAGE_BYTES + 1)))
    return found


def _within_limit(name: str, blob: bytes) -> tuple[str, bytes]:
    if len(blob) > MAX_MESSAGE_BYTES:
        raise InputError(
            name,
            1,
            1,
            f"wiadomość ma ponad {MAX_MESSAGE_BYTES:,} bajtów (limit sprawdzania); ".replace(
                ",", " "
            )
            + "sprawdź, czy to właściwy plik, albo usuń załączniki i długie logi",
        )
    return name, blob


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    from ..lint.config import load_config
    from ..lint.formats import write
    from ..lint.runner import check_files

    rules = load_config(root)
    template = None
    if args.template:
        catalog = load_catalog(root)
        try:
            template = catalog.get(args.template)
        except KeyError as exc:
            raise UsageError(exc.args[0]) from None
    supplier = None
    if args.supplier:
        try:
            supplier = load_data(root).supplier(args.supplier).id
        except KeyError as exc:
            raise UsageError(exc.args[0]) from None
    inputs = _read_inputs(args.files)
    lang = None if args.lang == "auto" else args.lang
    report = check_files(root, rules, inputs, lang=lang, template=template, supplier=supplier)
    write(report, args.format)
    return _engines_required(report, root, ci=False) or (
        EXIT_FINDINGS if report.has_errors else EXIT_OK
    )
