"""The ``komunikat`` command's entry point, light enough to catch Ctrl+C from the first moment.

Importing :mod:`komunikat.cli` loads Jinja, pydantic and the data schemas
(about 0.4 s); a SIGINT in that time used to end in a traceback. This module
imports only the standard library before it guards the import, so an
interrupt at any point ends with one line and exit 130.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

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
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _reraise_interrupts(previous_hook)
    try:
        return run(argv)
    except KeyboardInterrupt:
        return interrupted()
    finally:
        sys.unraisablehook = previous_hook


def _reraise_interrupts(
    hook: Callable[[UnraisableHookArgs], object],
) -> Callable[[UnraisableHookArgs], None]:
    """An unraisable-exception hook that turns a swallowed Ctrl+C back into an interrupt.

    Ctrl+C that arrives while Python runs a callback it cannot raise from (a
    weakref callback, such as the one that frees an import lock after a lazy
    import) is printed as "Exception ignored in …" with a traceback, and the
    command goes on. This hook prints nothing for it and raises the interrupt
    again a moment later, in the command's own code, so the run ends as any
    other Ctrl+C does: one line, exit 130. (Flagged at once, the interrupt
    would be raised inside this hook and swallowed again: an alarm signal
    1 ms later arrives after the hook has returned, and wakes a sleeping call.)
    """
    import _thread
    import signal
    import threading

    def again(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    def handle(unraisable: UnraisableHookArgs) -> None:
        if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
            hook(unraisable)
        elif threading.current_thread() is not threading.main_thread():
            _thread.interrupt_main()  # raised in the main thread, outside this hook
        elif hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, again)
            signal.setitimer(signal.ITIMER_REAL, 0.001)

    return handle


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
