"""Strict YAML reading that remembers where every value came from.

ruamel.yaml's round-trip loader keeps line and column of each key and value;
schema errors are mapped back through that to ``path:line:column``.
Explicit tags (``!foo``, ``!!python/object``) are refused before loading,
aliases (``*name``, merge keys ``<<: *name``) while composing — before one
can be expanded, so a "billion laughs" file costs no more than its size —
and nesting deeper than :data:`MAX_DEPTH`: data files hold plain values only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.tokens import TagToken

from .problems import InputError

Loc = Sequence[str | int]

MAX_DEPTH = 50  # the deepest data file nests 6 levels


class AliasRefused(YAMLError):
    def __init__(self, mark: Any) -> None:
        super().__init__("alias")
        self.mark = mark


class DateRefused(YAMLError):
    def __init__(self, mark: Any, reason: str) -> None:
        super().__init__(reason)
        self.mark = mark
        self.reason = reason


class _DateCheckingConstructor(RoundTripConstructor):  # type: ignore[misc]
    """An unquoted ``2024-13-01`` is a YAML date that does not exist: say where it is."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            raise DateRefused(node.start_mark, str(node.value)) from None


_DateCheckingConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _DateCheckingConstructor.construct_yaml_timestamp
)


class _NoAliasComposer(Composer):  # type: ignore[misc]
    """ruamel's composer, refusing an alias at the place it is used."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            raise AliasRefused(self.parser.peek_event().start_mark)
        return super().compose_node(parent, index)


@dataclass
class YamlDoc:
    """A parsed YAML document plus the means to locate any part of it."""

    path: str
    data: Any
    line_offset: int = 0

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the deepest node of ``loc`` that exists.

        The last step points at the key for mappings (an unknown or missing
        key is best shown where the key is), at the item for sequences.
        """
        node = self.data
        line, column = 0, 0
        for index, step in enumerate(loc):
            last = index == len(loc) - 1
            if isinstance(node, CommentedMap) and step in node:
                line, column = node.lc.key(step)
                value_pos = node.lc.value(step)
                child = node[step]
                keep_key = at_key and last
                if (
                    not keep_key
                    and not isinstance(child, CommentedMap | CommentedSeq)
                    and value_pos
                ):
                    line, column = value_pos
                node = child
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
                line, column = node.lc.item(step)
                node = node[step]
            else:
                break
        return line + 1 + self.line_offset, column + 1

    def error(self, loc: Loc, message: str, at_key: bool = False) -> InputError:
        line, column = self.position(loc, at_key)
        return InputError(self.path, line, column, message)


def _refuse_tags(text: str, path: str, line_offset: int) -> None:
    if "!" not in text:
        return  # every tag (!x, !!x, !<…>, a %TAG handle) is written with "!": no need to scan
    yaml = YAML(typ="rt")
    try:
        for token in yaml.scan(text):
            if isinstance(token, TagToken):
                mark = token.start_mark
                raise InputError(
                    path,
                    mark.line + 1 + line_offset,
                    mark.column + 1,
                    "znaczniki typów YAML (np. !!str, !tag) są niedozwolone; "
                    "usuń znacznik i wpisz zwykłą wartość",
                )
    except MarkedYAMLError:
        return  # the loader below reports syntax errors with a better message


