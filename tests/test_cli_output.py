"""``render --output``: nothing already on disk is lost, whatever happens while writing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from komunikat.cli import main

SAMPLE = ["render", "ticket-accepted", "--sample", "--lang", "pl"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_named_like_the_old_temporary_file_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "reply.txt"
    neighbour = tmp_path / "reply.txt.tmp"
    neighbour.write_text("someone's notes", encoding="utf-8")
    code, _, err = run(capsys, *SAMPLE, "-o", str(target))
    assert code == 0, err
    assert neighbour.read_text(encoding="utf-8") == "someone's notes"
    assert target.read_text(encoding="utf-8").startswith("Subject:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reply.txt", "reply.txt.tmp"]


def test_a_new_file_gets_the_usual_permissions_not_a_private_temporary_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "reply.txt"
    old = os.umask(0o022)
    try:
        code, _, err = run(capsys, *SAMPLE, "-o", str(target))
    finally:
        os.umask(old)
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_full_disk_leaves_the_old_file_and_no_stray_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reply.txt"
    target.write_text("the version already sent", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, out, err = run(capsys, *SAMPLE, "-o", str(target), "--force")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "reply.txt: nie można zapisać" in err, err
    assert target.read_text(encoding="utf-8") == "the version already sent"
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"]


def test_force_on_a_symlink_replaces_the_link_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("linked file", encoding="utf-8")
    link = tmp_path / "reply.txt"
    link.symlink_to(real)
    code, _, err = run(capsys, *SAMPLE, "-o", str(link))
    assert code == 2 and "już istnieje" in err
    code, _, err = run(capsys, *SAMPLE, "-o", str(link), "--force")
    assert code == 0, err
    assert "dowiązanie" in err and "real.txt" in err
    assert real.read_text(encoding="utf-8") == "linked file"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("Subject:")


def test_a_dangling_symlink_counts_as_an_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    link = tmp_path / "reply.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, *SAMPLE, "-o", str(link))
    assert code == 2 and "już istnieje" in err
    assert link.is_symlink()


def test_a_folder_or_a_missing_folder_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, *SAMPLE, "-o", str(tmp_path), "--force")
    assert code == 2 and "katalog" in err and err.count("\n") == 1, err
    code, _, err = run(capsys, *SAMPLE, "-o", str(tmp_path / "no" / "reply.txt"))
    assert code == 2 and "nie można zapisać" in err and err.count("\n") == 1, err
