"""pii: no personal data in a mass notice; our own contacts and example values may stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.data import load_data
from komunikat.lint.engines import EngineSet
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context, Document, Finding
from komunikat.lint.rules import pii
from komunikat.lint.sourcemap import document_from_template
from komunikat.problems import InputError, InputErrors, Severity

ROOT = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(ROOT)
SUBJECT = "Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]\n\n"


def notice(line: str) -> str:
    return f"{SUBJECT}Dear customer,\n\n{line}\n\nKind regards,\n"


def run(ctx: Context, doc: Document) -> list[Finding]:
    return list(pii.check(doc, pii.DEFAULTS, ctx))


@pytest.mark.parametrize(
    ("line", "flagged", "what"),
    [
        ("The subscriber's PESEL is 44051401359.", "44051401359", "numer PESEL"),
        ("Reported by the owner, NIP 123-456-32-18.", "123-456-32-18", "numer NIP"),
        ("Reported by the owner, NIP 1234563218.", "1234563218", "numer NIP"),
        ("Please call Jan at +48 601 234 567.", "+48 601 234 567", "numer telefonu"),
        ("Please call Jan at 601 234 567.", "601 234 567", "numer telefonu"),
        ("Affected subscriber: 48601234567.", "48601234567", "numer telefonu"),
        ("Please write to jan.kowalski@gmail.com.", "jan.kowalski@gmail.com", "adres e-mail"),
        (
            "Refunds go to PL61 1090 1014 0000 0712 1981 2874.",
            "PL61 1090 1014 0000 0712 1981 2874",
            "numer rachunku bankowego",
        ),
    ],
)
def test_personal_data_in_a_mass_notice_is_flagged_with_its_kind(
    ctx: Context, line: str, flagged: str, what: str
) -> None:
    found = run(ctx, document_from_text(notice(line)))
    assert [f.text for f in found] == [flagged]
    assert found[0].message.startswith(
        f"{what} w wiadomości masowej — usuń dane osobowe przed wysyłką"
    )


def test_the_message_names_pesel_and_why_it_must_not_go_out(ctx: Context) -> None:
    (finding,) = run(ctx, document_from_text(notice("PESEL: 44051401359")))
    assert finding.message == "numer PESEL w wiadomości masowej — usuń dane osobowe przed wysyłką"


def test_the_column_points_at_the_number(ctx: Context) -> None:
    line = "Please call Jan at +48 601 234 567."
    doc = document_from_text(notice(line))
    (finding,) = run(ctx, doc)
    assert doc.lines[finding.index].text == line
    assert finding.column == line.index("+48")


@pytest.mark.parametrize(
    "line",
    [
        "The number 44051401358 fails the PESEL checksum.",
        "Our NIP: 527-23-17-216",
        "nr KRS 0000253675, akta rejestrowe w Sądzie Rejonowym",
        "Please call our helpline at +48 22 312 1111 or +48 503 208 168.",
        "Please write to helpline@digitalvirgo.pl.",
        "Please write to partner@example.com.",
        "Test address: someone@mail.test, nobody@host.invalid, root@localhost.",
        "Contact the operator's NOC at noc@operator.pl.",
        "Start date: 15.12.2026 22:00 CET, gateway 198.51.100.20:5016, ticket HL-123456.",
        "Capital: 500 000 000 zł.",
        "Fictional number from the documentation: +44 20 7946 0123.",
        "The supplier's line: +48 12 444 65 00 or 801 090 101.",
        "Free hotline 800 123 456.",
        "Write to the supplier: daktela@daktela.pl.",
    ],
)
def test_our_contacts_example_values_and_non_personal_numbers_pass(ctx: Context, line: str) -> None:
    assert run(ctx, document_from_text(notice(line))) == []


def test_the_real_footer_with_the_company_nip_and_phones_passes(
    catalog: Catalog, ctx: Context
) -> None:
    message = catalog.render_sample(catalog.get("dv-maintenance-open"))
    assert "NIP: 527-23-17-216" in message.body
    assert run(ctx, document_from_text(message.as_text())) == []


def test_a_quoted_earlier_notice_is_checked_too(ctx: Context) -> None:
    text = notice("The maintenance has been completed.") + (
        "\n--- Poprzednia wiadomość / Previous message ---\nPlease call Jan at +48 601 234 567.\n"
    )
    doc = document_from_text(text)
    (finding,) = run(ctx, doc)
    assert doc.lines[finding.index].zone == "quote"


def test_the_subject_is_checked_too(ctx: Context) -> None:
    doc = document_from_text(
        "Subject: Awaria u Operatora | Operator's outage - OPEN [HL-123459] jan.kowalski@gmail.com"
        "\n\nDear customer,\n\nWe are experiencing technical problems.\n"
    )
    assert [doc.lines[f.index].zone for f in run(ctx, doc)] == ["subject"]


@pytest.mark.parametrize(
    ("text", "level", "words"),
    [
        (notice("Please call Jan at +48 601 234 567."), Severity.ERROR, "wiadomości masowej"),
        (
            "Subject: Awaria u Operatora | Operator's outage - OPEN [HL-123459]\n\n"
            "Dear customer,\n\nContact: jan.kowalski@gmail.com\n",
            Severity.ERROR,
            "wiadomości masowej",
        ),
        ("Dzień dobry,\n\nproszę o kontakt: +48 601 234 567.\n", Severity.WARNING, "RODO"),
        (
            "Subject: Re: zgłoszenie\n\nDzień dobry,\n\nklient (PESEL 44051401359) "
            "zgłosił problem.\n",
            Severity.WARNING,
            "RODO",
        ),
    ],
)
def test_every_message_is_checked_an_error_in_a_mass_notice_a_warning_elsewhere(
    ctx: Context, text: str, level: Severity, words: str
) -> None:
    doc = document_from_text(text)
    assert pii.applies(doc)
    [finding] = run(ctx, doc)
    assert finding.level is level and words in finding.message


def test_a_contact_e_mail_in_operators_yml_is_allowed(project_copy: Path) -> None:
    path = project_copy / "data" / "operators.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "        title: Orange Support\n",
            "        title: Orange Support\n        email: anna.nowak@orange.pl\n",
            1,
        ),
        encoding="utf-8",
    )
    ctx = Context(data=load_data(project_copy), engines=EngineSet(), root=project_copy)
    assert run(ctx, document_from_text(notice("Write to anna.nowak@orange.pl."))) == []
    assert run(ctx, document_from_text(notice("Write to jan.nowak@orange.pl."))) != []


@pytest.mark.parametrize(
    ("entry", "where", "says"),
    [
        ("  - kind: email\n    domain: example.com\n", ":3:5:", "brak wymaganego klucza „reason”"),
        ("  - kind: fax\n    value: '1'\n    reason: x\n", ":3:11:", "niedozwolona wartość „fax”"),
        (
            "  - kind: email\n    domain: example.com\n    value: a@example.com\n    reason: x\n",
            ":3:5:",
            "dokładnie jednego z kluczy",
        ),
        (
            "  - kind: phone\n    domain: example.com\n    reason: x\n",
            ":3:5:",
            "tylko do wpisów kind: email",
        ),
        (
            "  - kind: email\n    pattern: '(a'\n    reason: x\n",
            ":4:14:",
            "niepoprawne wyrażenie regularne",
        ),
    ],
)
def test_a_broken_allow_list_is_reported_at_its_line_and_column(
    tmp_path: Path, entry: str, where: str, says: str
) -> None:
    path = tmp_path / "data" / "lint" / "pii-allow.yml"
    path.parent.mkdir(parents=True)
    path.write_text(f"source: test\nallow:\n{entry}", encoding="utf-8")
    with pytest.raises((InputError, InputErrors)) as caught:
        pii.load_allow(tmp_path)
    exc = caught.value
    found = [str(e) for e in (exc.errors if isinstance(exc, InputErrors) else [exc])]
    assert any(e.startswith(f"data/lint/pii-allow.yml{where}") and says in e for e in found), found


def test_the_allow_list_is_read_once_per_process() -> None:
    assert pii.load_allow(ROOT) is pii.load_allow(ROOT)


def test_every_allow_entry_says_why() -> None:
    assert all(entry.reason.strip() for entry in pii.load_allow(ROOT).allow)


@pytest.mark.parametrize("text", pii.PASS)
def test_the_documented_pass_examples_give_no_finding(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    doc = make_doc(text)
    assert pii.applies(doc) and run(ctx, doc) == []


@pytest.mark.parametrize("text", pii.FAIL)
def test_the_documented_fail_examples_give_a_finding(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    doc = make_doc(text)
    assert pii.applies(doc) and run(ctx, doc) != []


def template_cases() -> list[tuple[str, str | None, str | None]]:
    return CATALOG.renderings()


@pytest.mark.parametrize(("template_id", "lang", "operator"), template_cases())
def test_every_shipped_template_rendered_with_samples_has_no_pii_finding(
    catalog: Catalog, ctx: Context, template_id: str, lang: str | None, operator: str | None
) -> None:
    spec = catalog.get(template_id)
    doc = document_from_template(catalog, spec, lang=lang, operator=operator)
    found = [(doc.lines[f.index].text, f.message) for f in run(ctx, doc)]
    if "disable=pii" in (ROOT / "templates" / f"{template_id}.j2").read_text(encoding="utf-8"):
        assert not doc.is_mass_notice  # a supplier asks for numbers; never in a mass notice
    else:
        assert found == []
