"""Running the rules: over templates (``lint``) and over composed messages (``check``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from ..catalog import Catalog, collect_catalog, template_files
from ..data import DataSet, load_data
from ..messagefile import parse_bytes
from ..paths import relative
from ..problems import InputError, InputErrors, Problem, Severity
from ..spec import TemplateSpec
from ..templatefile import read_template
from ..yamlsource import read_text
from .config import ActiveRule
from .datafiles import load_lint_data
from .engines import create_engines
from .messages import document_from_message
from .model import Context, Document
from .repeats import merge_repeats
from .report import Report
from .sourcemap import column_in_source, document_from_template
from .suppress import apply, find_suppressions


def _problem(rule: ActiveRule, doc: Document, finding: object) -> Problem:
    line = doc.lines[finding.index]  # type: ignore[attr-defined]
    if doc.origin == "template":
        column = column_in_source(line, finding.column, finding.text)  # type: ignore[attr-defined]
    else:
        column = line.column + finding.column  # type: ignore[attr-defined]
    return Problem(
        path=line.path,
        line=line.line,
        column=column,
        rule=rule.id,
        severity=_severity(rule, finding),
        message=finding.message,  # type: ignore[attr-defined]
        text=finding.text,  # type: ignore[attr-defined]
        suggestions=tuple(finding.suggestions),  # type: ignore[attr-defined]
    )


def _severity(rule: ActiveRule, finding: object) -> Severity:
    """A finding may carry its own level (style data rules); komunikat.yml overrides both."""
    own = getattr(finding, "level", None)
    if own is None or rule.severity != rule.module.LEVEL:
        return rule.severity
    return Severity(own)


def run_message_rules(doc: Document, rules: list[ActiveRule], ctx: Context) -> list[Problem]:
    found: list[Problem] = []
    for rule in rules:
        module: ModuleType = rule.module
        if "message" not in module.KIND or not module.applies(doc):
            continue
        for finding in module.check(doc, rule.options, ctx):
            found.append(_problem(rule, doc, finding))
    return found


def _from_input_errors(errors: Iterable[InputError], rule: str) -> list[Problem]:
    return [
        Problem(e.path, e.line or 1, e.column or 1, rule, Severity.ERROR, e.message) for e in errors
    ]


def _context(
    root: Path, data: DataSet, rules: list[ActiveRule], catalog: Catalog | None = None
) -> Context:
    active = {r.id for r in rules}
    engines = create_engines(active)
    return Context(data=data, engines=engines, root=root, files=load_lint_data(root, active))


def lint_templates(
    root: Path, rules: list[ActiveRule], paths: list[Path] | None = None, lang: str | None = None
) -> Report:
    """Lint the data files and the templates (all, or those under ``paths``).

    ``lang`` limits single-language templates to that language's rendering;
    bilingual notices always carry both parts.
    """
    report = Report()
    try:
        data = load_data(root)
    except InputErrors as exc:
        report.findings = sorted(_from_input_errors(exc.errors, "data"))
        report.checked = 1
        return report
    except InputError as exc:
        report.findings = _from_input_errors([exc], "data")
        return report
    catalog, load_errors = collect_catalog(root, data)
    ctx = _context(root, data, rules, catalog)
    load_problems = _from_input_errors(load_errors, "template-syntax")
    findings = list(load_problems) + _data_file_rules(root, rules)
    selected = _select(root, paths)
    known = {r.module.ID for r in rules} | {str(m.ID) for m in _all_rule_modules()}
    suppressions = []
    specs = {s.path: s for s in catalog}
    for path in selected:
        shown = relative(path, root)
        text = read_template(path, shown).text
        found, problems = find_suppressions(shown, text, known)
        suppressions += found
        findings += problems
        spec = specs.get(shown)
        if spec is None:  # a partial, or a template that did not load: the file itself
            findings += _file_rules(shown, text, rules)
            continue
        source_findings = _source_rules(spec, text, rules, ctx)
        findings += source_findings
        broken = (*problems, *source_findings)
        if any(p.rule == "template-syntax" for p in broken) or any(
            p.path == shown and p.rule == "template-syntax" for p in load_problems
        ):
            continue
        findings += _render_rules(catalog, spec, rules, ctx, lang)
    pages = _docs_pages(root, paths)
    for page in pages:
        shown = relative(page, root)
        text = read_text(page, shown)
        found, problems = find_suppressions(shown, text, known)
        suppressions += found
        findings += problems + _docs_rules(shown, text, rules, catalog)
    # partials are checked for their own syntax and includes
    unique = sorted(set(findings))
    kept, used = apply(unique, suppressions)
    report.findings = merge_repeats(kept)
    report.suppressions = used
    report.checked = len(selected) + len(_data_files(root)) + len(pages)
    report.engines = ctx.engines.report()
    report.engine_lines = ctx.engines.summary()
    report.notes = list(dict.fromkeys(ctx.notes))
    return report


def _data_file_rules(root: Path, rules: list[ActiveRule]) -> list[Problem]:
    """The KIND "data" rules (``check_text``) on each data/*.yml."""
    found: list[Problem] = []
    if not any("data" in rule.module.KIND for rule in rules):
        return found
    for path in _data_files(root):
        shown = relative(path, root)
        found += _file_rules(shown, read_text(path, shown), rules)
    return found


def _file_rules(shown: str, text: str, rules: list[ActiveRule]) -> list[Problem]:
    """The KIND "data" rules on one file: a data file, a partial, a template that did not load."""
    return [
        Problem(shown, f.line, f.column, rule.id, rule.severity, f.message, f.text)
        for rule in rules
        if "data" in rule.module.KIND
        for f in rule.module.check_text(text)
    ]


def _docs_pages(root: Path, paths: list[Path] | None) -> list[Path]:
    """The hand-written pages under docs/: all of them, or those ``paths`` name."""
    every = sorted((root / "docs").glob("**/*.md"))
    if not paths:
        return every
    targets = [(p if p.is_absolute() else Path.cwd() / p).resolve() for p in paths]
    return [p for p in every if any(t == p.resolve() or t in p.resolve().parents for t in targets)]


