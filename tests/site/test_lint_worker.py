"""The build's lint in a child process: errors, fatal input, the kept result."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.site import lint_worker


def test_errors_come_back_as_path_line_column_lines(project_copy: Path) -> None:
    template = project_copy / "templates" / "dv-outage-open.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("Dear customer,", "Dear custmer,"),
        encoding="utf-8",
    )
    lint_worker.begin(project_copy)
    errors = lint_worker.finish(project_copy)
    assert any(e.startswith("templates/dv-outage-open.j2:") and "custmer" in e for e in errors)


def test_broken_data_is_an_error_line_with_its_position(project_copy: Path) -> None:
    (project_copy / "data" / "operators.yml").write_text("operators: [\n", encoding="utf-8")
    lint_worker.begin(project_copy)
    errors = lint_worker.finish(project_copy)
    assert any(e.startswith("data/operators.yml:") for e in errors)


def test_an_unreadable_config_stops_the_build_with_the_reason(project_copy: Path) -> None:
    (project_copy / "komunikat.yml").write_text("rules: [\n", encoding="utf-8")
    lint_worker.begin(project_copy)
    with pytest.raises(lint_worker.LintFailed, match=r"komunikat\.yml:\d+:\d+"):
        lint_worker.finish(project_copy)


def test_an_unchanged_project_is_not_linted_again(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lint_worker.begin(project_copy)
    first = lint_worker.finish(project_copy)

    def no_new_process(root: Path) -> lint_worker.LintRun:
        raise AssertionError("linted again although nothing changed")

    monkeypatch.setattr(lint_worker, "start", no_new_process)
    lint_worker.begin(project_copy)
    assert lint_worker.finish(project_copy) == first


def test_a_child_that_printed_nothing_is_a_failure() -> None:
    with pytest.raises(lint_worker.LintFailed):
        lint_worker._parse("")
