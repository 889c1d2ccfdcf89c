"""Every template renders with its sample values; the output is a reviewed snapshot.

Set KOMUNIKAT_UPDATE_SNAPSHOTS=1 to rewrite the snapshots, then review the
diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.render import QUOTE_SEPARATOR

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).parent / "snapshots"
CATALOG = load_catalog(ROOT)


def cases() -> list[tuple[str, str | None, str | None]]:
    return CATALOG.renderings(sample_operator=True)


def snapshot_name(template_id: str, lang: str | None, operator: str | None) -> str:
    return ".".join(p for p in (template_id, lang, operator and operator.lower()) if p) + ".txt"


@pytest.mark.parametrize(("template_id", "lang", "operator"), cases())
def test_template_renders_its_samples_in_the_strict_environment(
    catalog: Catalog, template_id: str, lang: str | None, operator: str | None
) -> None:
    spec = catalog.get(template_id)
    message = catalog.render_sample(spec, lang=lang, operator=operator)
    assert "⟦" not in message.as_text()
    assert message.body.endswith("\n") and not message.body.endswith("\n\n")
    if spec.channel == "email":
        assert message.subject and "\n" not in message.subject
    if operator:
        assert (
            f"Operator: {operator}" in message.body
            or operator.title() in message.body
            or (catalog.data.operator(operator).name in message.body)
        )
    if operator is None:
        path = SNAPSHOTS / snapshot_name(template_id, lang, operator)
        text = message.as_text()
        if os.environ.get("KOMUNIKAT_UPDATE_SNAPSHOTS") or not path.exists():
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"snapshot {path.name} differs"


def test_every_snapshot_belongs_to_a_rendering() -> None:
    expected = {snapshot_name(t, lang, None) for t, lang, op in cases() if op is None}
    present = {p.name for p in SNAPSHOTS.glob("*.txt")}
    assert present == expected


@pytest.mark.parametrize(
    "template_id", [s.id for s in CATALOG if s.phase in ("CLOSE", "PROLONGATION")]
)
def test_close_and_prolongation_quote_the_open_notice_below_the_new_text(
    catalog: Catalog, template_id: str
) -> None:
    message = catalog.render_sample(catalog.get(template_id))
    new_text, _, quoted = message.body.partition(QUOTE_SEPARATOR)
    assert "- OPEN [HL-" in quoted
    assert "- OPEN [HL-" not in new_text


def test_mass_notices_put_english_first_then_separator_then_polish(catalog: Catalog) -> None:
    for spec in catalog:
        if not spec.is_mass_notice:
            continue
        body = catalog.render_sample(spec).body.split(QUOTE_SEPARATOR)[0]
        english, separator, polish = body.partition("\n-----\n")
        assert separator, spec.id
        assert english.startswith("Dear customer,"), spec.id
        assert polish.startswith("Szanowni Państwo,"), spec.id
        assert body.count("IT Operator") == 1, f"{spec.id}: one signature"


def test_every_email_template_ends_with_the_shared_footer(catalog: Catalog) -> None:
    footer = [
        "IT Operator",
        "Maintenance Division",
        "IT and Operations Department",
        "M: +48 503 208 168",
        "T: +48 22 312 1111",
        "e-mail: helpline@digitalvirgo.pl",
        "Digital Virgo S.A.",
        "ul. Inflancka 4, 00-189 Warszawa",
    ]
    for spec in catalog:
        if spec.channel != "email":
            continue
        for lang in spec.languages if spec.layout == "single" else [None]:
            body = catalog.render_sample(spec, lang=lang).body.split(QUOTE_SEPARATOR)[0]
            lines = body.rstrip("\n").split("\n")
            start = lines.index("IT Operator")
            assert lines[start : start + len(footer)] == footer, spec.id
            assert lines[start - 1] == "Jan Kowalski"


def test_no_template_repeats_footer_text(root: Path) -> None:
    for path in (root / "templates").glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        for fragment in ("Maintenance Division", "Inflancka", "helpline@", "503 208 168"):
            assert fragment not in text, f"{path.name} repeats {fragment!r}; use the partial"


@pytest.mark.parametrize(
    ("template_id", "zones"),
    [
        ("dv-maintenance-open", ["15.12.2026 22:00 CET", "16.12.2026 02:00 CET"]),
        ("operator-maintenance-open", ["14.07.2027 23:00 CEST", "15.07.2027 03:00 CEST"]),
        ("dv-outage-open", ["29.03.2026 03:15 CEST"]),
        ("operator-outage-close", ["25.10.2026 01:50 CEST", "25.10.2026 04:10 CET"]),
    ],
)
def test_english_part_names_the_zone_in_force_and_polish_part_does_not(
    catalog: Catalog, template_id: str, zones: list[str]
) -> None:
    body = catalog.render_sample(catalog.get(template_id)).body.split(QUOTE_SEPARATOR)[0]
    english, _, polish = body.partition("\n-----\n")
    for stamp in zones:
        assert stamp in english
        assert stamp.rsplit(" ", 1)[0] in polish and stamp not in polish


def test_the_orange_report_subject_carries_the_prefix_for_the_service(catalog: Catalog) -> None:
    spec = catalog.get("operator-problem-report")
    cases = {"sms-premium": "UCPGW: ", "directbilling": "CCGW: ", "mt-messaging": "MT: ", "mps": ""}
    for service, prefix in cases.items():
        values = {**catalog.sample_values(spec), "service": service}
        subject = catalog.render(spec, values).subject or ""
        assert subject.startswith(prefix + "Brak"), (service, subject)


@pytest.mark.parametrize(
    ("operator", "service", "extra_cc"),
    [
        ("PLAY", "sms-premium", []),
        ("T-MOBILE", "directbilling", ["CRM-2800 T-Mobile Biznes Kontakt Direct Billing"]),
        ("T-MOBILE", "sms-premium", []),
    ],
)
def test_operator_report_copies_the_business_contact_and_the_operators_cc_rules(
    catalog: Catalog, operator: str, service: str, extra_cc: list[str]
) -> None:
    spec = catalog.get("operator-problem-report")
    values = {**catalog.sample_values(spec), "operator": operator, "service": service}
    names = [c["name"] for c in catalog.render(spec, values).cc]
    assert names == ["Katarzyna Wczyrsa", *extra_cc]


def test_plus_funskan_reports_copy_the_funskan_contact(catalog: Catalog) -> None:
    spec = catalog.get("operator-problem-report")
    values = {
        **catalog.sample_values(spec),
        "operator": "PLUS",
        "summary": "Numer LA 2404 – brak ruchu w usłudze Funskan",
    }
    names = [c["name"] for c in catalog.render(spec, values).cc]
    assert "CRM-2503 FUNSKAN - kontakty do Plusa" in names
