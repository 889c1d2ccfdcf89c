"""Render: renders per second of komunikat's renderer against a bare Jinja environment.

komunikat's figure is ``Catalog.render`` from the raw sample strings, as the
CLI and the composer call it: values parsed and checked, the body and the
subject rendered in the sandboxed strict environment, the text cleaned, the
earlier notices quoted, the CC list and lead-time warnings worked out. The
baseline is a plain ``jinja2.Environment`` (same whitespace settings, no
sandbox, no strict undefined) rendering the same body and subject with the
same already-parsed values, templates compiled once. Both render every
template in each of its languages.
"""

from __future__ import annotations

from typing import Any

from .harness import ROOT, Options, Row, child, median_time, median_times


def _cases(catalog: Any) -> list[dict[str, Any]]:
    from komunikat.render import prepare_values

    cases = []
    for spec in catalog:
        langs = [None] if spec.layout == "bilingual" else list(spec.languages)
        for lang in langs:
            raw = catalog.sample_values(spec, None, lang)
            previous = catalog.sample_previous(spec)
            values, _, _ = prepare_values(spec, raw, catalog.context)
            scope = {**catalog.context, **values, "lang": lang or "+".join(spec.languages)}
            source = catalog.file(spec.path).jinja_source
            cases.append(
                {
                    "spec": spec,
                    "lang": lang,
                    "raw": raw,
                    "previous": previous,
                    "scope": scope,
                    "source": source,
                    "subject": spec.subject_source(lang),
                }
            )
    return cases


def measure(repeat: str) -> dict[str, Any]:
    import jinja2

    from komunikat.catalog import load_catalog

    catalog = load_catalog(ROOT)
    cases = _cases(catalog)

    def ours() -> None:
        for case in cases:
            catalog.render(case["spec"], case["raw"], lang=case["lang"], previous=case["previous"])

    partials = {
        p.relative_to(ROOT / "templates").as_posix(): p.read_text(encoding="utf-8")
        for p in (ROOT / "templates" / "partials").glob("*.j2")
    }
    bare_env = jinja2.Environment(
        loader=jinja2.DictLoader(partials),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    compiled = [
        (
            bare_env.from_string(case["source"]),
            bare_env.from_string(case["subject"]) if case["subject"] else None,
            case["scope"],
        )
        for case in cases
    ]

    def bare() -> None:
        for body, subject, scope in compiled:
            body.render(scope)
            if subject is not None:
                subject.render(scope)

    first = median_time(ours, 1)  # includes compiling each template once
    ours_time, bare_time = median_times([ours, bare], int(repeat))
    return {"renders": len(cases), "first": first, "ours": ours_time, "bare": bare_time}


def run(opts: Options) -> list[Row]:
    result = child("render:measure", "5" if opts.quick else "60")
    data = result.data
    n = data["renders"]
    return [
        Row(
            "render",
            f"render every template ({n} renderings)",
            n / data["ours"],
            "renders/s",
            n / data["bare"],
            "bare Jinja",
            better="higher",
            budget=1.5,
            peak_mb=result.peak_mb,
            note=f"first pass, compiling included: {data['first'] * 1000:.0f} ms for {n} renderings",
        )
    ]
