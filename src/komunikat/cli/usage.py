"""Exit codes and usage errors shared by the commands."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"błędne wywołanie: {message}")


def fail(message: str) -> int:
    print(f"komunikat: {message}", file=sys.stderr)
    return EXIT_USAGE
