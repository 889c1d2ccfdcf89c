"""Shared fixtures: the real templates and data, and broken copies of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from komunikat.catalog import Catalog, load_catalog

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
