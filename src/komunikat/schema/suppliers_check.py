"""Rules of data/suppliers.yml that span entries: unique ids, references, consistent values.

Each problem is reported at the value that breaks the rule, like a schema error.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ..durations import to_timedelta
from ..patterns import EMAIL
from ..problems import InputError
from ..suggest import did_you_mean
from ..yamlsource import YamlDoc
from .base import unique
from .suppliers import Hours, SeverityLadder, Supplier, SuppliersFile, Tickets

PHONE = re.compile(r"^(\+\d{2} )?\d[\d ]*\d$")


def cross_check(doc: YamlDoc, model: SuppliersFile) -> list[InputError]:
    """Rules between entries, each reported where the offending value is."""
    errors: list[InputError] = []
    errors += unique(doc, ("suppliers",), [s.id for s in model.suppliers], "id")
    for i, supplier in enumerate(model.suppliers):
        at = ("suppliers", i)
        errors += _contacts(doc, at, supplier)
        errors += _hours(doc, (*at, "hours"), supplier.hours)
        for j, level in enumerate(supplier.support_levels):
            errors += _hours(doc, (*at, "support_levels", j), [level.hours], key="hours")
        field_ids = [f.id for f in supplier.required_fields]
        sla_ids = [f.id for f in supplier.sla]
        errors += unique(doc, (*at, "required_fields"), field_ids, "id")
        errors += unique(doc, (*at, "sla"), sla_ids, "id")
        errors += unique(doc, (*at, "escalation"), [s.id for s in supplier.escalation], "id")
        errors += _level_names(doc, (*at, "escalation"), supplier.escalation)
        for j, figure in enumerate(supplier.sla):
            if figure.min is None and figure.max is None:
                continue
            low = to_timedelta(figure.min) if figure.min else timedelta(0)
            if figure.max and low > to_timedelta(figure.max):
                errors.append(
                    doc.error(
                        (*at, "sla", j, "max"), "max jest krótszy niż min; zamień je miejscami"
                    )
                )
        if supplier.example_report:
            for j, line in enumerate(supplier.example_report.lines):
                if line.field not in field_ids:
                    errors.append(
                        doc.error(
                            (*at, "example_report", "lines", j, "field"),
                            f"nieznane pole „{line.field}”.{did_you_mean(line.field, field_ids)} "
                            f"Pola tego dostawcy: {', '.join(field_ids)}",
                        )
                    )
        errors += _tickets(doc, (*at, "tickets"), supplier.tickets)
        for j, ladder in enumerate(supplier.escalation):
            errors += _ladder(doc, (*at, "escalation", j), ladder, supplier)
    return errors


def _contacts(doc: YamlDoc, at: tuple[str | int, ...], supplier: Supplier) -> list[InputError]:
    errors = []
    for j, contact in enumerate(supplier.contacts):
        value = contact.value
        where = (*at, "contacts", j, "value")
        if contact.kind in ("email", "ticket-system") and value and "@" in value:
            if not EMAIL.fullmatch(value):
                errors.append(doc.error(where, f"„{value}” nie jest adresem e-mail"))
        elif contact.kind == "email" and not value:
            errors.append(doc.error((*at, "contacts", j), "kontakt e-mail musi mieć adres (value)"))
        if contact.kind in ("phone", "emergency-phone"):
            if not value:
                errors.append(doc.error((*at, "contacts", j), "telefon musi mieć numer (value)"))
            elif not PHONE.match(value):
                errors.append(
                    doc.error(
                        where,
                        f"„{value}” nie wygląda na numer telefonu; wpisz cyfry ze spacjami, "
                        "np. „+48 22 153 0461” albo „801 090 101”",
                    )
                )
    return errors


def _hours(
    doc: YamlDoc, at: tuple[str | int, ...], entries: list[Hours], key: str | None = None
) -> list[InputError]:
    errors = []
    for j, hours in enumerate(entries):
        where = (*at, key) if key else (*at, j)
        if hours.days == "24/7" and (hours.start or hours.end):
            errors.append(doc.error(where, "przy days: 24/7 usuń start i end"))
        if hours.days == "mon-fri" and not (hours.start and hours.end):
            errors.append(doc.error(where, 'przy days: mon-fri podaj start i end, np. "09:00"'))
        if hours.start and hours.end and hours.start >= hours.end:
            errors.append(doc.error((*where, "end"), "koniec pracy musi być po początku"))
    return errors


def _tickets(doc: YamlDoc, at: tuple[str | int, ...], tickets: Tickets | None) -> list[InputError]:
    if tickets is None:
        return []
    if (tickets.number_pattern is None) != (tickets.number_example is None):
        return [doc.error(at, "podaj razem number_pattern i number_example (albo żadne z nich)")]
    if (
        tickets.number_pattern
        and tickets.number_example
        and not re.fullmatch(tickets.number_pattern, tickets.number_example)
    ):
        return [
            doc.error(
                (*at, "number_example"),
                f"przykład „{tickets.number_example}” nie pasuje do wzorca "
                f"„{tickets.number_pattern}”; popraw jedno z nich",
            )
        ]
    return []


def _level_names(
    doc: YamlDoc, at: tuple[str | int, ...], ladders: list[SeverityLadder]
) -> list[InputError]:
    """``--severity`` takes a name or an id: each must point at one level only."""
    errors = unique(doc, at, [ladder.name_pl for ladder in ladders], "name_pl")
    for j, ladder in enumerate(ladders):
        other = next((o for o in ladders if o.id == ladder.name_pl and o is not ladder), None)
        if other is not None:
            errors.append(
                doc.error(
                    (*at, j, "name_pl"),
                    f"nazwa „{ladder.name_pl}” to id innego poziomu tego dostawcy; "
                    "nadaj inną nazwę",
                )
            )
    return errors


def _ladder(
    doc: YamlDoc, at: tuple[str | int, ...], ladder: SeverityLadder, supplier: Supplier
) -> list[InputError]:
    errors = []
    if not any(step.allowed and step.after is not None for step in ladder.steps):
        errors.append(
            doc.error(
                (*at, "steps"), "drabina musi mieć co najmniej jeden dozwolony krok z „after”"
            )
        )
    for k, step in enumerate(ladder.steps):
        if step.allowed and step.after is None:
            errors.append(
                doc.error(
                    (*at, "steps", k),
                    "dozwolony krok musi mieć „after” (czas od zgłoszenia, np. „0 h”)",
                )
            )
    sla_ids = [f.id for f in supplier.sla]
    for k, sla_id in enumerate(ladder.expect):
        if sla_id not in sla_ids:
            errors.append(
                doc.error(
                    (*at, "expect", k),
                    f"nieznany wskaźnik SLA „{sla_id}”.{did_you_mean(sla_id, sla_ids)} "
                    f"Wskaźniki tego dostawcy: {', '.join(sla_ids) or 'brak'}",
                )
            )
        elif supplier.sla_figure(sla_id).max is None:
            errors.append(
                doc.error((*at, "expect", k), f"wskaźnik SLA „{sla_id}” nie ma czasu „max”")
            )
    return errors
