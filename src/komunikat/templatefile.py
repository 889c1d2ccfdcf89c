"""Reading a template file: the one reader and the one front-matter splitter.

A template file is YAML front matter between ``---`` lines, then the Jinja
body; partials have no front matter. Everything that reads a file under
``templates/`` — the catalogue, the Jinja loader, the linter's source rules
and its source map, the composer's bundle — goes through :func:`read_template`
(bytes → text through :func:`.encoding.decode_utf8`, so a BOM or CRLF makes no
difference and a legacy encoding is a located error) and :func:`split`.

Light imports only: the composer runs :func:`split` inside Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .encoding import read_utf8
from .problems import InputError

FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True)
class TemplateText:
    """A template file's text, with its front matter and body apart."""

    path: str  # as editors see it: templates/<name>
    text: str  # the whole file (UTF-8 decoded, no BOM, "\n" newlines)
    front_matter: str | None  # the YAML between the fences; None if there is none
    body: str  # the Jinja source after the closing fence (the whole text without one)
    body_line: int  # 1-based line of the body's first line in the file
    opened: bool = (
        False  # the file starts with a fence (a front matter without its end is an error)
    )

    FRONT_LINE = 2  # the front matter's first line: right after the opening fence

    @cached_property
    def jinja_source(self) -> str:
        """The file as Jinja sees it: the front matter turned into a comment.

        The comment keeps the same number of lines, so Jinja's line numbers are
        the file's line numbers.
        """
        if self.front_matter is None:
            return self.text
        return "{#" + "\n" * (self.body_line - 2) + "#}\n" + self.body

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` ("" past the end)."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


def split(text: str, path: str = "") -> TemplateText:
    """Split ``text`` into front matter and body; a text without front matter is all body."""
    lines = text.split("\n")
    opened = bool(lines) and lines[0].strip() == FRONT_MATTER_FENCE
    if opened:
        for end in range(1, len(lines)):
            if lines[end].strip() == FRONT_MATTER_FENCE:
                return TemplateText(
                    path=path,
                    text=text,
                    front_matter="\n".join(lines[1:end]),
                    body="\n".join(lines[end + 1 :]),
                    body_line=end + 2,
                    opened=True,
                )
    return TemplateText(
        path=path, text=text, front_matter=None, body=text, body_line=1, opened=opened
    )


def read_template(path: Path, shown: str) -> TemplateText:
    """Read and split one file under ``templates/``; an unreadable file is an InputError."""
    return split(read_utf8(path, shown), shown)


class TemplateFiles:
    """The files of one ``templates/`` folder, each read once, by loader name.

    A name whose real path leaves the folder (a symlink) is refused: an
    include could otherwise print any file of the machine.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._inside = directory.resolve()
        self._read: dict[str, TemplateText | None] = {}

    def get(self, name: str) -> TemplateText | None:
        """The file ``templates/<name>``, or None if there is no such file."""
        if name not in self._read:
            self._read[name] = self._load(name)
        return self._read[name]

    def _load(self, name: str) -> TemplateText | None:
        path = self.directory / name
        if not path.is_file():
            return None
        real = path.resolve()
        if real != self._inside and self._inside not in real.parents:
            raise InputError(
                f"templates/{name}",
                1,
                1,
                f"plik prowadzi poza templates/ (do {real}); szablon może dołączać "
                "tylko pliki z katalogu templates/ — usuń dowiązanie",
            )
        return read_template(path, f"templates/{name}")
