"""Synonyms and page ranking of the Polish search (``synonyms``, ``ranking`` in rules.yml).

The Python mirror (komunikat.site.search_pl, search_synonyms) and the browser
plugin must index and query alike: one test runs the rendered plugin in Node
on the lunr that Material's search worker bundles, and compares the index
terms (with the word each synonym term marks) and the query clauses.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from komunikat.site import search_pl
from komunikat.site.search_pl import PolishAnalyzer, PolishRules
from komunikat.site.search_synonyms import index_expansion

ROOT = Path(__file__).resolve().parents[2]
RULES_PATH = search_pl.rules_path(ROOT)


def _rules() -> PolishRules:
    return search_pl.load_rules(RULES_PATH, ROOT)


@pytest.fixture(scope="module")
def analyzer() -> PolishAnalyzer:
    return PolishAnalyzer(_rules())


#: (query, text of a page): the page says another phrase of the query's group
FOUND_THROUGH_SYNONYMS = [
    ("okno serwisowe", "Prace planowane w Digital Virgo"),
    ("przerwa techniczna", "Prace planowane u operatora"),
    ("prace serwisowe", "Informacja o pracach planowanych"),
    ("maintenance", "Prace planowane w Digital Virgo"),
    ("prace planowane", "Planned maintenance – OPEN"),
    ("okna serwisowego", "Prace planowane w Digital Virgo"),
    ("outage", "Awaria w Digital Virgo"),
    ("awaria", "Operator's outage - CLOSE"),
    ("niedostępność", "Awaria u operatora"),
    ("niedostepnosc", "Awaria u operatora"),
    ("incydent", "Zakończenie awarii"),
    ("nie działa", "Awaria w Digital Virgo"),
    ("eskalacja", "Jak eskalować zgłoszenie do dostawcy"),
    ("ticket", "Przyjęcie zgłoszenia"),
]

#: (query, text): no phrase of the query's group is in the text
NOT_FOUND = [
    ("okno serwisowe", "Awaria w Digital Virgo"),
    ("przerwa techniczna", "obsługa techniczna operatora"),
    ("awaria", "Prace planowane w Digital Virgo"),
    ("maintenance", "Awaria u operatora"),
    ("nie działa", "nie wysyłamy"),
]


@pytest.mark.parametrize(("query", "text"), FOUND_THROUGH_SYNONYMS)
def test_a_phrase_finds_the_pages_that_use_another_phrase_of_its_group(
    analyzer: PolishAnalyzer, query: str, text: str
) -> None:
    assert analyzer.matches(query, text)


@pytest.mark.parametrize(("query", "text"), NOT_FOUND)
def test_a_phrase_does_not_find_pages_of_another_group(
    analyzer: PolishAnalyzer, query: str, text: str
) -> None:
    assert not analyzer.matches(query, text)


@pytest.mark.parametrize(
    ("query", "clauses"),
    [
        ("okno serwisowe", ["syn:prace-planowane"]),
        ("prace planowane orange", ["syn:prace-planowane", "orang*"]),
        ("awaria orange", ["syn:awaria", "orang*"]),
        ("planowana niedostępność", ["syn:prace-planowane"]),
        ("zamknięcie zgłoszenia", ["zamkniec*", "syn:zgloszenie"]),
        ("okno", ["okno*"]),
        ("T-Mobile", ["t", "mobil*"]),
    ],
)
def test_a_phrase_of_a_group_becomes_one_clause_and_the_longest_phrase_wins(
    analyzer: PolishAnalyzer, query: str, clauses: list[str]
) -> None:
    assert analyzer.query_clauses(query) == clauses


def test_each_word_of_a_phrase_on_a_page_is_marked_by_its_group_term(
    analyzer: PolishAnalyzer,
) -> None:
    assert analyzer.index_terms("Okno serwisowe: awarii") == [
        "okno",
        "syn:prace-planowane",
        "syn:prace-planowane",
        "serwisowe",
        "awarii",
        "syn:awaria",
    ]


@pytest.mark.parametrize(
    ("path", "boost"),
    [
        ("awarie/index.md", 0.4),
        ("prace-planowane/index.md", 0.4),
        ("reguly.md", 0.4),
        ("awarie/digital-virgo.md", 2.5),
        ("prace-planowane/operator.md", 2.5),
        ("awarie/checklista.md", 1.5),
        ("dostawcy/daktela.md", 2),
        ("index.md", None),
        ("szablony/dv-outage-open.md", None),
    ],
)
def test_procedures_weigh_more_and_section_indexes_less(path: str, boost: float | None) -> None:
    assert _rules().page_boost(path) == boost


# --------------------------------------------------------------------------- #
# The browser plugin on real lunr agrees with the mirror

NODE_DRIVER = textwrap.dedent(
    """
    const vm = require("vm");
    const fs = require("fs");
    const input = JSON.parse(fs.readFileSync(0, "utf8"));
    const scope = { console, addEventListener() {}, postMessage() {}, importScripts() {} };
    scope.self = scope;
    vm.createContext(scope);
    vm.runInContext(fs.readFileSync(input.worker, "utf8"), scope);
    vm.runInContext(input.script, scope);
    const lunr = scope.lunr;
    const out = { index: [], query: [] };
    for (const words of input.texts) {
      const builder = new lunr.Builder();
      lunr.pl.call(builder);
      const tokens = words.map((w, i) => new lunr.Token(w, { position: i }));
      out.index.push(builder.pipeline.run(tokens).map((t) => [t.toString(), t.metadata.position]));
    }
    for (const query of input.queries) {
      const q = new lunr.Query(["title", "text"]);
      new lunr.QueryParser(query, q).parse();
      out.query.push(q.clauses.map((c) => c.term));
      scope.postMessage({ type: 3, data: { items: [] } });  // the worker's reply ends a query
    }
    process.stdout.write(JSON.stringify(out));
    """
)

TEXTS = [
    "Prace planowane w Digital Virgo",
    "Okno serwisowe operatora Orange, przerwa techniczna.",
    "Planowana niedostępność usług; awaria – nie działa!",
    "Eskalacja zgłoszenia HL-123456 do T-Mobile (ticket)",
    "Planned maintenance – OPEN / Operator's outage - CLOSE",
]


def _worker() -> Path:
    import material

    found = sorted((Path(material.__file__).parent / "templates").glob("**/workers/search.*.js"))
    assert found, "Material's search worker is not installed"
    return found[0]


def _expected_index(analyzer: PolishAnalyzer, words: list[str]) -> list[list[object]]:
    """The mirror's index terms with the position of the word each one marks."""
    kept = [(analyzer.index_term(w), i) for i, w in enumerate(words) if analyzer.index_term(w)]
    terms = [term for term, _ in kept]
    out: list[list[object]] = []
    for k, (term, position) in enumerate(kept):
        out.append([term, position])
        out += [[t, kept[j][1]] for t, j in index_expansion(analyzer.rules.synonyms, terms, k)]
    return out


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the plugin")
def test_the_browser_plugin_indexes_and_queries_synonyms_like_the_mirror(
    analyzer: PolishAnalyzer,
) -> None:
    docs_titles = [
        line[2:].strip()
        for page in sorted((ROOT / "docs").glob("**/*.md"))
        for line in page.read_text("utf-8").splitlines()
        if line.startswith("# ")
    ]
    texts = [analyzer.tokenize(text) for text in [*TEXTS, *docs_titles]]
    queries = [q for q, _ in FOUND_THROUGH_SYNONYMS + NOT_FOUND] + [
        "prace planowane orange",
        "awaria orange",
        "planowana niedostępność",
        "zamknięcie zgłoszenia",
        "kontakt play",
        "okno",
    ]
    material_queries = [" ".join(f"{w}*" for w in analyzer.tokenize(q)) for q in queries]
    script = search_pl.render_plugin(_rules(), search_pl.template_path(ROOT), ROOT)
    payload = {"worker": str(_worker()), "script": script, "texts": texts, "queries": queries}
    payload["queries"] = material_queries
    completed = subprocess.run(
        ["node", "-e", NODE_DRIVER],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    javascript = json.loads(completed.stdout)
    assert javascript["index"] == [_expected_index(analyzer, words) for words in texts]
    # Material appends "*" to every typed word: short ones are prefixes there, exact here
    browser = [[c.rstrip("*") for c in clauses] for clauses in javascript["query"]]
    mirror = [[c.rstrip("*") for c in analyzer.query_clauses(q)] for q in queries]
    assert browser == mirror
    assert any("syn:" in term for terms in javascript["index"] for term, _ in terms)
