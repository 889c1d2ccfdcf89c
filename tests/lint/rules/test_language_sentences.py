"""language: a sentence of the other language inside a part is a finding at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.messages import document_from_text
from komunikat.lint.model import Context
from komunikat.lint.rules import language

SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots"


def findings(text: str, ctx: Context) -> list[tuple[int, str]]:
    doc = document_from_text(text)
    return [
        (doc.lines[f.index].line, f.message)
        for f in language.check(doc, language.DEFAULTS, ctx)
        if language.applies(doc)
    ]


@pytest.mark.parametrize(
    ("snapshot", "anchor", "sentence", "says"),
    [
        (
            "ticket-accepted.pl.txt",
            "Trwa jego weryfikacja.",
            "We will contact you as soon as possible.",
            "zdanie po angielsku w części polskiej: „We will contact you as soon as possible.”",
        ),
        (
            "dv-outage-open.txt",
            "Szanowni Państwo,",
            "Please note that the service may be unavailable for several hours.",
            "zdanie po angielsku w części polskiej",
        ),
        (
            "dv-outage-open.txt",
            "Dear customer,",
            "Prosimy o kontakt z naszym działem wsparcia w razie pytań.",
            "zdanie po polsku w części angielskiej",
        ),
    ],
    ids=["english in a polish reply", "english in the polish part", "polish in the english part"],
)
def test_a_sentence_in_the_other_language_is_reported_at_its_line(
    snapshot: str, anchor: str, sentence: str, says: str, ctx: Context
) -> None:
    text = (SNAPSHOTS / snapshot).read_text(encoding="utf-8")
    assert anchor in text
    text = text.replace(anchor, f"{anchor}\n{sentence}", 1)
    line = next(n for n, x in enumerate(text.split("\n"), 1) if x.startswith(sentence))
    found = findings(text, ctx)
    assert any(at == line and says in message for at, message in found), found


@pytest.mark.parametrize(
    "line",
    [
        "Digital Virgo Poland Sp. z o.o.",
        "IT Operator Maintenance Division",
        "HTTP 403 Forbidden: invalid credentials",
        "Szczegóły w systemie Jira Service Management.",
    ],
)
def test_names_roles_and_pasted_output_are_not_sentences(line: str, ctx: Context) -> None:
    text = (SNAPSHOTS / "ticket-accepted.pl.txt").read_text(encoding="utf-8")
    text = text.replace("Trwa jego weryfikacja.", f"Trwa jego weryfikacja.\n{line}", 1)
    assert findings(text, ctx) == []


def test_lint_reports_an_english_sentence_in_a_polish_template(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_copy / "templates" / "ticket-accepted.j2"
    text = path.read_text(encoding="utf-8")
    anchor = "Trwa jego weryfikacja."
    path.write_text(text.replace(anchor, f"{anchor} Please wait for our reply.", 1))
    line = next(n for n, x in enumerate(text.split("\n"), 1) if anchor in x)
    code = main(["--root", str(project_copy), "lint", "--format", "text"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert f"templates/ticket-accepted.j2:{line}:" in out
    assert "zdanie po angielsku w części polskiej: „Please wait for our reply.”" in out
    assert "[language]" in out
