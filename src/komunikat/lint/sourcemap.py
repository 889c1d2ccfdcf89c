"""A template rendered with sample values, each output line traced to its source line.

Every source line that produces output (found with Jinja's own lexer) gets
an invisible marker naming its file and line; the linter renders each sample
once, through :func:`komunikat.render.render` in this instrumented twin of
the catalogue's environment (so with the same bounds). The rendered text is
split into lines, the markers are read off and removed. Lines with no marker
(the inner lines of a multi-line value) belong to the next marked line. The
traced text must equal the rendering with the markers removed, cleaned as
the renderer cleans it — that is asserted, so the map can never silently
drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import Catalog
from ..environment import TemplateDirLoader, make_environment, shared_environment
from ..render import QUOTE_SEPARATOR, Message, RenderError, TemplateFault, render
from ..spec import TemplateSpec
from ..textclean import clean_body
from .model import Document, Line
from .parts import assign_parts

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK = re.compile(f"{MARK_OPEN}(?P<file>[^:{MARK_CLOSE}]+):(?P<line>\\d+){MARK_CLOSE}")


@dataclass(frozen=True)
class Origin:
    path: str  # project-relative path of the source file
    line: int
    text: str  # the source line


def _output_lines(source: str) -> set[int]:
    """1-based lines that carry text or a variable and that no multi-line tag touches.

    Read from Jinja's own lexer, so the map splits the source exactly as the
    renderer does.
    """
    producing: set[int] = set()
    touched: set[int] = set()  # lines a tag spanning several lines starts, crosses or ends on
    opened_on = 0
    for line, kind, value in shared_environment().lex(source):
        if kind.endswith("_begin"):
            opened_on = line
            if kind == "variable_begin":
                producing.add(line)
        elif kind.endswith("_end"):
            if line > opened_on:
                touched.update(range(opened_on, line + 1))
        elif kind == "data":
            producing.update(line + n for n, piece in enumerate(value.split("\n")) if piece.strip())
    return producing - touched


TRAILING_TAGS = re.compile(r"(?:\s*(?:\{%.*?%\}|\{#.*?#\}))+\s*$")


def instrument(source: str, file_id: str) -> str:
    """Mark each producing line; the mark goes before trailing tags so ``trim_blocks`` still applies."""
    producing = _output_lines(source)
    lines = source.split("\n")
    marked = []
    for n, text in enumerate(lines, start=1):
        if n not in producing:
            marked.append(text)
            continue
        mark = f"{MARK_OPEN}{file_id}:{n}{MARK_CLOSE}"
        tail = TRAILING_TAGS.search(text)
        cut = tail.start() if tail else len(text)
        marked.append(text[:cut] + mark + text[cut:])
    return "\n".join(marked)


class Tracer:
    """The instrumented twin of a catalogue's environment, built once per catalogue.

    Template files come from the catalogue (read once, through the one
    reader) and are instrumented when a rendering first includes them, so
    tracing N templates costs N instrumentations, not N × N.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.file_ids: dict[str, str] = {}
        self.paths: dict[str, str] = {}  # file id -> project-relative path
        self.texts: dict[str, list[str]] = {}  # file id -> source lines as Jinja sees them
        self.env = make_environment(TemplateDirLoader(self._read))

    def _read(self, name: str) -> str | None:
        file = self.catalog.files.get(name)
        if file is None:
            return None
        text = file.jinja_source
        file_id = self.file_ids.setdefault(name, str(len(self.file_ids)))
        self.paths[file_id] = f"templates/{name}"
        self.texts[file_id] = text.split("\n")
        return instrument(text, file_id)


_TRACER: list[Tracer] = []  # the tracer of the last catalogue (one catalogue per lint run)


def tracer_for(catalog: Catalog) -> Tracer:
    if not _TRACER or _TRACER[0].catalog is not catalog:
        _TRACER[:] = [Tracer(catalog)]
    return _TRACER[0]


