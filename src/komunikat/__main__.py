"""The ``komunikat`` command's entry point, light enough to catch Ctrl+C from the first moment.

Importing :mod:`komunikat.cli` loads Jinja, pydantic and the data schemas
(about 0.4 s); a SIGINT in that time used to end in a traceback. This module
imports only the standard library before it guards the import, so an
interrupt at any point ends with one line and exit 130.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl+C
INTERRUPTED = "komunikat: przerwano (Ctrl+C)"


def interrupted() -> int:
    # a second Ctrl+C or a closed stderr: the exit code still says it
    with contextlib.suppress(KeyboardInterrupt, OSError):
        print(INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    # While the heavy modules are imported, Ctrl+C only sets a flag: raised inside
    # a library's C code (pydantic builds its validators on import) it would be
    # printed as "Exception ignored …" with a traceback instead of ending the run.
    pressed: list[int] = []
    previous = _catch(lambda signum, frame: pressed.append(signum))
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        return interrupted()
    finally:
        _catch(previous)
    if pressed:
        return interrupted()
    try:
        return run(argv)
    except KeyboardInterrupt:
        return interrupted()


def _catch(handler: object) -> object:
    """Install a SIGINT handler (where signals can be handled) and return the old one."""
    import signal

    if handler is None:  # the old handler was not set from Python: Python's own
        handler = signal.default_int_handler
    try:
        return signal.signal(signal.SIGINT, handler)  # type: ignore[arg-type]
    except (ValueError, TypeError):  # not the main thread, or no handler to restore
        return signal.default_int_handler


if __name__ == "__main__":
    sys.exit(main())
