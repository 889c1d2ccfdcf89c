"""The template catalogue: every ``templates/*.j2`` file with its front matter.

A template file is YAML front matter between ``---`` lines, then the Jinja
body. Partials live in ``templates/partials/`` and have no front matter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .data import DataSet, load_data
from .environment import TemplateDirLoader, make_environment, parse
from .jinjasyntax import locate
from .paths import relative
from .problems import InputError, InputErrors, collecting
from .render import Message, Previous, render
from .schema.base import validate
from .schema.frontmatter import FrontMatter
from .spec import TemplateSpec, VariableSpec
from .suggest import did_you_mean
from .templatefile import TemplateFiles, TemplateText, split
from .yamlsource import YamlDoc, parse_yaml

_Spec = TypeVar("_Spec")

TEMPLATE_SUFFIX = ".j2"


def _front_matter(file: TemplateText) -> str:
    if file.front_matter is not None:
        return file.front_matter
    if file.opened:
        raise InputError(file.path, 1, 1, "nagłówek YAML nie jest zamknięty linią „---”")
    raise InputError(
        file.path,
        1,
        1,
        "szablon musi zaczynać się od nagłówka YAML między "
        "liniami „---” (id, title, when, variables …)",
    )


def _positions(doc: YamlDoc, fm: FrontMatter) -> dict[str, tuple[int, int]]:
    """Where each key the linter points at was written (the YAML parser's own positions)."""
    found = {}
    if "quotes" in doc.data:
        found["quotes"] = doc.position(("quotes",), at_key=True)
    if isinstance(fm.subject, str):
        found["subject"] = doc.position(("subject",))
    elif fm.subject:
        found["subject"] = doc.position(("subject",), at_key=True)
        for lang in fm.subject:
            found[f"subject.{lang}"] = doc.position(("subject", lang), at_key=True)
    for name, var in fm.variables.items():
        found[f"variables.{name}"] = doc.position(("variables", name), at_key=True)
        if var.sample is not None:
            found[f"variables.{name}.sample"] = doc.position(("variables", name, "sample"))
    return found


def parse_template(text: str | TemplateText, path: str) -> TemplateSpec:
    file = text if isinstance(text, TemplateText) else split(text, path)
    doc = parse_yaml(_front_matter(file), path, line_offset=file.FRONT_LINE - 1)
    fm = validate(FrontMatter, doc)
    expected_id = Path(path).name.removesuffix(TEMPLATE_SUFFIX)
    if fm.id != expected_id:
        raise doc.error(
            ("id",),
            f"id „{fm.id}” nie zgadza się z nazwą pliku; "
            f"zmień na „{expected_id}” albo zmień nazwę pliku",
        )
    if fm.layout == "bilingual" and sorted(fm.languages) != ["en", "pl"]:
        raise doc.error(("languages",), "szablon dwujęzyczny musi mieć languages: [en, pl]")
    if fm.channel == "email" and fm.subject is None:
        raise doc.error(("subject",), "wiadomość e-mail musi mieć temat (subject)")
    subject: dict[str, str] = {}
    if isinstance(fm.subject, str):
        subject = {"*": fm.subject}
    elif fm.subject:
        subject = dict(fm.subject)
    variables = tuple(
        _copied(VariableSpec, var, name=name, choices=tuple(var.choices))
        for name, var in fm.variables.items()
    )
    return _copied(
        TemplateSpec,
        fm,
        languages=tuple(fm.languages),
        subject=subject,
        quotes=tuple(fm.quotes),
        variables=variables,
        source=file.body,
        path=path,
        body_line=file.body_line,
        positions=_positions(doc, fm),
    )


def _copied(cls: type[_Spec], model: Any, **given: Any) -> _Spec:
    """A ``cls`` dataclass with ``given`` and every other field of the same name from ``model``.

    The front-matter schema and the plain spec share their field names, so a new
    front-matter key reaches the spec without a second list of fields here.
    """
    taken = {
        f.name: getattr(model, f.name)
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name not in given and hasattr(model, f.name)
    }
    return cls(**taken, **given)


@dataclass
class Catalog:
    """All templates plus the data and the shared environment to render them."""

    root: Path
    data: DataSet
    templates: dict[str, TemplateSpec]
    env: ImmutableSandboxedEnvironment
    files: TemplateFiles = None  # type: ignore[assignment]  # the files as read for this catalogue

    def __post_init__(self) -> None:
        if self.files is None:
            self.files = TemplateFiles(self.root / "templates")

    def file(self, path: str) -> TemplateText:
        """The text of ``templates/…`` file ``path``, read once for the catalogue."""
        file = self.files.get(path.removeprefix("templates/"))
        if file is None:
            raise InputError(path, 0, 0, "plik nie istnieje; sprawdź ścieżkę")
        return file

    def __iter__(self) -> Iterator[TemplateSpec]:
        return iter(self.templates.values())

    def get(self, template_id: str) -> TemplateSpec:
        if template_id not in self.templates:
            hint = did_you_mean(template_id, self.templates)
            raise KeyError(f"nie ma szablonu „{template_id}”.{hint} Lista: komunikat list")
        return self.templates[template_id]

    @property
    def context(self) -> dict[str, Any]:
        return self.data.render_context()

    def render(self, spec: TemplateSpec, values: dict[str, Any], **kwargs: Any) -> Message:
        return render(self.env, spec, values, self.context, **kwargs)

    def sample_values(
        self, spec: TemplateSpec, operator: str | None = None, lang: str | None = None
    ) -> dict[str, Any]:
        """Sample values; a sample given per language (``{pl: …, en: …}``) picks ``lang``."""
        lang = lang or spec.languages[0]
        values = {}
        for var in spec.variables:
            sample = var.sample
            if isinstance(sample, dict):
                sample = sample.get(lang, next(iter(sample.values()), None))
            if sample is not None:
                values[var.name] = sample
        if operator is not None and "operator" in values:
            values["operator"] = operator
        return values

    def sample_previous(self, spec: TemplateSpec, operator: str | None = None) -> list[Previous]:
        """Earlier notices for a sample CLOSE/PROLONGATION, rendered from their templates."""
        quoted = []
        for quoted_id in spec.quotes:
            earlier = self.get(quoted_id)
            values = self.sample_values(earlier, operator)
            values.update(
                {
                    k: v
                    for k, v in self.sample_values(spec, operator).items()
                    if k in values and k in ("hl", "operator", "sender")
                }
            )
            msg = self.render(earlier, values, previous=self.sample_previous(earlier, operator))
            quoted.append(Previous(msg.subject, msg.body, source=f"{quoted_id} (przykład)"))
        return quoted

    def renderings(
        self, spec: TemplateSpec | None = None, *, sample_operator: bool = False
    ) -> list[tuple[str, str | None, str | None]]:
        """(template id, language, operator) of every sample rendering the linter checks.

        Bilingual notices render once (language None); single-language templates
        once per language; templates with an operator once per operator that
        takes notices (and, with ``sample_operator``, also with their own sample).
        """
        found = []
        for each in [spec] if spec else list(self):
            langs: list[str | None] = [None] if each.layout == "bilingual" else list(each.languages)
            operators: list[str | None] = [None]
            if any(v.type == "operator" for v in each.variables):
                codes: list[str | None] = list(self.data.notice_operator_codes())
                operators = [None, *codes] if sample_operator else codes
            found += [(each.id, lang, op) for lang in langs for op in operators]
        return found

    def render_sample(
        self, spec: TemplateSpec, lang: str | None = None, operator: str | None = None
    ) -> Message:
        return self.render(
            spec,
            self.sample_values(spec, operator, lang),
            lang=lang,
            previous=self.sample_previous(spec, operator),
        )


def template_files(root: Path) -> list[Path]:
    return sorted((root / "templates").glob(f"*{TEMPLATE_SUFFIX}"))


def load_catalog(root: Path, data: DataSet | None = None) -> Catalog:
    """All templates; any broken template or data file raises InputErrors with every problem."""
    catalog, errors = collect_catalog(root, data)
    if errors:
        raise InputErrors(errors)
    return catalog


def collect_catalog(root: Path, data: DataSet | None = None) -> tuple[Catalog, list[InputError]]:
    """The templates that load, and the problems of those that do not (for the linter)."""
    data = data or load_data(root)
    templates: dict[str, TemplateSpec] = {}
    errors: list[InputError] = []
    files = TemplateFiles(root / "templates")
    for path in template_files(root):
        shown = relative(path, root)
        with collecting(errors):
            file = files.get(path.name)
            if file is None:  # a dangling symlink
                raise InputError(shown, 0, 0, "plik nie istnieje; sprawdź ścieżkę")
            spec = parse_template(file, shown)
            templates[spec.id] = spec
    broken = {p.name.removesuffix(TEMPLATE_SUFFIX) for p in template_files(root)} - set(templates)
    for spec in templates.values():
        for quoted in spec.quotes:
            if quoted not in templates and quoted not in broken:
                errors.append(
                    InputError(
                        spec.path,
                        *spec.position("quotes"),
                        f"quotes: nie ma szablonu „{quoted}”." + did_you_mean(quoted, templates),
                    )
                )
    env = make_environment(TemplateDirLoader(files.get))
    for spec in list(templates.values()):
        file = files.get(spec.path.removeprefix("templates/"))
        source = file.jinja_source if file else ""
        try:
            parse(source)
        except TemplateSyntaxError as exc:
            errors.append(InputError(spec.path, *locate(source, exc)))  # at the opening tag
            del templates[spec.id]
    return Catalog(root=root, data=data, templates=templates, env=env, files=files), errors
