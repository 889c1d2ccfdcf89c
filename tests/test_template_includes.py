"""Includes: only files inside templates/, and a cycle is reported, not a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main


def _include(project: Path, partial: str) -> None:
    template = project / "templates" / "ticket-accepted.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace("Dzień dobry,", 'Dzień dobry,\n{% include "' + partial + '" %}', 1),
        encoding="utf-8",
    )


def test_an_include_through_a_symlink_out_of_templates_is_refused(
    capsys: pytest.CaptureFixture[str], project_copy: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET", encoding="utf-8")
    (project_copy / "templates" / "partials" / "evil.j2").symlink_to(secret)
    _include(project_copy, "partials/evil.j2")
    code = main(["--root", str(project_copy), "render", "ticket-accepted", "--sample"])
    out, err = capsys.readouterr()
    assert code == 2 and "SECRET" not in out + err
    assert err.count("\n") == 1 and "templates/partials/evil.j2:1:1:" in err, err
    assert "poza templates/" in err


def test_a_template_including_itself_is_a_cycle_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    (project_copy / "templates" / "partials" / "loop.j2").write_text(
        '{% include "partials/loop.j2" %}\n', encoding="utf-8"
    )
    _include(project_copy, "partials/loop.j2")
    code = main(["--root", str(project_copy), "render", "ticket-accepted", "--sample"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1, err
    assert "templates/ticket-accepted.j2:29:1:" in err, err
    assert "include" in err and "wewnętrzny" not in err


def test_an_error_inside_a_partial_names_the_partial_and_its_line(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    signature = project_copy / "templates" / "partials" / "signature.j2"
    lines = signature.read_text(encoding="utf-8").split("\n")
    lines[2] += " {{ nope_name }}"
    signature.write_text("\n".join(lines), encoding="utf-8")
    code = main(["--root", str(project_copy), "render", "ticket-accepted", "--sample"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("komunikat: templates/partials/signature.j2:3:1: "), err
