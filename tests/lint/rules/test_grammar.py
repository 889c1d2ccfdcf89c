"""grammar: Harper (English, offline) and LanguageTool (the project's server or a configured one).

LanguageTool's findings are tested against the real server (``languagetool_server``);
Harper's alone through an engine set holding only Harper; the stand-in server only
where a real one cannot play the part (a server that stops answering).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.lint import datafiles
from komunikat.lint.engines import EngineSet, create_engines, harper, languagetool, ltserver
from komunikat.lint.model import Context, Document, Finding
from komunikat.lint.ruledoc import rule_doc
from komunikat.lint.rules import grammar
from komunikat.lint.sourcemap import document_from_template
from komunikat.problems import InputError, InputErrors

from ..engines import ltstub

ROOT = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(ROOT)


def check(
    make_doc: Callable[..., Document], ctx: Context, text: str, **kw: object
) -> list[Finding]:
    return list(grammar.check(make_doc(text, **kw), grammar.DEFAULTS, ctx))


def english(body: str) -> str:
    return f"Hello,\n\n{body}\n\nKind regards,\n"


def polish(body: str) -> str:
    return f"Dzień dobry,\n\n{body}\n\nZ poważaniem,\n"


@pytest.fixture(scope="module")
def harper_ctx(catalog: Catalog) -> Context:
    """Harper alone: what it finds, whether LanguageTool runs or not."""
    checker, status = harper.load()
    assert checker is not None, status.detail
    return Context(
        data=catalog.data,
        engines=EngineSet(statuses=[status], grammar={"en": [checker]}),
        root=ROOT,
    )


@pytest.mark.parametrize("text", rule_doc(grammar).texts("PASS"))
def test_pass_examples_raise_nothing(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    assert check(make_doc, ctx, text) == []


@pytest.mark.parametrize("text", rule_doc(grammar).texts("FAIL"))
def test_fail_examples_are_caught(
    make_doc: Callable[..., Document], ctx: Context, text: str
) -> None:
    assert check(make_doc, ctx, text)


@pytest.mark.parametrize(
    ("body", "flagged", "rule"),
    [
        ("The maintenance will last longer then expected.", "then", "ThenThan"),
        ("We will inform you about it's completion.", "it's", "ItsPossessive"),
        ("This is a error in the service.", "a", "AnA"),
        ("Please do not hesitate to to contact us.", "to to", "ToTo"),
    ],
)
def test_harper_finds_english_errors_at_their_line_and_column(
    make_doc: Callable[..., Document], harper_ctx: Context, body: str, flagged: str, rule: str
) -> None:
    doc = make_doc(english(body), lang="en")
    [finding] = grammar.check(doc, grammar.DEFAULTS, harper_ctx)
    assert finding.text == flagged
    assert doc.lines[finding.index].text == body
    assert body[finding.column :].startswith(flagged)
    assert f"Harper: {rule}" in finding.message
    assert finding.message.startswith("możliwy błąd językowy")


@pytest.mark.parametrize(
    ("origin", "says", "never"),
    [
        ("message", "jeśli to fałszywy alarm, zostaw — redaktor może wyłączyć tę regułę", "data/"),
        ("template", f"fałszywy alarm opisz w {datafiles.IGNORE_FILE}", "redaktor"),
    ],
)
def test_the_fix_is_told_to_the_operator_of_a_message_and_to_the_editor_of_a_template(
    make_doc: Callable[..., Document], harper_ctx: Context, origin: str, says: str, never: str
) -> None:
    doc = make_doc(english("The maintenance will last longer then expected."), lang="en")
    doc.origin = origin
    [finding] = grammar.check(doc, grammar.DEFAULTS, harper_ctx)
    assert says in finding.message
    assert never not in finding.message


def test_a_polish_part_is_not_checked_by_harper(
    make_doc: Callable[..., Document], harper_ctx: Context
) -> None:
    text = polish("wiadomości są kolejkowane i to to jest ok.")
    assert check(make_doc, harper_ctx, text, lang="pl") == []


def test_footer_and_quoted_mails_are_not_checked(
    make_doc: Callable[..., Document], ctx: Context
) -> None:
    snapshot = (ROOT / "tests/snapshots/ticket-accepted.en.txt").read_text(encoding="utf-8")
    quoted = (
        "\n----- Poprzednia wiadomość / Previous message -----\nIt last longer then expected.\n"
    )
    assert check(make_doc, ctx, snapshot + quoted) == []


@pytest.mark.parametrize(
    "body",
    [
        "Address the service is trying to connect to: https://api.example.com/sms/callback",
        "Error returned by the service:\nnack 02: syntax error then then",
        "$ curl -v https://api.example.com/ then then",
    ],
)
def test_hits_on_addresses_and_output_are_dropped(
    make_doc: Callable[..., Document], ctx: Context, body: str
) -> None:
    assert check(make_doc, ctx, english(body), lang="en") == []


def test_trailing_blanks_are_not_reported_but_double_spaces_inside_a_line_are(
    make_doc: Callable[..., Document], harper_ctx: Context
) -> None:
    text = english("If you have any questions, please contact us.  \nWe  will inform you.")
    found = check(make_doc, harper_ctx, text, lang="en")
    assert [(f.text, f.column) for f in found] == [("  ", 2)]
    assert "[Harper: Spaces]" in found[0].message


def test_the_ignore_file_gives_a_reason_for_every_entry() -> None:
    entries = datafiles.ignore_entries(ROOT)
    assert entries and all(entry.reason.strip() for entry in entries)
    assert any(e.engine == "harper" and e.rule == "SpellCheck" for e in entries)


def test_an_ignore_entry_silences_an_engine_rule(
    make_doc: Callable[..., Document], catalog: Catalog, engines: EngineSet, project_copy: Path
) -> None:
    path = project_copy / datafiles.IGNORE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "source: test\nignore:\n"
        "  - engine: harper\n    rule: Then*\n    text: then\n    reason: a test\n",
        encoding="utf-8",
    )
    ctx = Context(data=catalog.data, engines=engines, root=project_copy)
    assert check(make_doc, ctx, english("It lasts longer then expected."), lang="en") == []
    assert check(make_doc, ctx, english("We will inform you about it's end."), lang="en")


def test_a_broken_ignore_file_is_an_editor_error_with_its_place(
    make_doc: Callable[..., Document], catalog: Catalog, engines: EngineSet, project_copy: Path
) -> None:
    path = project_copy / datafiles.IGNORE_FILE
    path.write_text(
        "source: test\nignore:\n  - engine: harper\n    rule: X\n    text: '('\n    reason: r\n",
        encoding="utf-8",
    )
    with pytest.raises((InputError, InputErrors)) as caught:
        Context(data=catalog.data, engines=engines, root=project_copy)
    assert "data/lint/grammar-ignore.yml:5" in str(caught.value)


def test_without_languagetool_polish_grammar_is_reported_as_not_checked(
    make_doc: Callable[..., Document],
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setattr(ltserver, "package_project", lambda: tmp_path)  # nothing installed
    engines = create_engines({"grammar"})
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    assert check(make_doc, ctx, polish("Wczoraj poszłem do serwerowni."), lang="pl") == []
    assert engines.report()["languagetool"]["pl"]["status"] == "unavailable"
    assert (
        f"languagetool [pl]: NIE DZIAŁA — LanguageTool: brak lokalnej instalacji w "
        f"{tmp_path / '.cache/languagetool'} — uruchom ./dev test (albo mvn -q -f "
        "languagetool/pom.xml package) — sprawdzanie gramatyki PL nie zostało wykonane"
    ) in engines.summary()


@pytest.fixture
def real_lt(
    languagetool_server: ltserver.ServerState, monkeypatch: pytest.MonkeyPatch
) -> ltserver.ServerState:
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    return languagetool_server


@pytest.mark.parametrize(
    ("body", "flagged", "rule"),
    [
        ("Wczoraj poszłem do serwerowni.", "poszłem", "PL_SIMPLE_REPLACE"),
        ("Prosimy cofnąć się do tyłu w konfiguracji.", "cofnąć się do tyłu", "COFAC_SIE_DO_TYLU"),
    ],
)
def test_languagetool_finds_polish_grammar_at_its_line_and_column(
    make_doc: Callable[..., Document],
    catalog: Catalog,
    real_lt: ltserver.ServerState,
    body: str,
    flagged: str,
    rule: str,
) -> None:
    engines = create_engines({"grammar"})
    assert engines.report()["languagetool"]["pl"]["status"] == "ok"
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    doc = make_doc(polish(body), lang="pl")
    [finding] = grammar.check(doc, grammar.DEFAULTS, ctx)
    assert doc.lines[finding.index].text == body
    assert body[finding.column :].startswith(finding.text)
    assert flagged.startswith(finding.text) or finding.text.startswith(flagged)
    assert f"[LanguageTool: {rule}]" in finding.message


def test_languagetool_speller_and_project_terms_raise_nothing(
    make_doc: Callable[..., Document], catalog: Catalog, real_lt: ltserver.ServerState
) -> None:
    """Hunspell speaks for spelling; accepted terms pass LanguageTool's other rules too."""
    ctx = Context(data=catalog.data, engines=create_engines({"grammar"}), root=ROOT)
    body = "Awaria DirectBilling dotyczy numeru CommCell; słowo xyzzyq pomijamy."
    assert check(make_doc, ctx, polish(body), lang="pl") == []
    assert check(make_doc, ctx, english("The qwertzy DirectBilling API is down."), lang="en") == []


