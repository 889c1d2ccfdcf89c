"""Where a report to a supplier stands on the supplier's escalation ladder.

The ladder (``data/suppliers.yml``, ``escalation``) says, per severity, which
channel to use after how long since the first report. Given when the report
went out and the time now, :func:`escalation_status` says which steps are due,
which one applies now, what comes next and when, and which channels the
supplier asks not to use; :func:`format_status` says it in Polish.

Step times are measured in elapsed time, not on the wall clock: 24 h after
10:00 on the day the clocks change is 09:00 or 11:00 local time. Every time
given back is Warsaw time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .data import DataSet, load_data
from .paths import project_root
from .schema.suppliers import LadderStep, SeverityLadder, SlaFigure, Supplier, to_timedelta
from .suggest import did_you_mean
from .warsaw import FORMAT, WARSAW, zone_label

CHANNEL_NAMES = {
    "email": "e-mail",
    "email+sms": "e-mail i SMS",
    "phone": "telefon",
    "email/ticket": "e-mail lub zgłoszenie na koncie klienta",
}


@dataclass(frozen=True)
class StepState:
    step: LadderStep
    at: datetime  # Warsaw time the step falls due
    due: bool  # its time has come (now >= at)
    overdue: bool  # its time has passed (now > at)


@dataclass(frozen=True)
class Expectation:
    """A deadline the supplier's SLA sets, counted from the report."""

    figure: SlaFigure
    at: datetime  # Warsaw time
    passed: bool  # now > at


@dataclass(frozen=True)
class Status:
    supplier: Supplier
    severity: SeverityLadder
    since: datetime  # Warsaw time of the first report
    now: datetime  # Warsaw time
    steps: tuple[StepState, ...]  # the timed, allowed steps in ladder order
    not_allowed: tuple[LadderStep, ...]  # channels the supplier asks not to use

    expectations: tuple[Expectation, ...] = ()

    @property
    def due(self) -> tuple[StepState, ...]:
        return tuple(s for s in self.steps if s.due)

    @property
    def current(self) -> StepState | None:
        """The latest step whose time has come."""
        due = self.due
        return due[-1] if due else None

    @property
    def next(self) -> StepState | None:
        """The first step whose time has not come yet."""
        return next((s for s in self.steps if not s.due), None)

    @property
    def next_due_at(self) -> datetime | None:
        upcoming = self.next
        return upcoming.at if upcoming else None


def find_supplier(data: DataSet, supplier_id: str) -> Supplier:
    """The supplier by id; an unknown id is a ValueError naming the valid ones."""
    try:
        return data.supplier(supplier_id)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None


def find_severity(supplier: Supplier, severity_id: str) -> SeverityLadder:
    known = [ladder.id for ladder in supplier.escalation]
    try:
        return supplier.severity(severity_id)
    except KeyError:
        listed = "; ".join(f"{ladder.id} ({ladder.label_pl})" for ladder in supplier.escalation)
        raise ValueError(
            f"nieznany poziom pilności „{severity_id}” dostawcy „{supplier.id}”."
            f"{did_you_mean(severity_id, known)} Poziomy: {listed}"
        ) from None


def escalation_status(
    supplier: Supplier | str,
    severity: str,
    since: datetime,
    now: datetime,
    *,
    data: DataSet | None = None,
) -> Status:
    """What the ladder asks for at ``now`` when the first report went out at ``since``.

    ``supplier`` is a supplier or its id (looked up in ``data``, by default the
    project's ``data/``). Both times must be timezone-aware. An unknown
    supplier or severity raises ValueError with the valid ids.
    """
    if isinstance(supplier, str):
        supplier = find_supplier(data or load_data(project_root()), supplier)
    ladder = find_severity(supplier, severity)
    start, moment = _warsaw(since, "since"), _warsaw(now, "now")
    if _utc(moment) < _utc(start):
        raise ValueError(
            f"chwila „teraz” ({moment.strftime(FORMAT)}) jest wcześniejsza niż zgłoszenie "
            f"({start.strftime(FORMAT)}); sprawdź datę zgłoszenia"
        )
    steps = []
    for step in ladder.steps:
        if not step.allowed or step.after is None:
            continue
        at = _after(start, to_timedelta(step.after))
        steps.append(
            StepState(step, at, due=_utc(moment) >= _utc(at), overdue=_utc(moment) > _utc(at))
        )
    expectations = []
    for sla_id in ladder.expect:
        figure = supplier.sla_figure(sla_id)
        if figure.max is None:
            continue
        at = _after(start, to_timedelta(figure.max))
        expectations.append(Expectation(figure, at, passed=_utc(moment) > _utc(at)))
    return Status(
        supplier=supplier,
        severity=ladder,
        since=start,
        now=moment,
        steps=tuple(steps),
        not_allowed=tuple(step for step in ladder.steps if not step.allowed),
        expectations=tuple(expectations),
    )


