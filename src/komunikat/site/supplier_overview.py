"""The suppliers' section index and the comparison of all suppliers, from data/suppliers.yml."""

from __future__ import annotations

from ..catalog import Catalog
from ..escalation import CHANNEL_NAMES
from ..schema.suppliers import Supplier
from .markdown import cell, table
from .supplier_pages import CONTACT_NAMES, duration_text, hours_text

INDEX_PATH = "dostawcy/index.md"
COMPARISON_PATH = "dostawcy/porownanie.md"


def index_page(catalog: Catalog) -> str:
    suppliers = catalog.data.suppliers.suppliers
    parts = [
        "# Dostawcy",
        "",
        "Dostawcy usług i sprzętu DNiU: jak zgłosić im problem, jakich informacji "
        "wymagają w zgłoszeniu, w jakich godzinach pracują, jakie czasy reakcji "
        "obiecują i kiedy oraz jak ponowić zgłoszenie. Wszystko na tych stronach "
        "pochodzi z pliku `data/suppliers.yml`.",
        "",
    ]
    rows = []
    for supplier in suppliers:
        specs = [spec for spec in catalog if spec.supplier == supplier.id]
        template = ", ".join(f"[{cell(s.title)}](../szablony/{s.id}.md)" for s in specs) or "–"
        rows.append(
            [
                f"[{cell(supplier.name)}]({supplier.id}.md)",
                cell(supplier.supplies_pl),
                cell(", ".join(supplier.email_addresses) or "źródło nie podaje"),
                template,
            ]
        )
    parts += [
        table(["Dostawca", "Co dostarcza", "Adresy e-mail", "Szablon"], rows, raw=(0, 1, 2, 3))
    ]
    parts += [
        "",
        "Czasy reakcji, godziny pracy i kanały wszystkich dostawców obok siebie: "
        "[Porównanie dostawców](porownanie.md).",
        "",
        "## Przed wysłaniem i po nim",
        "",
        "- `komunikat check --supplier ID wiadomosc.txt` sprawdza, czy zgłoszenie "
        "zawiera wszystkie informacje wymagane przez dostawcę. Wiadomość do adresu "
        "dostawcy (pole „Do”) jest rozpoznawana bez `--supplier`.",
        "- Panel „Co teraz?” na stronie każdego dostawcy mówi, który krok eskalacji "
        "obowiązuje teraz, kiedy przypada następny i których kanałów dostawca prosi "
        'nie używać; w terminalu to samo mówi `komunikat escalate ID --severity "POZIOM" '
        '--since "dd.mm.rrrr gg:mm"` (poziomy wypisuje `komunikat escalate --help`).',
        "",
    ]
    return "\n".join(parts)


def comparison_page(catalog: Catalog) -> str:
    suppliers = catalog.data.suppliers.suppliers
    parts = [
        "# Porównanie dostawców",
        "",
        "Czasy podane przez dostawców; „szacunek” oznacza typowy czas, a nie "
        "zobowiązanie. Szczegóły i dokładne brzmienie źródła – na stronach dostawców.",
        "",
    ]
    rows = []
    for supplier in suppliers:
        rows.append(
            [
                f"[{cell(supplier.name)}]({supplier.id}.md)",
                cell(_figures(supplier, "acknowledgement")),
                cell(_figures(supplier, "first-response")),
                cell(_figures(supplier, "resolution")),
                cell(_all_hours(supplier)),
            ]
        )
    header = ["Dostawca", "Potwierdzenie przyjęcia", "Pierwsza odpowiedź", "Rozwiązanie", "Godziny"]
    parts += ["## Czasy reakcji i godziny pracy", "", table(header, rows, raw=(0, 1, 2, 3, 4)), ""]
    rows = []
    for supplier in suppliers:
        channels = sorted({CONTACT_NAMES[c.kind] for c in supplier.contacts})
        rows.append(
            [
                f"[{cell(supplier.name)}]({supplier.id}.md)",
                cell(", ".join(channels) or "źródło nie podaje"),
                cell(_phone(supplier)),
            ]
        )
    parts += [
        "## Kanały",
        "",
        table(["Dostawca", "Kanały kontaktu", "Telefon"], rows, raw=(0, 1, 2)),
    ]
    rows = []
    for supplier in suppliers:
        for ladder in supplier.escalation:
            steps = [
                f"{step.after} {CHANNEL_NAMES[step.channel]}"
                for step in ladder.steps
                if step.allowed and step.after is not None
            ]
            banned = [CHANNEL_NAMES[s.channel] for s in ladder.steps if not s.allowed]
            rows.append(
                [
                    f"[{cell(supplier.name)}]({supplier.id}.md)",
                    f"**{cell(ladder.name_pl)}**: {cell(ladder.label_pl)}",
                    cell(" → ".join(steps)),
                    cell(", ".join(banned) or "–"),
                ]
            )
    header = ["Dostawca", "Pilność", "Kroki (czas od zgłoszenia)", "Niedozwolone"]
    parts += ["", "## Eskalacja", "", table(header, rows, raw=(0, 1, 2, 3)), ""]
    return "\n".join(parts)


def _figures(supplier: Supplier, kind: str) -> str:
    found = []
    for figure in supplier.sla:
        if figure.kind != kind:
            continue
        time = duration_text(figure) or "bez podanego czasu"
        estimate = " (szacunek)" if figure.estimate else ""
        found.append(f"{figure.applies_to_pl}: {time}{estimate}")
    return "\n".join(found) or "źródło nie podaje"


def _all_hours(supplier: Supplier) -> str:
    found = [f"{h.applies_to_pl}: {hours_text(h)}" for h in supplier.hours]
    found += [
        f"poziom {level.level} ({level.team_pl}): {hours_text(level.hours)}"
        + (f" {level.hours.time_zone_pl}" if level.hours.time_zone_pl else "")
        for level in supplier.support_levels
    ]
    return "\n".join(found) or "źródło nie podaje"


def _phone(supplier: Supplier) -> str:
    allowed = [
        ladder.name_pl
        for ladder in supplier.escalation
        if any(s.channel == "phone" and s.allowed for s in ladder.steps)
    ]
    banned = any(
        s.channel == "phone" and not s.allowed
        for ladder in supplier.escalation
        for s in ladder.steps
    )
    if banned:
        return "nie dzwonić – dostawca prosi o zaniechanie telefonów"
    if allowed:
        return "tak – pilność: " + ", ".join(allowed)
    return "źródło nie przewiduje telefonu w eskalacji"