def render_traced(
    catalog: Catalog, spec: TemplateSpec, *, lang: str | None, operator: str | None
) -> tuple[Message, list[tuple[str, Origin | None]]]:
    """Render ``spec`` with its samples once, in the instrumented environment.

    Returns the message (marks left in its body) and its own body lines
    (before any quote) with the source line of each. The traced text must
    equal the rendering with the marks taken out and cleaned as the renderer
    cleans; a sample the renderer refuses is reported at its ``sample:`` line.
    """
    tracer = tracer_for(catalog)
    try:
        message = render(
            tracer.env,
            spec,
            catalog.sample_values(spec, operator, lang),
            catalog.context,
            lang=lang,
            previous=catalog.sample_previous(spec, operator),
        )
    except RenderError as exc:
        named = [issue.variable for issue in exc.issues if issue.variable in spec.variable_names]
        if not named:
            raise
        raise TemplateFault(spec.path, spec.sample_position(named[0])[0], str(exc)) from None
    own = message.body.split(f"\n{QUOTE_SEPARATOR}\n")[0]
    traced = _trace(own, tracer)
    expected = clean_body(MARK.sub("", own)).rstrip("\n").split("\n")
    if [text for text, _ in traced] != expected:
        raise AssertionError(f"source map of {spec.id} does not match its rendering")
    return message, traced


def _trace(marked: str, tracer: Tracer) -> list[tuple[str, Origin | None]]:
    traced: list[tuple[str, Origin | None]] = []
    pending: list[str] = []
    for out_line in marked.split("\n"):
        marks = list(MARK.finditer(out_line))
        clean = MARK.sub("", out_line).rstrip()
        if not marks:
            pending.append(clean)
            continue
        fid, line_no = marks[0].group("file"), int(marks[0].group("line"))
        origin = Origin(tracer.paths[fid], line_no, tracer.texts[fid][line_no - 1])
        traced += [(p, origin) for p in pending]
        pending = []
        traced.append((clean, origin))
    traced += [(p, traced[-1][1] if traced else None) for p in pending]
    return _clean(traced)


def _clean(lines: list[tuple[str, Origin | None]]) -> list[tuple[str, Origin | None]]:
    """The same clean-up as komunikat.textclean, applied line-wise to keep origins."""
    out: list[tuple[str, Origin | None]] = []
    for text, origin in lines:
        if text == "" and out and out[-1][0] == "":
            continue
        out.append((text, origin))
    while out and out[0][0] == "":
        out.pop(0)
    while out and out[-1][0] == "":
        out.pop()
    return out


def document_from_template(
    catalog: Catalog, spec: TemplateSpec, *, lang: str | None, operator: str | None
) -> Document:
    """Render ``spec`` with its samples and build a Document whose lines point into the sources."""
    message, traced = render_traced(catalog, spec, lang=lang, operator=operator)
    file = catalog.file(spec.path)
    lines: list[Line] = []
    if message.subject is not None:
        line_no, column = spec.subject_position(lang)
        lines.append(
            Line(message.subject, "subject", spec.path, line_no, column, source=file.line(line_no))
        )
    for text, origin in traced:
        if origin is None:
            lines.append(Line(text, "body", spec.path, spec.body_line, 1))
        else:
            lines.append(Line(text, "body", origin.path, origin.line, 1, source=origin.text))
    quote_line = spec.position("quotes")[0]
    _, sep, quoted = message.body.partition(f"\n{QUOTE_SEPARATOR}\n")
    if sep:
        for text in [QUOTE_SEPARATOR, *quoted.rstrip("\n").split("\n")]:
            lines.append(Line(text, "quote", spec.path, quote_line, 1))
    doc = Document(
        path=spec.path,
        lines=lines,
        subject=message.subject,
        kind=spec.kind,
        channel=spec.channel,
        phase=spec.phase,
        template=spec,
        origin="template",
        lang=lang,
    )
    declared = list(spec.languages) if spec.layout == "bilingual" else [lang or spec.languages[0]]
    assign_parts(doc, declared=declared)
    return doc


def column_in_source(line: Line, column: int, text: str) -> int:
    """1-based file column for a finding at 0-based ``column`` of a document line."""
    if line.source is None:
        return line.column + column
    if line.source == line.text:
        return column + 1
    if text:
        found = line.source.find(text)
        if found >= 0:
            return found + 1
    prefix = line.text[:column]
    found = line.source.find(prefix) if prefix else -1
    if found >= 0:
        return found + column + 1
    return len(line.source) - len(line.source.lstrip()) + 1
