"""Escalation: at every step of every ladder, just before, at and just after its time."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from komunikat.catalog import Catalog
from komunikat.data import load_data
from komunikat.durations import to_timedelta
from komunikat.escalation import (
    Status,
    StepState,
    after_text,
    elapsed_text,
    escalation_status,
    format_status,
)
from komunikat.warsaw import WARSAW

ROOT = Path(__file__).resolve().parents[1]
SINCE = datetime(2026, 3, 4, 10, 0, tzinfo=WARSAW)  # a Wednesday, far from a clock change
MINUTE = timedelta(minutes=1)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WARSAW)


BOUNDARIES = [
    ("a minute before it is not yet due", -MINUTE, False, False),
    ("at its time it is due", timedelta(0), True, False),
    ("a minute after it is overdue", MINUTE, True, True),
]


def every_step_boundary() -> list[Any]:
    """Every allowed, timed step of every ladder in the data, at each boundary.

    A step at 0 h has no "before": the report itself starts the clock (a time
    before it is refused, see test_impossible_times_are_refused).
    """
    data = load_data(ROOT)
    found = []
    for s in data.suppliers.suppliers:
        for ladder in s.escalation:
            for k, step in enumerate(ladder.steps):
                if not step.allowed or step.after is None:
                    continue
                for name, offset, due, overdue in BOUNDARIES:
                    if to_timedelta(step.after) + offset < timedelta(0):
                        continue
                    found.append(
                        pytest.param(
                            s.id,
                            ladder.id,
                            k,
                            step.after,
                            offset,
                            due,
                            overdue,
                            id=f"{s.id} {ladder.id} step {step.after} {step.channel}: {name}",
                        )
                    )
    return found


def state_of(
    catalog: Catalog, supplier_id: str, severity: str, index: int, now: datetime
) -> tuple[Status, StepState]:
    supplier = catalog.data.supplier(supplier_id)
    status = escalation_status(supplier, severity, SINCE, now)
    step = supplier.severity(severity).steps[index]
    return status, next(s for s in status.steps if s.step is step)


@pytest.mark.parametrize(
    ("supplier_id", "severity", "index", "after", "offset", "due", "overdue"), every_step_boundary()
)
def test_each_step_falls_due_exactly_at_its_time(
    catalog: Catalog,
    supplier_id: str,
    severity: str,
    index: int,
    after: str,
    offset: timedelta,
    due: bool,
    overdue: bool,
) -> None:
    moment = SINCE + to_timedelta(after) + offset
    status, state = state_of(catalog, supplier_id, severity, index, moment)
    assert state.at == SINCE + to_timedelta(after)
    assert (state.due, state.overdue) == (due, overdue)
    if not due:
        assert status.next is not None and status.next.at == state.at
    else:
        assert status.current is not None and status.current.at >= state.at


@pytest.mark.parametrize(
    ("severity", "now", "current", "next_step", "next_at"),
    [
        ("urgent", at(4, 10), "0 h", "2 h", at(4, 12)),
        ("urgent", at(4, 11, 59), "0 h", "2 h", at(4, 12)),
        ("urgent", at(4, 12), "2 h", None, None),
        ("urgent", at(4, 12, 1), "2 h", None, None),
        ("routine", at(4, 12, 1), "0 h", "24 h", at(5, 10)),
        ("routine", at(5, 9, 59), "0 h", "24 h", at(5, 10)),
        ("routine", at(5, 10), "24 h", None, None),
        ("routine", at(5, 10, 1), "24 h", None, None),
        ("critical", at(4, 10), "0 h", None, None),
        ("critical", at(6, 10), "0 h", None, None),
    ],
)
def test_the_unnamed_suppliers_ladder_gives_the_current_and_the_next_step(
    catalog: Catalog,
    severity: str,
    now: datetime,
    current: str,
    next_step: str | None,
    next_at: datetime | None,
) -> None:
    status = escalation_status(catalog.data.supplier("unnamed"), severity, SINCE, now)
    assert status.current is not None and status.current.step.after == current
    assert (status.next.step.after if status.next else None) == next_step
    assert status.next_due_at == next_at
    assert [s.channel for s in status.not_allowed] == ["phone"]


@pytest.mark.parametrize(
    ("sla_id", "now", "passed"),
    [
        ("acknowledgement-ticket", at(4, 10, 2), False),
        ("acknowledgement-ticket", at(4, 10, 3), True),
        ("first-response", at(4, 10, 10), False),
        ("first-response", at(4, 10, 11), True),
    ],
)
def test_introserv_sla_deadlines_run_from_the_report(
    catalog: Catalog, sla_id: str, now: datetime, passed: bool
) -> None:
    status = escalation_status(catalog.data.supplier("introserv"), "standard", SINCE, now)
    expectation = next(e for e in status.expectations if e.figure.id == sla_id)
    assert expectation.passed is passed


def test_steps_count_elapsed_time_across_the_spring_clock_change(catalog: Catalog) -> None:
    since = at(28, 10)  # CET; clocks go forward on 29.03.2026 at 02:00
    status = escalation_status(catalog.data.supplier("unnamed"), "routine", since, since)
    assert status.next_due_at == at(29, 11)
    assert status.next_due_at.utcoffset() == timedelta(hours=2)


def test_an_id_is_enough_to_ask_about_a_supplier(catalog: Catalog) -> None:
    status = escalation_status("s4e", "failure", SINCE, SINCE, data=catalog.data)
    assert [s.step.channel for s in status.due] == ["email", "phone"]


@pytest.mark.parametrize(
    ("supplier", "severity", "says"),
    [
        (
            "s4",
            "failure",
            "nieznany dostawca „s4”. Czy chodziło o „s4e”? Dostawcy: unnamed, daktela, introserv, s4e",
        ),
        (
            "unnamed",
            "critcal",
            "nieznany poziom pilności „critcal” dostawcy „unnamed”. Czy chodziło o „critical”?",
        ),
        (
            "daktela",
            "pilne",
            "Poziomy tego dostawcy: „zwykłe zgłoszenie” (standard), „nagły przypadek” (emergency)",
        ),
        ("daktela", "nagly przypadek", "Czy chodziło o „nagły przypadek”?"),
    ],
)
def test_unknown_supplier_or_severity_is_a_value_error_naming_the_valid_ids(
    catalog: Catalog, supplier: str, severity: str, says: str
) -> None:
    with pytest.raises(ValueError) as raised:
        escalation_status(supplier, severity, SINCE, SINCE, data=catalog.data)
    assert says in str(raised.value)


@pytest.mark.parametrize(
    ("since", "now", "says"),
    [
        (SINCE, SINCE - MINUTE, "jest wcześniejsza niż zgłoszenie"),
        (SINCE.replace(tzinfo=None), SINCE, "nie ma strefy czasowej"),
    ],
)
def test_impossible_times_are_refused(
    catalog: Catalog, since: datetime, now: datetime, says: str
) -> None:
    with pytest.raises(ValueError, match=says):
        escalation_status(catalog.data.supplier("unnamed"), "urgent", since, now)


@pytest.mark.parametrize(
    ("supplier", "severity", "now", "lines"),
    [
        (
            "unnamed",
            "urgent",
            at(4, 10, 30),
            [
                "Teraz: od razu (10:00) – e-mail: wyślij e-mail z dokładnym opisem",
                "Następny krok: po 2 godz. (12:00, za 1 godz. 30 min) – e-mail i SMS: ponów e-mail i wyślij dodatkowo krótki SMS.",
                "Telefon: nie dzwoń – dostawca prosi o zaniechanie telefonów.",
            ],
        ),
        (
            "unnamed",
            "routine",
            at(5, 10, 5),
            [
                "Wcześniej: od razu (04.03.2026 10:00)",
                "Teraz: po 24 godz. (10:00) – e-mail i SMS",
                "Następnego kroku nie ma",
                "Według dostawcy (szacunek): większość spraw zostanie załatwiona w czasie do 24 godzin",
            ],
        ),
        (
            "introserv",
            "standard",
            at(4, 10, 5),
            [
                "Według SLA: automatyczne potwierdzenie w ciągu 2 minut (zgłoszenia) – do 10:02 (termin minął).",
                "Według SLA: pierwsza odpowiedź zespołu wsparcia w ciągu 10 minut, 24/7 – do 10:10 (termin jeszcze nie minął).",
            ],
        ),
        (
            "s4e",
            "failure",
            at(4, 10),
            [
                "Teraz: od razu (10:00) – e-mail: wyślij wymagane informacje e-mailem na serwis@s4e.pl.",
                "Teraz: od razu (10:00) – telefon: potwierdź zgłoszenie telefonicznie",
            ],
        ),
    ],
)
def test_the_status_reads_as_polish_sentences(
    catalog: Catalog, supplier: str, severity: str, now: datetime, lines: list[str]
) -> None:
    text = format_status(escalation_status(supplier, severity, SINCE, now, data=catalog.data))
    assert text[0].startswith(catalog.data.supplier(supplier).name + " – ")
    for expected in lines:
        assert any(line.startswith(expected) for line in text), (expected, text)


@pytest.mark.parametrize(
    ("since", "now", "says", "not_said"),
    [
        (
            "27.10.2024 02:30 CEST",
            "27.10.2024 02:45 CET",
            "(minęło 1 godz. 15 min)",
            "minęło 15 min",
        ),
        (
            "27.10.2024 02:45 CEST",
            "27.10.2024 02:30 CET",
            "(minęło 45 min)",
            "wcześniejsza",
        ),
        (
            # the 2 h step falls due at 02:50 CEST; 02:30 CET is 40 minutes after it
            "27.10.2024 00:50",
            "27.10.2024 02:30 CET",
            "Teraz: po 2 godz. (02:50 CEST)",
            "za 20 min",
        ),
    ],
)
def test_elapsed_time_across_the_autumn_clock_change_is_real_time(
    capsys: pytest.CaptureFixture[str], since: str, now: str, says: str, not_said: str
) -> None:
    from komunikat.cli import main

    code = main(["escalate", "unnamed", "--severity", "urgent", "--since", since, "--now", now])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert says in out and not_said not in out + err


@pytest.mark.parametrize(
    ("since", "now"),
    [("01.01.0001 00:00", "01.01.0001 01:00"), ("31.12.9999 23:00", "31.12.9999 23:30")],
)
def test_times_at_the_ends_of_the_calendar_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], since: str, now: str
) -> None:
    from komunikat.cli import main

    code = main(["escalate", "unnamed", "--severity", "urgent", "--since", since, "--now", now])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "wewnętrzny" not in err, err
    assert "poza zakresem" in err


@pytest.mark.parametrize(
    ("supplier", "typed", "level"),
    [
        ("unnamed", "awaria zwykła", "urgent"),
        ("unnamed", "Awaria-Zwykła", "urgent"),
        ("unnamed", "  awaria   krytyczna ", "critical"),
        ("daktela", "nagły przypadek", "emergency"),
        ("daktela", "EMERGENCY", "emergency"),
        ("s4e", "awaria lub usterka", "failure"),
    ],
)
def test_a_level_is_found_by_its_polish_name_or_its_id(
    catalog: Catalog, supplier: str, typed: str, level: str
) -> None:
    status = escalation_status(supplier, typed, SINCE, SINCE, data=catalog.data)
    assert status.severity.id == level


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "0 min"),
        (timedelta(seconds=59), "0 min"),
        (timedelta(minutes=15), "15 min"),
        (timedelta(hours=2), "2 godz."),
        (timedelta(hours=2, minutes=15), "2 godz. 15 min"),
        (timedelta(days=1, minutes=5), "1 dzień 5 min"),
        (timedelta(days=3, hours=1), "3 dni 1 godz."),
    ],
)
def test_time_spans_read_in_polish(delta: timedelta, text: str) -> None:
    assert elapsed_text(delta) == text


def test_the_first_line_names_the_level_in_polish_not_by_its_id(catalog: Catalog) -> None:
    text = format_status(escalation_status("daktela", "emergency", SINCE, SINCE, data=catalog.data))
    assert text[0].startswith("Daktela – pilność: nagły przypadek. Zgłoszenie: 04.03.2026 10:00")
    assert "emergency" not in "\n".join(text)


@pytest.mark.parametrize(
    ("after", "text"),
    [
        ("0 h", "od razu"),
        ("0 min", "od razu"),
        ("2 h", "po 2 godz."),
        ("24 h", "po 24 godz."),
        ("10 min", "po 10 min"),
        ("1 d", "po 1 dniu"),
        ("3 d", "po 3 dniach"),
    ],
)
def test_a_step_says_when_it_falls_due_in_polish_in_the_unit_of_the_data(after, text):
    assert after_text(after) == text