def test_languagetool_and_harper_at_one_place_give_one_finding(
    make_doc: Callable[..., Document], catalog: Catalog, real_lt: ltserver.ServerState
) -> None:
    ctx = Context(data=catalog.data, engines=create_engines({"grammar"}), root=ROOT)
    found = check(make_doc, ctx, english("This is a error."), lang="en")
    assert [(f.text, "[LanguageTool: EN_A_VS_AN]" in f.message) for f in found] == [("a", True)]


@pytest.fixture
def lt_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ltstub.StubServer]:
    with ltstub.running() as server:
        monkeypatch.setenv(languagetool.URL_VARIABLE, server.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
        yield server


def test_a_configured_server_is_used_by_the_rule(
    make_doc: Callable[..., Document],
    catalog: Catalog,
    real_lt: ltserver.ServerState,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = real_lt.url.replace("127.0.0.1", "localhost")  # as a team's server would be named
    monkeypatch.setenv(languagetool.URL_VARIABLE, url)
    engines = create_engines({"grammar"})
    assert engines.report()["languagetool"] == {
        "pl": {"status": "ok", "detail": f"serwer {url}"},
        "en": {"status": "ok", "detail": f"serwer {url}"},
    }
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    body = "Wczoraj poszłem do serwerowni; xyzzyq.\nAdres: https://api.example.com/x"
    findings = check(make_doc, ctx, polish(body), lang="pl")
    assert [(f.text, f.suggestions) for f in findings] == [("poszłem", ("poszedłem",))]


@pytest.mark.parametrize("behaviour", ["500", "garbage", "no-matches"])
def test_a_broken_server_gives_one_note_and_the_offline_engines_still_run(
    make_doc: Callable[..., Document],
    catalog: Catalog,
    lt_server: ltstub.StubServer,
    behaviour: str,
) -> None:
    ctx = Context(data=catalog.data, engines=create_engines({"grammar"}), root=ROOT)
    lt_server.behaviour = behaviour
    found = check(make_doc, ctx, english("It lasts longer then expected."), lang="en")
    assert ["[Harper: ThenThan]" in f.message for f in found] == [True]
    [note] = [n for n in ctx.notes if "LanguageTool" in n]
    assert "\n" not in note and "nie zostało dokończone" in note


def test_a_server_that_stops_answering_is_reported_not_raised(
    make_doc: Callable[..., Document], catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with ltstub.running() as server:
        monkeypatch.setenv(languagetool.URL_VARIABLE, server.url)
        engines = create_engines({"grammar"})
    ctx = Context(data=catalog.data, engines=engines, root=ROOT)
    assert check(make_doc, ctx, polish("Wczoraj poszłem."), lang="pl") == []
    status = engines.status("languagetool", "pl")
    assert status is not None and not status.available
    assert "przestał odpowiadać" in status.detail
    assert any("LanguageTool przestał odpowiadać" in note for note in ctx.notes)


def test_chunk_places_an_offset_at_its_line_and_column() -> None:
    chunk = grammar.Chunk("en", "Hello,\n\nIt works.", ((0, 3, 0), (7, 4, 0), (8, 5, 0)))
    assert [chunk.place(o) for o in (0, 5, 8, 11)] == [(3, 0), (3, 5), (5, 0), (5, 3)]


def cases() -> list[tuple[str, str | None, str | None]]:
    return CATALOG.renderings(sample_operator=True)


@pytest.mark.parametrize(("template_id", "lang", "operator"), cases())
def test_every_shipped_template_raises_no_grammar_finding(
    catalog: Catalog, ctx: Context, template_id: str, lang: str | None, operator: str | None
) -> None:
    doc = document_from_template(catalog, catalog.get(template_id), lang=lang, operator=operator)
    assert [f.message for f in grammar.check(doc, grammar.DEFAULTS, ctx)] == []
