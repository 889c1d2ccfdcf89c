"""The komunikat command as operators use it."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.cli import main

EXPECTED_TEMPLATES = [
    "dv-maintenance-open",
    "dv-maintenance-close",
    "dv-maintenance-prolongation",
    "operator-maintenance-open",
    "operator-maintenance-close",
    "dv-outage-open",
    "dv-outage-close",
    "operator-outage-open",
    "operator-outage-close",
    "ticket-accepted",
    "ticket-rejected-unknown-sender",
    "partner-problem-report",
    "operator-problem-report",
    "phone-incoming",
    "phone-outgoing",
    "supplier-unnamed-report",
    "supplier-daktela-report",
    "supplier-introserv-report",
    "supplier-s4e-report",
]

OPEN_ARGS = [
    "render",
    "dv-maintenance-open",
    "--set",
    "hl=HL-200001",
    "--set",
    "start=20.12.2026 22:00",
    "--set",
    "end=21.12.2026 01:00",
    "--set",
    "services=sms-premium,mps",
    "--set",
    "sender=Anna Nowak",
    "--now",
    "10.12.2026 10:00",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_template_of_the_seed_with_its_phase(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    ids = [line.split()[0] for line in out.strip().split("\n")]
    assert sorted(ids) == sorted(EXPECTED_TEMPLATES)
    assert any(
        line.split()[:2] == ["dv-maintenance-prolongation", "PROLONGATION"]
        for line in out.split("\n")
    )


def test_render_prints_subject_and_body_ready_to_send(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *OPEN_ARGS)
    assert code == 0, err
    assert out.startswith(
        "Subject: Prace planowane | Planned maintenance - OPEN [HL-200001]\n\nDear customer,\n"
    )
    assert "Start date: 20.12.2026 22:00 CET" in out
    assert "Czas rozpoczęcia: 20.12.2026 22:00\n" in out
    assert "Services: SMS Premium, MPS" in out


def test_render_json_gives_subject_body_and_normalised_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, *OPEN_ARGS, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["subject"].endswith("[HL-200001]")
    assert data["values"]["start"] == {
        "pl": "20.12.2026 22:00",
        "en": "20.12.2026 22:00 CET",
        "iso": "2026-12-20T22:00:00+01:00",
    }
    assert data["values"]["services"] == ["sms-premium", "mps"]


def test_render_eml_is_a_proper_utf8_message_with_encoded_subject(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code = main(
        [
            *OPEN_ARGS[:1],
            "dv-outage-open",
            "--sample",
            "--format",
            "eml",
            "--to",
            "partnerzy@example.com",
        ]
    )
    raw = capsysbinary.readouterr().out
    assert code == 0
    assert b"Subject: =?utf-8?" in raw or b"Subject: Awaria" in raw
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123458]"
    assert msg["To"] == "partnerzy@example.com"
    assert msg["From"] == "helpline@digitalvirgo.pl"
    assert "Szanowni Państwo," in msg.get_body(("plain",)).get_content()
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_missing_values_are_listed_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "dv-outage-open", "--set", "hl=HL-1234")
    assert code == 2 and out == ""
    expected = "brak wymaganych wartości: start (Czas rozpoczęcia awarii), services (Niedostępne"
    assert expected in err


def test_unknown_template_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "dv-outage-opn")
    assert code == 2 and "Czy chodziło o „dv-outage-open”" in err


def test_bad_set_syntax_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "dv-outage-open", "--set", "hl")
    assert code == 2 and "pole=wartość" in err


def test_close_without_previous_message_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "render",
        "dv-outage-close",
        "--set",
        "hl=HL-1234",
        "--set",
        "start=01.12.2026 10:00",
        "--set",
        "end=01.12.2026 11:00",
        "--set",
        "sender=Jan Kowalski",
    )
    assert code == 2 and "--previous" in err


def test_close_quotes_the_open_notice_given_as_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, opened, _ = run(capsys, *OPEN_ARGS)
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    code, out, err = run(
        capsys,
        "render",
        "dv-maintenance-close",
        "--set",
        "hl=HL-200001",
        "--set",
        "start=20.12.2026 22:00",
        "--set",
        "end=21.12.2026 01:00",
        "--set",
        "sender=Anna Nowak",
        "--previous",
        str(tmp_path / "open.txt"),
    )
    assert code == 0, err
    new, _, quoted = out.partition("----- Poprzednia wiadomość / Previous message -----\n")
    assert "CLOSE [HL-200001]" in new
    assert quoted.startswith(
        "Subject: Prace planowane | Planned maintenance - OPEN [HL-200001]\n\nDear customer,"
    )


def test_close_refuses_a_previous_message_of_another_hl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, opened, _ = run(capsys, *OPEN_ARGS)
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    code, _, err = run(
        capsys,
        "render",
        "dv-maintenance-close",
        "--set",
        "hl=HL-200002",
        "--set",
        "start=20.12.2026 22:00",
        "--set",
        "end=21.12.2026 01:00",
        "--set",
        "sender=Anna Nowak",
        "--previous",
        str(tmp_path / "open.txt"),
    )
    assert code == 2 and "dotyczy HL-200001, a ta — HL-200002" in err


def test_close_accepts_the_open_notice_as_eml(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    main([*OPEN_ARGS, "--format", "eml"])
    (tmp_path / "open.eml").write_bytes(capsysbinary.readouterr().out)
    code = main(
        [
            "render",
            "dv-maintenance-close",
            "--set",
            "hl=HL-200001",
            "--set",
            "start=20.12.2026 22:00",
            "--set",
            "end=21.12.2026 01:00",
            "--set",
            "sender=Anna Nowak",
            "--previous",
            str(tmp_path / "open.eml"),
        ]
    )
    out = capsysbinary.readouterr().out.decode()
    assert code == 0
    assert "Subject: Prace planowane | Planned maintenance - OPEN [HL-200001]" in out


def test_short_notice_warns_but_still_renders(capsys: pytest.CaptureFixture[str]) -> None:
    args = [a if a != "10.12.2026 10:00" else "19.12.2026 10:00" for a in OPEN_ARGS]
    code, out, err = run(capsys, *args)
    assert code == 0 and out
    assert "uwaga:" in err and "3 pełne dni" in err


def test_output_file_is_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "notice.txt"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, *OPEN_ARGS, "--output", str(target))
    assert code == 2 and "już istnieje" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, *OPEN_ARGS, "--output", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("Subject:")


def test_bilingual_templates_refuse_a_language_choice(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "dv-outage-open", "--sample", "--lang", "pl")
    assert code == 2 and "dwujęzyczny" in err


def test_single_language_templates_render_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "render", "ticket-accepted", "--sample", "--lang", "en")
    assert code == 0 and out.startswith("Subject: Request registered [HL-123460]\n\nHello,")


def test_sample_rendering_matches_the_library(
    capsys: pytest.CaptureFixture[str], catalog: Catalog
) -> None:
    _, out, _ = run(capsys, "render", "operator-outage-close", "--sample")
    assert out == catalog.render_sample(catalog.get("operator-outage-close")).as_text()


def test_usage_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render")
    assert code == 2 and "Traceback" not in err
    code, _, err = run(capsys, "nonsense")
    assert code == 2 and "Traceback" not in err


def test_escalate_says_what_is_due_now_and_next(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "escalate",
        "unnamed",
        "--severity",
        "urgent",
        "--since",
        "22.11.2026 10:00",
        "--now",
        "22.11.2026 11:59",
    )
    assert code == 0
    assert "Następny krok: po 2 godz. (12:00, za 1 min) – e-mail i SMS" in out
    assert "Telefon: nie dzwoń" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (
            ["escalate", "s4ee", "--severity", "failure", "--since", "22.11.2026 10:00"],
            "Czy chodziło o „s4e”",
        ),
        (
            ["escalate", "s4e", "--severity", "critical", "--since", "22.11.2026 10:00"],
            "Poziomy tego dostawcy: „awaria lub usterka” (failure)",
        ),
        (["escalate", "s4e", "--severity", "failure", "--since", "jutro"], "--since:"),
        (
            ["escalate", "s4e", "--severity", "failure", "--since", "29.03.2026 02:30"],
            "tej godziny nie ma",
        ),
    ],
)
def test_escalate_refuses_unknown_names_and_times_with_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and says in err


def test_escalate_help_lists_every_suppliers_levels_by_polish_name_and_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["escalate", "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert "pokaż tę pomoc i poziomy pilności" in out
    assert (
        "  unnamed – Dostawca z macierzą eskalacji (nienazwany): „sprawa rutynowa” (routine), "
        "„awaria zwykła” (urgent), „awaria krytyczna” (critical)"
    ) in out
    assert (
        "  daktela – Daktela: „zwykłe zgłoszenie” (standard), „nagły przypadek” (emergency)" in out
    )


def test_escalate_takes_the_polish_name_of_the_level(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "escalate",
        "daktela",
        "--severity",
        "nagły przypadek",
        "--since",
        "22.11.2026 10:00",
        "--now",
        "22.11.2026 12:15",
    )
    assert code == 0, err
    assert out.startswith("Daktela – pilność: nagły przypadek. Zgłoszenie: 22.11.2026 10:00")
    assert "(minęło 2 godz. 15 min)" in out


def test_an_unknown_level_is_one_line_with_the_polish_names_ids_and_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys,
        "escalate",
        "unnamed",
        "--severity",
        "awaria krytyczn",
        "--since",
        "22.11.2026 10:00",
    )
    assert code == 2 and out == ""
    assert err == (
        "komunikat: nieznany poziom pilności „awaria krytyczn” dostawcy „unnamed”. Czy chodziło o "
        "„awaria krytyczna”? Poziomy tego dostawcy: „sprawa rutynowa” (routine), "
        "„awaria zwykła” (urgent), „awaria krytyczna” (critical)\n"
    )
