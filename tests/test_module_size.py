"""Small modules named for what they hold: no Python module of src/ or hooks/ grows past 400 lines.

A module that outgrows it is doing two jobs; split it along them (CONVENTIONS.md)
rather than raising the limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 400
MODULES = sorted(path for folder in ("src", "hooks") for path in (ROOT / folder).rglob("*.py"))


def test_there_are_modules_to_measure() -> None:
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_a_module_stays_under_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.relative_to(ROOT)}: {lines} lines (at most {LIMIT}): split it"
