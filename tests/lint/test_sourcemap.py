"""The source map: built once per catalogue, so tracing N templates costs N, not N × N."""

from __future__ import annotations

import pytest

from komunikat.catalog import Catalog
from komunikat.lint import sourcemap
from komunikat.lint.sourcemap import document_from_template, tracer_for


def test_each_template_file_is_instrumented_once_per_catalogue(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = sourcemap.instrument

    def counting(source: str, file_id: str) -> str:
        calls.append(file_id)
        return real(source, file_id)

    monkeypatch.setattr(sourcemap, "instrument", counting)
    sourcemap._TRACER.clear()
    renderings = [r for spec in catalog for r in catalog.renderings(spec)]
    for template_id, lang, operator in renderings:
        document_from_template(catalog, catalog.get(template_id), lang=lang, operator=operator)
    assert len(renderings) > len(list(catalog))
    assert sorted(calls) == sorted(set(calls))  # no file twice
    # every template plus the signature partial, nothing more
    assert len(calls) == len(list(catalog)) + 1


def test_a_new_catalogue_gets_a_new_tracer(catalog: Catalog) -> None:
    from komunikat.catalog import load_catalog

    first = tracer_for(catalog)
    assert tracer_for(catalog) is first
    assert tracer_for(load_catalog(catalog.root)) is not first


@pytest.mark.parametrize(
    ("source", "producing"),
    [
        ("Dzień dobry,\n", {1}),
        ("{% if x %}\ntekst {{ x }}\n{% endif %}\n", {2}),
        ("{{ a }}{% if b %}\n", {1}),
        ("{% if a %}tekst{% endif %}\n   \n", {1}),
        ("{# komentarz\nna dwie linie #}\npo komentarzu\n", {3}),
        ("{{ a\n  }} ogon\nnastępna\n", {3}),
        ('{% set x = "y" %}\n{% include "partials/signature.j2" %}\n', set()),
    ],
    ids=[
        "text",
        "a variable inside a block",
        "a variable before a tag",
        "text between tags",
        "a multi-line comment",
        "a multi-line variable",
        "tags only",
    ],
)
def test_producing_lines_are_read_from_jinjas_lexer(source: str, producing: set[int]) -> None:
    assert sourcemap._output_lines(source) == producing


def test_the_linter_renders_each_sample_once(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from komunikat.environment import MessageEnvironment

    rendered: list[str] = []
    real = MessageEnvironment.render_bounded

    def counting(self: MessageEnvironment, template, scope):  # type: ignore[no-untyped-def]
        rendered.append(template.name or "<subject>")
        return real(self, template, scope)

    monkeypatch.setattr(MessageEnvironment, "render_bounded", counting)
    spec = catalog.get("ticket-accepted")
    doc = document_from_template(catalog, spec, lang="pl", operator=None)
    assert rendered == ["ticket-accepted.j2", "<subject>"]
    assert doc.lines[0].zone == "subject" and doc.lines[0].line == spec.subject_position("pl")[0]


def test_a_traced_line_keeps_its_file_and_source_line(catalog: Catalog) -> None:
    spec = catalog.get("dv-maintenance-close")
    doc = document_from_template(catalog, spec, lang=None, operator=None)
    for line in doc.lines:
        if line.zone == "body" and line.source is not None:
            file = catalog.file(line.path)
            assert file.jinja_source.split("\n")[line.line - 1] == line.source
    assert {line.path for line in doc.lines} == {spec.path, "templates/partials/signature.j2"}
    assert {line.line for line in doc.lines if line.zone == "quote"} == {spec.position("quotes")[0]}
