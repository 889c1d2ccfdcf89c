"""spelling: each part against its own language's dictionary, plus the project vocabulary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.lint import datafiles
from komunikat.lint.engines import EngineSet, hunspell
from komunikat.lint.model import Context, Document, Finding
from komunikat.lint.rules import spelling
from komunikat.lint.sourcemap import document_from_template

ROOT = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(ROOT)


def check(
    make_doc: Callable[..., Document], ctx: Context, text: str, **kw: object
) -> list[Finding]:
    return list(spelling.check(make_doc(text, **kw), spelling.DEFAULTS, ctx))


def flagged(make_doc: Callable[..., Document], ctx: Context, text: str, **kw: object) -> list[str]:
    return [f.text for f in check(make_doc, ctx, text, **kw)]


def polish(body: str) -> str:
    return f"Dzień dobry,\n\n{body}\n\nZ poważaniem,\n"


def english(body: str) -> str:
    return f"Hello,\n\n{body}\n\nKind regards,\n"


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("Upzejmie", "Uprzejmie"),
        ("powaaniem", "poważaniem"),
        ("zaistniaaych", "zaistniałych"),
        ("kolejgowane", None),  # Hunspell offers no close correction („kolejkowanie” …)
    ],
)
def test_seed_misspellings_in_a_polish_part_are_found_with_hunspells_suggestion(
    make_doc: Callable[..., Document], ctx: Context, word: str, suggestion: str | None
) -> None:
    text = polish(
        "Upzejmie informujemy, że wiadomości zostały kolejgowane "
        "z powodu zaistniaaych problemów.\nZ powaaniem"
    )
    found = {f.text: f for f in check(make_doc, ctx, text, lang="pl")}
    assert word in found
    assert f"„{word}”" in found[word].message
    assert len(found[word].suggestions) <= 5
    if suggestion:
        assert suggestion in found[word].suggestions


@pytest.mark.parametrize(
    ("origin", "says", "never"),
    [
        ("message", "jeśli to poprawna nazwa własna, zostaw — redaktor może dodać słowo", "data/"),
        ("template", f"poprawną nazwę dopisz do {datafiles.ACCEPT_FILE}", "redaktor"),
    ],
)
def test_the_fix_is_told_to_the_operator_of_a_message_and_to_the_editor_of_a_template(
    make_doc: Callable[..., Document], ctx: Context, origin: str, says: str, never: str
) -> None:
    doc = make_doc(polish("Upzejmie informujemy o pracach."), lang="pl")
    doc.origin = origin
    [finding] = spelling.check(doc, spelling.DEFAULTS, ctx)
    assert finding.message.startswith("nieznane słowo „Upzejmie” w części polskiej; popraw")
    assert says in finding.message
    assert never not in finding.message


def test_a_polish_word_in_an_english_part_is_an_error(
    make_doc: Callable[..., Document], ctx: Context
) -> None:
    found = check(make_doc, ctx, english("The serwis has been restored."), lang="en")
    assert [f.text for f in found] == ["serwis"]
    assert "słowo polskie" in found[0].message


@pytest.mark.parametrize(
    "body",
    [
        "serwer partnera zwraca błąd Gateway Timeout.",
        "usługa DirectBilling i DirectPay działają, zgłoszenie w Jirze.",
        "ruch z bramki UCPGW i CCGW wrócił, XCG także.",
        "komunikaty z Nagios i DOTCOM-MONITOR ucichły.",
        "wiadomości są kolejkowane.",
        "Kolejkowane wiadomości zostaną dostarczone.",
    ],
)
def test_english_terms_and_project_vocabulary_pass_in_a_polish_part(
    make_doc: Callable[..., Document], ctx: Context, body: str
) -> None:
    assert flagged(make_doc, ctx, polish(body), lang="pl") == []


@pytest.mark.parametrize(
    "body",
    [
        "Please contact Katarzyna Wczyrsa or Marcin Chadzynski.",
        "The MPS Konkurs Zimowy service is available again.",
        "Traffic from Teleaudio2 and T-Mobile is back to normal.",
    ],
)
def test_names_from_data_and_polish_names_inside_a_sentence_pass_in_an_english_part(
    make_doc: Callable[..., Document], ctx: Context, body: str
) -> None:
    assert flagged(make_doc, ctx, english(body), lang="en") == []


@pytest.mark.parametrize(
    "body",
    [
        "Adres: https://api.example.com/sms/callback?id=abcdefgh",
        "Pisz na jan.kowalsky@exmple.com lub helpline@digitalvirgo.pl.",
        "Adres 192.0.2.10:5016, sieć 10.0.0.0/8, [2001:db8::1]:443 i fe80::1.",
        "Zgłoszenie HL-123456 i kontakt CRM-744.",
        "Od 15.12.2026 22:00 CET do 2026-12-16T02:00:00.",
        "Konto DV_PREMIUM, plik gw_errs.log, komenda `grpc_cli ls`.",
        "$ curl -v https://api.example.com/xqzt",
    ],
)
def test_addresses_ids_dates_and_code_are_not_spell_checked(
    make_doc: Callable[..., Document], ctx: Context, body: str
) -> None:
    assert flagged(make_doc, ctx, polish(body), lang="pl") == []


def test_output_pasted_after_a_label_is_not_spell_checked(
    make_doc: Callable[..., Document], ctx: Context
) -> None:
    text = polish("Zwracany błąd:\nERR_CONN_RFSD: conection refusd by peer\n\nProsimy o pomoc.")
    assert flagged(make_doc, ctx, text, lang="pl") == []


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Prace planowanne | Planned maintenance - OPEN [HL-123456]", ["planowanne"]),
        ("Prace planowane | Planned maintenanse - OPEN [HL-123456]", ["maintenanse"]),
        ("Prace planowane | Prace planowane - OPEN [HL-123456]", ["Prace", "planowane"]),
        ("Prace planowane | Planned maintenance - OPEN [HL-123456]", []),
    ],
)
def test_a_notice_subject_is_checked_half_polish_half_english(
    make_doc: Callable[..., Document], ctx: Context, subject: str, expected: list[str]
) -> None:
    text = f"Subject: {subject}\n\nDear customer,\n\nThe work starts.\n\n-----\nSzanowni Państwo,\n\nprace.\n"
    found = check(make_doc, ctx, text)
    assert [f.text for f in found] == expected
    assert all(f.index == 0 for f in found)
    line = make_doc(text).lines[0].text
    assert all(line[f.column :].startswith(f.text) for f in found)


def test_footer_and_quoted_mails_are_not_checked(
    make_doc: Callable[..., Document], ctx: Context
) -> None:
    snapshot = (ROOT / "tests/snapshots/dv-maintenance-close.txt").read_text(encoding="utf-8")
    text = snapshot + "\nTo jst stary cytat z błędmi.\n"
    assert flagged(make_doc, ctx, text) == []


def test_finding_points_at_the_word(make_doc: Callable[..., Document], ctx: Context) -> None:
    text = polish("Wszystko działa, Upzejmie dziękujemy.")
    doc = make_doc(text, lang="pl")
    [finding] = spelling.check(doc, spelling.DEFAULTS, ctx)
    assert doc.lines[finding.index].text[finding.column :].startswith("Upzejmie")


def test_phone_scripts_are_checked_too(make_doc: Callable[..., Document], ctx: Context) -> None:
    text = "Digital Virgo, Mikołaj Klimek przy telefonei, w czym mogę pomóc?\n"
    assert flagged(make_doc, ctx, text, lang="pl", channel="phone") == ["telefonei"]


def test_a_missing_dictionary_is_reported_and_its_language_not_checked(
    make_doc: Callable[..., Document], catalog: Catalog, tmp_path: Path
) -> None:
    speller, status = hunspell.load("pl", tmp_path)
    engines = EngineSet(statuses=[status])
    english_speller, english_status = hunspell.load("en")
    assert speller is None and english_speller is not None
    engines.statuses.append(english_status)
    engines.spellers["en"] = english_speller
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    assert check(make_doc, ctx, polish("Upzejmie informujemy."), lang="pl") == []
    assert [f.text for f in check(make_doc, ctx, english("The serwis works."), lang="en")] == [
        "serwis"
    ]
    assert engines.report()["hunspell"]["pl"]["status"] == "unavailable"
    assert any("hunspell-pl" in line and "NIE DZIAŁA" in line for line in engines.summary())


def test_without_any_spelling_engine_the_rule_leaves_a_note(
    make_doc: Callable[..., Document], catalog: Catalog
) -> None:
    ctx = Context(data=catalog.data, engines=EngineSet(), root=ROOT)
    assert check(make_doc, ctx, polish("Upzejmie informujemy."), lang="pl") == []
    assert any("pisownia PL nie została sprawdzona" in note for note in ctx.notes)


@pytest.mark.parametrize(
    ("lines", "word", "accepted"),
    [
        (["DirectBilling"], "DirectBilling", True),
        (["DirectBilling"], "DIRECTBILLING", True),
        (["DirectBilling"], "Directbilling", False),
        (["kolejkowane"], "Kolejkowane", True),
        (["Virgin Mobile"], "Virgin", True),
        (["DOTCOM-MONITOR"], "MONITOR", True),
    ],
)
def test_vocabulary_terms_keep_their_capitals_unless_written_in_lower_case(
    lines: list[str], word: str, accepted: bool
) -> None:
    vocabulary = spelling.make_vocabulary(spelling.split_terms(lines))
    assert vocabulary.accepts(word) is accepted


def test_accept_file_names_its_sources_and_holds_the_issues_terms() -> None:
    text = (ROOT / datafiles.ACCEPT_FILE).read_text(encoding="utf-8")
    assert text.startswith("#") and "Sources:" in text
    terms = set(datafiles.accept_lines(ROOT))
    for term in ("DirectBilling", "DirectPay", "MPS", "CRM", "HL", "DNiU", "Digital Virgo"):
        assert term in terms
    for term in ("Jira", "Funskan", "Teleaudio2", "UCPGW", "CCGW", "XCG", "Nagios"):
        assert term in terms
    for term in ("DOTCOM-MONITOR", "Oracle", "Docker Hub"):
        assert term in terms


def cases() -> list[tuple[str, str | None, str | None]]:
    return CATALOG.renderings(sample_operator=True)


@pytest.mark.parametrize(("template_id", "lang", "operator"), cases())
def test_every_shipped_template_is_spelt_right(
    catalog: Catalog, ctx: Context, template_id: str, lang: str | None, operator: str | None
) -> None:
    doc = document_from_template(catalog, catalog.get(template_id), lang=lang, operator=operator)
    assert [f.message for f in spelling.check(doc, spelling.DEFAULTS, ctx)] == []
