"""Local Warsaw time: parsing, CET/CEST, and the two DST switch days."""

from __future__ import annotations

import pytest

from komunikat.warsaw import TimeError, parse_local


@pytest.mark.parametrize(
    ("typed", "polish", "english"),
    [
        ("15.01.2026 10:00", "15.01.2026 10:00", "15.01.2026 10:00 CET"),
        ("15.07.2026 10:00", "15.07.2026 10:00", "15.07.2026 10:00 CEST"),
        ("2026-07-15 10:00", "15.07.2026 10:00", "15.07.2026 10:00 CEST"),
        ("2026-07-15T10:00", "15.07.2026 10:00", "15.07.2026 10:00 CEST"),
        ("5.1.2026 7:05", "05.01.2026 07:05", "05.01.2026 07:05 CET"),
        # spring switch, 29.03.2026: 02:00 CET jumps to 03:00 CEST
        ("29.03.2026 01:59", "29.03.2026 01:59", "29.03.2026 01:59 CET"),
        ("29.03.2026 03:00", "29.03.2026 03:00", "29.03.2026 03:00 CEST"),
        # autumn switch, 25.10.2026: 03:00 CEST goes back to 02:00 CET
        ("25.10.2026 01:59", "25.10.2026 01:59", "25.10.2026 01:59 CEST"),
        ("25.10.2026 03:00", "25.10.2026 03:00", "25.10.2026 03:00 CET"),
        # the repeated hour names its zone in Polish too: "02:30" alone is either of two
        ("25.10.2026 02:30 CEST", "25.10.2026 02:30 CEST", "25.10.2026 02:30 CEST"),
        ("25.10.2026 02:30 cet", "25.10.2026 02:30 CET", "25.10.2026 02:30 CET"),
        ("25.10.2026 02:00 CET", "25.10.2026 02:00 CET", "25.10.2026 02:00 CET"),
    ],
)
def test_typed_local_time_prints_with_the_zone_in_force(
    typed: str, polish: str, english: str
) -> None:
    moment = parse_local(typed)
    assert (moment.pl, moment.en) == (polish, english)


def test_the_two_readings_of_the_repeated_hour_are_an_hour_apart() -> None:
    first = parse_local("25.10.2026 02:30 CEST").utc
    second = parse_local("25.10.2026 02:30 CET").utc
    assert (second - first).total_seconds() == 3600


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("29.03.2026 02:30", "tej godziny nie ma"),
        ("29.03.2026 02:00", "tej godziny nie ma"),
        ("25.10.2026 02:30", "występuje dwa razy"),
        ("25.10.2026 02:00", "występuje dwa razy"),
        ("31.02.2026 10:00", "nie istnieje"),
        ("15.13.2026 10:00", "nie istnieje"),
        ("15.01.2026 24:30", "nie istnieje"),
        ("jutro o 10", "wpisz w formacie dd.mm.rrrr gg:mm"),
        ("dd.mm.yyyy hh:mm", "wpisz w formacie"),
        ("15.01.2026 10:00 CEST", "obowiązuje CET"),
    ],
)
def test_times_that_cannot_be_used_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(TimeError, match=says):
        parse_local(typed)
