"""Polish search in a real browser: Material's search box, worker and highlighting.

Queries are typed into the search box of the built site; the tests read the
rendered result list (page titles, ``<mark>`` highlights) and, for
``search.highlight``, the marks on the page a result links to.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from komunikat.site import search_pl
from komunikat.site.search_pl import PolishAnalyzer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

OUTAGE_PAGES = ("Awaria w Digital Virgo", "Awaria u operatora")
MAINTENANCE_PAGE = "Prace planowane w Digital Virgo"
#: Search index locations of the target pages (use_directory_urls layout).
TARGET_LOCATIONS = {
    "awarie/digital-virgo/": "Awaria w Digital Virgo",
    "awarie/operator/": "Awaria u operatora",
    "prace-planowane/digital-virgo/": MAINTENANCE_PAGE,
}

#: What operators type, and the page that must be among the first results:
#: the procedure, not the section index or the template it links to.
OPERATOR_QUERIES = {
    "awaria": "Awaria w Digital Virgo",
    "awaria orange": "Awaria u operatora",
    "awaria operatora": "Awaria u operatora",
    "outage": "Awaria w Digital Virgo",
    "niedostępność": "Awaria w Digital Virgo",
    "incydent": "Awaria w Digital Virgo",
    "prace planowane": "Prace planowane w Digital Virgo",
    "prace planowane orange": "Prace planowane u operatora",
    "okno serwisowe": "Prace planowane w Digital Virgo",
    "przerwa techniczna": "Prace planowane w Digital Virgo",
    "prace serwisowe": "Prace planowane w Digital Virgo",
    "maintenance": "Prace planowane w Digital Virgo",
    "helpline": "Kontakty",
    "zamknięcie zgłoszenia": "S4E",
    "eskalacja": "Porównanie dostawców",
    "daktela": "Daktela",
    "introserv": "INTROSERV",
    "s4e": "S4E",
    "kontakt play": "Play",
    "orange": "Orange",
    "telefon": "Komunikacja telefoniczna",
}
FIRST_RESULTS = 3
#: Pages that are not what an operator looks for and must not come first.
NEVER_FIRST = ("Reguły sprawdzania", "Disaster Communication (awarie)")

POLISH_DIACRITICS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
EDGE_PUNCTUATION = re.compile(r"^[^\w*]|[^\w*]$")

RESULTS_SETTLED = """
(none) => {
  const items = document.querySelectorAll(".md-search-result__list > li");
  const meta = document.querySelector(".md-search-result__meta");
  return items.length > 0 || (meta !== null && meta.textContent.trim() === none);
}
"""


@cache
def analyzer() -> PolishAnalyzer:
    return PolishAnalyzer(search_pl.load_rules(search_pl.rules_path(ROOT), ROOT))


@dataclass(frozen=True)
class Results:
    """What the search overlay shows for one query."""

    query: str
    titles: list[str]
    marks: list[str]

    def has_mark(self, word: str) -> bool:
        return any(mark.casefold() == word.casefold() for mark in self.marks)

    def marks_matching(self, word: str) -> list[str]:
        """Marked words that the query word ``word`` matches (any inflection)."""
        pl = analyzer()
        stem = pl.query_term(word)
        return [mark for mark in self.marks if pl.index_term(mark).startswith(stem)]


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", analyzer().fold(text)).strip("-") or "query"


def search(page: Page, site_url: str, query: str, screenshot: Path) -> Results:
    """Type ``query`` into Material's search box, read the results, save a screenshot."""
    page.goto(site_url)
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    none_text = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.none']"
    )
    page.wait_for_function(RESULTS_SETTLED, arg=none_text, timeout=15_000)
    results = page.locator(".md-search-result__list")
    found = Results(
        query=query,
        titles=[title.strip() for title in results.locator("li h1").all_text_contents()],
        marks=[mark.strip() for mark in results.locator("mark").all_text_contents()],
    )
    page.screenshot(path=screenshot, animations="disabled")
    assert page.console_errors == []  # type: ignore[attr-defined]
    assert [mark for mark in found.marks if EDGE_PUNCTUATION.search(mark)] == []
    return found


@pytest.fixture
def shot(request: pytest.FixtureRequest, artifacts_dir: Path) -> Callable[[str], Path]:
    """Screenshot path in test-artifacts/ named after the test and a label."""

    def path(label: str) -> Path:
        return artifacts_dir / f"{_slug(request.node.name)}--{_slug(label)}.png"

    return path


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict[str, Any]:
    """The search index as written by the build (after the hook)."""
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))


def _page_docs(index: dict[str, Any], location: str) -> list[dict[str, Any]]:
    return [doc for doc in index["docs"] if doc["location"].split("#")[0] == location]


def _words(doc: dict[str, Any]) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
    return analyzer().tokenize(text)


# --------------------------------------------------------------------------- #


def test_the_index_is_configured_for_polish(index: dict[str, Any]) -> None:
    assert index["config"]["lang"] == ["pl"]
    assert index["config"]["separator"] == analyzer().rules.separator


@pytest.mark.parametrize("query", ["awarii", "awarię", "awaria", "awarią", "awarie", "awariach"])
def test_every_inflected_form_of_awaria_finds_both_outage_pages(
    page: Page, site_url: str, shot: Callable[[str], Path], query: str
) -> None:
    results = search(page, site_url, query, shot(query))
    assert set(OUTAGE_PAGES) <= set(results.titles), results


