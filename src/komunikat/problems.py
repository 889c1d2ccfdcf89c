"""The one problem type shared by data validation, rendering and the linter.

Every diagnostic an editor or operator sees is a :class:`Problem`; it knows
its place (path, 1-based line and column) and prints itself as one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    text: str = field(default="", compare=False)
    suggestions: tuple[str, ...] = field(default=(), compare=False)

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.severity.value}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }


class InputError(Exception):
    """Bad input from an editor or operator: reported as one line, exit code 2."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{self.path}: {self.message}"


class InputErrors(Exception):
    """Several input errors found at once (all are reported, then exit 2)."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@contextmanager
def collecting(errors: list[InputError]) -> Iterator[None]:
    """Run the block; an InputError or InputErrors it raises is added to ``errors``.

    The loaders report every broken file at once, so each file is read inside
    this and the errors are raised together at the end.
    """
    try:
        yield
    except InputError as exc:
        errors.append(exc)
    except InputErrors as exc:
        errors.extend(exc.errors)


@contextmanager
def reading(
    name: str, *, missing: str = "plik nie istnieje; sprawdź ścieżkę", directory: str = ""
) -> Iterator[None]:
    """Run the block that reads ``name``; a failure to read it becomes one InputError."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            message = missing
        elif isinstance(exc, IsADirectoryError) and directory:
            message = directory
        else:
            message = f"nie można odczytać pliku: {exc.strerror}"
        raise InputError(name, 0, 0, message) from None


class ProblemKind(StrEnum):
    """Why values keep a template from rendering; a preview tolerates only MISSING."""

    MISSING = "missing"  # a required value is not given
    VALUE = "value"  # a value its type refuses
    FIELD = "field"  # a value for a name the template does not have
    LANGUAGE = "language"  # a language the template has no version in
    NOTICE = "notice"  # the notice policy (komunikat.notices)
    PREVIOUS = "previous"  # the quoted earlier notices, by the same policy


@dataclass(frozen=True)
class RenderProblem:
    """One reason a rendering was refused, in the words an operator reads.

    ``message`` is the CLI's wording (it may name an option, e.g.
    ``--previous``); ``form`` the composer's, where the form offers another
    way (a field, a choice), or None when the message fits both.
    ``variable`` is the field the problem belongs to, if any.
    """

    kind: ProblemKind
    message: str
    variable: str | None = None
    form: str | None = None

    def __str__(self) -> str:
        return self.message

    @property
    def form_message(self) -> str:
        """The wording the composer's form shows."""
        return self.form or self.message
