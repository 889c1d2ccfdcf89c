"""komunikat lint / check: formats, exit codes and unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from komunikat.cli import main

SNAPSHOTS = Path(__file__).parent / "snapshots"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lint_passes_on_the_shipped_templates_and_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lint", "--format", "text")
    assert code == 0, out
    assert "Podsumowanie: 0 błędów" in err


def test_lint_reports_a_broken_template_at_its_line(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "dv-outage-open.j2"
    text = path.read_text(encoding="utf-8").replace("Dear customer,", "Witam,", 1)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("Witam,") + 1
    code, out, _ = run(capsys, "--root", str(project_copy), "lint", "--format", "text")
    assert code == 1
    assert f"templates/dv-outage-open.j2:{line}:1: error: „Witam” to forma potoczna" in out


def test_lint_keeps_going_past_a_template_with_a_syntax_error(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "dv-outage-open.j2"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{{ services.en }}", "{{ services.en }", 1)
    )
    other = project_copy / "templates" / "ticket-accepted.j2"
    other.write_text(other.read_text(encoding="utf-8").replace("Dzień dobry,", "Cześć,", 1))
    code, out, _ = run(capsys, "--root", str(project_copy), "lint", "--format", "text")
    assert code == 1
    assert "templates/dv-outage-open.j2:" in out and "[template-syntax]" in out
    assert "templates/ticket-accepted.j2:" in out and "[greeting]" in out


def test_lint_of_one_path_checks_only_that_template(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = project_copy / "templates" / "ticket-accepted.j2"
    other.write_text(other.read_text(encoding="utf-8").replace("Dzień dobry,", "Cześć,", 1))
    code, _, _ = run(
        capsys,
        "--root",
        str(project_copy),
        "lint",
        str(project_copy / "templates/dv-outage-open.j2"),
    )
    assert code == 0


def test_check_json_is_the_stable_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        SNAPSHOTS.joinpath("ticket-accepted.pl.txt").read_text().replace("Dzień dobry,", "Witam,")
    )
    code, out, _ = run(capsys, "check", "--format", "json", str(bad))
    data = json.loads(out)
    assert code == 1
    assert set(data) >= {"findings", "engines"}
    finding = data["findings"][0]
    assert list(finding) == [
        "path",
        "line",
        "column",
        "rule",
        "severity",
        "message",
        "text",
        "suggestions",
    ]
    assert finding["path"] == str(bad) and finding["line"] == 3 and finding["column"] == 1
    assert finding["rule"] == "greeting" and finding["severity"] == "error"
    assert finding["text"] == "Witam" and finding["suggestions"][0] == "Dzień dobry,"


def test_check_github_format_emits_workflow_annotations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Subject: Test\n\nWitam,\n\ntreść\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "github", str(bad))
    assert code == 1
    lines = out.strip().split("\n")
    assert all(line.startswith("::error file=") for line in lines)
    assert any(
        line.startswith(f"::error file={bad},line=3,col=1,title=komunikat greeting::")
        for line in lines
    )


def test_github_format_is_picked_automatically_in_github_actions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    bad = tmp_path / "bad.txt"
    bad.write_text("Witam,\n\ntreść\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(bad))
    assert out.startswith("::error ")


def test_check_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    text = SNAPSHOTS.joinpath("ticket-accepted.pl.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, _, _ = run(capsys, "check", "-")
    assert code == 0


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            "Dzień dobry,\n\nzgłoszenie przyjęte, żółć.\n".encode("cp1250"),
            "nie jest w UTF-8 — wygląda na Windows-1250, zapisz go ponownie jako UTF-8",
        ),
        (bytes(range(256)) * 4, "plik binarny"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "msg.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err and says.split(",")[0] in err
    assert "Traceback" not in err


def test_a_missing_file_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "no/such/file.txt")
    assert code == 2 and "no/such/file.txt: plik nie istnieje" in err


def test_check_with_a_template_knows_the_phase(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    close = (
        SNAPSHOTS.joinpath("dv-outage-close.txt")
        .read_text()
        .replace("- CLOSE [HL-123458]", "- OPEN [HL-123458]", 1)
    )
    path = tmp_path / "close.txt"
    path.write_text(close, encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "--template", "dv-outage-close", "--format", "text", str(path)
    )
    assert code == 1 and "faza w temacie to OPEN, a wiadomość to CLOSE" in out


def test_check_reports_a_repeated_misspelling_once_and_tells_the_operator_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SNAPSHOTS.joinpath("ticket-accepted.pl.txt").read_text("utf-8")
    text = text.replace("Trwa jego weryfikacja.", "Trwa jego weryfkacja. Weryfkacja potrwa.", 1)
    text = text.replace("Z poważaniem,", "Weryfkacja jest pilna.\n\nZ poważaniem,", 1)
    lines = text.split("\n")
    first = next(n for n, x in enumerate(lines, 1) if "jego weryfkacja" in x)
    last = lines.index("Weryfkacja jest pilna.") + 1
    message = tmp_path / "odpowiedz.txt"
    message.write_text(text, "utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(message))
    assert code == 1
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "spelling"]
    assert [(f["line"], f["text"]) for f in found] == [(first, "weryfkacja")], found
    assert found[0]["message"] == (
        "nieznane słowo „weryfkacja” w części polskiej; popraw pisownię albo, jeśli to "
        "poprawna nazwa własna, zostaw — redaktor może dodać słowo do słownika projektu "
        f"(3 razy, także w wierszu {last})"
    )


def test_lint_reports_a_repeated_misspelling_in_a_template_once_with_the_editors_fix(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "ticket-accepted.j2"
    old = "Trwa jego weryfikacja."
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, "Trwa jego weryfkacja.\nWeryfkacja potrwa.", 1), "utf-8")
    first = text.split("\n").index(next(x for x in text.split("\n") if old in x)) + 1
    code, out, _ = run(capsys, "--root", str(project_copy), "lint", "--format", "json", str(path))
    assert code == 1
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "spelling"]
    assert len(found) == 1, found
    assert found[0]["line"] == first
    assert found[0]["message"].endswith(
        f"dopisz do data/lint/accept.txt (2 razy, także w wierszu {first + 1})"
    )
