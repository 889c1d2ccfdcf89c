"""EngineSet and create_engines: only what the enabled rules need, and what did not run."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.lint.engines import EngineSet, EngineStatus, create_engines, languagetool, ltserver


@pytest.fixture(autouse=True)
def no_languagetool(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A checkout without LanguageTool installed (and no configured server)."""
    monkeypatch.delenv(languagetool.URL_VARIABLE, raising=False)
    monkeypatch.setattr(ltserver, "package_project", lambda: tmp_path)


@pytest.mark.parametrize(
    ("enabled", "expected"),
    [
        (set(), {}),
        ({"greeting"}, {}),
        ({"spelling"}, {"hunspell": {"pl", "en"}}),
        ({"grammar"}, {"harper": {"en"}, "languagetool": {"pl", "en"}}),
        (
            {"spelling", "grammar"},
            {"hunspell": {"pl", "en"}, "harper": {"en"}, "languagetool": {"pl", "en"}},
        ),
    ],
)
def test_only_the_engines_of_enabled_rules_are_built(
    enabled: set[str], expected: dict[str, set[str]]
) -> None:
    report = create_engines(enabled).report()
    assert {name: set(langs) for name, langs in report.items()} == expected


def test_the_report_has_a_status_and_a_detail_per_engine_and_language() -> None:
    report = create_engines({"spelling", "grammar"}).report()
    assert report["hunspell"]["pl"]["status"] == "ok"
    assert report["harper"]["en"]["status"] == "ok"
    assert report["languagetool"]["pl"]["status"] == "unavailable"
    assert all(set(entry) == {"status", "detail"} for e in report.values() for entry in e.values())


def test_engine_objects_are_shared_between_runs_but_statuses_are_not() -> None:
    first, second = create_engines({"spelling"}), create_engines({"spelling"})
    assert first.spellers["pl"] is second.spellers["pl"]
    first.statuses[0].available = False
    assert second.statuses[0].available


def test_the_summary_names_every_engine_in_polish() -> None:
    engines = EngineSet(
        statuses=[
            EngineStatus("hunspell", "pl", True, "słownik /usr/share/hunspell/pl_PL.dic"),
            EngineStatus("languagetool", "pl", False, "LanguageTool: brak serwera"),
        ]
    )
    assert engines.summary() == [
        "hunspell [pl]: działa — słownik /usr/share/hunspell/pl_PL.dic",
        "languagetool [pl]: NIE DZIAŁA — LanguageTool: brak serwera",
    ]


def test_a_failed_engine_is_dropped_and_reported() -> None:
    class Broken:
        name = "languagetool"
        lang = "pl"

        def check(self, text: str) -> list[object]:
            raise OSError("gone")

    broken = Broken()
    engines = EngineSet(
        statuses=[EngineStatus("languagetool", "pl", True, "serwer http://x")],
        grammar={"pl": [broken]},  # type: ignore[list-item]
    )
    engines.mark_failed(broken, "przestał odpowiadać")  # type: ignore[arg-type]
    assert engines.grammar["pl"] == []
    assert engines.report() == {
        "languagetool": {"pl": {"status": "unavailable", "detail": "przestał odpowiadać"}}
    }
