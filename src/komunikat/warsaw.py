"""Local Warsaw time as operators type it, and its CET/CEST label.

Operators enter wall-clock time in Warsaw; the English part of a notice
names the zone in force on that date. The zone is computed with the IANA
database (``zoneinfo``), never asked from the operator, except to settle the
one ambiguous hour when clocks go back; a time in that hour names its zone in
the Polish part too, or "02:30" would not say which of the two it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")
FORMAT = "%d.%m.%Y %H:%M"

_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})$"),
)
_ZONE_SUFFIX = re.compile(r"\s+(?P<zone>CET|CEST)$", re.IGNORECASE)


class TimeError(ValueError):
    """A time an operator typed that cannot be used; the message says why.

    ``form`` is the wording for the composer's form where the message tells
    what to type and the form offers a choice instead (the zone of the
    repeated hour); None: the message fits the form as it is.
    """

    def __init__(self, message: str, *, form: str | None = None) -> None:
        super().__init__(message)
        self.form = form


@dataclass(frozen=True)
class LocalTime:
    """An unambiguous moment, printed the way notices print it."""

    moment: datetime  # aware, Europe/Warsaw

    def __str__(self) -> str:
        return self.pl

    # the texts are worked out once: a notice prints each time in both languages,
    # and the composer re-renders on every keystroke (frozen: they cannot go stale)
    @cached_property
    def pl(self) -> str:
        wall = self.moment.strftime(FORMAT)
        return f"{wall} {self.zone}" if self.repeated else wall

    @cached_property
    def en(self) -> str:
        return f"{self.moment.strftime(FORMAT)} {self.zone}"

    @property
    def zone(self) -> str:
        return zone_label(self.moment)

    @property
    def repeated(self) -> bool:
        """The wall-clock time occurs twice (the hour the clocks go back)."""
        other = self.moment.replace(fold=1 - self.moment.fold)
        return other.utcoffset() != self.moment.utcoffset()

    @property
    def utc(self) -> datetime:
        """For comparisons: aware datetimes in one zone compare ignoring ``fold``."""
        return self.moment.astimezone(UTC)

    @cached_property
    def iso(self) -> str:
        return self.moment.isoformat()


def zone_label(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        raise TimeError("czas bez strefy")
    hours = offset.total_seconds() / 3600
    return {1.0: "CET", 2.0: "CEST"}[hours]


def parse_local(text: str) -> LocalTime:
    """Parse ``dd.mm.yyyy hh:mm`` (or ISO ``yyyy-mm-dd hh:mm``) as Warsaw time."""
    raw = " ".join(text.split())
    zone_hint = None
    suffix = _ZONE_SUFFIX.search(raw)
    if suffix:
        zone_hint = suffix.group("zone").upper()
        raw = raw[: suffix.start()]
    for pattern in _PATTERNS:
        match = pattern.match(raw)
        if match:
            break
    else:
        raise TimeError(
            f"„{text}” nie jest datą i godziną; wpisz w formacie dd.mm.rrrr gg:mm, "
            "np. 15.12.2026 22:00"
        )
    parts = {k: int(v) for k, v in match.groupdict().items()}
    try:
        naive = datetime(parts["y"], parts["m"], parts["d"], parts["H"], parts["M"])
    except ValueError:
        raise TimeError(f"„{text}”: taki dzień lub godzina nie istnieje; sprawdź datę") from None
    early = naive.replace(tzinfo=WARSAW, fold=0)
    late = naive.replace(tzinfo=WARSAW, fold=1)
    try:
        round_trip = early.astimezone(UTC).astimezone(WARSAW).replace(tzinfo=None)
    except OverflowError:
        raise TimeError(
            f"„{text}”: data poza zakresem kalendarza, który da się policzyć; "
            "podaj datę z naszych czasów, np. 15.12.2026 22:00"
        ) from None
    if round_trip != naive:
        raise TimeError(
            f"„{text}”: tej godziny nie ma w Warszawie — przy zmianie czasu na letni zegary "
            "przestawia się z 02:00 na 03:00; podaj godzinę sprzed 02:00 albo od 03:00"
        )
    if early.utcoffset() != late.utcoffset():
        chosen = _settle_ambiguous(text, early, late, zone_hint)
        return LocalTime(chosen)
    if zone_hint and zone_label(early) != zone_hint:
        raise TimeError(
            f"„{text}”: tego dnia w Warszawie obowiązuje {zone_label(early)}, "
            f"a nie {zone_hint}; usuń dopisek strefy"
        )
    return LocalTime(early)


def _settle_ambiguous(text: str, early: datetime, late: datetime, hint: str | None) -> datetime:
    if hint == "CEST":
        return early
    if hint == "CET":
        return late
    repeated = (
        f"„{text}”: ta godzina występuje dwa razy — przy zmianie czasu na zimowy zegary "
        "cofa się z 03:00 na 02:00; "
    )
    raise TimeError(
        repeated + "dopisz CEST (pierwsza) albo CET (druga), "
        "np. „" + early.strftime(FORMAT) + " CEST”",
        form=repeated + "wybierz strefę: CEST (pierwsza) albo CET (druga)",
    )


def now_local() -> LocalTime:
    return LocalTime(datetime.now(WARSAW))
