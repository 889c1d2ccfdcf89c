"""Operator pages and the contact directory, generated from data/*.yml."""

from __future__ import annotations

from ..catalog import Catalog
from .markdown import inline, table

CONTACTS_PATH = "kontakty.md"
ROLE_NAMES = {
    "technical": "techniczny",
    "business": "biznesowy",
    "technical-business": "techniczny i biznesowy",
    "cc": "do wiadomości (DW)",
}
KIND_NAMES = {"mno": "sieć komórkowa", "aggregator": "agregator"}


def page_path(slug: str) -> str:
    return f"operatorzy/{slug}.md"


def operator_page(catalog: Catalog, code: str) -> str:
    op = catalog.data.operator(code)
    services = {s.id: s for s in catalog.data.services.services}
    parts = [f"# {inline(op.name)}", "", inline(op.summary), ""]
    parts += [f"Kod w zawiadomieniach: **{inline(op.code)}** · rodzaj: {KIND_NAMES[op.kind]}", ""]
    for remark in op.remarks:
        parts += ['!!! note "Uwaga"', "    " + inline(remark), ""]
    parts += ["## Kontakty w CRM", ""]
    if op.contacts:
        rows = [[ROLE_NAMES[c.role], c.crm, c.title, c.status] for c in op.contacts]
        parts += [table(["Rola", "CRM", "Nazwa w CRM", "Status"], rows), ""]
    else:
        parts += ["Dokumentacja źródłowa nie podaje kontaktów do tego operatora.", ""]
    if op.notices:
        business = [c for c in catalog.data.contacts.internal if c.cc_on == "operator-mail"]
        for contact in business:
            parts += [
                f"W polu DW każdej wiadomości do operatora: **{inline(contact.name)}** "
                f"({inline(contact.role_pl)}).",
                "",
            ]
    if op.cc_rules:
        parts += ["## Dodatkowe kontakty w DW", ""]
        rows = []
        for rule in op.cc_rules:
            for c in rule.contacts:
                rows.append([rule.when_pl, c.crm, c.title, c.status])
        parts += [table(["Kiedy", "CRM", "Nazwa w CRM", "Status"], rows), ""]
    if op.subject_prefixes:
        parts += [
            "## Przedrostki tematu",
            "",
            "Temat zgłoszenia powinien zaczynać się przedrostkiem zależnym od usługi. "
            "Szablon [zgłoszenia problemu](../szablony/operator-problem-report.md) dodaje go sam.",
            "",
        ]
        rows = [
            [p.prefix, p.when_pl, ", ".join(services[s].pl for s in p.services)]
            for p in op.subject_prefixes
        ]
        parts += [table(["Przedrostek", "Kiedy", "Usługi"], rows), ""]
    if op.examples:
        parts += [
            "## Przykłady poprawnej komunikacji",
            "",
            '!!! warning "To nie są gotowce"',
            "    Przykłady pochodzą z różnych okresów, a dane w nich zawarte (np. dane "
            "połączeń sieciowych) mogą być nieaktualne.",
            "",
        ]
        rows = [[e.task, e.title, e.status, e.description] for e in op.examples]
        parts += [table(["Task", "Tytuł", "Status", "Opis"], rows), ""]
    if op.notices:
        parts += [
            "## Szablony",
            "",
            "- [Zgłoszenie problemu do operatora](../szablony/operator-problem-report.md)",
            "- [Awaria u operatora – OPEN](../szablony/operator-outage-open.md) · "
            "[CLOSE](../szablony/operator-outage-close.md)",
            "- [Prace planowane u operatora – OPEN](../szablony/operator-maintenance-open.md) · "
            "[CLOSE](../szablony/operator-maintenance-close.md)",
            "",
        ]
    return "\n".join(parts)


def contacts_page(catalog: Catalog) -> str:
    data = catalog.data
    sig = data.contacts.signature
    company = data.contacts.company
    parts = [
        "# Kontakty",
        "",
        "Wszystko na tej stronie pochodzi z plików `data/contacts.yml` i `data/operators.yml`.",
        "",
        "## Stopka Digital Virgo",
        "",
        "Każda wiadomość e-mail kończy się tą samą stopką (wstawia ją szablon):",
        "",
    ]
    rows = [
        ["Stanowisko", sig.role],
        ["Pion", sig.division],
        ["Dział", sig.department],
        ["Telefon komórkowy", sig.mobile],
        ["Telefon stacjonarny", sig.desk],
        ["E-mail (helpline)", sig.helpline],
        ["Firma", company.name],
        ["Adres", company.address],
    ]
    rows += [["Dane rejestrowe", line] for line in company.legal]
    parts += [table(["Informacja", "Wartość"], rows), ""]
    if data.contacts.internal:
        parts += ["## Kontakty wewnętrzne", ""]
        rows = [[c.name, c.role_pl, c.email or "–", c.note] for c in data.contacts.internal]
        parts += [table(["Osoba", "Rola", "E-mail", "Uwagi"], rows), ""]
    parts += ["## Operatorzy", ""]
    rows = []
    for op in data.operators.operators:
        link = f"[{inline(op.name)}](operatorzy/{op.slug}.md)"
        if not op.contacts:
            rows.append([link, "–", "–", "brak danych w źródle"])
        for contact in op.contacts:
            rows.append([link, ROLE_NAMES[contact.role], contact.crm, contact.title])
        for rule in op.cc_rules:
            for contact in rule.contacts:
                rows.append([link, f"DW: {rule.when_pl}", contact.crm, contact.title])
    parts += [table(["Operator", "Rola", "CRM", "Nazwa w CRM"], rows, raw=(0,)), ""]
    return "\n".join(parts)
