"""Pages of the template catalogue: one per template, plus the catalogue itself."""

from __future__ import annotations

import html

from ..catalog import Catalog
from ..i18n import count
from ..spec import TemplateSpec
from ..vartypes import VARIABLE_TYPES
from .markdown import cell, code, fence, inline, table
from .previews import LANG_NAMES, sample, tabs

#: The catalogue's groups, in the order an operator looks for them: who the message is for.
GROUPS = (
    ("dv", "Digital Virgo: prace planowane i awarie", lambda s: s.scope == "dv"),
    ("operator", "Operatorzy", lambda s: s.scope == "operator"),
    ("partner", "Partnerzy", lambda s: s.scope == "partner"),
    ("supplier", "Dostawcy", lambda s: s.scope == "supplier"),
    ("phone", "Rozmowy telefoniczne", lambda s: s.channel == "phone"),
)
#: Within a group: planned works before outages, each in lifecycle order, then the rest.
KIND_ORDER = ("maintenance", "outage", "report", "reply", "phone")
PHASE_ORDER = ("OPEN", "PROLONGATION", "CLOSE")
CATALOGUE_PATH = "szablony/index.md"
COMPOSER_ANCHOR = "kompozytor"  # the id of the composer's place (composer_section)


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
    for anchor, title, specs in groups(catalog):
        if not specs:
            continue
        parts += ["", f"## {title} {{ #{anchor} }}", ""]
        rows = [
            [f"[{cell(s.title)}]({s.id}.md)", s.phase or "–", languages(s), s.when] for s in specs
        ]
        parts.append(table(["Szablon", "Faza", "Języki", "Kiedy używać"], rows, raw=(0,)))
    return "\n".join(parts) + "\n"


def groups(catalog: Catalog) -> list[tuple[str, str, list[TemplateSpec]]]:
    """(anchor, title, templates in lifecycle order) of each group of the catalogue."""
    return [
        (anchor, title, sorted((s for s in catalog if belongs(s)), key=_lifecycle))
        for anchor, title, belongs in GROUPS
    ]


def in_catalogue_order(catalog: Catalog) -> list[TemplateSpec]:
    """Every template in the order the catalogue lists them (the nav follows it)."""
    return [spec for _, _, specs in groups(catalog) for spec in specs]


def _lifecycle(spec: TemplateSpec) -> tuple[int, int, str]:
    kind = KIND_ORDER.index(spec.kind) if spec.kind in KIND_ORDER else len(KIND_ORDER)
    phase = PHASE_ORDER.index(spec.phase) if spec.phase in PHASE_ORDER else len(PHASE_ORDER)
    return kind, phase, spec.id


def languages(spec: TemplateSpec) -> str:
    """One spelling everywhere: „angielski i polski”, in the order of the message."""
    return " i ".join(LANG_NAMES[x] for x in spec.languages)


def _subject_fact(catalog: Catalog, spec: TemplateSpec, key: str, source: str) -> str:
    """The subject as written; one built by template logic is shown as its sample."""
    if "{%" not in source:
        return code(source.strip())
    example = sample(catalog, spec, None if key == "*" else key)
    if isinstance(example, str) or example.subject is None:
        return "składany z pól szablonu"
    return f"{code(example.subject)} (przykład; składany z pól szablonu)"


def template_page(catalog: Catalog, template_id: str) -> str:
    """A template's page: the composer first, the editors' details collapsed below it.

    An operator comes to send the message: the title, when to use it, then
    the form and its live preview. What editors look up (the facts, the
    fields, the command line, the source) is one collapsed section, the
    sample rendering follows; the TOC is hidden so the form and the preview
    have the width to stand side by side.
    """
    spec = catalog.get(template_id)
    parts = ["---", "hide:", "  - toc", "---", "", f"# {inline(spec.title)}", ""]
    if spec.title_en:
        parts += [f"*{inline(spec.title_en)}*", ""]
    parts += [f"**Kiedy:** {inline(spec.when)}", ""]
    parts += composer_section(spec)
    parts += ['??? note "Dla redaktorów"', ""]
    details = editor_details(catalog, spec)
    parts += [f"    {line}" if line else "" for line in details.split("\n")]
    parts += ["", *sample_previews(catalog, spec)]
    return "\n".join(parts) + "\n"


def editor_details(catalog: Catalog, spec: TemplateSpec) -> str:
    """The facts, fields, command line and source of a template."""
    facts = [
        ["Identyfikator", f"`{spec.id}`"],
        ["Języki", languages(spec)],
    ]
    if spec.phase:
        facts.append(["Faza", spec.phase])
    if spec.subject:
        for key, source in spec.subject.items():
            label = "Temat" if key == "*" else f"Temat ({LANG_NAMES[key]})"
            facts.append([label, _subject_fact(catalog, spec, key, source)])
    if spec.quotes:
        quoted = ", ".join(f"[{q}]({q}.md)" for q in spec.quotes)
        facts.append(["Cytuje", quoted])
    if spec.lead_time_days:
        days = count("%(n)d full day", "%(n)d full days", spec.lead_time_days)
        facts.append(["Wyprzedzenie", f"najpóźniej {days} przed rozpoczęciem prac"])
    parts = [
        f"Kompozytor składa ten sam tekst, który daje polecenie `komunikat render {spec.id}`.",
        "",
        "| Informacja | Wartość |",
        "|---|---|",
    ]
    parts += [f"| **{k}** | {v} |" for k, v in facts] + [""]
    parts += ["## Pola", "", _fields_table(spec), ""]
    parts += ["## Z wiersza poleceń", "", fence(_cli_example(catalog, spec), "bash"), ""]
    parts += [
        '??? note "Źródło szablonu (' + inline(spec.path) + ')"',
        "",
        fence(spec.source, "jinja", 4),
    ]
    return "\n".join(parts)


def sample_previews(catalog: Catalog, spec: TemplateSpec) -> list[str]:
    """The message with sample values, a tab per language.

    Outside the collapsed editors' section: Material restores the language
    tab chosen on another page only in tabs that are shown when it loads.
    """
    return [
        "## Przykład",
        "",
        "Wiadomość z przykładowymi wartościami, wygenerowana przy budowie strony.",
        "",
        *tabs(catalog, spec),
    ]


def _fields_table(spec: TemplateSpec) -> str:
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
    return table(["Pole", "Nazwa", "Typ", "Wymagane", "Opis", "Przykład"], rows)


def composer_section(spec: TemplateSpec) -> list[str]:
    """The composer's place on a template page; docs/assets/composer.js fills it in.

    An empty raw-HTML block (md_in_html leaves it alone); the catalogue the
    script reads is written by hooks/composer.py.
    """
    template_id = html.escape(spec.id, quote=True)
    return [
        f'<div class="komunikat-composer" id="{COMPOSER_ANCHOR}" data-template="{template_id}"></div>',
        "",
        "<noscript><p>Kompozytor działa w przeglądarce i wymaga JavaScriptu. Bez niego użyj "
        "polecenia z sekcji „Z wiersza poleceń” (w części „Dla redaktorów”).</p></noscript>",
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