def format_status(status: Status) -> list[str]:
    """The status in Polish, one sentence per line, for the CLI and the site."""
    lines = [
        f"{status.supplier.name} – {status.severity.label_pl}. Zgłoszenie: "
        f"{_stamp(status.since)}, teraz: {_stamp(status.now)} "
        f"(minęło {_elapsed(_utc(status.now) - _utc(status.since))})."
    ]
    current = status.current
    for state in status.due:
        marker = "Teraz" if current is not None and state.at == current.at else "Wcześniej"
        lines.append(
            f"{marker}: po {state.step.after} ({_clock(state.at, status.now)}) – "
            f"{CHANNEL_NAMES[state.step.channel]}: {state.step.action_pl}."
        )
    upcoming = status.next
    if upcoming is not None:
        lines.append(
            f"Następny krok: po {upcoming.step.after} ({_clock(upcoming.at, status.now)}, "
            f"za {_elapsed(_utc(upcoming.at) - _utc(status.now))}) – "
            f"{CHANNEL_NAMES[upcoming.step.channel]}: {upcoming.step.action_pl}."
        )
    else:
        lines.append("Następnego kroku nie ma: to ostatni krok drabiny eskalacji tego dostawcy.")
    for expectation in status.expectations:
        figure = expectation.figure
        state = "termin minął" if expectation.passed else "termin jeszcze nie minął"
        source = "Według dostawcy (szacunek)" if figure.estimate else "Według SLA"
        wording = figure.wording_pl.rstrip(".")
        lines.append(
            f"{source}: {wording[:1].lower()}{wording[1:]} – do "
            f"{_clock(expectation.at, status.now)} ({state})."
        )
    for step in status.not_allowed:
        lines.append(f"{CHANNEL_NAMES[step.channel].capitalize()}: {step.action_pl}.")
    return lines


def _warsaw(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"czas „{name}” nie ma strefy czasowej; podaj czas warszawski")
    try:
        return moment.astimezone(UTC).astimezone(WARSAW)
    except OverflowError:
        raise ValueError(_OUT_OF_RANGE.format(name=name)) from None


_OUT_OF_RANGE = (
    "czas „{name}” jest poza zakresem kalendarza, który da się policzyć; "
    "podaj datę z naszych czasów, np. 15.12.2026 22:00"
)


def _utc(moment: datetime) -> datetime:
    """Aware datetimes in one zone compare and subtract on the wall clock; in UTC they do not.

    (Python ignores ``fold`` and the offset between two datetimes that share a
    tzinfo, so 02:45 CEST would be "later" than 02:30 CET on the night the
    clocks go back.)
    """
    return moment.astimezone(UTC)


def _after(start: datetime, delta: timedelta) -> datetime:
    """Elapsed-time arithmetic: aware datetimes add on the wall clock otherwise."""
    try:
        return (_utc(start) + delta).astimezone(WARSAW)
    except OverflowError:
        raise ValueError(
            "termin kroku eskalacji wypada poza zakresem kalendarza, który da się policzyć; "
            "sprawdź datę zgłoszenia (--since)"
        ) from None


def _stamp(moment: datetime) -> str:
    return moment.strftime(FORMAT) + _zone_if_ambiguous(moment)


def _clock(moment: datetime, now: datetime) -> str:
    """Only the hour when it is today, the full date otherwise."""
    shown = moment.strftime("%H:%M") if moment.date() == now.date() else moment.strftime(FORMAT)
    return shown + _zone_if_ambiguous(moment)


def _zone_if_ambiguous(moment: datetime) -> str:
    """`` CEST``/`` CET`` in the hour that happens twice when the clocks go back, else nothing."""
    other = moment.replace(fold=1 - moment.fold)
    return f" {zone_label(moment)}" if other.utcoffset() != moment.utcoffset() else ""


def _elapsed(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if hours:
        parts.append(f"{hours} h")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)
