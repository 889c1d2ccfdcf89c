"""The macros of the procedure pages, and where a bad call stands in the page.

``hooks/macros.py`` registers each macro as a thin wrapper that hands the
work to :meth:`MacroCalls.run`. A call that names an unknown template,
contact, operator or field does not stop the build with a traceback: it is
logged as a warning ``docs/<page>.md:line:column: …`` with a did-you-mean (so
``mkdocs build --strict`` fails on it) and the page shows the error in place.
The macros plugin hands a macro no position, so the call is looked up in the
page's source: the n-th call with these arguments is the n-th such text.
"""

from __future__ import annotations

import inspect
import logging
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from jinja2 import UndefinedError

from ..catalog import Catalog
from ..spec import TemplateSpec
from ..suggest import UNDEFINED_NAME, did_you_mean
from .facts import UnknownName, template
from .markdown import inline
from .previews import tabs
from .template_pages import COMPOSER_ANCHOR, page_path

log = logging.getLogger("mkdocs.plugins.komunikat.macros")

_WRONG_ARGUMENTS = re.compile(r"^(?:[\w.<>]+\.)?(?P<name>\w+)\(\) (?:missing|takes|got) .*argument")
_STRING = re.compile(r"""'(?P<single>[^'\\]*)'|"(?P<double>[^"\\]*)\"""")


def composer_link(spec: TemplateSpec, from_page: str) -> str:
    """The relative link from docs page ``from_page`` to the template page's composer."""
    target = posixpath.relpath(page_path(spec), posixpath.dirname(from_page) or ".")
    return f"{target}#{COMPOSER_ANCHOR}"


def preview(catalog: Catalog, template_id: str, from_page: str) -> str:
    """A collapsed block for a procedure step: the sample message, the way to the composer.

    Kept out of the search index: the template's own page is where a search
    for the text of a message leads (its preview is the same text). The mark
    sits on a <section>: Material's indexer stops skipping at the first closing
    tag of the marked element's name, and the block holds <div>s.
    """
    spec = template(catalog, template_id)
    parts = [
        '<section class="komunikat-preview" data-search-exclude="true" markdown>',
        "",
        f'??? example "Podgląd wiadomości: {inline(spec.title)}"',
        "",
        "    Wiadomość z przykładowymi wartościami, wygenerowana z szablonu przy budowie "
        f"strony. Własne wartości wpisz w [kompozytorze]({composer_link(spec, from_page)}).",
        "",
        *tabs(catalog, spec, 4),
        "</section>",
    ]
    return "\n".join(parts) + "\n"


def locate(source: str, name: str, args: Sequence[str], wrong: str, nth: int) -> tuple[int, int]:
    """1-based line and column of argument ``wrong`` in the ``nth`` call ``name(*args)``.

    Calls whose string arguments differ are skipped; without a match, the first
    call of the macro, and without one, the page's start.
    """
    calls = list(re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\(", source))
    matching = []
    for call in calls:
        end = source.find(")", call.end())
        inside = source[call.end() : end if end >= 0 else len(source)]
        strings = list(_STRING.finditer(inside))
        if [m.group("single") or m.group("double") or "" for m in strings] == list(args):
            spot = next((m for m in strings if (m.group(1) or m.group(2)) == wrong), None)
            matching.append(call.end() + spot.start() if spot else call.start())
    if matching:
        return _position(source, matching[min(nth, len(matching) - 1)])
    return _position(source, calls[0].start()) if calls else (1, 1)


class MacroCalls:
    """Runs the macros of one build; counts each page's calls to place an error."""

    def __init__(self, docs_prefix: str) -> None:
        self.docs_prefix = docs_prefix  # "docs": the docs directory, relative to the project
        self.seen: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
        self.errors = 0

    def run(self, page: Any, name: str, args: Sequence[Any], make: Callable[[], str]) -> str:
        key = (page.file.src_uri, name, tuple(str(a) for a in args))
        nth = self.seen[key]
        self.seen[key] += 1
        try:
            return make()
        except UnknownName as exc:
            line, column = locate(page.file.content_string, name, key[2], exc.argument, nth)
            path = posixpath.join(self.docs_prefix, page.file.src_uri)
            shown = ", ".join(repr(a) for a in key[2])
            log.warning("%s:%d:%d: %s(%s): %s", path, line, column, name, shown, exc.message)
            self.errors += 1
            return f"**⟦błąd makra {inline(name)}: {inline(exc.message)}⟧**"


def call_problem(
    error: Exception, page: Any, macros: Mapping[str, Callable[..., Any]], docs_prefix: str
) -> str | None:
    """One located line for a call the page gets wrong: an unknown macro, wrong arguments.

    The macros plugin would show a traceback; None: an error of another kind,
    which it reports as it does.
    """
    source = page.file.content_string
    path = posixpath.join(docs_prefix, page.file.src_uri)
    known = ", ".join(sorted(macros))
    if isinstance(error, UndefinedError):
        match = UNDEFINED_NAME.match(error.message or "")
        if match is None:
            return None
        name = match.group("name")
        line, column = _first(source, name)
        hint = did_you_mean(name, macros)
        return f"{path}:{line}:{column}: nie ma makra „{name}”.{hint} Makra: {known}"
    match = _WRONG_ARGUMENTS.match(str(error)) if isinstance(error, TypeError) else None
    if match is None or match.group("name") not in macros:
        return None
    name = match.group("name")
    line, column = _first(source, name)
    params = inspect.signature(macros[name]).parameters.values()
    shown = (p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params)
    usage = f"{name}({', '.join(shown)})"
    return f"{path}:{line}:{column}: złe argumenty makra {name}; wywołanie: {usage}"


def _first(source: str, name: str) -> tuple[int, int]:
    """Where ``name`` is first called (or, if never, first written) in the page."""
    word = rf"(?<![\w.]){re.escape(name)}"
    found = re.search(rf"{word}\s*\(", source) or re.search(rf"{word}(?!\w)", source)
    return _position(source, found.start() if found else 0)


def _position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``source``."""
    return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1
