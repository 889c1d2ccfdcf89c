"""closing, footer, placeholder, subject, quote, language: table-driven cases on real messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context
from komunikat.lint.rules import closing, footer, language, placeholder, quote, subject

SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots"


def messages(rule, text: str, ctx: Context) -> list[str]:  # type: ignore[no-untyped-def]
    doc = document_from_text(text)
    if not rule.applies(doc):
        return []
    return [f.message for f in rule.check(doc, rule.DEFAULTS, ctx)]


def snapshot(name: str) -> str:
    return (SNAPSHOTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(p.name for p in SNAPSHOTS.glob("*.txt")))
@pytest.mark.parametrize(
    "rule", [closing, footer, placeholder, subject, quote, language], ids=lambda r: r.ID
)
def test_shipped_renderings_pass_every_structural_rule(rule, name: str, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    doc_text = snapshot(name)
    channel = "phone" if name.startswith("phone-") else "email"
    doc = document_from_text(doc_text, channel=channel)
    found = list(rule.check(doc, rule.DEFAULTS, ctx)) if rule.applies(doc) else []
    assert found == []


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("Z poważaniem,\n", "", "brak zwrotu grzecznościowego"),
        ("Z poważaniem,", "Z powaaniem,", "czy chodziło o „Z poważaniem,”"),
        ("Z poważaniem,", "Kind regards,", "w innym języku"),
    ],
)
def test_closing_is_required_in_the_right_language(
    old: str, new: str, says: str, ctx: Context
) -> None:
    text = snapshot("ticket-accepted.pl.txt").replace(old, new)
    assert any(says in m for m in messages(closing, text, ctx))


def test_each_part_of_a_bilingual_notice_ends_with_a_closing(ctx: Context) -> None:
    text = snapshot("dv-outage-open.txt").replace("Kind regards,\n", "")
    assert any("brak zwrotu" in m for m in messages(closing, text, ctx))


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "helpline@digitalvirgo.pl",
            "help@digitalvirgo.pl",
            "powinno być „e-mail: helpline@digitalvirgo.pl”",
        ),
        ("Jan Kowalski\n", "", "brak imienia i nazwiska nadawcy"),
        ("Jan Kowalski\n", "&^\n", "brak imienia i nazwiska nadawcy"),
        ("Maintenance Division\n", "", "powinno być „Maintenance Division”"),
        ("IT Operator\n", "", "brak stopki firmowej"),
    ],
)
def test_footer_must_be_the_one_from_contacts(old: str, new: str, says: str, ctx: Context) -> None:
    text = snapshot("ticket-accepted.en.txt").replace(old, new)
    assert any(says in m for m in messages(footer, text, ctx))


def test_footer_tolerates_blank_lines_pasted_from_html_mail(ctx: Context) -> None:
    text = snapshot("ticket-accepted.pl.txt")
    head, _, tail = text.partition("IT Operator")
    spaced = head + "IT Operator" + tail.replace("\n", "\n\n")
    assert messages(footer, spaced, ctx) == []


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Start date: &^dd.mm.yyyy hh:mm CET / CEST", ["&^", "dd.mm.yyyy", "hh:mm", "CET / CEST"]),
        ("Operator: &^ORANGE / T-MOBILE / PLAY / PLUS", ["&^", "ORANGE / T-MOBILE / PLAY / PLUS"]),
        (
            "Services: SMS Premium / MT Subscriptions / MPS / DirectBilling / WWW",
            ["SMS Premium / MT Subscriptions / MPS / DirectBilling / WWW"],
        ),
        ("zarejestrowane pod nr HL-&^PKEY.", ["&^", "PKEY"]),
        ("Zgłoszenie HL-xxxxxx", ["HL-xxxxxx"]),
        ("Start: {{ start.en }}", ["{{ start.en }}"]),
        ("{% if error %}", ["{% if error %}"]),
        ("TODO: uzupełnić", ["TODO"]),
        ("czy mam przyjemność z xxxxxxxxxx?", ["xxxxxxxxxx"]),
        ("Awaria systemów <nazwa systemu> powoduje straty", ["<nazwa systemu>"]),
        ("Czas: ⟦Czas rozpoczęcia⟧", ["⟦Czas rozpoczęcia⟧"]),
    ],
)
def test_placeholders_left_unfilled_are_found(line: str, found: list[str], ctx: Context) -> None:
    doc = document_from_text(f"Dzień dobry,\n\n{line}\n")
    texts = [f.text for f in placeholder.check(doc, {}, ctx)]
    assert texts == found


@pytest.mark.parametrize(
    "line",
    [
        "Start date: 15.12.2026 22:00 CET",
        "Operator: ORANGE",
        "Services: SMS Premium, MPS",
        "Zgłoszenie HL-123456 przyjęte.",
        "Adres: https://example.com/a/b?x=1",
        "Usługi: SMS Premium / MMS",
    ],
)
def test_filled_lines_are_not_placeholders(line: str, ctx: Context) -> None:
    doc = document_from_text(f"Dzień dobry,\n\n{line}\n")
    assert list(placeholder.check(doc, {}, ctx)) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            ("Prace planowane | Planned maintenance", "Prace planowane   Planned maintenance"),
            "musi mieć postać",
        ),
        (("- OPEN [HL-123456]", "- OPEN [HL-xxxxxx]"), "niewypełniony numer HL"),
        (("Prace planowane | Planned maintenance", "Prace | Works"), "nieznany tytuł"),
        (
            (
                "Prace planowane | Planned maintenance",
                "Awaria w Digital Virgo | Digital Virgo outage",
            ),
            "nie pasuje do rodzaju",
        ),
    ],
)
def test_notice_subjects_follow_the_pattern(
    change: tuple[str, str], says: str, ctx: Context
) -> None:
    text = snapshot("dv-maintenance-open.txt").replace(*change)
    found = messages(subject, text, ctx)
    if "nie pasuje" in says:
        from komunikat.catalog import load_catalog
        from komunikat.lint.messages import document_from_text as make

        spec = load_catalog(Path(__file__).resolve().parents[3]).get("dv-maintenance-open")
        doc = make(text, template=spec)
        found = [f.message for f in subject.check(doc, {}, ctx)]
    assert any(says in m for m in found), found


def test_a_close_body_under_an_open_subject_is_reported(ctx: Context) -> None:
    text = snapshot("dv-outage-close.txt").replace("- CLOSE [HL-", "- OPEN [HL-", 1)
    assert any("treść wskazuje na CLOSE" in m for m in messages(subject, text, ctx))


def test_subject_and_body_must_name_the_same_hl(ctx: Context) -> None:
    text = snapshot("dv-outage-open.txt").replace("[HL-123458]", "[HL-999999]", 1)
    text = text.replace("Start date:", "Reference: HL-123458\nStart date:", 1)
    assert any("różni się od numeru w treści" in m for m in messages(subject, text, ctx))


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda t: t.split("\n----- Poprzednia")[0] + "\n", "musi zawierać pod nową treścią"),
        (lambda t: t.replace("- OPEN [HL-123458]", "- OPEN [HL-111111]"), "dotyczy HL-111111"),
        (
            lambda t: t.replace(
                "Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123458]\n", ""
            ),
            "brak zawiadomienia OPEN",
        ),
    ],
)
def test_close_notices_quote_the_open_notice_of_the_same_hl(
    mutate, says: str, ctx: Context
) -> None:  # type: ignore[no-untyped-def]
    text = mutate(snapshot("dv-outage-close.txt"))
    assert any(says in m for m in messages(quote, text, ctx))


def test_open_notices_need_no_quote(ctx: Context) -> None:
    assert messages(quote, snapshot("dv-outage-open.txt"), ctx) == []


def test_a_mass_notice_in_polish_only_misses_its_english_part(ctx: Context) -> None:
    text = snapshot("dv-outage-open.txt")
    head, _, polish = text.partition("Dear customer,")
    polish_only = head + polish.split("-----\n", 1)[1]
    assert any("wersji angielskiej" in m for m in messages(language, polish_only, ctx))


def test_polish_before_english_is_reported(ctx: Context) -> None:
    text = snapshot("dv-outage-open.txt")
    head, _, rest = text.partition("Dear customer,")
    english, _, polish = ("Dear customer," + rest).partition("\n-----\n")
    body_pl, _, signature = polish.partition("Z poważaniem,\n")
    swapped = head + body_pl + "Z poważaniem,\n\n-----\n" + english + "\n" + signature
    assert any("angielska ma być pierwsza" in m for m in messages(language, swapped, ctx))


def test_catalog_fixture_is_the_real_one(catalog: Catalog) -> None:
    assert "dv-outage-open" in catalog.templates
