"""The ``komunikat`` command: list, render, lint, check, escalate.

Results go to stdout, diagnostics to stderr. Exit codes: 0 success,
1 findings of severity error, 2 usage or input error. One module per
command group; this one dispatches and keeps tracebacks from users.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..paths import project_root
from ..problems import InputError, InputErrors
from . import languagetool
from .check import cmd_check, cmd_lint
from .info import cmd_escalate, cmd_list
from .parser import build_parser
from .render import cmd_render
from .usage import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, fail

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader left
_STREAM_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF})


def main(argv: Sequence[str] | None = None) -> int:
    """The command; a closed pipe, a full disk or a closed stdout end it quietly."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        return fail(
            "wyjście standardowe (stdout) jest zamknięte; przekieruj je do pliku, "
            "np. > wynik.txt, albo użyj --output"
        )
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        _discard_stdout()
        return fail(f"nie można wypisać wyniku: {exc.strerror or exc}")


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        root = args.root or project_root()
        return COMMANDS[args.command](args, root)
    except UsageError as exc:
        return fail(str(exc))
    except InputErrors as exc:
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        from ..__main__ import interrupted

        return interrupted()
    except OSError as exc:
        if exc.errno in _STREAM_ERRNOS:
            raise  # stdout itself failed: main() ends quietly
        return _internal(exc)
    except Exception as exc:  # last line of defence: no traceback reaches a user
        return _internal(exc)


def _internal(exc: Exception) -> int:
    if os.environ.get("KOMUNIKAT_DEBUG"):
        raise exc
    return fail(
        f"błąd wewnętrzny: {type(exc).__name__}: {exc} "
        "(zgłoś to; KOMUNIKAT_DEBUG=1 pokaże szczegóły)"
    )


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "list": cmd_list,
    "render": cmd_render,
    "lint": cmd_lint,
    "check": cmd_check,
    "escalate": cmd_escalate,
    "languagetool": languagetool.cmd_languagetool,
}
