"""The composer's problems in the form's own words; the CLI keeps its options.

The renderer's messages name what to type on the command line (``--previous``,
"dopisz CEST"); the form has a field or a choice for that instead. Each
problem the composer hands the browser says which field it belongs to.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from komunikat.catalog import Catalog
from komunikat.cli import main
from komunikat.composer import Composer
from komunikat.site.composer_assets import catalog_bundle

OPEN_VALUES = {
    "hl": "HL-200001",
    "start": "20.12.2026 22:00",
    "services": "sms-premium",
    "sender": "Anna Nowak",
}


@pytest.fixture(scope="module")
def composer(catalog: Catalog) -> Composer:
    return Composer.from_bundle(json.loads(json.dumps(catalog_bundle(catalog))))


def cli_error(capsys: pytest.CaptureFixture[str], template_id: str, *argv: str) -> str:
    capsys.readouterr()
    code = main(["render", template_id, *argv])
    err = capsys.readouterr().err
    assert code != 0
    return err


def sets(values: dict[str, str]) -> list[str]:
    return [arg for name, value in values.items() for arg in ("--set", f"{name}={value}")]


def opened(capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["render", "dv-outage-open", *sets(OPEN_VALUES)]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("template_id", "values", "previous"),
    [
        ("dv-outage-open", {}, []),
        ("dv-outage-close", {"hl": "1234"}, []),
        ("dv-outage-close", {"hl": "1234"}, ["Subject: coś innego\n\nbez OPEN"]),
        ("dv-maintenance-open", {"start": "25.10.2026 02:30", "end": "25.10.2026 05:00"}, []),
        ("operator-outage-open", {"hl": "12", "operator": "XX", "services": ["x"]}, []),
    ],
)
def test_no_issue_names_a_command_line_option_or_an_internal_field_name(
    composer: Composer, template_id: str, values: dict[str, Any], previous: list[str]
) -> None:
    result = composer.compose(template_id, values, previous=previous)
    assert result["issues"] and not result["ready"]
    names = composer.spec(template_id).variable_names
    for issue in result["issues"]:
        assert "--" not in issue["message"] and "dopisz" not in issue["message"], issue
        assert issue["field"] is None or issue["field"] in names
        assert not any(f"{name} (" in issue["message"] for name in names), issue


def test_an_end_before_the_start_belongs_to_the_end_field(composer: Composer) -> None:
    values = {"start": "20.12.2026 22:00", "end": "20.12.2026 21:00"}
    result = composer.compose("dv-maintenance-open", values)
    ends = [issue for issue in result["issues"] if issue["kind"] == "notice"]
    assert ends == [
        {
            "field": "end",
            "kind": "notice",
            "message": "czas zakończenia (20.12.2026 21:00) musi być późniejszy niż czas "
            "rozpoczęcia (20.12.2026 22:00)",
        }
    ]


def test_a_quoted_notice_of_another_hl_is_named_in_plain_polish(
    composer: Composer, capsys: pytest.CaptureFixture[str]
) -> None:
    close = {"hl": "HL-999999", "end": "21.12.2026 01:00", "sender": "Anna Nowak"}
    result = composer.compose("dv-outage-close", close, previous=[opened(capsys)])
    assert {
        "field": None,
        "kind": "previous",
        "message": "poprzednia wiadomość (wklejona nr 1) dotyczy HL-200001, a ta — HL-999999; "
        "dołącz wiadomość o tym samym numerze HL",
    } in result["issues"]


def test_a_value_the_quoted_open_gives_is_not_missing(
    composer: Composer, capsys: pytest.CaptureFixture[str]
) -> None:
    close = {"end": "21.12.2026 01:00", "sender": "Anna Nowak"}
    result = composer.compose("dv-outage-close", close, previous=[opened(capsys)])
    assert result["ready"], result["issues"]
    assert result["missing"] == [] and result["issues"] == []


def test_the_cli_still_names_its_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    close = sets({"hl": "HL-1234", "end": "21.12.2026 01:00", "sender": "Anna Nowak"})
    err = cli_error(capsys, "dv-outage-close", *close, "--set", "start=20.12.2026 22:00")
    assert "podaj ją: --previous PLIK" in err
    (tmp_path / "other.txt").write_text("Subject: coś innego\n\nbez OPEN\n", encoding="utf-8")
    err = cli_error(capsys, "dv-outage-close", *close, "--previous", str(tmp_path / "other.txt"))
    assert "dołącz je przez --previous" in err
    err = cli_error(capsys, "dv-maintenance-open", "--sample", "--set", "start=25.10.2026 02:30")
    assert "dopisz CEST (pierwsza) albo CET (druga)" in err
    err = cli_error(capsys, "dv-outage-open", "--set", "sender=Anna Nowak")
    assert "brak wymaganych wartości: hl (Numer HL)" in err


@pytest.mark.parametrize(("zone", "other"), [("CEST", "CET"), ("CET", "CEST")])
def test_the_repeated_hour_prints_its_zone_in_both_languages(
    composer: Composer, zone: str, other: str
) -> None:
    values = {**OPEN_VALUES, "start": f"25.10.2026 02:30 {zone}", "end": "25.10.2026 05:00"}
    result = composer.compose("dv-maintenance-open", values)
    assert result["ready"], result["issues"]
    assert f"Start date: 25.10.2026 02:30 {zone}" in result["body"]
    assert f"Czas rozpoczęcia: 25.10.2026 02:30 {zone}" in result["body"]
    assert f"02:30 {other}" not in result["body"]
    assert "Czas zakończenia: 25.10.2026 05:00\n" in result["body"]
