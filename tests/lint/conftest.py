"""Fixtures for rule tests: a lint Context over the real data, documents from text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.lint.engines import EngineSet, create_engines
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context, Document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def engines() -> EngineSet:
    return create_engines({"spelling", "grammar"})


@pytest.fixture(scope="session")
def ctx(catalog: Catalog, engines: EngineSet) -> Context:
    return Context(data=catalog.data, engines=engines, root=ROOT)


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    """make_doc(text, lang=None, template=None, channel='email') -> Document."""
    return document_from_text
