"""A page per supplier, from data/suppliers.yml (the section index and comparison: supplier_overview)."""

from __future__ import annotations

import html

from ..catalog import Catalog
from ..escalation import CHANNEL_NAMES
from ..schema.suppliers import Hours, LadderStep, SeverityLadder, SlaFigure, Supplier
from .markdown import cell, code, fence, inline, table
from .template_pages import LANG_NAMES

CONTACT_NAMES = {
    "email": "e-mail",
    "phone": "telefon",
    "emergency-phone": "telefon w nagłych przypadkach",
    "ticket-system": "system zgłoszeń",
    "client-panel": "konto klienta",
    "chat": "czat",
}
SLA_NAMES = {
    "acknowledgement": "Potwierdzenie przyjęcia",
    "first-response": "Pierwsza odpowiedź",
    "resolution": "Rozwiązanie",
    "status-updates": "Aktualizacje statusu",
}
DAYS_NAMES = {"24/7": "całą dobę, 7 dni w tygodniu", "mon-fri": "poniedziałek–piątek"}


def page_path(supplier_id: str) -> str:
    return f"dostawcy/{supplier_id}.md"


def duration_text(figure: SlaFigure) -> str:
    """``10–30 min``, ``do 2 min``, ``od 2 h``; empty when the source gives no figure."""
    low, high = figure.min, figure.max
    if low and high:
        low_amount, low_unit = low.split(" ")
        high_amount, high_unit = high.split(" ")
        if low_unit == high_unit:
            return f"{low_amount}–{high_amount} {high_unit}"
        return f"{low} – {high}"
    if high:
        return f"do {high}"
    if low:
        return f"od {low}"
    return ""


def hours_text(hours: Hours) -> str:
    if hours.days == "24/7":
        return "24/7"
    return f"pon.–pt. {hours.start}–{hours.end}"


def time_text(hours: Hours) -> str:
    """The hours alone, for a table whose other column names the days."""
    return "całą dobę" if hours.days == "24/7" else f"{hours.start}–{hours.end}"


def zone_text(hours: Hours) -> str:
    if hours.days == "24/7":
        return "nie dotyczy"
    return hours.time_zone_pl or "źródło nie podaje"


def supplier_page(catalog: Catalog, supplier_id: str) -> str:
    supplier = catalog.data.supplier(supplier_id)
    parts = [f"# {inline(supplier.name)}", ""]
    if not supplier.named_in_source:
        parts += [
            '!!! warning "Dostawca nienazwany w źródle"',
            f"    Dokument źródłowy ({code(supplier.source)}) nie podaje nazwy dostawcy. "
            "Nazwa na tej stronie jest umowna; zanim wyślesz zgłoszenie, ustal, "
            "którego dostawcy dotyczy ta macierz.",
            "",
        ]
    parts += [inline(supplier.summary_pl), ""]
    facts = [
        ["Co dostarcza", supplier.supplies_pl],
        ["Języki zgłoszeń", ", ".join(LANG_NAMES[x] for x in supplier.languages)],
        ["Identyfikator", supplier.id],
        ["Dokument źródłowy", supplier.source],
    ]
    parts += [table(["Informacja", "Wartość"], facts), ""]
    parts += _contacts(supplier)
    parts += _hours(supplier)
    parts += _sla(supplier)
    if supplier.reporting_pl:
        parts += ["## Jak zgłosić problem", ""]
        parts += [f"- {inline(rule)}" for rule in supplier.reporting_pl] + [""]
    parts += _required_fields(supplier)
    parts += _example(supplier)
    parts += _tickets(supplier)
    parts += _escalation(supplier)
    if supplier.sections:
        parts += ["## Więcej od dostawcy", ""]
        for section in supplier.sections:
            parts += _section(section.title_pl, section.text_pl, section.items_pl, level=3)
    if supplier.tips:
        parts += ["## Wskazówki dostawcy", ""]
        for number, tip in enumerate(supplier.tips, 1):
            parts.append(f"{number}. **{inline(tip.title_pl)}.** {inline(tip.text_pl)}")
        parts.append("")
    parts += _templates(catalog, supplier)
    return "\n".join(parts)


