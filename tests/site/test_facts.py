"""The procedure pages' macros: facts from data/ and front matter, previews, located errors."""

from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.i18n import count
from komunikat.site import facts, page_macros
from komunikat.site.markdown import code, inline

ROOT = Path(__file__).resolve().parents[2]


def test_a_subject_is_the_templates_own_with_its_fields_marked_as_the_composer_marks_them(
    catalog: Catalog,
) -> None:
    shown = facts.subject(catalog, "dv-outage-open")
    assert shown == code("Awaria w Digital Virgo | Digital Virgo outage - OPEN [⟦Numer HL⟧]")
    assert facts.subject(catalog, "ticket-accepted", "en") == code(
        "Request registered [⟦Numer zgłoszenia (HL)⟧]"
    )


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda c: facts.contact(c, "signature", "mobile"),
            lambda c: c.data.contacts.signature.mobile,
        ),
        (
            lambda c: facts.contact(c, "signature", "helpline"),
            lambda c: c.data.contacts.signature.helpline,
        ),
        (
            lambda c: facts.contact(c, "business-contact", "initials"),
            lambda c: c.data.contacts.internal[0].initials,
        ),
        (
            lambda c: facts.contact(c, "company", "address"),
            lambda c: c.data.contacts.company.address,
        ),
        (
            lambda c: facts.operator(c, "orange", "crm"),
            lambda c: c.data.operator("ORANGE").contacts[0].crm,
        ),
        (
            lambda c: facts.operator(c, "T-MOBILE", "crm", "technical-business"),
            lambda c: "CRM-2534",
        ),
        (
            lambda c: facts.operator(c, "plus", "crm_title", "cc"),
            lambda c: c.data.operator("PLUS").cc_rules[0].contacts[0].title,
        ),
        (
            lambda c: facts.lead_time(c, "dv-maintenance-open"),
            lambda c: count("%(n)d full day", "%(n)d full days", 3),
        ),
    ],
)
def test_fact_macros_read_the_data_and_front_matter(catalog: Catalog, call, expected) -> None:  # type: ignore[no-untyped-def]
    assert call(catalog) == inline(expected(catalog))


def test_the_required_cc_list_names_our_business_contact_and_every_operator_cc_rule(
    catalog: Catalog,
) -> None:
    shown = facts.required_cc(catalog)
    assert "**Katarzyna Wczyrsa (KW)** (kontakt biznesowy Digital Virgo) – w każdej" in shown
    for op in catalog.data.operators.operators:
        for rule in op.cc_rules:
            assert all(inline(c.crm) in shown for c in rule.contacts)
            assert inline(rule.when_pl) in shown


@pytest.mark.parametrize(
    ("call", "argument", "hint"),
    [
        (lambda c: facts.subject(c, "dv-outage-opn"), "dv-outage-opn", "„dv-outage-open”"),
        (lambda c: facts.subject(c, "phone-incoming"), "phone-incoming", "nie ma tematu"),
        (lambda c: facts.subject(c, "ticket-accepted", "de"), "de", "Do wyboru: pl, en"),
        (lambda c: facts.lead_time(c, "dv-outage-open"), "dv-outage-open", "lead_time_days"),
        (lambda c: facts.contact(c, "signatur", "mobile"), "signatur", "„signature”"),
        (lambda c: facts.contact(c, "signature", "phone"), "phone", "mobile, desk, helpline"),
        (lambda c: facts.operator(c, "orang", "name"), "orang", "„orange”"),
        (lambda c: facts.operator(c, "orange", "crn"), "crn", "„crm”"),
        (lambda c: facts.operator(c, "orange", "crm", "cc"), "cc", "technical, business"),
        (lambda c: facts.operator(c, "orange", "email"), "email", "nie ma adresu e-mail"),
    ],
)
def test_an_unknown_name_says_which_argument_and_what_there_is(
    catalog: Catalog,
    call,
    argument: str,
    hint: str,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(facts.UnknownName) as caught:
        call(catalog)
    assert caught.value.argument == argument
    assert hint in caught.value.message


def test_a_preview_shows_the_sample_message_and_links_to_the_composer(catalog: Catalog) -> None:
    block = page_macros.preview(catalog, "ticket-accepted", "partnerzy/przychodzaca.md")
    assert block.startswith('<section class="komunikat-preview" data-search-exclude="true" markdown>')
    assert '\n??? example "Podgląd wiadomości: Przyjęcie zgłoszenia"\n' in block
    assert "(../szablony/ticket-accepted.md#kompozytor)" in block
    spec = catalog.get("ticket-accepted")
    for lang, tab in (("pl", "Polski"), ("en", "Angielski")):
        assert f'    === "{tab}"' in block
        for line in catalog.render_sample(spec, lang=lang).as_text().splitlines():
            assert (f"        {line}" if line else "") in block.splitlines()
    notice = page_macros.preview(catalog, "dv-outage-close", "awarie/digital-virgo.md")
    assert '    === "Angielski i polski"' in notice
    assert catalog.render_sample(catalog.get("dv-outage-close")).subject in notice


@pytest.mark.parametrize(
    ("source", "args", "wrong", "nth", "where"),
    [
        ("# T\n\nA {{ subject('x-y') }} b\n", ["x-y"], "x-y", 0, (3, 14)),
        ('a\n{{ contact("signature", "phon") }}\n', ["signature", "phon"], "phon", 0, (2, 25)),
        ("{{ subject('a') }}\n{{ subject('b') }}\n{{ subject('b') }}\n", ["b"], "b", 1, (3, 12)),
        ("{{ subject(name) }}\n", ["zzz"], "zzz", 0, (1, 4)),
        ("no call here\n", ["zzz"], "zzz", 0, (1, 1)),
    ],
)
def test_a_bad_call_is_found_in_the_page_source(
    source: str, args: list[str], wrong: str, nth: int, where: tuple[int, int]
) -> None:
    name = "contact" if "contact" in source else "subject"
    assert page_macros.locate(source, name, args, wrong, nth) == where


def test_a_bad_call_is_one_located_warning_and_the_page_shows_the_error(
    catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    source = "---\ntitle: T\n---\n# T\n\n| Tytuł | {{ subject('dv-outage-opn') }} |\n"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="awarie/x.md", content_string=source))
    calls = page_macros.MacroCalls("docs")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.komunikat.macros"):
        shown = calls.run(
            page, "subject", ["dv-outage-opn"], lambda: facts.subject(catalog, "dv-outage-opn")
        )
    (record,) = caplog.records
    assert record.getMessage().startswith("docs/awarie/x.md:6:22: subject('dv-outage-opn'): ")
    assert "Czy chodziło o „dv-outage-open”" in record.getMessage()
    assert "\n" not in record.getMessage()
    assert shown.startswith("**⟦błąd makra subject: ") and calls.errors == 1


