"""The panel „Co teraz?”'s bridge: the CLI's answer, from the JSON the site ships, in Polish.

The bridge is fed the way escalation.js feeds it: the supplier from
catalog.json (through JSON text), the report time as typed, and the
browser's clock as ``Date.toISOString()`` gives it.
"""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from komunikat import escalation_browser
from komunikat.catalog import Catalog
from komunikat.cli import main
from komunikat.site.composer_assets import catalog_bundle, python_bundle
from komunikat.warsaw import parse_local
from tests.shipped_python import HEAVY, run_shipped


@pytest.fixture(scope="module")
def suppliers(catalog: Catalog) -> dict[str, Any]:
    """The suppliers as the browser receives them: catalog.json through JSON text."""
    bundle = json.loads(json.dumps(catalog_bundle(catalog), ensure_ascii=False))
    return bundle["context"]["suppliers"]


def browser_clock(warsaw: str) -> str:
    """A Warsaw time as JavaScript's ``new Date().toISOString()`` writes that moment."""
    moment = parse_local(warsaw).moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def ask(supplier: dict[str, Any] | Any, severity: str, since: str, now: str) -> dict[str, Any]:
    request = {"supplier": supplier, "severity": severity, "since": since, "now": now}
    return json.loads(escalation_browser.status(json.dumps(request, ensure_ascii=False)))


CASES = [
    pytest.param("unnamed", "urgent", "04.03.2026 10:00", "04.03.2026 10:30", id="before a step"),
    pytest.param(
        "unnamed", "awaria zwykła", "04.03.2026 10:00", "04.03.2026 12:00", id="at a step"
    ),
    pytest.param("unnamed", "routine", "04.03.2026 10:00", "06.03.2026 12:00", id="days later"),
    pytest.param("daktela", "nagły przypadek", "04.03.2026 10:00", "04.03.2026 10:00", id="phone"),
    pytest.param("introserv", "standard", "04.03.2026 10:00", "04.03.2026 10:05", id="sla"),
    pytest.param("s4e", "failure", "04.03.2026 10:00", "04.03.2026 10:00", id="two steps at 0 h"),
    # the clocks go forward on 29.03.2026 at 02:00: 24 h after 10:00 CET is 11:00 CEST
    pytest.param("unnamed", "routine", "28.03.2026 10:00", "29.03.2026 10:59", id="spring, before"),
    pytest.param("unnamed", "routine", "28.03.2026 10:00", "29.03.2026 11:00", id="spring, at"),
    # the clocks go back on 25.10.2026 at 03:00: 02:00–03:00 happens twice
    pytest.param(
        "unnamed", "urgent", "25.10.2026 00:50", "25.10.2026 02:30 CET", id="autumn, after"
    ),
    pytest.param(
        "unnamed", "urgent", "25.10.2026 01:30", "25.10.2026 02:45 CEST", id="autumn, 1st"
    ),
    pytest.param(
        "unnamed", "urgent", "25.10.2026 02:30 CEST", "25.10.2026 02:15 CET", id="autumn, 2nd"
    ),
]


@pytest.mark.parametrize(("supplier", "severity", "since", "now"), CASES)
def test_the_panel_says_what_komunikat_escalate_prints(
    capsys: pytest.CaptureFixture[str],
    suppliers: dict[str, Any],
    supplier: str,
    severity: str,
    since: str,
    now: str,
) -> None:
    code = main(["escalate", supplier, "--severity", severity, "--since", since, "--now", now])
    out, err = capsys.readouterr()
    assert code == 0, err
    answer = ask(suppliers[supplier], severity, since, browser_clock(now))
    assert answer["ok"] is True, answer
    assert answer["text"] == out.splitlines()
    assert [f"{x['label']}: {x['text']}" if x["label"] else x["text"] for x in answer["lines"]] == (
        answer["text"]
    )


def test_the_next_step_says_when_in_warsaw_time_and_how_long_until_it(
    suppliers: dict[str, Any],
) -> None:
    answer = ask(
        suppliers["unnamed"], "urgent", "04.03.2026 10:00", browser_clock("04.03.2026 10:45")
    )
    upcoming = next(line for line in answer["lines"] if line["kind"] == "next")
    assert upcoming["label"] == "Następny krok"
    assert upcoming["at"] == "04.03.2026 12:00"
    assert upcoming["in"] == "1 godz. 15 min"
    assert upcoming["text"].startswith(
        "po 2 godz. (12:00, za 1 godz. 15 min) – e-mail i SMS: ponów"
    )
    current = [line for line in answer["lines"] if line["kind"] == "now"]
    assert [line["at"] for line in current] == ["04.03.2026 10:00"]
    assert current[0]["in"] is None


def test_the_next_step_across_the_spring_clock_change_is_counted_in_real_time(
    suppliers: dict[str, Any],
) -> None:
    answer = ask(
        suppliers["unnamed"], "routine", "28.03.2026 10:00", browser_clock("29.03.2026 09:00")
    )
    upcoming = next(line for line in answer["lines"] if line["kind"] == "next")
    assert (upcoming["at"], upcoming["in"]) == ("29.03.2026 11:00", "2 godz.")


def test_a_step_in_the_repeated_autumn_hour_names_its_zone(suppliers: dict[str, Any]) -> None:
    answer = ask(
        suppliers["unnamed"], "urgent", "25.10.2026 00:30", browser_clock("25.10.2026 01:00")
    )
    upcoming = next(line for line in answer["lines"] if line["kind"] == "next")
    assert upcoming["at"] == "25.10.2026 02:30 CEST"
    assert upcoming["in"] == "1 godz. 30 min"


