"""Meta-test: every rule documents itself and its PASS/FAIL examples behave as documented."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context
from komunikat.lint.registry import RULES

ROOT = Path(__file__).resolve().parents[2]


def examples(kind: str) -> list[tuple[str, str, ModuleType]]:
    return [
        (rule.ID, text, rule)
        for rule in RULES
        for text in getattr(rule, kind)
        if hasattr(rule, "check") and getattr(rule, "KIND", "message") == "message"
    ]


def source_examples(kind: str) -> list[tuple[str, str, ModuleType]]:
    return [
        (r.ID, t, r) for r in RULES if getattr(r, "KIND", "") == "source" for t in getattr(r, kind)
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_every_rule_is_documented_with_pass_and_fail_examples(rule: ModuleType) -> None:
    doc = rule.__doc__ or ""
    assert doc.startswith(f"{rule.ID}:"), "the docstring opens with the rule id"
    assert "PASS" in doc and "FAIL" in doc
    assert rule.PASS and rule.FAIL
    assert rule.LEVEL.value in ("error", "warning", "info")
    assert isinstance(rule.OPTIONS, dict) or hasattr(rule.OPTIONS, "items")


def test_rule_ids_are_unique() -> None:
    ids = [r.ID for r in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("PASS"))
def test_pass_examples_raise_nothing(
    rule_id: str, text: str, rule: ModuleType, ctx: Context
) -> None:
    doc = document_from_text(text)
    found = list(rule.check(doc, rule.DEFAULTS, ctx)) if rule.applies(doc) else []
    assert found == []


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("FAIL"))
def test_fail_examples_are_caught(rule_id: str, text: str, rule: ModuleType, ctx: Context) -> None:
    doc = document_from_text(text)
    assert rule.applies(doc)
    assert list(rule.check(doc, rule.DEFAULTS, ctx))


@pytest.mark.parametrize(("rule_id", "text", "rule"), source_examples("PASS"))
def test_source_pass_examples_raise_nothing(rule_id: str, text: str, rule: ModuleType) -> None:
    assert list(_check_text(rule, text)) == []


@pytest.mark.parametrize(("rule_id", "text", "rule"), source_examples("FAIL"))
def test_source_fail_examples_are_caught(rule_id: str, text: str, rule: ModuleType) -> None:
    assert list(_check_text(rule, text))


def _check_text(rule: ModuleType, text: str) -> list[object]:
    if rule.ID == "template-include":
        return list(rule.check_text(text, ROOT / "templates"))
    return list(rule.check_text(text))