PAYLOAD = '<script>alert(1)</script> [x](javascript:alert(1)) {: onclick="alert(1)" } | `x`'


def test_hostile_values_reach_the_page_as_text() -> None:
    catalog = load_catalog(ROOT)
    contact = catalog.data.contacts.internal[0]
    object.__setattr__(contact, "name", contact.name + PAYLOAD)
    plus = catalog.data.operator("PLUS")
    object.__setattr__(plus.cc_rules[0], "when_pl", PAYLOAD)
    object.__setattr__(plus.contacts[0], "title", PAYLOAD)
    spec = catalog.templates["dv-outage-open"]
    catalog.templates[spec.id] = dataclasses.replace(
        spec, title=spec.title + PAYLOAD, subject={"*": spec.subject["*"] + PAYLOAD}
    )
    page = "\n\n".join(
        [
            "| a | b |\n|---|---|\n| Tytuł | " + facts.subject(catalog, spec.id) + " |",
            facts.contact(catalog, "business-contact", "name"),
            facts.operator(catalog, "plus", "crm_title"),
            facts.required_cc(catalog),
            page_macros.preview(catalog, spec.id, "awarie/digital-virgo.md"),
        ]
    )
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    site = markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    html = site.convert(page)
    assert "<script" not in html
    assert not re.search(r"<[^>]*\son\w+=", html)  # no event handler attribute
    assert 'href="javascript' not in html
    assert html.count("<table>") == 1 and html.count("<td>") == 2  # the | stays in its cell
    assert "alert(1)" in html


def _page(source: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri="telefon.md", content_string=source))


def _macros() -> dict[str, object]:
    def contact(key: str, field: str) -> str:
        return ""

    def operator(key: str, field: str, role: str = "technical") -> str:
        return ""

    return {"contact": contact, "operator": operator, "subject": contact}


def test_an_unknown_macro_is_one_located_line_with_a_did_you_mean() -> None:
    import jinja2

    source = "# T\n\nZadzwoń: {{ contakt('signature', 'mobile') }}\n"
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    with pytest.raises(jinja2.UndefinedError) as caught:
        env.from_string(source).render()
    line = page_macros.call_problem(caught.value, _page(source), _macros(), "docs")
    assert line == (
        "docs/telefon.md:3:13: nie ma makra „contakt”. Czy chodziło o „contact”? "
        "Makra: contact, operator, subject"
    )


@pytest.mark.parametrize(
    ("call", "usage"),
    [
        ("contact('signature')", "contact(key, field)"),
        ("operator('orange', 'crm', 'cc', 'x')", "operator(key, field, role='technical')"),
    ],
)
def test_wrong_arguments_are_one_located_line_showing_the_call(call: str, usage: str) -> None:
    import jinja2

    source = f"Tekst contact bez wywołania.\n\nA: {{{{ {call} }}}}\n"
    env = jinja2.Environment()
    with pytest.raises(TypeError) as caught:
        env.from_string(source).render(**_macros())
    line = page_macros.call_problem(caught.value, _page(source), _macros(), "docs")
    assert line == f"docs/telefon.md:3:7: złe argumenty makra {call.split('(')[0]}; wywołanie: {usage}"


def test_other_errors_are_left_to_the_macros_plugin() -> None:
    assert page_macros.call_problem(ValueError("x"), _page(""), _macros(), "docs") is None
    assert page_macros.call_problem(TypeError("unsupported operand"), _page(""), _macros(), "docs") is None
