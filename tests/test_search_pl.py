"""Unit tests of the Polish search analyser (komunikat.site.search_pl) and its rules.

The Python ``PolishAnalyzer`` mirrors the browser plugin hooks/search_pl/lunr.pl.js;
both read hooks/search_pl/rules.yml.  One test runs the rendered JavaScript in
Node (skipped without ``node``) to prove the two implementations agree; the
last ones build a small site with the hook (hooks/search_pl.py).
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from komunikat.problems import InputError, InputErrors
from komunikat.site import search_pl
from komunikat.site.search_pl import PolishAnalyzer, PolishRules

ROOT = Path(__file__).resolve().parents[1]
HOOK_PATH = ROOT / "hooks" / "search_pl.py"
RULES_PATH = search_pl.rules_path(ROOT)


def _rules() -> PolishRules:
    return search_pl.load_rules(RULES_PATH, ROOT)


def _plugin() -> str:
    return search_pl.render_plugin(_rules(), search_pl.template_path(ROOT), ROOT)


@pytest.fixture(scope="module")
def analyzer() -> PolishAnalyzer:
    return PolishAnalyzer(_rules())


# Inflected forms that must reach the same pages.
INFLECTION_GROUPS: dict[str, tuple[str, ...]] = {
    "awaria": (
        "awaria",
        "awarii",
        "awarię",
        "awarią",
        "awarie",
        "awariom",
        "awariami",
        "awariach",
        "awarie",
        "awarię",
        "awarii",
    ),
    "praca": ("praca", "pracy", "pracę", "pracą", "prace", "prac", "pracom", "pracami", "pracach"),
    "zgłoszenie": (
        "zgłoszenie",
        "zgloszenie",
        "zgłoszenia",
        "zgloszenia",
        "zgłoszeniu",
        "zgłoszeniem",
        "zgłoszeń",
        "zgłoszeniom",
        "zgłoszeniami",
        "zgłoszeniach",
    ),
    "zakończenie": ("zakończenie", "zakonczenie", "zakończenia", "zakończeniu", "zakończeń"),
    "operator": (
        "operator",
        "operatora",
        "operatorowi",
        "operatorem",
        "operatorze",
        "operatorzy",
        "operatorów",
        "operatorom",
        "operatorami",
        "operatorach",
    ),
    "planowany": (
        "planowany",
        "planowana",
        "planowane",
        "planowanej",
        "planowanego",
        "planowanych",
        "planowanym",
        "planowanymi",
    ),
    "Łódź": ("Łódź", "lodz", "Łodzi", "lodzi"),
}

# Word pairs that must not find each other, in either direction.
UNRELATED_PAIRS = [
    ("awaria", "awans"),
    ("prace", "prawo"),
    ("dane", "danie"),
    ("sieć", "siedziba"),
    ("pola", "polska"),
    ("Łódź", "lodówka"),
]

VOCABULARY = sorted(
    {word for group in INFLECTION_GROUPS.values() for word in group}
    | {word for pair in UNRELATED_PAIRS for word in pair}
    | {"T-Mobile", "HL-123456", "v2.0", "UTF-8", "café", "ŻÓŁĆ", "gęślą", "jaźń"}
)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("zakończenie", "zakonczenie"),
        ("Łódź", "lodz"),
        ("ŻÓŁĆ", "zolc"),
        ("gęślą", "gesla"),
        ("jaźń", "jazn"),
        ("café", "cafe"),
        ("awaria", "awaria"),
    ],
)
def test_folding_removes_polish_and_other_diacritics(
    analyzer: PolishAnalyzer, word: str, folded: str
) -> None:
    assert analyzer.fold(word) == folded


def test_a_word_with_and_without_diacritics_normalises_to_the_same_term(
    analyzer: PolishAnalyzer,
) -> None:
    assert analyzer.query_term("zakończenie") == analyzer.query_term("zakonczenie")
    assert analyzer.index_term("zakończenie") == analyzer.index_term("zakonczenie")


@pytest.mark.parametrize("lemma", sorted(INFLECTION_GROUPS))
def test_all_inflected_forms_of_a_word_normalise_to_one_query_stem(
    analyzer: PolishAnalyzer, lemma: str
) -> None:
    stems = {analyzer.query_term(form) for form in INFLECTION_GROUPS[lemma]}
    assert len(stems) == 1, stems


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (("awarii", "awarię", "awaria", "awarią"), "awar"),
        (("prac", "prace", "pracach"), "prac"),
        (("zgłoszenie", "zgloszenia", "zgłoszeń"), "zgloszen"),
        (("zakończenie", "zakonczenie"), "zakonczen"),
    ],
)
def test_the_forms_named_in_the_issue_normalise_to_the_expected_stem(
    analyzer: PolishAnalyzer, forms: tuple[str, ...], stem: str
) -> None:
    assert [analyzer.query_term(form) for form in forms] == [stem] * len(forms)


@pytest.mark.parametrize("lemma", sorted(INFLECTION_GROUPS))
def test_every_inflected_form_finds_text_with_every_other_form(
    analyzer: PolishAnalyzer, lemma: str
) -> None:
    forms = INFLECTION_GROUPS[lemma]
    misses = [(q, t) for q in forms for t in forms if not analyzer.matches(q, t)]
    assert misses == []


@pytest.mark.parametrize(("first", "second"), UNRELATED_PAIRS)
def test_unrelated_words_do_not_find_each_other(
    analyzer: PolishAnalyzer, first: str, second: str
) -> None:
    assert analyzer.query_term(first) != analyzer.query_term(second)
    assert not analyzer.matches(first, second)
    assert not analyzer.matches(second, first)


@pytest.mark.parametrize("word", ["pola", "kody", "dane", "sieć", "prac", "awar"])
def test_short_words_are_not_stemmed_below_the_minimum_length(
    analyzer: PolishAnalyzer, word: str
) -> None:
    assert analyzer.query_term(word) == analyzer.fold(word)


@pytest.mark.parametrize("word", ["hl", "123456", "v2.0", "utf", "msisdn_id", "5g"])
def test_identifiers_are_matched_as_typed(analyzer: PolishAnalyzer, word: str) -> None:
    assert analyzer.query_term(word) == word


@pytest.mark.parametrize("word", VOCABULARY)
def test_a_query_stem_is_a_prefix_of_the_indexed_word(analyzer: PolishAnalyzer, word: str) -> None:
    for token in analyzer.tokenize(word):
        assert analyzer.index_term(token).startswith(analyzer.query_term(token))


@pytest.mark.parametrize("word", VOCABULARY)
def test_stemming_a_stem_again_changes_nothing(analyzer: PolishAnalyzer, word: str) -> None:
    for token in analyzer.tokenize(word):
        stem = analyzer.query_term(token)
        assert analyzer.query_term(stem) == stem


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("awaria,", ["awaria"]),
        ("(DV)", ["dv"]),
        ("HL-123456:", ["hl", "123456"]),
        ("T-Mobile", ["t", "mobile"]),
        ("„Zakończenie awarii”.", ["zakończenie", "awarii"]),
        ("Awaria! Prace? Tak; nie.", ["awaria", "prace", "tak", "nie"]),
        ("wersja 2.0.", ["wersja", "2.0"]),
        ("serwer 10.0.0.1 działa", ["serwer", "10.0.0.1", "działa"]),
        ("AT&amp;T &lt;b&gt;", ["at", "t", "b"]),
        ("  spacje\tи\u00a0tabulatory ", ["spacje", "и", "tabulatory"]),
        ("*uwaga*", ["*uwaga*"]),
    ],
)
def test_punctuation_does_not_stick_to_words(
    analyzer: PolishAnalyzer, text: str, tokens: list[str]
) -> None:
    assert analyzer.tokenize(text) == tokens


def test_the_trimmer_removes_wildcard_stars_from_indexed_words(
    analyzer: PolishAnalyzer,
) -> None:
    assert analyzer.index_terms("*uwaga* *") == ["uwaga"]


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("zakonczenie", "Zakończenie awarii", True),
        ("awarii", "Awaria w Digital Virgo", True),
        ("awaria", "partner zgłosi awarię.", True),
        ("awarie", "Po zakończeniu awarii informujemy operatorów", True),
        ("lodz", "Klienci z Łodzi i Warszawy", True),
        ("zgłoszeń", "Wszystkie zgłoszenia zamykamy", True),
        ("prace", "Informacja o pracach planowanych", True),
        ("HL-123456", "Zgłoszenie HL-123456: awaria", True),
        ("123456", "Zgłoszenie HL-123456: awaria", True),
        ("T-Mobile", "w sieci T-Mobile nie działają", True),
        ("DV", "partner (DV) zgłosi", True),
        ("awans", "Awaria w Digital Virgo", False),
        ("awaria", "Awans zawodowy", False),
        ("t", "tematem komunikatów", False),
    ],
)
def test_a_query_finds_text_only_when_every_word_matches(
    analyzer: PolishAnalyzer, query: str, text: str, found: bool
) -> None:
    assert analyzer.matches(query, text) is found


def test_the_rules_list_each_suffix_once_longest_first() -> None:
    rules = _rules()
    assert len(set(rules.suffixes)) == len(rules.suffixes)
    assert [len(s) for s in rules.suffixes] == sorted(
        (len(s) for s in rules.suffixes), reverse=True
    )


def _rules_copy(root: Path, old: str, new: str) -> tuple[Path, int]:
    """rules.yml under ``root`` with ``old`` replaced by ``new``; the 1-based line changed."""
    text = RULES_PATH.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    target = search_pl.rules_path(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target, text[: text.index(old)].count("\n") + 1


#: what is changed in rules.yml → (lines below the change, column) and the message
BROKEN_RULES = {
    "min_stem not positive": (
        ("min_stem: 4", "min_stem: 0"),
        (0, 11),
        "„min_stem” musi być dodatnie, a jest 0; wpisz np. 4",
    ),
    "an ending with a diacritic": (
        ("  - iem\n", "  - ię\n"),
        (0, 5),
        "końcówka „ię” nie pasuje do „stemmable” ([a-z]+); wpisz ją małymi literami "
        "bez znaków diakrytycznych (ą→a, ę→e, ó→o)",
    ),
    "an ending listed twice": (
        ("  - iem\n", "  - ia\n"),
        (0, 5),
        "końcówka „ia” występuje więcej niż raz (pierwszy raz w wierszu 65); usuń powtórzenie",
    ),
    "a fold key of two letters": (
        ("  ą: a\n", "  ąę: a\n"),
        (0, 3),
        "klucz „ąę” w „fold” nie jest jednym znakiem; wpisz jedną literę, np. „ą: a”",
    ),
    "word characters that are not text": (
        ("word_characters: '", "word_characters: 5 # '"),
        (0, 18),
        "oczekiwano: tekst, a jest: liczba; popraw wartość „word_characters”",
    ),
    "a broken character class": (
        ("word_characters: '0-9", "word_characters: '9-0"),
        (0, 18),
        "„9-0A-Za-z_",
    ),
    "a broken stemmable pattern": (
        ("stemmable: '[a-z]+'", "stemmable: '[a-z+'"),
        (0, 12),
        "wyrażenie regularne „[a-z+” jest niepoprawne: ",
    ),
    "an unknown key": (
        ("min_stem: 4", "min_stems: 4"),
        (0, 1),
        "nieznany klucz „min_stems”. Czy chodziło o „min_stem”? Dozwolone klucze: version, ",
    ),
    "another version": (
        ("version: 1", "version: 2"),
        (0, 10),
        "nieznana wersja reguł 2; wpisz „version: 1”",
    ),
    "a phrase in two groups": (
        ("      - usterka\n", "      - usterka\n      - przerwa techniczna\n"),
        (1, 9),
        "fraza „przerwa techniczna” czyta się jak „przerwa techniczna” z grupy "
        "„prace-planowane”; fraza może należeć do jednej grupy",
    ),
    "a phrase that reads like another one": (
        ("      - usterka\n", "      - usterka\n      - Awarią\n"),
        (1, 9),
        "fraza „Awarią” czyta się jak „awaria” z grupy „awaria”",
    ),
    "a phrase without words": (
        ("      - usterka\n", "      - usterka\n      - '–'\n"),
        (1, 9),
        "fraza „–” nie ma ani jednego słowa; wpisz słowa",
    ),
    "a group name twice": (
        ("  - id: eskalacja\n", "  - id: awaria\n"),
        (0, 9),
        "grupa synonimów „awaria” występuje więcej niż raz",
    ),
    "a group with one phrase": (
        ("      - ticket\n", ""),
        (-2, 5),
        "grupa synonimów potrzebuje co najmniej dwóch fraz; dopisz drugą albo usuń grupę",
    ),
    "a boost of zero": (
        ("    boost: 1.5\n", "    boost: 0\n"),
        (0, 12),
        "„boost” musi być większe od 0 i nie większe niż 100, a jest 0; wpisz np. 2",
    ),
    "a ranking rule without its reason": (
        ("    why: the checklist of a procedure, after the procedure itself\n", ""),
        (-2, 5),
        "brak wymaganego klucza „why”; dopisz go",
    ),
    "broken YAML": (
        ("  ą: a\n", "  ą: a\n   ć: c\n"),
        (1, 5),
        "niepoprawny YAML: ",
    ),
}


@pytest.mark.parametrize(("change", "where", "message"), BROKEN_RULES.values(), ids=BROKEN_RULES)
def test_a_broken_rules_file_is_reported_in_polish_where_it_is_broken(
    tmp_path: Path, change: tuple[str, str], where: tuple[int, int], message: str
) -> None:
    path, line = _rules_copy(tmp_path, *change)
    with pytest.raises((InputError, InputErrors)) as caught:
        search_pl.load_rules(path, tmp_path)
    problems = caught.value.errors if isinstance(caught.value, InputErrors) else [caught.value]
    shown = [str(p) for p in problems]
    below, column = where
    expected = f"hooks/search_pl/rules.yml:{line + below}:{column}: {message}"
    assert any(s.startswith(expected) for s in shown), shown
    assert all("\n" not in s for s in shown)


def test_the_rendered_plugin_embeds_the_rules_and_no_placeholder() -> None:
    script = _plugin()
    assert search_pl.RULES_PLACEHOLDER not in script
    assert _rules().to_json() in script


NODE_DRIVER = textwrap.dedent(
    """
    const vm = require("vm");
    const fs = require("fs");
    const input = JSON.parse(fs.readFileSync(0, "utf8"));
    const Query = function () { this.clauses = []; };
    Query.prototype.clause = function (c) { this.clauses.push(c); return this; };
    Query.wildcard = { NONE: 0, LEADING: 1, TRAILING: 2 };
    const lunr = { version: "2.3.9", Pipeline: { registerFunction() {} }, Query };
    const scope = { lunr, console };
    scope.self = scope;
    vm.createContext(scope);
    vm.runInContext(input.script, scope);
    const pl = lunr.pl;
    const out = {};
    for (const word of input.words) {
      out[word] = { fold: pl.fold(word), index: pl.indexTerm(word), query: pl.queryTerm(word) };
    }
    process.stdout.write(JSON.stringify(out));
    """
)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the plugin")
def test_the_javascript_analyser_agrees_with_the_python_mirror(
    analyzer: PolishAnalyzer,
) -> None:
    words = [token for word in VOCABULARY for token in analyzer.tokenize(word)]
    words += ["Awarię", "ZAKOŃCZENIE", "(dv)", "awaria,"]
    payload = json.dumps({"script": _plugin(), "words": words})
    completed = subprocess.run(
        ["node", "-e", NODE_DRIVER],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    javascript = json.loads(completed.stdout)
    python = {
        word: {
            "fold": analyzer.fold(word),
            "index": analyzer.index_term(word),
            "query": analyzer.query_term(word),
        }
        for word in words
    }
    assert javascript == python


def _build(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _small_site(root: Path, hook: Path = HOOK_PATH) -> Path:
    """One Polish page, Material's search and the Polish search hook: the mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Awaria w Digital Virgo\n\nZakończenie awarii.\n", "utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(
        textwrap.dedent(
            f"""\
            site_name: Test
            theme:
              name: material
              language: pl
            plugins:
              - search
            hooks:
              - {hook.as_posix()}
            """
        ),
        "utf-8",
    )
    return config_file


