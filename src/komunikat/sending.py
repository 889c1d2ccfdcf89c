"""When a notice may go out, and whom it copies in: DNiU's sending rules.

A maintenance notice goes out the agreed number of full days before the works
(``lead_time_days`` in the template's front matter; a warning, the date is
agreed with the head of DNiU); a report to a Polish operator copies in the
internal contacts marked ``cc_on: operator-mail`` in ``data/contacts.yml`` and
those of the operator's CC rules (``data/operators.yml``). Like
:mod:`komunikat.notices`, it reads only the variables of
:data:`komunikat.notices.READS`, by those names.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .i18n import count
from .notices import OPERATOR, SERVICE, SERVICES, START
from .spec import TemplateSpec
from .values import OperatorValue
from .warsaw import LocalTime


def lead_time_warnings(
    spec: TemplateSpec, values: Mapping[str, Any], now: datetime | None
) -> list[str]:
    start = values.get(START)
    if spec.lead_time_days is None or not isinstance(start, LocalTime):
        return []
    if now is None:
        return []
    sent = now.astimezone(start.moment.tzinfo)
    full_days = (start.moment.date() - sent.date()).days - 1
    if full_days >= spec.lead_time_days:
        return []
    return [
        f"prace zaczynają się {start}, a do tego czasu "
        f"{count('%(n)d full day is left', '%(n)d full days are left', max(full_days, 0))}; "
        "zawiadomienie trzeba wysłać najpóźniej "
        f"{count('%(n)d full day', '%(n)d full days', spec.lead_time_days)} przed pracami "
        "— uzgodnij termin z kierownikiem DNiU"
    ]


def cc_list(
    spec: TemplateSpec, values: Mapping[str, Any], context: Mapping[str, Any]
) -> list[dict[str, Any]]:
    operator = values.get(OPERATOR)
    if spec.scope != "operator" or spec.kind != "report" or not isinstance(operator, OperatorValue):
        return []
    found: list[dict[str, Any]] = [
        {"name": c["name"], "email": c.get("email"), "note": c["role_pl"]}
        for c in context["contacts"]["internal"]
        if c.get("cc_on") == "operator-mail"
    ]
    text = " ".join(str(v) for v in values.values() if isinstance(v, str))
    services = values.get(SERVICE) or values.get(SERVICES) or ()
    for contact in operator.cc_contacts(services, text):
        found.append(
            {
                "name": f"{contact['crm']} {contact['title']}",
                "email": contact.get("email"),
                "note": "reguła DW operatora",
            }
        )
    return found