@pytest.mark.parametrize(
    ("browser_now", "shown"),
    [
        ("2026-03-29T00:59:00.000Z", "29.03.2026 01:59"),
        ("2026-03-29T01:00:00.000Z", "29.03.2026 03:00"),
        ("2026-10-25T00:30:00.000Z", "25.10.2026 02:30"),
        ("2026-10-25T01:30:00.000Z", "25.10.2026 02:30"),
        ("2026-12-03T23:30:00+00:00", "04.12.2026 00:30"),
        ("nie wiem", ""),
    ],
)
def test_the_default_report_time_is_now_on_the_warsaw_clock(browser_now: str, shown: str) -> None:
    assert escalation_browser.now_text(browser_now) == shown


def test_the_repeated_autumn_hour_typed_without_a_zone_asks_which_one(
    suppliers: dict[str, Any],
) -> None:
    answer = ask(
        suppliers["unnamed"], "urgent", "25.10.2026 02:30", browser_clock("25.10.2026 04:00")
    )
    assert answer == {
        "ok": False,
        "error": "Kiedy zgłoszono: „25.10.2026 02:30”: ta godzina występuje dwa razy — przy zmianie "
        "czasu na zimowy zegary cofa się z 03:00 na 02:00; dopisz CEST (pierwsza) albo CET "
        "(druga), np. „25.10.2026 02:30 CEST”",
    }


@pytest.mark.parametrize(
    ("severity", "since", "now", "error"),
    [
        ("urgent", "", "2026-03-04T10:00:00.000Z", "Kiedy zgłoszono: wpisz datę i godzinę"),
        (
            "urgent",
            "wczoraj",
            "2026-03-04T10:00:00.000Z",
            "Kiedy zgłoszono: „wczoraj” nie jest datą",
        ),
        ("urgent", "31.02.2026 10:00", "2026-03-04T10:00:00.000Z", "taki dzień lub godzina nie"),
        (
            "urgent",
            "29.03.2026 02:30",
            "2026-03-30T10:00:00.000Z",
            "tej godziny nie ma w Warszawie",
        ),
        ("urgent", "05.03.2026 10:00", "2026-03-04T10:00:00.000Z", "to jeszcze przyszłość"),
        (
            "pilna",
            "04.03.2026 10:00",
            "2026-03-04T10:00:00.000Z",
            "Nieznany poziom pilności „pilna” dostawcy „unnamed”. Poziomy tego dostawcy: "
            "„sprawa rutynowa” (routine), „awaria zwykła” (urgent), „awaria krytyczna” (critical)",
        ),
        ("urgent", "04.03.2026 10:00", "jutro", "Bieżący czas: „jutro” nie jest datą"),
        ("urgent", "04.03.2026 10:00", 17, "Panel eskalacji dostał niepełne dane"),
        (None, "04.03.2026 10:00", "2026-03-04T10:00:00.000Z", "pilność nie jest tekstem"),
    ],
)
def test_bad_input_is_one_polish_sentence_not_an_exception(
    suppliers: dict[str, Any], severity: Any, since: str, now: Any, error: str
) -> None:
    answer = ask(suppliers["unnamed"], severity, since, now)
    assert answer["ok"] is False and error in answer["error"], answer
    assert "\n" not in answer["error"] and "Traceback" not in answer["error"]


@pytest.mark.parametrize(
    "request_text",
    [
        "",
        "nie JSON",
        "[]",
        '{"severity": "urgent"}',
        '{"supplier": 1, "severity": "urgent", "since": "04.03.2026 10:00", "now": "x"}',
        '{"supplier": {"escalation": [{"id": 1}]}, "severity": "a", "since": "04.03.2026 10:00",'
        ' "now": "2026-03-04T10:00:00Z"}',
        '{"supplier": {"escalation": [{"id": "a", "name_pl": "a", "steps": [{"after": "2 lata"}]}],'
        ' "id": "x", "name": "X", "sla": []}, "severity": "a", "since": "04.03.2026 10:00",'
        ' "now": "2026-03-04T10:00:00Z"}',
    ],
)
def test_garbage_requests_get_a_polish_message(request_text: str) -> None:
    answer = json.loads(escalation_browser.status(request_text))
    assert answer["ok"] is False
    assert answer["error"].startswith("Panel eskalacji dostał niepełne dane (")
    assert answer["error"].endswith("; odśwież stronę")


def test_the_shipped_code_answers_without_pydantic(
    catalog: Catalog, suppliers: dict[str, Any], tmp_path: Path
) -> None:
    """Only the site's python.zip and the standard library, as in Pyodide."""
    request = {
        "supplier": suppliers["s4e"],
        "severity": "awaria lub usterka",
        "since": "04.03.2026 10:00",
        "now": browser_clock("04.03.2026 10:20"),
    }
    (tmp_path / "request.json").write_text(json.dumps(request), encoding="utf-8")
    code = f"""
from komunikat import escalation_browser
answer = json.loads(escalation_browser.status(open({str(tmp_path / "request.json")!r}).read()))
print(json.dumps({{"text": answer["text"], "heavy": {HEAVY}}}))
"""
    report = run_shipped(python_bundle(), tmp_path, code)
    assert report["heavy"] == []
    assert report["text"][1].startswith("Teraz: od razu (10:00) – e-mail: wyślij wymagane")
    assert report["text"][2].startswith("Teraz: od razu (10:00) – telefon: potwierdź")