def _contacts(supplier: Supplier) -> list[str]:
    parts = ["## Kontakty", ""]
    if not supplier.contacts:
        return [*parts, "Źródło nie podaje danych kontaktowych tego dostawcy.", ""]
    rows = []
    for contact in supplier.contacts:
        value = cell(contact.value or "źródło nie podaje adresu")
        if contact.as_in_source:
            value += f" (w źródle: {cell(contact.as_in_source)})"
        rows.append([CONTACT_NAMES[contact.kind], value, contact.label_pl])
    return [*parts, table(["Kanał", "Adres lub numer", "Do czego"], rows, raw=(1,)), ""]


def _hours(supplier: Supplier) -> list[str]:
    parts = ["## Godziny pracy", ""]
    if not supplier.hours:
        parts += ["Źródło nie podaje godzin pracy tego dostawcy.", ""]
    else:
        rows = [
            [h.applies_to_pl, DAYS_NAMES[h.days], time_text(h), zone_text(h), h.note_pl]
            for h in supplier.hours
        ]
        parts += [table(["Kto", "Dni", "Godziny", "Strefa czasowa", "Uwagi"], rows), ""]
    if supplier.support_levels:
        parts += ["## Poziomy wsparcia", ""]
        rows = [
            [
                f"Poziom {level.level}",
                level.team_pl,
                f"{hours_text(level.hours)}"
                + (f" ({level.hours.time_zone_pl})" if level.hours.time_zone_pl else ""),
                level.scope_pl,
            ]
            for level in supplier.support_levels
        ]
        parts += [table(["Poziom", "Zespół", "Dostępność", "Czym się zajmuje"], rows), ""]
    return parts


def _sla(supplier: Supplier) -> list[str]:
    parts = ["## SLA i czasy reakcji", ""]
    if supplier.sla:
        rows = []
        for figure in supplier.sla:
            time = duration_text(figure) or "bez podanego czasu"
            if figure.estimate:
                time += " (szacunek)"
            rows.append([SLA_NAMES[figure.kind], figure.applies_to_pl, time, figure.wording_pl])
        parts += [table(["Co", "Dotyczy", "Czas", "Według źródła"], rows), ""]
    else:
        parts += ["Źródło nie podaje czasów reakcji ani rozwiązania.", ""]
    parts += [f"- {inline(term)}" for term in supplier.sla_terms_pl]
    if supplier.sla_terms_pl:
        parts.append("")
    return parts


def _required_fields(supplier: Supplier) -> list[str]:
    parts = [
        "## Wymagane informacje",
        "",
        "Zgłoszenie musi zawierać te informacje. Przed wysłaniem sprawdzi to "
        f"`komunikat check --supplier {supplier.id} wiadomosc.txt` (reguła `required-fields`); "
        "stopka i podpis się nie liczą.",
        "",
    ]
    if supplier.required_fields_note_pl:
        parts += ['!!! note "Uwaga"', "    " + inline(supplier.required_fields_note_pl), ""]
    rows = []
    for field in supplier.required_fields:
        required = (
            "tak"
            if field.required
            else (f"tylko {field.condition_pl}" if field.condition_pl else "nie")
        )
        rows.append([field.label_pl, required, field.wording_pl, field.example_pl])
    parts += [table(["Informacja", "Wymagana", "Według źródła", "Przykład wiersza"], rows), ""]
    rows = [
        [field.label_pl, ", ".join(field.keywords) or "–", ", ".join(field.patterns) or "–"]
        for field in supplier.required_fields
    ]
    parts += [
        '??? note "Jak sprawdzanie rozpoznaje te informacje"',
        "",
        "    Słowa kluczowe pasują na początku wyrazu, bez względu na wielkość liter; "
        "wzorce to wyrażenia regularne.",
        "",
        *(
            "    " + line
            for line in table(["Informacja", "Słowa kluczowe", "Wzorce"], rows).split("\n")
        ),
        "",
    ]
    return parts


def _example(supplier: Supplier) -> list[str]:
    example = supplier.example_report
    if example is None:
        return []
    text = "\n".join(f"{line.label_pl}: {line.value}" for line in example.lines)
    parts = ["## Przykład zgłoszenia", ""]
    if example.intro_pl:
        parts += [inline(example.intro_pl) + ":", ""]
    return [*parts, fence(text), ""]


