"""Unit tests of the Polish search analyser (hooks/search_pl.py and its rules).

The Python ``PolishAnalyzer`` mirrors the browser plugin hooks/search_pl/lunr.pl.js;
both read hooks/search_pl/rules.yml.  One test runs the rendered JavaScript in
Node (skipped without ``node``) to prove the two implementations agree.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK_PATH = ROOT / "hooks" / "search_pl.py"


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("search_pl_under_test", HOOK_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


@pytest.fixture(scope="module")
def analyzer() -> hook.PolishAnalyzer:
    return hook.PolishAnalyzer(hook.load_rules())


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
    analyzer: hook.PolishAnalyzer, word: str, folded: str
) -> None:
    assert analyzer.fold(word) == folded


def test_a_word_with_and_without_diacritics_normalises_to_the_same_term(
    analyzer: hook.PolishAnalyzer,
) -> None:
    assert analyzer.query_term("zakończenie") == analyzer.query_term("zakonczenie")
    assert analyzer.index_term("zakończenie") == analyzer.index_term("zakonczenie")


@pytest.mark.parametrize("lemma", sorted(INFLECTION_GROUPS))
def test_all_inflected_forms_of_a_word_normalise_to_one_query_stem(
    analyzer: hook.PolishAnalyzer, lemma: str
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
    analyzer: hook.PolishAnalyzer, forms: tuple[str, ...], stem: str
) -> None:
    assert [analyzer.query_term(form) for form in forms] == [stem] * len(forms)


@pytest.mark.parametrize("lemma", sorted(INFLECTION_GROUPS))
def test_every_inflected_form_finds_text_with_every_other_form(
    analyzer: hook.PolishAnalyzer, lemma: str
) -> None:
    forms = INFLECTION_GROUPS[lemma]
    misses = [(q, t) for q in forms for t in forms if not analyzer.matches(q, t)]
    assert misses == []


@pytest.mark.parametrize(("first", "second"), UNRELATED_PAIRS)
def test_unrelated_words_do_not_find_each_other(
    analyzer: hook.PolishAnalyzer, first: str, second: str
) -> None:
    assert analyzer.query_term(first) != analyzer.query_term(second)
    assert not analyzer.matches(first, second)
    assert not analyzer.matches(second, first)


@pytest.mark.parametrize("word", ["pola", "kody", "dane", "sieć", "prac", "awar"])
def test_short_words_are_not_stemmed_below_the_minimum_length(
    analyzer: hook.PolishAnalyzer, word: str
) -> None:
    assert analyzer.query_term(word) == analyzer.fold(word)


@pytest.mark.parametrize("word", ["hl", "123456", "v2.0", "utf", "msisdn_id", "5g"])
def test_identifiers_are_matched_as_typed(analyzer: hook.PolishAnalyzer, word: str) -> None:
    assert analyzer.query_term(word) == word


@pytest.mark.parametrize("word", VOCABULARY)
def test_a_query_stem_is_a_prefix_of_the_indexed_word(
    analyzer: hook.PolishAnalyzer, word: str
) -> None:
    for token in analyzer.tokenize(word):
        assert analyzer.index_term(token).startswith(analyzer.query_term(token))


@pytest.mark.parametrize("word", VOCABULARY)
def test_stemming_a_stem_again_changes_nothing(analyzer: hook.PolishAnalyzer, word: str) -> None:
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
    analyzer: hook.PolishAnalyzer, text: str, tokens: list[str]
) -> None:
    assert analyzer.tokenize(text) == tokens


def test_the_trimmer_removes_wildcard_stars_from_indexed_words(
    analyzer: hook.PolishAnalyzer,
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
    analyzer: hook.PolishAnalyzer, query: str, text: str, found: bool
) -> None:
    assert analyzer.matches(query, text) is found


def test_the_rules_list_each_suffix_once_longest_first() -> None:
    rules = hook.load_rules()
    assert len(set(rules.suffixes)) == len(rules.suffixes)
    assert [len(s) for s in rules.suffixes] == sorted(
        (len(s) for s in rules.suffixes), reverse=True
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"min_stem": 0}, "min_stem"),
        ({"suffixes": ["ą"]}, "folded lowercase"),
        ({"suffixes": ["a", "a"]}, "duplicates"),
        ({"fold": {"ąę": "a"}}, "single characters"),
        ({"word_characters": None}, "word_characters"),
    ],
)
def test_invalid_rules_are_rejected_with_a_clear_message(
    change: dict[str, object], message: str
) -> None:
    import yaml

    data = yaml.safe_load(hook.RULES_PATH.read_text(encoding="utf-8"))
    data.update(change)
    with pytest.raises(hook.RulesError, match=message):
        hook.parse_rules(data)


def test_the_rendered_plugin_embeds_the_rules_and_no_placeholder() -> None:
    rules = hook.load_rules()
    script = hook.render_plugin(rules)
    assert hook.RULES_PLACEHOLDER not in script
    assert rules.to_json() in script


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
    analyzer: hook.PolishAnalyzer,
) -> None:
    words = [token for word in VOCABULARY for token in analyzer.tokenize(word)]
    words += ["Awarię", "ZAKOŃCZENIE", "(dv)", "awaria,"]
    payload = json.dumps({"script": hook.render_plugin(hook.load_rules()), "words": words})
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


def test_building_twice_in_one_process_produces_the_same_polish_index(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Awaria w Digital Virgo\n\nZakończenie awarii.\n", "utf-8")
    config_file = tmp_path / "mkdocs.yml"
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
              - {HOOK_PATH.as_posix()}
            """
        ),
        "utf-8",
    )
    outputs = []
    for run in range(2):
        site = tmp_path / f"site{run}"
        _build(config_file, site)
        index = json.loads((site / hook.INDEX_URI).read_text("utf-8"))
        plugin = (site / hook.PLUGIN_URI).read_text("utf-8")
        outputs.append((index, plugin))

    (first_index, first_plugin), (second_index, second_plugin) = outputs
    assert first_index == second_index
    assert first_plugin == second_plugin
    assert first_index["config"]["lang"] == ["pl"]
    assert first_index["config"]["separator"] == hook.load_rules().separator
    assert first_index["config"]["pipeline"] == ["trimmer"]
    assert hook.RULES_PLACEHOLDER not in first_plugin
