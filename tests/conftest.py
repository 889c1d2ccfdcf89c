"""Shared fixtures: the real templates and data, and broken copies of them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.lint.engines import ltserver

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(ROOT)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A writable copy of templates/ and data/ to break on purpose."""
    for name in ("templates", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def languagetool_server() -> ltserver.ServerState:
    """The project's LanguageTool server (started, or reused from an earlier run).

    Without the installation (no Java or Maven where ``./dev`` ran) the tests
    that need it are skipped with the reason — except in CI, where LanguageTool
    must run and its absence fails them.
    """
    inst = ltserver.Installation.of()
    reason = inst.missing()
    if reason is None:
        try:
            return ltserver.ensure_running(inst)
        except ltserver.ServerError as exc:
            reason = str(exc)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"LanguageTool must run in CI: {reason}")
    pytest.skip(f"LanguageTool does not run here: {reason}")


@pytest.fixture(scope="session")
def languagetool_runs() -> None:
    """LanguageTool runs for the checks of this session: the project's server or the configured one."""
    from komunikat.lint.engines import languagetool

    for lang in ("pl", "en"):
        _, status = languagetool.load(lang)
        if not status.available:
            if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
                pytest.fail(f"LanguageTool must run in CI: {status.detail}")
            pytest.skip(f"LanguageTool does not run here: {status.detail}")
