"""The seed's original templates, as they stand, show their real defects under `komunikat check`.

tests/corpus/seed/*.txt are the message templates of seed 000 copied verbatim
(trailing spaces, blank lines between footer lines and all), each notice with
the subject from its parameter table as a ``Subject:`` header. Nothing in them
is fixed: every known defect of the seed (shared/seeds/README.md) must be
reported — the ``&^`` markers, the mangled Polish words, the English errors,
the help@ footer, the OPEN subject of the outage CLOSE, the maintenance wording
of the operator-outage CLOSE, and the subjects that lost their „ | ”.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from komunikat.cli import main
from komunikat.lint.registry import by_id

SEED_COPIES = Path(__file__).resolve().parent / "corpus" / "seed"
SEED_SOURCE = (
    Path(os.environ.get("KOMUNIKAT_SEEDS", "/work/shared/seeds")) / "000_84d212eef830de6a.txt"
)
REGISTERED = frozenset(by_id())
WORD_RULES = ("spelling", "style", "greeting", "closing")

Finding = dict[str, Any]


@dataclass(frozen=True)
class Defect:
    """A defect of one seed template and how a finding shows it.

    ``at`` gives the lines that must each carry such a finding (none: anywhere).
    """

    name: str
    rules: tuple[str, ...]  # any of these rules may report it
    at: Callable[[list[str]], list[int]]
    shows: Callable[[Finding], bool]


def lines_with(needle: str) -> Callable[[list[str]], list[int]]:
    return lambda lines: [n for n, text in enumerate(lines, 1) if needle in text]


def anywhere(lines: list[str]) -> list[int]:
    return []


def subject_line(lines: list[str]) -> list[int]:
    return [1]


def in_text(needle: str) -> Callable[[Finding], bool]:
    return lambda f: needle.lower() in f["text"].lower()


def markers() -> Defect:
    return Defect("&^ markers", ("placeholder",), lines_with("&^"), in_text("&^"))


def mangled(word: str) -> Defect:
    return Defect(f"mangled „{word}”", WORD_RULES, lines_with(word), in_text(word))


def english(phrase: str, needle: str) -> Defect:
    return Defect(f'"{phrase}"', ("style",), lines_with(phrase), in_text(needle))


def help_footer() -> Defect:
    return Defect("help@ footer", ("footer",), lines_with("help@digitalvirgo.pl"), in_text("help@"))


def separator(titles: str) -> Defect:
    """The subject's lost „ | ”: the finding's text spans the gap between the two titles."""
    return Defect("subject without „ | ”", ("subject",), subject_line, in_text(titles))


def open_subject_on_close() -> Defect:
    """The finding points at the phase: its text is the wrong OPEN, or its fix says CLOSE."""

    def shows(f: Finding) -> bool:
        return f["text"].strip() == "OPEN" or any("CLOSE" in s for s in f["suggestions"])

    return Defect("OPEN subject on a CLOSE", ("subject",), subject_line, shows)


def maintenance_wording(needle: str) -> Defect:
    def shows(f: Finding) -> bool:
        return needle in f["text"].lower() or needle in f["message"].lower()

    return Defect(f"maintenance wording „{needle}”", ("style", "subject"), anywhere, shows)


MAINTENANCE = "Prace planowane   Planned maintenance"
DV_OUTAGE = "Awaria w Digital Virgo   Digital Virgo outage"
OPERATOR_OUTAGE = "Awaria u Operatora   Operator's outage"

DEFECTS: dict[str, list[Defect]] = {
    "ticket-rejected-unknown-sender.txt": [markers()],
    "ticket-accepted-pl.txt": [markers(), mangled("Dzie Dobry"), mangled("nawiemy"), help_footer()],
    "ticket-accepted-en.txt": [markers(), english("contact You", "You"), help_footer()],
    "dv-maintenance-open.txt": [
        markers(),
        separator(MAINTENANCE),
        mangled("Szanowni Pastwo"),
        mangled("Upzejmie"),
        mangled("planowych"),
        mangled("kolejgowane"),
        mangled("powaaniem"),
    ],
    "dv-maintenance-close.txt": [
        markers(),
        separator(MAINTENANCE),
        english("had been finished", "had been finished"),
        mangled("Szanowni Pastwo"),
        mangled("zakoczeniu"),
        mangled("powaaniem"),
    ],
    "dv-maintenance-prolongation.txt": [
        markers(),
        separator(MAINTENANCE),
        english("inform you, that", "inform you, that"),
        mangled("Szanowni Pastwo"),
        mangled("przedueniu"),
        mangled("powaaniem"),
    ],
    "operator-maintenance-open.txt": [
        markers(),
        separator(MAINTENANCE),
        mangled("Szanowni Pastwo"),
        mangled("planowych"),
        mangled("kolejgowane"),
        mangled("powaaniem"),
    ],
    "operator-maintenance-close.txt": [
        markers(),
        separator(MAINTENANCE),
        english("had been finished", "had been finished"),
        mangled("Szanowni Pastwo"),
        mangled("zakoczeniu"),
        mangled("powaaniem"),
    ],
    "dv-outage-open.txt": [
        markers(),
        separator(DV_OUTAGE),
        english("inform you, that", "inform you, that"),
        mangled("Szanowni Pastwo"),
        mangled("zaistniaaych"),
        mangled("powaaniem"),
    ],
    "dv-outage-close.txt": [markers(), separator(DV_OUTAGE), open_subject_on_close()],
    "operator-outage-open.txt": [
        markers(),
        separator(OPERATOR_OUTAGE),
        english("inform you, that", "inform you, that"),
        mangled("kolejgowane"),
        mangled("Jestemy"),
    ],
    "operator-outage-close.txt": [
        markers(),
        separator(OPERATOR_OUTAGE),
        english("had been finished", "had been finished"),
        maintenance_wording("maintenance"),
        maintenance_wording("prac planowanych"),
        mangled("zakoczeniu"),
    ],
}

_RUNS: dict[Path, tuple[int, list[Finding], str]] = {}


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[Finding], str]:
    if path not in _RUNS:
        capsys.readouterr()
        code = main(["check", "--format", "json", str(path)])
        out, err = capsys.readouterr()
        findings = json.loads(out)["findings"] if code != 2 else []
        _RUNS[path] = (code, findings, err)
    return _RUNS[path]


def cases() -> list[Any]:
    found = []
    for name, defects in DEFECTS.items():
        for defect in defects:
            marks = []
            if not set(defect.rules) & REGISTERED:
                marks.append(
                    pytest.mark.xfail(strict=True, reason=f"{defect.rules} not registered yet")
                )
            found.append(pytest.param(name, defect, id=f"{name}::{defect.name}", marks=marks))
    return found


def test_every_seed_template_is_in_the_table() -> None:
    assert {p.name for p in SEED_COPIES.glob("*.txt")} == set(DEFECTS)


@pytest.mark.skipif(not SEED_SOURCE.exists(), reason=f"seed not available at {SEED_SOURCE}")
@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_seed_copy_is_verbatim(name: str) -> None:
    text = (SEED_COPIES / name).read_text(encoding="utf-8")
    seed = SEED_SOURCE.read_text(encoding="utf-8")
    if text.startswith("Subject: "):
        subject, body = text.split("\n\n", 1)
        title = subject.removeprefix("Subject: ")
        assert f"maila\t{title}\n" in seed, f"{name}: subject not in the seed's parameter table"
    else:
        body = text
    assert body in seed, f"{name}: not a verbatim copy of the seed"


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_seed_template_fails_the_check(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(SEED_COPIES / name, capsys)
    assert "Traceback" not in err
    assert code == 1, err


@pytest.mark.parametrize(("name", "defect"), cases())
def test_seed_template_defect_is_reported(
    name: str, defect: Defect, capsys: pytest.CaptureFixture[str]
) -> None:
    path = SEED_COPIES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    _, findings, _ = check(path, capsys)
    ours = [f for f in findings if f["rule"] in defect.rules and defect.shows(f)]
    wanted = defect.at(lines)
    listing = "\n".join(
        f"  {f['line']}:{f['column']} [{f['rule']}] {f['message']}" for f in findings
    )
    if not wanted:
        assert ours, f"{name}: {defect.name} not reported by {defect.rules}; got:\n{listing}"
        return
    missing = [n for n in wanted if not any(f["line"] == n for f in ours)]
    assert not missing, (
        f"{name}: {defect.name} not reported by {defect.rules} on lines {missing} "
        f"({[lines[n - 1] for n in missing]}); got:\n{listing}"
    )
