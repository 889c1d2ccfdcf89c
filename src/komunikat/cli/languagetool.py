"""``komunikat languagetool status|start|stop``: the project's LanguageTool server by hand.

Nobody has to use it: ``check``, ``lint``, the site build and the tests start
the server when they need it, and it stops by itself after
:data:`~komunikat.lint.engines.ltserver.IDLE_SECONDS` unused. It is here to see
what runs, to pay the start before a demo, and to free the memory at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..lint.engines import languagetool, ltserver

EXIT_RUNNING, EXIT_NOT_RUNNING, EXIT_FAILED = 0, 1, 2


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "languagetool", help="lokalny serwer LanguageTool: stan, uruchomienie, zatrzymanie"
    )
    parser.add_argument(
        "action",
        choices=("status", "start", "stop"),
        help="status: czy działa; start: uruchom (albo użyj działającego); stop: zatrzymaj",
    )


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 60 else f"{seconds:.0f} s"


def describe(inst: ltserver.Installation, state: ltserver.ServerState) -> str:
    version = inst.version() or "?"
    line = f"LanguageTool {version}: działa — {state.url} (pid {state.pid})"
    unused = ltserver.idle_for(inst)
    if unused is not None:
        left = max(0.0, state.idle - unused)
        line += f", nieużywany od {_minutes(unused)}, zatrzyma się sam za {_minutes(left)}"
    return line


def cmd_languagetool(args: argparse.Namespace, root: Path) -> int:
    inst = ltserver.Installation.of()
    url = os.environ.get(languagetool.URL_VARIABLE, "").strip()
    if url:
        print(
            f"LanguageTool: używany jest serwer {url} z {languagetool.URL_VARIABLE}; "
            "lokalnym serwerem nie trzeba zarządzać",
            file=sys.stderr if args.action != "status" else sys.stdout,
        )
    if args.action == "status":
        return _status(inst)
    if args.action == "start":
        try:
            state = ltserver.ensure_running(inst)
        except ltserver.ServerError as exc:
            print(f"LanguageTool: nie uruchomiono — {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(describe(inst, state))
        return EXIT_RUNNING
    stopped = ltserver.stop(inst)
    languagetool.forget_checkers()
    if stopped is None:
        print("LanguageTool: serwer nie działał")
    else:
        print(f"LanguageTool: zatrzymano serwer {stopped.url} (pid {stopped.pid})")
    return EXIT_RUNNING


def _status(inst: ltserver.Installation) -> int:
    state = ltserver.running(inst)
    if state is not None:
        print(describe(inst, state))
        return EXIT_RUNNING
    reason = inst.missing()
    if reason is not None:
        print(f"LanguageTool: nie działa — {reason}")
    else:
        print(
            f"LanguageTool {inst.version()}: nie działa — zainstalowany w {inst.home}; "
            "uruchomi się przy pierwszym sprawdzeniu (albo: komunikat languagetool start)"
        )
    return EXIT_NOT_RUNNING
