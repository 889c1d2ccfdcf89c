"""style: the house style from data/lint/style/ — exact spans, replacements and levels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context, Document
from komunikat.lint.rules import style
from komunikat.lint.rules.style import StyleFinding
from komunikat.lint.sourcemap import document_from_template
from komunikat.lint.stylebook import StyleRule, load_stylebook
from komunikat.problems import Severity

ROOT = Path(__file__).resolve().parents[3]
BOOK = load_stylebook(ROOT)
CATALOG = load_catalog(ROOT)


def run(ctx: Context, doc: Document, **options: object) -> list[StyleFinding]:
    found = list(style.check(doc, {**style.DEFAULTS, **options}, ctx))
    assert all(isinstance(f, StyleFinding) for f in found)
    return found  # type: ignore[return-value]


def example_doc(rule: StyleRule, text: str) -> Document:
    """A one-line example placed where the rule looks: subject or body, its language and kind."""
    spec = rule.spec
    lang = None if spec.language == "any" else spec.language
    if spec.scope == "subject":
        doc = document_from_text(f"Subject: {text}\n\nDzień dobry,\n", lang=lang or "pl")
    else:
        doc = document_from_text(text + "\n", lang=lang or "pl")
    if spec.kinds:
        doc.kind = spec.kinds[0]
    return doc


def examples(which: str) -> list[tuple[str, str]]:
    cases = []
    for rule in BOOK.rules:
        texts = rule.spec.examples.fail if which == "fail" else rule.spec.examples.pass_
        cases += [(rule.id, text) for text in texts]
    return cases


@pytest.mark.parametrize(("rule_id", "text"), examples("fail"))
def test_every_fail_example_of_a_style_rule_is_flagged_by_that_rule(
    ctx: Context, rule_id: str, text: str
) -> None:
    rule = next(r for r in BOOK.rules if r.id == rule_id)
    assert rule_id in {f.style_id for f in run(ctx, example_doc(rule, text))}


@pytest.mark.parametrize(("rule_id", "text"), examples("pass"))
def test_every_pass_example_of_a_style_rule_is_left_alone_by_that_rule(
    ctx: Context, rule_id: str, text: str
) -> None:
    rule = next(r for r in BOOK.rules if r.id == rule_id)
    assert rule_id not in {f.style_id for f in run(ctx, example_doc(rule, text))}


@pytest.mark.parametrize(
    ("text", "lang", "flagged", "suggestion"),
    [
        # diacritics lost where the result is still a word Hunspell accepts
        (
            "Szanowni Pastwo,\n\nuprzejmie informujemy o pracach.\n",
            "pl",
            "Szanowni Pastwo,",
            "Szanowni Państwo,",
        ),
        ("Prosimy o kontakt, gdyby mieli Pastwo pytania.\n", "pl", "Pastwo", "Państwo"),
        ("Powiadomimy Pastwa w oddzielnej korespondencji.\n", "pl", "Pastwa", "Państwa"),
        ("Prześlemy je Pastwu jak najszybciej.\n", "pl", "Pastwu", "Państwu"),
        ("Uprzejmie informujemy o pracach, jakie bd prowadzone.\n", "pl", "bd", "będą"),
        ("Informujemy, e z przyczyn technicznych prace się przedłużą.\n", "pl", "e", "że"),
        ("Prace mogą si przedłużyć.\n", "pl", "si", "się"),
        ("W razie jakichkolwiek pyta prosimy o kontakt.\n", "pl", "pyta", "pytań"),
        (
            "Uprzejmie informujemy o pracach planowych.\n",
            "pl",
            "pracach planowych",
            "pracach planowanych",
        ),
        ("Informujemy o zakończeniu prac planowych.\n", "pl", "prac planowych", "prac planowanych"),
        # mangled forms from seed 000 with their exact correction
        ("Usugi: SMS Premium\n", "pl", "Usugi", "Usługi"),
        ("Wszystkie wiadomoci zostaną dostarczone.\n", "pl", "wiadomoci", "wiadomości"),
        ("Zostaną dostarczone po zakoczeniu prac.\n", "pl", "zakoczeniu", "zakończeniu"),
        ("Z powaaniem,\n", "pl", "powaaniem", "poważaniem"),
        ("Dzie Dobry\n\nzgłoszenie zostało przyjęte.\n", "pl", "Dzie Dobry", "Dzień dobry"),
        ("Dzień Dobry,\n\nzgłoszenie zostało przyjęte.\n", "pl", "Dzień Dobry", "Dzień dobry"),
        (
            "Przepraszamy za jakiegokolwiek niedogodności.\n",
            "pl",
            "za jakiegokolwiek niedogodności",
            "za wszelkie niedogodności",
        ),
        # the seed's English
        (
            "We kindly inform you that the maintenance had been finished.\n",
            "en",
            "had been finished",
            "has been completed",
        ),
        ("If you have any questions, please contact You.\n", "en", "You", "you"),
        (
            "We would like to inform you, that we are experiencing problems.\n",
            "en",
            "inform you, that",
            "inform you that",
        ),
        # familiar wording
        ("Dziękujemy za informację, pozdro\n", "pl", "pozdro", "pozdrawiam"),
        ("Pzdr\n", "pl", "Pzdr", "Pozdrawiam"),
        ("thx for the logs\n", "en", "thx", "thank you"),
        ("Thanks! We will check it.\n", "en", "Thanks!", "Thank you"),
        ("Please fix it ASAP.\n", "en", "ASAP", "as soon as possible"),
        ("Prosimy o poprawkę ASAP.\n", "pl", "ASAP", "jak najszybciej"),
    ],
)
def test_seed_defects_are_flagged_with_the_exact_words_and_their_replacement(
    ctx: Context, text: str, lang: str, flagged: str, suggestion: str
) -> None:
    found = run(ctx, document_from_text(text, lang=lang))
    assert (flagged, (suggestion,)) in {(f.text, f.suggestions) for f in found}


def test_familiar_greetings_in_the_middle_of_a_message_are_flagged(ctx: Context) -> None:
    found = run(ctx, document_from_text("Dzień dobry,\n\nsiema, mamy problem z bramką.\n"))
    assert [f.text for f in found] == ["siema"]


def test_the_column_points_at_the_offending_words(ctx: Context) -> None:
    text = "If you have any questions, please contact You.\n"
    (finding,) = run(ctx, document_from_text(text, lang="en"))
    assert finding.column == text.index("You")


def test_the_maintenance_wording_in_an_outage_notice_is_the_wrong_template(
    ctx: Context,
) -> None:
    doc = document_from_text(
        "Subject: Awaria u Operatora | Operator's outage - CLOSE [HL-123459]\n\n"
        "Dear customer,\nWe kindly inform you that the maintenance had been finished.\n"
        "\n-----\nSzanowni Państwo,\n\nUprzejmie informujemy o zakończeniu prac planowanych.\n"
    )
    assert doc.kind == "outage"
    ids = {f.style_id for f in run(ctx, doc)}
    assert {
        "wrong-template.maintenance-in-outage-en",
        "wrong-template.maintenance-in-outage-pl",
    } <= ids


def test_the_maintenance_wording_is_right_in_a_maintenance_notice(ctx: Context) -> None:
    doc = document_from_text(
        "Subject: Prace planowane | Planned maintenance - CLOSE [HL-123456]\n\n"
        "Dear customer,\n\nWe would like to inform you that the maintenance has been completed.\n"
        "\n-----\nSzanowni Państwo,\n\nuprzejmie informujemy o zakończeniu prac planowanych.\n"
    )
    assert run(ctx, doc) == []


def test_a_subject_without_the_separator_gets_it_back(ctx: Context) -> None:
    doc = document_from_text(
        "Subject: Prace planowane   Planned maintenance - OPEN [HL-123456]\n\n"
        "Dear customer,\n\nWe would like to inform you about planned maintenance.\n"
    )
    (finding,) = run(ctx, doc)
    assert doc.lines[finding.index].zone == "subject"
    assert (finding.column, finding.text, finding.suggestions) == (
        0,
        "Prace planowane   Planned maintenance",
        ("Prace planowane | Planned maintenance",),
    )


def test_subject_rules_do_not_look_at_the_body(ctx: Context) -> None:
    doc = document_from_text("Dzień dobry,\n\nPrace planowane   Planned maintenance\n")
    assert "subject.separator" not in {f.style_id for f in run(ctx, doc)}


def test_a_language_rule_only_reads_its_language(ctx: Context) -> None:
    english = document_from_text("Hello,\n\nWe will inform You soon.\n", lang="en")
    polish = document_from_text("Dzień dobry,\n\nWe will inform You soon.\n", lang="pl")
    assert [f.text for f in run(ctx, english)] == ["You"]
    assert run(ctx, polish) == []


def test_the_quoted_earlier_message_is_not_checked(ctx: Context) -> None:
    doc = document_from_text(
        "Dzień dobry,\n\nzgłoszenie przyjęte.\n\n-----Original Message-----\n"
        "Szanowni Pastwo, pozdro\n",
        lang="pl",
    )
    assert run(ctx, doc) == []


def test_the_signature_and_footer_lines_are_not_checked(ctx: Context) -> None:
    footer = "\n".join(
        [
            "IT Operator",
            "Maintenance Division",
            "IT and Operations Department",
            "M: +48 503 208 168",
            "T: +48 22 312 1111",
            "e-mail: helpline@digitalvirgo.pl",
            "Digital Virgo S.A.",
            "ul. Inflancka 4, 00-189 Warszawa",
        ]
    )
    doc = document_from_text(f"Dzień dobry,\n\ntreść.\n\nZ poważaniem,\nElo Nara\n{footer}\n")
    assert run(ctx, doc) == []
    same_name_in_prose = document_from_text("Dzień dobry,\n\nElo Nara\n")
    assert run(ctx, same_name_in_prose) != []


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("Szanowni Pastwo,\n", "pl", Severity.ERROR),
        ("We wish to inform that the failure has been resolved.\n", "en", Severity.WARNING),
        ("All enqueued messages will be delivered.\n", "en", Severity.INFO),
    ],
)
def test_each_finding_carries_the_level_of_its_data_rule(
    ctx: Context, text: str, lang: str, level: Severity
) -> None:
    (finding,) = run(ctx, document_from_text(text, lang=lang))
    assert finding.level == level


def test_a_style_rule_can_be_disabled_by_its_id(ctx: Context) -> None:
    doc = document_from_text("Dziękujemy, pozdro\n", lang="pl")
    assert run(ctx, doc) != []
    assert run(ctx, doc, disabled=["familiar.farewell"]) == []


@pytest.mark.parametrize("text", style.PASS)
def test_the_documented_pass_examples_give_no_finding(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    assert run(ctx, make_doc(text)) == []


@pytest.mark.parametrize("text", style.FAIL)
def test_the_documented_fail_examples_give_a_finding(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    assert run(ctx, make_doc(text)) != []


def template_cases() -> list[tuple[str, str | None, str | None]]:
    return CATALOG.renderings()


@pytest.mark.parametrize(("template_id", "lang", "operator"), template_cases())
def test_every_shipped_template_rendered_with_samples_has_no_style_error(
    catalog: Catalog, ctx: Context, template_id: str, lang: str | None, operator: str | None
) -> None:
    doc = document_from_template(catalog, catalog.get(template_id), lang=lang, operator=operator)
    errors = [
        (doc.lines[f.index].text, f.message) for f in run(ctx, doc) if f.level == Severity.ERROR
    ]
    assert errors == []