def _tickets(supplier: Supplier) -> list[str]:
    tickets = supplier.tickets
    if tickets is None:
        return []
    parts = ["## Obsługa zgłoszenia", "", inline(tickets.acknowledgement_pl), ""]
    facts = []
    if tickets.acknowledged_from:
        facts.append(["Potwierdzenie przychodzi z adresu", tickets.acknowledged_from])
    if tickets.number_pl:
        number = tickets.number_pl
        if tickets.number_example:
            number += f", np. {tickets.number_example}"
        facts.append(["Numer zgłoszenia", number])
    if facts:
        parts += [table(["Informacja", "Wartość"], facts), ""]
    for stage in tickets.stages:
        parts += _section(stage.title_pl, stage.text_pl, stage.items_pl, level=3)
    return parts


def escalate_command(supplier: Supplier, ladder: SeverityLadder | None = None) -> str:
    """The terminal's way to the panel's answer (the level's Polish name, or a placeholder)."""
    level = f'"{ladder.name_pl}"' if ladder else '"POZIOM"'
    return f'komunikat escalate {supplier.id} --severity {level} --since "dd.mm.rrrr gg:mm"'


def escalation_panel(supplier: Supplier) -> list[str]:
    """The panel „Co teraz?”; docs/assets/escalation.js fills it in.

    What stands in the block is what a browser without JavaScript (or
    without the script) shows: the command that gives the same answer.
    """
    command = html.escape(escalate_command(supplier, supplier.escalation[0]))
    return [
        "### Co teraz?",
        "",
        f'<div class="komunikat-escalation" data-supplier="{html.escape(supplier.id)}">'
        "<p>Panel „Co teraz?” liczy kroki eskalacji w przeglądarce i wymaga JavaScriptu. "
        f"Bez niego tę samą odpowiedź da w terminalu polecenie <code>{command}</code> "
        "(nazwy poziomów pilności – niżej).</p></div>",
        "",
    ]


def _escalation(supplier: Supplier) -> list[str]:
    parts = [
        "## Eskalacja",
        "",
        "Czas liczy się od pierwszego zgłoszenia. Wpisz, kiedy zgłoszono, i wybierz pilność: "
        "panel powie, który krok obowiązuje teraz, kiedy przypada następny i którym kanałem.",
        "",
        *escalation_panel(supplier),
        f"W terminalu to samo mówi `{escalate_command(supplier)}` (POZIOM to nazwa pilności "
        "w cudzysłowie albo jej id).",
        "",
    ]
    for ladder in supplier.escalation:
        parts += [
            f"### Pilność: {inline(ladder.name_pl)}",
            "",
            f"{inline(_sentence(ladder.label_pl))} <small>Id poziomu w danych: "
            f"`{ladder.id}`.</small>",
            "",
        ]
        rows = [_step_row(step) for step in ladder.steps]
        parts += [table(["Po czasie", "Kanał", "Co zrobić"], rows, raw=(2,)), ""]
        parts += _expectations(supplier, ladder)
        if ladder.note_pl:
            parts += [inline(ladder.note_pl), ""]
    for note in supplier.escalation_notes:
        parts += [f'!!! note "{inline(note.title_pl)}"', "    " + inline(note.text_pl), ""]
    return parts


def _step_row(step: LadderStep) -> list[str]:
    after = step.after if step.after is not None else "–"
    channel = CHANNEL_NAMES[step.channel]
    if not step.allowed:
        channel += " (niedozwolony)"
    action = cell(_sentence(step.action_pl))
    if step.note_pl:
        action += f"<br><small>{cell(step.note_pl)}</small>"
    return [after, channel, action]


def _expectations(supplier: Supplier, ladder: SeverityLadder) -> list[str]:
    lines = []
    for sla_id in ladder.expect:
        figure = supplier.sla_figure(sla_id)
        source = "Według dostawcy (szacunek)" if figure.estimate else "Według SLA"
        lines.append(
            f"- {source}: {inline(SLA_NAMES[figure.kind].lower())} – "
            f"{inline(duration_text(figure))} od zgłoszenia (dotyczy: {inline(figure.applies_to_pl)})."
        )
    return [*lines, ""] if lines else []


def _section(title: str, text: str, items: list[str], level: int) -> list[str]:
    parts = [f"{'#' * level} {inline(title)}", ""]
    if text:
        parts += [inline(text), ""]
    if items:
        parts += [f"- {inline(item)}" for item in items] + [""]
    return parts


def _templates(catalog: Catalog, supplier: Supplier) -> list[str]:
    specs = [spec for spec in catalog if spec.supplier == supplier.id]
    if not specs:
        return []
    parts = ["## Szablony", ""]
    parts += [f"- [{inline(spec.title)}](../szablony/{spec.id}.md)" for spec in specs]
    return [*parts, ""]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