def parse_yaml(text: str, path: str, line_offset: int = 0) -> YamlDoc:
    _refuse_tags(text, path, line_offset)
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _NoAliasComposer
    yaml.Constructor = _DateCheckingConstructor
    yaml.max_depth = MAX_DEPTH
    try:
        data = yaml.load(text)
    except AliasRefused as exc:
        raise InputError(
            path,
            exc.mark.line + 1 + line_offset,
            exc.mark.column + 1,
            "aliasy YAML (*nazwa, <<: *nazwa) są niedozwolone; wpisz wartość wprost "
            "i usuń kotwicę (&nazwa)",
        ) from None
    except DateRefused as exc:
        raise InputError(
            path,
            exc.mark.line + 1 + line_offset,
            exc.mark.column + 1,
            f"nie ma takiej daty: „{exc.reason}”; popraw ją, a jeśli to tekst, "
            "ujmij go w cudzysłów",
        ) from None
    except MaxDepthExceededError as exc:
        mark = exc.problem_mark
        raise InputError(
            path,
            mark.line + 1 + line_offset if mark else 0,
            mark.column + 1 if mark else 0,
            f"dane zagnieżdżone głębiej niż {MAX_DEPTH} poziomów; spłaszcz strukturę",
        ) from None
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        first = exc.context_mark
        raise InputError(
            path,
            mark.line + 1 + line_offset,
            mark.column + 1,
            f"powtórzony klucz (pierwsze wystąpienie w wierszu {first.line + 1 + line_offset}); "
            "usuń jeden z nich lub zmień nazwę",
        ) from None
    except MarkedYAMLError as exc:
        opened = _unclosed(exc, text)
        if opened is not None:
            raise InputError(path, opened[0] + 1 + line_offset, opened[1] + 1, opened[2]) from None
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "błąd składni").strip()
        line = mark.line + 1 + line_offset if mark else 0
        column = mark.column + 1 if mark else 0
        raise InputError(
            path,
            line,
            column,
            f"niepoprawny YAML: {problem}; sprawdź wcięcia, dwukropki i nawiasy",
        ) from None
    except YAMLError as exc:
        raise InputError(path, 0, 0, f"niepoprawny YAML: {exc}") from None
    return YamlDoc(path=path, data=data, line_offset=line_offset)


CLOSERS = {"[": "]", "{": "}"}


def _unclosed(exc: MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """(0-based line, column, message) of a quote or bracket that is never closed.

    The scanner notices a missing closing quote only at the end of the file
    (or of the front matter); its context mark is where the quote opened.
    """
    mark, context = exc.context_mark, exc.context or ""
    lines = text.split("\n")
    if not context.startswith("while scanning a quoted scalar"):
        # a quote left open mid-file runs on to the next quote, and the error comes later
        upto = exc.problem_mark.line if exc.problem_mark else len(lines) - 1
        found = _open_quote_line(lines[: upto + 1])
        if found is not None:
            mark = found
            context = "while scanning a quoted scalar"
    if mark is None:
        return None
    opener = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if context.startswith("while scanning a quoted scalar") and opener in ("'", '"'):
        return (
            mark.line,
            mark.column,
            f"niepoprawny YAML: cudzysłów ({opener}) otwarty tutaj nie jest zamknięty; dopisz zamykający {opener} "
            "na końcu wartości",
        )
    if context.startswith("while parsing a flow") and opener in CLOSERS:
        return (
            mark.line,
            mark.column,
            f"niepoprawny YAML: nawias ({opener}) otwarty tutaj nie jest zamknięty albo brakuje przecinka między "
            f"elementami; dopisz {CLOSERS[opener]} lub przecinek",
        )
    return None


QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^#]*?:\s+)?(?P<quote>["'])(?P<rest>.*)$""")


class _Mark:
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _open_quote_line(lines: list[str]) -> _Mark | None:
    """The first line whose value opens a quote it does not close (legal YAML, rarely meant)."""
    for number, line in enumerate(lines):
        match = QUOTED_VALUE.match(line)
        if match is None:
            continue
        quote, rest = match.group("quote"), match.group("rest")
        rest = (
            rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        )
        if quote not in rest:
            return _Mark(number, match.start("quote"))
    return None


def read_text(path: Path, shown: str | None = None) -> str:
    """Read a UTF-8 file; anything else is an input error, never a traceback."""
    from .encoding import read_utf8

    return read_utf8(path, shown)


def load_yaml(path: Path, shown: str | None = None) -> YamlDoc:
    name = shown or str(path)
    return parse_yaml(read_text(path, name), name)