def test_building_twice_in_one_process_produces_the_same_polish_index(tmp_path: Path) -> None:
    config_file = _small_site(tmp_path)
    outputs = []
    for run in range(2):
        site = tmp_path / f"site{run}"
        _build(config_file, site)
        index = json.loads((site / search_pl.INDEX_URI).read_text("utf-8"))
        plugin = (site / search_pl.PLUGIN_URI).read_text("utf-8")
        outputs.append((index, plugin))

    (first_index, first_plugin), (second_index, second_plugin) = outputs
    assert first_index == second_index
    assert first_plugin == second_plugin
    assert first_index["config"]["lang"] == ["pl"]
    assert first_index["config"]["separator"] == _rules().separator
    assert first_index["config"]["pipeline"] == ["trimmer"]
    assert search_pl.RULES_PLACEHOLDER not in first_plugin


def test_a_broken_rules_file_fails_the_build_with_one_located_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hook = tmp_path / "hooks" / HOOK_PATH.name
    shutil.copytree(ROOT / search_pl.ASSET_DIR, tmp_path / search_pl.ASSET_DIR)
    shutil.copy2(HOOK_PATH, hook)
    _, line = _rules_copy(tmp_path, "min_stem: 4", "min_stem: 0")
    config_file = _small_site(tmp_path, hook)
    with pytest.raises(Abort):
        _build(config_file, tmp_path / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        f"hooks/search_pl/rules.yml:{line}:11: „min_stem” musi być dodatnie, a jest 0; wpisz np. 4"
    ]
