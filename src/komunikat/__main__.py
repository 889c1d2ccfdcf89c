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
    try:
        from .cli import main as run

        return run(argv)
    except KeyboardInterrupt:
        return interrupted()


if __name__ == "__main__":
    sys.exit(main())
