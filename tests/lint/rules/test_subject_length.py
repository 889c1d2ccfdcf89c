"""subject: a subject over the documented length is a finding that names the limit."""

from __future__ import annotations

import pytest

from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context
from komunikat.lint.rules import subject

BODY = "\n\nDzień dobry,\n\nzgłoszenie przyjęte.\n\nZ poważaniem,\nJan Kowalski\n"


def findings(text: str, ctx: Context, options: dict[str, int] | None = None) -> list[str]:
    doc = document_from_text(text)
    return [f.message for f in subject.check(doc, options or subject.DEFAULTS, ctx)]


def test_the_limit_is_documented_data() -> None:
    assert subject.DEFAULTS["max_length"] == 200
    assert subject.OPTIONS["max_length"] is int
    assert "max_length" in (subject.__doc__ or "")


@pytest.mark.parametrize("length", [200, 79, 20])
def test_a_subject_up_to_the_limit_passes(length: int, ctx: Context) -> None:
    title = ("Przyjęcie zgłoszenia " * 20)[: length - 12] + " [HL-123456]"
    assert not any("znaków" in m for m in findings(f"Subject: {title}{BODY}", ctx))


def test_a_1100_character_subject_is_a_finding_with_the_limit(ctx: Context) -> None:
    title = "Przyjęcie zgłoszenia " * 52 + "[HL-123456]"
    assert len(title) > 1_100
    found = findings(f"Subject: {title}{BODY}", ctx)
    assert any(
        m.startswith(f"temat ma {len(title)} znaków, a może mieć najwyżej 200; skróć go")
        for m in found
    ), found


def test_the_limit_can_be_set_in_the_configuration(ctx: Context) -> None:
    found = findings(f"Subject: {'x' * 60}{BODY}", ctx, {"max_length": 50})
    assert any("najwyżej 50" in m for m in found)
