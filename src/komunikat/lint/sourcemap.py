"""A template rendered with sample values, each output line traced to its source line.

Before rendering, every source line that produces output gets an invisible
marker naming its file and line; the rendered text is split into lines, the
markers are read off and removed. Lines with no marker (the inner lines of a
multi-line value) belong to the next marked line. The cleaned text must equal
the real rendering — that is asserted, so the map can never silently drift.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..catalog import Catalog
from ..environment import TemplateDirLoader, jinja_source, make_environment
from ..render import QUOTE_SEPARATOR, Message
from ..spec import TemplateSpec
from .model import Document, Line
from .parts import assign_parts

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK = re.compile(f"{MARK_OPEN}(?P<file>[^:{MARK_CLOSE}]+):(?P<line>\\d+){MARK_CLOSE}")
TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True)
class Origin:
    path: str  # project-relative path of the source file
    line: int
    text: str  # the source line


def _output_lines(source: str) -> set[int]:
    """1-based lines whose end is outside any tag and that carry text or a variable."""
    producing: set[int] = set()
    depth_open: str | None = None
    for number, line in enumerate(source.split("\n"), start=1):
        rest = line
        inside_at_start = depth_open is not None
        # track multi-line tags: {% … %}, {# … #}, {{ … }}
        i = 0
        while i < len(rest):
            pair = rest[i : i + 2]
            if depth_open is None and pair in ("{%", "{#", "{{"):
                depth_open = {"{%": "%}", "{#": "#}", "{{": "}}"}[pair]
                i += 2
                continue
            if depth_open is not None and pair == depth_open:
                depth_open = None
                i += 2
                continue
            i += 1
        if depth_open is not None or inside_at_start:
            continue
        without_tags = TAG.sub("", line)
        if "{{" in line or without_tags.strip():
            producing.add(number)
    return producing


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

    Template files are read and instrumented when a rendering first includes
    them, so tracing N templates costs N instrumentations, not N × N.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.base = catalog.root / "templates"
        self.file_ids: dict[str, str] = {}
        self.paths: dict[str, str] = {}  # file id -> project-relative path
        self.texts: dict[str, list[str]] = {}  # file id -> source lines as Jinja sees them
        self.env = make_environment(TemplateDirLoader(self._read))

    def _read(self, name: str) -> str | None:
        path = self.base / name
        if not path.is_file():
            return None
        text = jinja_source(path.read_text(encoding="utf-8"))
        file_id = self.file_ids.setdefault(name, str(len(self.file_ids)))
        self.paths[file_id] = f"templates/{name}"
        self.texts[file_id] = text.split("\n")
        return instrument(text, file_id)


_TRACER: list[Tracer] = []  # the tracer of the last catalogue (one catalogue per lint run)


def tracer_for(catalog: Catalog) -> Tracer:
    if not _TRACER or _TRACER[0].catalog is not catalog:
        _TRACER[:] = [Tracer(catalog)]
    return _TRACER[0]


def traced_lines(
    catalog: Catalog, spec: TemplateSpec, message: Message, values: Mapping[str, object]
) -> list[tuple[str, Origin | None]]:
    """The body lines of ``message`` (before any quote) with the source line of each."""
    tracer = tracer_for(catalog)
    env, paths, texts = tracer.env, tracer.paths, tracer.texts
    from ..render import prepare_values

    prepared, _, _ = prepare_values(spec, values, catalog.context, preview=True)
    scope = {**catalog.context, **prepared, "lang": message.lang or "+".join(spec.languages)}
    template_name = spec.path.removeprefix("templates/")
    raw = env.file_template(template_name).render(scope)
    traced: list[tuple[str, Origin | None]] = []
    pending: list[str] = []
    for out_line in raw.replace("\r\n", "\n").split("\n"):
        marks = list(MARK.finditer(out_line))
        clean = MARK.sub("", out_line).rstrip()
        if not marks:
            pending.append(clean)
            continue
        fid, line_no = marks[0].group("file"), int(marks[0].group("line"))
        origin = Origin(paths[fid], line_no, texts[fid][line_no - 1])
        traced += [(p, origin) for p in pending]
        pending = []
        traced.append((clean, origin))
    traced += [(p, traced[-1][1] if traced else None) for p in pending]
    traced = _clean(traced)
    expected = message.body.split(f"\n{QUOTE_SEPARATOR}\n")[0].rstrip("\n").split("\n")
    actual = [text for text, _ in traced]
    if actual != expected:
        raise AssertionError(f"source map of {spec.id} does not match its rendering")
    return traced


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


def _subject_origin(spec: TemplateSpec, file_text: str, lang: str | None) -> tuple[int, int]:
    lines = file_text.split("\n")
    for n, line in enumerate(lines, start=1):
        if line.startswith("subject:"):
            if lang and "*" not in spec.subject:
                for m in range(n, min(n + 4, len(lines))):
                    stripped = lines[m].lstrip()
                    if stripped.startswith(f"{lang}:"):
                        return m + 1, len(lines[m]) - len(stripped) + 1
            return n, len("subject: ") + 1
    return 1, 1


def document_from_template(
    catalog: Catalog, spec: TemplateSpec, *, lang: str | None, operator: str | None
) -> Document:
    """Render ``spec`` with its samples and build a Document whose lines point into the sources."""
    values = catalog.sample_values(spec, operator, lang)
    message = catalog.render(
        spec, values, lang=lang, previous=catalog.sample_previous(spec, operator)
    )
    file_text = (catalog.root / spec.path).read_text(encoding="utf-8")
    lines: list[Line] = []
    if message.subject is not None:
        line_no, column = _subject_origin(spec, file_text, lang)
        lines.append(
            Line(
                message.subject,
                "subject",
                spec.path,
                line_no,
                column,
                source=file_text.split("\n")[line_no - 1],
            )
        )
    for text, origin in traced_lines(catalog, spec, message, values):
        if origin is None:
            lines.append(Line(text, "body", spec.path, spec.body_line, 1))
        else:
            lines.append(Line(text, "body", origin.path, origin.line, 1, source=origin.text))
    quote_line = next(
        (n for n, t in enumerate(file_text.split("\n"), 1) if t.startswith("quotes:")), 1
    )
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
