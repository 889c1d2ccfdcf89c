"""Meta-test: every rule keeps the rule contract, and its docstring's examples behave as shown."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from komunikat.catalog import Catalog
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context
from komunikat.lint.registry import KINDS, RULES
from komunikat.lint.ruledoc import rule_doc

ROOT = Path(__file__).resolve().parents[2]


def examples(label: str, kind: str) -> list[tuple[str, str, ModuleType]]:
    """(rule id, example, rule) of the rules whose examples are of this kind.

    A rule that checks documents shows documents; a rule that checks only
    template sources shows sources.
    """
    found = []
    for rule in RULES:
        shown_as = (
            "docs" if "docs" in rule.KIND else "message" if "message" in rule.KIND else "source"
        )
        if shown_as == kind:
            found += [(rule.ID, text, rule) for text in rule_doc(rule).texts(label)]
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_every_rule_is_documented_with_pass_and_fail_examples(rule: ModuleType) -> None:
    doc = rule.__doc__ or ""
    assert doc.startswith(f"{rule.ID}:"), "the docstring opens with the rule id"
    assert rule_doc(rule).texts("PASS") and rule_doc(rule).texts("FAIL")
    assert rule.LEVEL.value in ("error", "warning", "info")
    assert isinstance(rule.OPTIONS, dict) or hasattr(rule.OPTIONS, "items")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_kind_names_what_a_rule_checks_and_the_functions_it_has(rule: ModuleType) -> None:
    assert rule.KIND and set(rule.KIND) <= set(KINDS), rule.KIND
    for kind in rule.KIND:
        assert all(callable(getattr(rule, name, None)) for name in KINDS[kind]), kind
    # a check the runner would never call is a rule that silently does nothing
    assert hasattr(rule, "check") == ("message" in rule.KIND)
    assert hasattr(rule, "check_source") == ("source" in rule.KIND)


def test_rule_ids_are_unique() -> None:
    ids = [r.ID for r in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("PASS", "message"))
def test_pass_examples_raise_nothing(
    rule_id: str, text: str, rule: ModuleType, ctx: Context
) -> None:
    doc = document_from_text(text)
    found = list(rule.check(doc, rule.DEFAULTS, ctx)) if rule.applies(doc) else []
    assert found == []


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("FAIL", "message"))
def test_fail_examples_are_caught(rule_id: str, text: str, rule: ModuleType, ctx: Context) -> None:
    doc = document_from_text(text)
    assert rule.applies(doc)
    assert list(rule.check(doc, rule.DEFAULTS, ctx))


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("PASS", "source"))
def test_source_pass_examples_raise_nothing(rule_id: str, text: str, rule: ModuleType) -> None:
    assert list(_check_text(rule, text)) == []


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("FAIL", "source"))
def test_source_fail_examples_are_caught(rule_id: str, text: str, rule: ModuleType) -> None:
    assert list(_check_text(rule, text))


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("PASS", "docs"))
def test_docs_pass_examples_raise_nothing(
    rule_id: str, text: str, rule: ModuleType, catalog: Catalog
) -> None:
    assert list(rule.check_page(text, catalog)) == []


@pytest.mark.parametrize(("rule_id", "text", "rule"), examples("FAIL", "docs"))
def test_docs_fail_examples_are_caught(
    rule_id: str, text: str, rule: ModuleType, catalog: Catalog
) -> None:
    assert list(rule.check_page(text, catalog))


def _check_text(rule: ModuleType, text: str) -> list[object]:
    if rule.ID == "template-include":
        return list(rule.check_text(text, ROOT / "templates"))
    return list(rule.check_text(text))
