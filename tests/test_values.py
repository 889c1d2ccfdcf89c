"""Typed values: what operators may type for each kind of field."""

from __future__ import annotations

import pytest

from komunikat.catalog import Catalog
from komunikat.render import RenderError


def render_with(catalog: Catalog, template_id: str, **changes: object) -> str:
    spec = catalog.get(template_id)
    values = {**catalog.sample_values(spec), **changes}
    for name, value in changes.items():
        if value is None:
            values.pop(name)
    return catalog.render(spec, values, previous=catalog.sample_previous(spec)).as_text()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("HL-123456", "[HL-123456]"),
        ("123456", "[HL-123456]"),
        ("hl-98765", "[HL-98765]"),
        ("HL 123456", "[HL-123456]"),
    ],
)
def test_hl_numbers_are_normalised(catalog: Catalog, typed: str, shown: str) -> None:
    assert shown in render_with(catalog, "dv-outage-open", hl=typed)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"hl": "HL-xxxxxx"}, "nie jest numerem HL"),
        ({"hl": "12"}, "nie jest numerem HL"),
        ({"operator": "ORANGEE"}, "Czy chodziło o „ORANGE”"),
        ({"operator": "Virgin Mobile"}, "nieznany operator"),
        ({"services": ["sms-premum"]}, "Czy chodziło o „sms-premium”"),
        ({"services": ["www"]}, "nieznana usługa „www”"),
        ({"services": []}, "brak wymaganych wartości: services"),
        ({"start": "dd.mm.yyyy hh:mm"}, "wpisz w formacie"),
        ({"end": "14.07.2027 22:00"}, "musi być późniejszy"),
        ({"sender": "&^"}, "nie wygląda na imię i nazwisko"),
        ({"sender": None}, "brak wymaganych wartości: sender"),
        ({"statr": "14.07.2027 22:00"}, "Czy chodziło o „start”"),
    ],
)
def test_wrong_or_missing_values_are_refused_with_the_fix(
    catalog: Catalog, change: dict[str, object], says: str
) -> None:
    with pytest.raises(RenderError) as caught:
        render_with(catalog, "operator-maintenance-open", **change)
    assert says in str(caught.value)


def test_all_missing_values_are_listed_at_once(catalog: Catalog) -> None:
    spec = catalog.get("dv-maintenance-open")
    with pytest.raises(RenderError) as caught:
        catalog.render(spec, {})
    first = caught.value.problems[0]
    for name in ("hl", "start", "end", "services", "sender"):
        assert name in first


def test_services_accept_ids_and_labels_in_any_case_and_print_in_vocabulary_order(
    catalog: Catalog,
) -> None:
    text = render_with(catalog, "dv-outage-open", services=["www", "SMS premium", "Subskrypcje MT"])
    assert "Services: SMS Premium, MT Subscriptions, WWW" in text
    assert "Niedostępne usługi: SMS Premium, Subskrypcje MT, WWW" in text


def test_operators_may_be_named_by_name_or_code(catalog: Catalog) -> None:
    assert "Operator: T-MOBILE" in render_with(catalog, "operator-outage-open", operator="T-Mobile")


def test_a_preview_highlights_missing_values_instead_of_failing(catalog: Catalog) -> None:
    spec = catalog.get("dv-outage-open")
    message = catalog.render(spec, {"hl": "HL-1234"}, preview=True)
    assert "⟦Czas rozpoczęcia awarii⟧" in message.body
    assert message.missing == ["start", "services", "sender"]


def test_a_preview_still_refuses_malformed_values(catalog: Catalog) -> None:
    spec = catalog.get("dv-outage-open")
    with pytest.raises(RenderError, match="nie jest numerem HL"):
        catalog.render(spec, {"hl": "HL-xx"}, preview=True)


def test_dv_maintenance_announced_less_than_three_full_days_ahead_warns(catalog: Catalog) -> None:
    from komunikat.warsaw import parse_local

    spec = catalog.get("dv-maintenance-open")
    values = catalog.sample_values(spec)  # starts 15.12.2026 22:00
    early = catalog.render(spec, values, now=parse_local("11.12.2026 23:59").moment)
    late = catalog.render(spec, values, now=parse_local("12.12.2026 08:00").moment)
    assert early.warnings == []
    assert "3 pełne dni" in late.warnings[0]


def test_memo_gives_the_parsed_value_and_never_hides_a_bad_one(catalog: Catalog) -> None:
    from komunikat.values import ValueProblem
    from komunikat.vartypes import CoerceMemo

    memo = CoerceMemo()
    start = catalog.get("dv-outage-open").variable("start")
    context = catalog.context
    first = memo(start, "29.03.2026 03:15", context)
    assert memo(start, "29.03.2026 03:15", context) is first
    assert first.en == "29.03.2026 03:15 CEST"
    for _ in range(2):  # a bad value is reported every time, not remembered
        with pytest.raises(ValueProblem):
            memo(start, "31.02.2026 03:15", context)
    # another data context starts afresh
    assert memo(start, "29.03.2026 03:15", dict(context)) is not first