@pytest.mark.parametrize("query", ["prac", "prace", "pracach", "pracami"])
def test_every_inflected_form_of_prace_finds_the_maintenance_page(
    page: Page, site_url: str, shot: Callable[[str], Path], query: str
) -> None:
    results = search(page, site_url, query, shot(query))
    assert MAINTENANCE_PAGE in results.titles, results


def test_zakonczenie_without_diacritics_highlights_the_original_word(
    page: Page, site_url: str, shot: Callable[[str], Path]
) -> None:
    results = search(page, site_url, "zakonczenie", shot("zakonczenie"))
    assert results.titles, "no page mentions 'zakończenie'"
    assert results.has_mark("zakończenie"), results
    mark = page.locator(".md-search-result__list mark", has_text=re.compile("^zakończenie$", re.I))
    assert mark.count() > 0


def test_the_page_opened_from_a_result_highlights_the_original_word(
    page: Page, site_url: str, shot: Callable[[str], Path]
) -> None:
    search(page, site_url, "zakonczenie", shot("zakonczenie"))
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    if "search.highlight" not in features:
        pytest.skip("the site does not enable the search.highlight feature")
    link = page.locator(".md-search-result__list a", has=page.locator("mark")).first
    link.click()
    page.wait_for_url(re.compile(r"[?&]h="))
    highlighted = page.locator("article mark[data-md-highlight]")
    highlighted.first.wait_for(timeout=10_000)
    page.screenshot(path=shot("target page"), animations="disabled")
    words = {text.strip().casefold() for text in highlighted.all_inner_texts()}
    assert "zakończenie" in words, words


@pytest.mark.parametrize("location", sorted(TARGET_LOCATIONS))
def test_a_word_typed_without_diacritics_finds_its_page(
    page: Page, site_url: str, shot: Callable[[str], Path], index: dict[str, Any], location: str
) -> None:
    """Type the page's rarest word with Polish letters without them; marks keep them."""
    pages_with_word: Counter[str] = Counter()
    for doc in index["docs"]:
        for word in set(_words(doc)):
            pages_with_word[word] += 1
    candidates = sorted(
        {
            word
            for doc in _page_docs(index, location)
            for word in _words(doc)
            if POLISH_DIACRITICS.search(word) and len(word) >= 5
        },
        key=lambda word: (pages_with_word[word], -len(word), word),
    )
    assert candidates, f"{location} has no word with Polish letters"
    original = candidates[0]
    query = analyzer().fold(original)
    assert query != original

    results = search(page, site_url, query, shot(query))
    assert TARGET_LOCATIONS[location] in results.titles, results
    spelled_with_diacritics = [
        mark for mark in results.marks_matching(query) if POLISH_DIACRITICS.search(mark)
    ]
    assert spelled_with_diacritics, results


@pytest.mark.parametrize("query", ["awaria,", "(awarii)", "awarię.", "„awaria”"])
def test_punctuation_typed_around_a_word_is_ignored(
    page: Page, site_url: str, shot: Callable[[str], Path], query: str
) -> None:
    results = search(page, site_url, query, shot(query))
    assert set(OUTAGE_PAGES) <= set(results.titles), results


@pytest.mark.parametrize("location", sorted(TARGET_LOCATIONS))
def test_punctuation_next_to_a_word_is_not_part_of_the_indexed_word(
    page: Page, site_url: str, shot: Callable[[str], Path], index: dict[str, Any], location: str
) -> None:
    """Search a word that the page writes next to punctuation, e.g. "awaria," or "(DV)"."""
    pattern = re.compile(r"(?:(?<=\()|(?<=„))([^\W\d_]{2,})|([^\W\d_]{2,})(?=[,.:;!?)”])")
    candidates = sorted(
        {
            next(group for group in match.groups() if group)
            for doc in _page_docs(index, location)
            for match in pattern.finditer(re.sub(r"<[^>]+>", " ", doc["text"]))
        },
        key=lambda word: (-len(word), word),
    )
    assert candidates, f"{location} has no word next to punctuation"
    word = candidates[0]
    results = search(page, site_url, word, shot(word))
    assert TARGET_LOCATIONS[location] in results.titles, results
    assert results.has_mark(word), results


@pytest.mark.parametrize("name", ["T-Mobile", "HL-123456"])
def test_hyphenated_names_are_found_and_highlighted(
    page: Page, site_url: str, shot: Callable[[str], Path], index: dict[str, Any], name: str
) -> None:
    if not any(name in doc["text"] for doc in index["docs"]):
        pytest.skip(f"no page mentions {name}")
    results = search(page, site_url, name, shot(name))
    assert results.titles, results
    for part in name.split("-"):
        assert results.has_mark(part), results


@pytest.mark.parametrize(("query", "expected"), OPERATOR_QUERIES.items())
def test_an_operator_query_shows_its_procedure_among_the_first_results(
    page: Page, site_url: str, shot: Callable[[str], Path], query: str, expected: str
) -> None:
    results = search(page, site_url, query, shot(query))
    assert expected in results.titles[:FIRST_RESULTS], results.titles
    assert results.titles[0] not in NEVER_FIRST, results.titles


def test_an_unrelated_word_does_not_find_the_outage_pages(
    page: Page, site_url: str, shot: Callable[[str], Path]
) -> None:
    results = search(page, site_url, "awans", shot("awans"))
    assert not set(OUTAGE_PAGES) & set(results.titles), results
