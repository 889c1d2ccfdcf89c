"""The linter's own data files, read once before the rules run.

``data/lint/`` holds what the rules consult besides ``data/*.yml``: the
accepted words (``accept.txt``), the house style (``style/*.yml``), the
personal-data allow list (``pii-allow.yml``) and the grammar-engine rules to
ignore (``grammar-ignore.yml``). The runner reads the files of the active
rules here, once, and hands them over in :attr:`Context.files
<komunikat.lint.model.Context.files>`; no rule opens a file itself. A broken
file is an :class:`~komunikat.problems.InputError` at its line and column.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import relative
from ..schema.base import validate
from ..yamlsource import load_yaml
from .stylebook import Stylebook, load_stylebook

if TYPE_CHECKING:
    from .rules.grammar import IgnoreEntry
    from .rules.pii import AllowEntry, AllowFile

ACCEPT_FILE = "data/lint/accept.txt"
ALLOW_FILE = "data/lint/pii-allow.yml"
IGNORE_FILE = "data/lint/grammar-ignore.yml"


@dataclass(frozen=True)
class LintData:
    """What the rules read from ``data/lint/``; a file of an inactive rule is left unread."""

    style: Stylebook | None = None  # rule style
    pii_allow: tuple[AllowEntry, ...] = ()  # rule pii
    accept: tuple[str, ...] = ()  # rule spelling
    grammar_ignore: tuple[IgnoreEntry, ...] = ()  # rule grammar


def load_lint_data(root: Path, rule_ids: Collection[str] | None = None) -> LintData:
    """The files the given rules read (all when ``rule_ids`` is None), in the rules' order."""

    def wanted(rule_id: str) -> bool:
        return rule_ids is None or rule_id in rule_ids

    root = Path(root)
    return LintData(
        style=load_stylebook(root) if wanted("style") else None,
        pii_allow=tuple(load_allow(root).allow) if wanted("pii") else (),
        accept=accept_lines(root) if wanted("spelling") else (),
        grammar_ignore=ignore_entries(root) if wanted("grammar") else (),
    )


@lru_cache(maxsize=8)
def _accept_lines(path: Path, mtime_ns: int) -> tuple[str, ...]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        term = raw.split("#", 1)[0].strip()
        if term:
            lines.append(term)
    return tuple(lines)


def accept_lines(root: Path) -> tuple[str, ...]:
    """The terms of data/lint/accept.txt (one a line, ``#`` comments); read once per change."""
    path = Path(root) / ACCEPT_FILE
    if not path.is_file():
        return ()
    return _accept_lines(path, path.stat().st_mtime_ns)


@cache
def _load_allow(path: Path, root: Path) -> AllowFile:
    from .rules.pii import AllowFile

    return validate(AllowFile, load_yaml(path, relative(path, root)))


def load_allow(root: Path) -> AllowFile:
    """The allow list, read once per process."""
    return _load_allow((root / ALLOW_FILE).resolve(), root.resolve())


@lru_cache(maxsize=8)
def _ignore_entries(path: Path, shown: str, mtime_ns: int) -> tuple[IgnoreEntry, ...]:
    from .rules.grammar import IgnoreFile

    return tuple(validate(IgnoreFile, load_yaml(path, shown)).ignore)


def ignore_entries(root: Path) -> tuple[IgnoreEntry, ...]:
    """The entries of data/lint/grammar-ignore.yml; a broken file is an InputError."""
    path = Path(root) / IGNORE_FILE
    if not path.is_file():
        return ()
    return _ignore_entries(path, IGNORE_FILE, path.stat().st_mtime_ns)
