"""Pages of the template catalogue: one per template, plus the catalogue itself."""

from __future__ import annotations

import html

from ..catalog import Catalog
from ..i18n import count
from ..render import Message, RenderError, TemplateFault
from ..spec import TemplateSpec
from ..vartypes import VARIABLE_TYPES
from .markdown import cell, code, fence, inline, table

KIND_TITLES = {
    "maintenance": "Prace planowane",
    "outage": "Awarie",
    "reply": "Odpowiedzi na zgłoszenia",
    "report": "Zgłoszenia problemów",
    "phone": "Rozmowy telefoniczne",
}
LANG_NAMES = {"pl": "Polski", "en": "English"}


def page_path(spec: TemplateSpec) -> str:
    return f"szablony/{spec.id}.md"


def catalogue_page(catalog: Catalog) -> str:
    parts = [
        "# Szablony wiadomości",
        "",
        "Każdy szablon ma stronę z opisem, polami, podglądem i formularzem, który "
        "składa gotową wiadomość. Ten sam tekst daje polecenie "
        "`komunikat render <id>`.",
    ]
    for kind, title in KIND_TITLES.items():
        specs = [s for s in catalog if s.kind == kind]
        if not specs:
            continue
        parts += ["", f"## {title} {{ #{kind} }}", ""]
        rows = [
            [f"[{cell(s.title)}]({s.id}.md)", s.phase or "–", "+".join(s.languages).upper(), s.when]
            for s in specs
        ]
        parts.append(table(["Szablon", "Faza", "Języki", "Kiedy używać"], rows, raw=(0,)))
    return "\n".join(parts) + "\n"


def _preview(catalog: Catalog, spec: TemplateSpec, lang: str | None) -> Message | str:
    try:
        return catalog.render_sample(spec, lang=lang)
    except (RenderError, TemplateFault) as exc:
        return f"Nie można wygenerować podglądu: {exc}"


def _preview_block(result: Message | str, indent: int) -> str:
    if isinstance(result, str):
        return " " * indent + "!!! failure\n" + " " * (indent + 4) + inline(result)
    text = result.as_text()
    return fence(text, "text", indent)


def template_page(catalog: Catalog, template_id: str) -> str:
    spec = catalog.get(template_id)
    parts = [f"# {inline(spec.title)}", ""]
    if spec.title_en:
        parts += [f"*{inline(spec.title_en)}*", ""]
    parts += ['!!! info "Kiedy używać"', "    " + inline(spec.when), ""]
    facts = [
        ["Identyfikator", f"`{spec.id}`"],
        ["Języki", ", ".join(LANG_NAMES[x] for x in spec.languages)],
    ]
    if spec.phase:
        facts.append(["Faza", spec.phase])
    if spec.subject:
        for key, source in spec.subject.items():
            label = "Temat" if key == "*" else f"Temat ({LANG_NAMES[key]})"
            facts.append([label, code(source.strip())])
    if spec.quotes:
        quoted = ", ".join(f"[{q}]({q}.md)" for q in spec.quotes)
        facts.append(["Cytuje", quoted])
    if spec.lead_time_days:
        facts.append(["Wyprzedzenie", f"najpóźniej {count('%(n)d full day', '%(n)d full days', spec.lead_time_days)} przed rozpoczęciem prac"])
    parts += ["| | |", "|---|---|"] + [f"| **{k}** | {v} |" for k, v in facts] + [""]
    parts += ["## Pola", ""]
    rows = []
    for var in spec.variables:
        sample = var.sample
        if isinstance(sample, dict):
            sample = " / ".join(f"{k}: {v}" for k, v in sample.items())
        elif isinstance(sample, list):
            sample = ", ".join(str(s) for s in sample)
        elif isinstance(sample, bool):
            sample = "tak" if sample else "nie"
        rows.append(
            [
                f"{var.label}",
                var.name,
                VARIABLE_TYPES[var.type].label,
                "tak" if var.required else "nie",
                var.help,
                "" if sample is None else sample,
            ]
        )
    parts += [table(["Pole", "Nazwa", "Typ", "Wymagane", "Opis", "Przykład"], rows), ""]
    parts += composer_section(spec)
    parts += [
        "## Podgląd",
        "",
        "Podgląd z przykładowymi wartościami, wygenerowany przy budowie strony.",
        "",
    ]
    if spec.layout == "bilingual":
        parts += [
            '=== "English + Polski"',
            "",
            _preview_block(_preview(catalog, spec, None), 4),
            "",
        ]
    else:
        for lang in spec.languages:
            parts += [
                f'=== "{LANG_NAMES[lang]}"',
                "",
                _preview_block(_preview(catalog, spec, lang), 4),
                "",
            ]
    parts += ["## Z wiersza poleceń", "", fence(_cli_example(catalog, spec), "bash"), ""]
    parts += [
        '??? note "Źródło szablonu (' + inline(spec.path) + ')"',
        "",
        fence(spec.source, "jinja", 4),
        "",
    ]
    return "\n".join(parts)


def composer_section(spec: TemplateSpec) -> list[str]:
    """The composer's place on a template page; docs/assets/composer.js fills it in.

    An empty raw-HTML block (md_in_html leaves it alone); the catalogue the
    script reads is written by hooks/composer.py.
    """
    template_id = html.escape(spec.id, quote=True)
    return [
        "## Kompozytor",
        "",
        "Wypełnij pola, a gotowa wiadomość powstanie na bieżąco pod formularzem. "
        f"To ten sam tekst, który daje polecenie `komunikat render {spec.id}`.",
        "",
        f'<div class="komunikat-composer" data-template="{template_id}"></div>',
        "",
        "<noscript><p>Kompozytor działa w przeglądarce i wymaga JavaScriptu. Bez niego użyj "
        "polecenia z sekcji „Z wiersza poleceń”.</p></noscript>",
        "",
    ]


def _cli_example(catalog: Catalog, spec: TemplateSpec) -> str:
    values = catalog.sample_values(spec)
    args = [f"komunikat render {spec.id}"]
    for name, value in values.items():
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "tak" if value else "nie"
        text = str(value).replace("'", "'\\''")
        args.append(f"--set {name}='{text}'")
    if spec.quotes:
        args.append("--previous poprzednia.eml")
    return " \\\n    ".join(args)
