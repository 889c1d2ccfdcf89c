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