def _docs_rules(shown: str, text: str, rules: list[ActiveRule], catalog: Catalog) -> list[Problem]:
    """The KIND "docs" rules (``check_page``) on one page."""
    return [
        Problem(shown, f.line, f.column, rule.id, rule.severity, f.message, f.text, f.suggestions)
        for rule in rules
        if "docs" in rule.module.KIND
        for f in rule.module.check_page(text, catalog)
    ]


def _all_rule_modules() -> list[ModuleType]:
    from .registry import RULES

    return list(RULES)


def _data_files(root: Path) -> list[Path]:
    return sorted((root / "data").glob("*.yml"))


def _select(root: Path, paths: list[Path] | None) -> list[Path]:
    every = template_files(root) + sorted((root / "templates" / "partials").glob("*.j2"))
    if not paths:
        return every
    chosen = []
    for given in paths:
        target = given if given.is_absolute() else Path.cwd() / given
        target = target.resolve()
        if not target.exists():
            raise InputError(str(given), 0, 0, "plik lub katalog nie istnieje")
        chosen += [p for p in every if p.resolve() == target or target in p.resolve().parents]
    return sorted(set(chosen))


def _source_rules(
    spec: TemplateSpec, text: str, rules: list[ActiveRule], ctx: Context
) -> list[Problem]:
    found = []
    for rule in rules:
        if "source" not in rule.module.KIND:
            continue
        for f in rule.module.check_source(spec, text, ctx):
            found.append(
                Problem(
                    spec.path,
                    f.line,
                    f.column,
                    rule.id,
                    rule.severity,
                    f.message,
                    f.text,
                    tuple(f.suggestions),
                )
            )
    return found


def _render_rules(
    catalog: Catalog,
    spec: TemplateSpec,
    rules: list[ActiveRule],
    ctx: Context,
    only: str | None = None,
) -> list[Problem]:
    found: list[Problem] = []
    for _, lang, operator in catalog.renderings(spec):
        if only and spec.layout == "single" and lang != only:
            continue
        try:
            doc = document_from_template(catalog, spec, lang=lang, operator=operator)
        except Exception as exc:  # a template that cannot render is itself the finding
            # a TemplateFault knows the line (a sandbox limit, an undefined name)
            line = getattr(exc, "line", 0) if getattr(exc, "path", None) == spec.path else 0
            found.append(
                Problem(
                    spec.path,
                    line or spec.body_line,
                    1,
                    "template-syntax",
                    Severity.ERROR,
                    f"szablon nie renderuje się z przykładowymi wartościami: {exc}",
                )
            )
            return found
        found += run_message_rules(doc, rules, ctx)
    return found


def check_files(
    root: Path,
    rules: list[ActiveRule],
    files: list[tuple[str, bytes]],
    *,
    lang: str | None = None,
    template: TemplateSpec | None = None,
    supplier: str | None = None,
) -> Report:
    """Check composed messages (text with optional headers, or .eml)."""
    data = load_data(root)
    ctx = _context(root, data, rules)
    report = Report()
    for name, raw in files:
        parsed = parse_bytes(raw, name)
        channel = template.channel if template else "email"
        doc = document_from_message(parsed, template=template, lang=lang, channel=channel)
        doc.supplier = supplier
        report.findings += run_message_rules(doc, rules, ctx)
        report.checked += 1
    report.findings = merge_repeats(set(report.findings))
    report.engines = ctx.engines.report()
    report.engine_lines = ctx.engines.summary()
    report.notes = list(dict.fromkeys(ctx.notes))
    return report
