"""Where a report to a supplier stands on the supplier's escalation ladder.

The ladder (``data/suppliers.yml``, ``escalation``) says, per severity, which
channel to use after how long since the first report. Given when the report
went out and the time now, :func:`escalation_status` says which steps are due,
which one applies now, what comes next and when, and which channels the
supplier asks not to use; :func:`status_lines` says it in Polish, sentence
by sentence (``komunikat escalate`` prints them, the supplier pages' panel
„Co teraz?” shows them).

The module imports only the standard library: the site's panel runs it in
the browser (Pyodide, through :mod:`komunikat.escalation_browser`) on the
JSON copy of the supplier the site ships, which has the schema's attribute
names; the CLI passes the schema's objects.

Step times are measured in elapsed time, not on the wall clock: 24 h after
10:00 on the day the clocks change is 09:00 or 11:00 local time. Every time
given back is Warsaw time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from .durations import to_timedelta
from .suggest import did_you_mean
from .warsaw import FORMAT, WARSAW, zone_label

if TYPE_CHECKING:
    from .data import DataSet
    from .schema.suppliers import LadderStep, SeverityLadder, SlaFigure, Supplier

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


def level_key(text: str) -> str:
    """What a typed level is compared by: case, hyphens and extra spaces do not matter."""
    return " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()


def level_list(supplier: Supplier) -> str:
    """``„awaria zwykła” (urgent), „awaria krytyczna” (critical)``: what ``--severity`` takes."""
    return ", ".join(f"„{ladder.name_pl}” ({ladder.id})" for ladder in supplier.escalation)


def find_severity(supplier: Supplier, severity: str) -> SeverityLadder:
    """The level by its Polish name or its id; otherwise a ValueError naming them all."""
    wanted = level_key(severity)
    for ladder in supplier.escalation:
        if wanted in (level_key(ladder.id), level_key(ladder.name_pl)):
            return ladder
    names = [ladder.name_pl for ladder in supplier.escalation]
    ids = [ladder.id for ladder in supplier.escalation]
    raise ValueError(
        f"nieznany poziom pilności „{severity}” dostawcy „{supplier.id}”."
        f"{did_you_mean(severity, [*names, *ids])} Poziomy tego dostawcy: {level_list(supplier)}"
    )


def _sla_figure(supplier: Supplier, sla_id: str) -> SlaFigure:
    return next(figure for figure in supplier.sla if figure.id == sla_id)


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
    project's ``data/``); ``severity`` a level's Polish name or id. Both times
    must be timezone-aware. An unknown supplier or level raises ValueError
    with the valid ones.
    """
    if isinstance(supplier, str):
        if data is None:
            from .data import load_data
            from .paths import project_root

            data = load_data(project_root())
        supplier = find_supplier(data, supplier)
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
        figure = _sla_figure(supplier, sla_id)
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


@dataclass(frozen=True)
class Line:
    """One sentence of the status; ``label`` says what it is („Teraz”, „Następny krok” …)."""

    kind: str  # summary, now, earlier, next, last, expect, banned
    label: str  # empty for the summary
    text: str  # the sentence after the label
    at: datetime | None = None  # the Warsaw time the sentence is about

    def __str__(self) -> str:
        return f"{self.label}: {self.text}" if self.label else self.text


def status_lines(status: Status) -> list[Line]:
    """The status in Polish, one sentence each, for the CLI and the site's panel."""
    lines = [
        Line(
            "summary",
            "",
            f"{status.supplier.name} – pilność: {status.severity.name_pl}. Zgłoszenie: "
            f"{stamp(status.since)}, teraz: {stamp(status.now)} "
            f"(minęło {elapsed_text(_utc(status.now) - _utc(status.since))}).",
        )
    ]
    current = status.current
    for state in status.due:
        now = current is not None and state.at == current.at
        lines.append(
            Line(
                "now" if now else "earlier",
                "Teraz" if now else "Wcześniej",
                f"{after_text(state.step.after)} ({_clock(state.at, status.now)}) – "
                f"{CHANNEL_NAMES[state.step.channel]}: {state.step.action_pl}.",
                state.at,
            )
        )
    upcoming = status.next
    if upcoming is not None:
        lines.append(
            Line(
                "next",
                "Następny krok",
                f"{after_text(upcoming.step.after)} ({_clock(upcoming.at, status.now)}, "
                f"za {elapsed_text(_utc(upcoming.at) - _utc(status.now))}) – "
                f"{CHANNEL_NAMES[upcoming.step.channel]}: {upcoming.step.action_pl}.",
                upcoming.at,
            )
        )
    else:
        lines.append(
            Line(
                "last",
                "",
                "Następnego kroku nie ma: to ostatni krok drabiny eskalacji tego dostawcy.",
            )
        )
    for expectation in status.expectations:
        figure = expectation.figure
        state = "termin minął" if expectation.passed else "termin jeszcze nie minął"
        source = "Według dostawcy (szacunek)" if figure.estimate else "Według SLA"
        wording = figure.wording_pl.rstrip(".")
        lines.append(
            Line(
                "expect",
                source,
                f"{wording[:1].lower()}{wording[1:]} – do "
                f"{_clock(expectation.at, status.now)} ({state}).",
                expectation.at,
            )
        )
    for step in status.not_allowed:
        lines.append(Line("banned", CHANNEL_NAMES[step.channel].capitalize(), f"{step.action_pl}."))
    return lines


def format_status(status: Status) -> list[str]:
    """The status as the CLI prints it, one sentence per line."""
    return [str(line) for line in status_lines(status)]


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


def stamp(moment: datetime) -> str:
    """``04.03.2026 10:00``, with the zone in the hour that happens twice."""
    return moment.strftime(FORMAT) + _zone_if_ambiguous(moment)


def _clock(moment: datetime, now: datetime) -> str:
    """Only the hour when it is today, the full date otherwise."""
    shown = moment.strftime("%H:%M") if moment.date() == now.date() else moment.strftime(FORMAT)
    return shown + _zone_if_ambiguous(moment)


def _zone_if_ambiguous(moment: datetime) -> str:
    """`` CEST``/`` CET`` in the hour that happens twice when the clocks go back, else nothing."""
    other = moment.replace(fold=1 - moment.fold)
    return f" {zone_label(moment)}" if other.utcoffset() != moment.utcoffset() else ""


def after_text(after: str) -> str:
    """When a step falls due, counted from the report, in the unit the data gives:
    „od razu”, „po 2 godz.”, „po 10 min”, „po 1 dniu”, „po 3 dniach”."""
    amount, unit = after.split(" ")
    if int(amount) == 0:
        return "od razu"
    if unit == "d":
        return f"po {amount} {'dniu' if int(amount) == 1 else 'dniach'}"
    return f"po {amount} {'godz.' if unit == 'h' else 'min'}"


def elapsed_text(delta: timedelta) -> str:
    """``2 godz. 15 min``, ``1 dzień 3 godz.``, ``0 min`` (whole minutes, rounded down)."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} {'dzień' if days == 1 else 'dni'}")
    if hours:
        parts.append(f"{hours} godz.")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)
