"""Hand-worked cases for core.calendar.BusinessCalendar.

Dates used (2026): 1 Jan is a Thursday; 2 Mar is a Monday; Warsaw moves 02:00 CET ->
03:00 CEST on Sun 29 Mar and 03:00 CEST -> 02:00 CET on Sun 25 Oct; Sydney moves
03:00 AEDT -> 02:00 AEST on Sun 5 Apr and 02:00 AEST -> 03:00 AEDT on Sun 4 Oct.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from core.calendar import BusinessCalendar
from core.orgspec import CalendarSpec, ClosedPeriod, Interval

WAW = ZoneInfo("Europe/Warsaw")
SYD = ZoneInfo("Australia/Sydney")
SCL = ZoneInfo("America/Santiago")
H = 3600
M = 60

LUNCH = (Interval(8 * 60, 12 * 60), Interval(13 * 60, 17 * 60))  # 08-12, 13-17: 8 h a day
WEEKDAYS_LUNCH = (LUNCH,) * 5 + ((), ())


def cal(
    week: tuple[tuple[Interval, ...], ...] = WEEKDAYS_LUNCH,
    tz: str = "Europe/Warsaw",
    country: str | None = None,
    subdiv: str | None = None,
    closed: tuple[ClosedPeriod, ...] = (),
    always_open: bool = False,
) -> BusinessCalendar:
    return BusinessCalendar(
        CalendarSpec(
            name="t",
            timezone=tz,
            always_open=always_open,
            week=week,
            holidays_country=country,
            holidays_subdivision=subdiv,
            closed=closed,
        )
    )


def every_day(*intervals: tuple[int, int]) -> tuple[tuple[Interval, ...], ...]:
    """The same intervals (given as (start, end) minutes) on all seven weekdays."""
    return (tuple(Interval(s, e) for s, e in intervals),) * 7


def w(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = WAW, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz, fold=fold)


def u(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


OFFICE = cal()
OFFICE_PL = cal(country="PL")


# ---------------------------------------------------------------- ordinary days


def test_inside_hours_same_morning() -> None:
    # Mon 2 Mar 09:00 -> 11:30, all inside 08-12: 2.5 h
    assert OFFICE.elapsed(w(2026, 3, 2, 9), w(2026, 3, 2, 11, 30)) == 2 * H + 30 * M


def test_across_lunch_break() -> None:
    # 10:00 -> 14:00: 10-12 (2 h) + lunch 12-13 (0) + 13-14 (1 h) = 3 h
    assert OFFICE.elapsed(w(2026, 3, 2, 10), w(2026, 3, 2, 14)) == 3 * H
    # add 3 h from 10:00 lands at 14:00, strictly inside 13-17, so due == add
    assert OFFICE.add(w(2026, 3, 2, 10), 3 * H) == w(2026, 3, 2, 14)
    assert OFFICE.due(w(2026, 3, 2, 10), 3 * H) == w(2026, 3, 2, 14)


def test_start_before_and_after_hours() -> None:
    # 06:00 -> 09:00: nothing until 08:00, then 1 h
    assert OFFICE.elapsed(w(2026, 3, 2, 6), w(2026, 3, 2, 9)) == H
    # Mon 19:00 -> Tue 08:30: only Tue 08:00-08:30
    assert OFFICE.elapsed(w(2026, 3, 2, 19), w(2026, 3, 3, 8, 30)) == 30 * M
    # add 1 h from Mon 19:00: the clock first runs Tue 08:00, so Tue 09:00
    assert OFFICE.add(w(2026, 3, 2, 19), H) == w(2026, 3, 3, 9)


def test_over_a_weekend() -> None:
    # Fri 6 Mar 15:00 -> Mon 9 Mar 10:00: Fri 15-17 (2 h) + Sat/Sun (0) + Mon 08-10 (2 h) = 4 h
    assert OFFICE.elapsed(w(2026, 3, 6, 15), w(2026, 3, 9, 10)) == 4 * H
    # starting on Saturday: 1 h of business time is Mon 08:00-09:00
    assert OFFICE.add(w(2026, 3, 7, 11), H) == w(2026, 3, 9, 9)
    assert OFFICE.due(w(2026, 3, 7, 11), H) == w(2026, 3, 9, 9)
    # Fri 16:00 + 3 h: Fri 16-17 (1 h), Mon 08-10 (2 h) -> Mon 10:00
    assert OFFICE.add(w(2026, 3, 6, 16), 3 * H) == w(2026, 3, 9, 10)


def test_results_are_utc_and_whole_seconds() -> None:
    t = OFFICE.add(datetime(2026, 3, 2, 9, 0, 0, 750_000, tzinfo=WAW), 90)
    # 09:00:00.75 is truncated to 09:00:00; + 90 s = 09:01:30 CET = 08:01:30 UTC
    assert t == u(2026, 3, 2, 8, 1) + timedelta(seconds=30)
    assert t.tzinfo is UTC and t.microsecond == 0
    # any aware input zone works: 09:00 CET is 13:00 at UTC+5
    plus5 = timezone(timedelta(hours=5))
    assert OFFICE.elapsed(datetime(2026, 3, 2, 13, tzinfo=plus5), w(2026, 3, 2, 10)) == H


# ---------------------------------------------------------------- closing times: add vs due


def test_landing_exactly_at_lunch_closing() -> None:
    # Mon 09:00 + 3 h = 12:00, exactly when the morning closes
    assert OFFICE.add(w(2026, 3, 2, 9), 3 * H) == w(2026, 3, 2, 12)
    # no business time passes 12:00-13:00, so the last instant before passing 3 h is 13:00
    assert OFFICE.due(w(2026, 3, 2, 9), 3 * H) == w(2026, 3, 2, 13)


def test_landing_exactly_at_evening_closing() -> None:
    # Mon 08:00 + 8 h = Mon 17:00 (a full day); due is the next opening, Tue 08:00
    assert OFFICE.add(w(2026, 3, 2, 8), 8 * H) == w(2026, 3, 2, 17)
    assert OFFICE.due(w(2026, 3, 2, 8), 8 * H) == w(2026, 3, 3, 8)
    # Fri 09:00 + 7 h = Fri 17:00; due skips the weekend to Mon 08:00
    assert OFFICE.add(w(2026, 3, 6, 9), 7 * H) == w(2026, 3, 6, 17)
    assert OFFICE.due(w(2026, 3, 6, 9), 7 * H) == w(2026, 3, 9, 8)


# ---------------------------------------------------------------- zero durations


def test_zero_durations() -> None:
    inside, saturday = w(2026, 3, 2, 9), w(2026, 3, 7, 11)
    assert OFFICE.elapsed(inside, inside) == 0
    assert OFFICE.elapsed(w(2026, 3, 3, 9), inside) == 0  # end before start
    # add(t, 0) is t itself, open or not
    assert OFFICE.add(inside, 0) == inside
    assert OFFICE.add(saturday, 0) == saturday
    # due(t, 0): t when open; else the next opening (no business time passes before it)
    assert OFFICE.due(inside, 0) == inside
    assert OFFICE.due(saturday, 0) == w(2026, 3, 9, 8)
    assert OFFICE.due(w(2026, 3, 2, 12), 0) == w(2026, 3, 2, 13)  # 12:00 is closed (lunch)
    assert OFFICE.due(w(2026, 3, 2, 8), 0) == w(2026, 3, 2, 8)  # opening instant is open


def test_is_open_and_next_opening() -> None:
    assert OFFICE.is_open(w(2026, 3, 2, 8))  # intervals are [start, end)
    assert OFFICE.is_open(w(2026, 3, 2, 11, 59))
    assert not OFFICE.is_open(w(2026, 3, 2, 12))
    assert not OFFICE.is_open(w(2026, 3, 7, 10))
    assert OFFICE.next_opening(w(2026, 3, 2, 10)) == w(2026, 3, 2, 10)
    assert OFFICE.next_opening(w(2026, 3, 2, 12, 30)) == w(2026, 3, 2, 13)
    assert OFFICE.next_opening(w(2026, 3, 6, 17)) == w(2026, 3, 9, 8)


def test_open_intervals_are_utc_and_clipped() -> None:
    # Fri 6 Mar 10:00 -> Mon 9 Mar 09:00 (CET = UTC+1)
    assert OFFICE.open_intervals(w(2026, 3, 6, 10), w(2026, 3, 9, 9)) == [
        (u(2026, 3, 6, 9), u(2026, 3, 6, 11)),  # Fri 10-12
        (u(2026, 3, 6, 12), u(2026, 3, 6, 16)),  # Fri 13-17
        (u(2026, 3, 9, 7), u(2026, 3, 9, 8)),  # Mon 08-09
    ]
    assert OFFICE.open_intervals(w(2026, 3, 9, 9), w(2026, 3, 6, 10)) == []


# ---------------------------------------------------------------- public holidays


def test_polish_independence_day() -> None:
    # Wed 11 Nov 2026 is a public holiday in Poland
    assert OFFICE_PL.elapsed(w(2026, 11, 11), w(2026, 11, 12)) == 0
    assert OFFICE.elapsed(w(2026, 11, 11), w(2026, 11, 12)) == 8 * H
    # Tue 10 Nov 16:00 + 2 h: Tue 16-17 (1 h), Wed closed, Thu 08-09 (1 h) -> Thu 09:00
    assert OFFICE_PL.add(w(2026, 11, 10, 16), 2 * H) == w(2026, 11, 12, 9)
    # Tue 08:00 + 8 h = Tue 17:00; the next opening is Thu 08:00
    assert OFFICE_PL.due(w(2026, 11, 10, 8), 8 * H) == w(2026, 11, 12, 8)
    assert OFFICE_PL.next_opening(w(2026, 11, 11, 10)) == w(2026, 11, 12, 8)


def test_across_new_year() -> None:
    # Wed 31 Dec 2025 16:00 -> Fri 2 Jan 2026 09:00: 31 Dec 16-17 (1 h), 1 Jan holiday, 2 Jan 08-09 (1 h)
    assert OFFICE_PL.elapsed(w(2025, 12, 31, 16), w(2026, 1, 2, 9)) == 2 * H
    assert OFFICE_PL.add(w(2025, 12, 31, 16), 2 * H) == w(2026, 1, 2, 9)


def test_subdivision_holidays_australia() -> None:
    nine_to_five = ((Interval(9 * 60, 17 * 60),),) * 5 + ((), ())
    nsw = cal(nine_to_five, tz="Australia/Sydney", country="AU", subdiv="NSW")
    vic = cal(nine_to_five, tz="Australia/Sydney", country="AU", subdiv="VIC")
    # Mon 5 Oct 2026 is Labour Day in New South Wales but not in Victoria
    assert nsw.elapsed(w(2026, 10, 5, tz=SYD), w(2026, 10, 6, tz=SYD)) == 0
    assert vic.elapsed(w(2026, 10, 5, tz=SYD), w(2026, 10, 6, tz=SYD)) == 8 * H
    # Mon 9 Mar 2026 is Labour Day in Victoria but not in New South Wales
    assert nsw.elapsed(w(2026, 3, 9, tz=SYD), w(2026, 3, 10, tz=SYD)) == 8 * H
    assert vic.elapsed(w(2026, 3, 9, tz=SYD), w(2026, 3, 10, tz=SYD)) == 0


# ---------------------------------------------------------------- closed dates and periods


def test_closed_whole_date_and_period() -> None:
    c = cal(
        closed=(
            ClosedPeriod(date(2026, 3, 4)),  # Wed closed all day
            ClosedPeriod(date(2026, 3, 5), 14 * 60, 16 * 60),  # Thu closed 14-16
        )
    )
    # Tue 00:00 -> Thu 00:00: Tue 8 h + Wed 0 = 8 h
    assert c.elapsed(w(2026, 3, 3), w(2026, 3, 5)) == 8 * H
    # Thu: 08-12 (4 h) + 13-14 (1 h) + 16-17 (1 h) = 6 h
    assert c.elapsed(w(2026, 3, 5), w(2026, 3, 6)) == 6 * H
    # Thu 13:00 + 1 h lands at 14:00, where the closed period begins: due at 16:00
    assert c.add(w(2026, 3, 5, 13), H) == w(2026, 3, 5, 14)
    assert c.due(w(2026, 3, 5, 13), H) == w(2026, 3, 5, 16)
    # Thu 13:00 + 2 h: 13-14 (1 h), 16-17 (1 h) -> 17:00, a closing: due Fri 08:00
    assert c.add(w(2026, 3, 5, 13), 2 * H) == w(2026, 3, 5, 17)
    assert c.due(w(2026, 3, 5, 13), 2 * H) == w(2026, 3, 6, 8)
    assert not c.is_open(w(2026, 3, 5, 15))
    assert c.next_opening(w(2026, 3, 5, 15)) == w(2026, 3, 5, 16)
    # Tue 16:00 + 2 h: Tue 16-17 (1 h), Wed closed, Thu 08-09 (1 h)
    assert c.add(w(2026, 3, 3, 16), 2 * H) == w(2026, 3, 5, 9)


def test_closed_period_on_fall_back_day_closes_both_hours() -> None:
    # night shift 00:00-06:00 daily; on Sun 25 Oct the wall clock shows 02:00-03:00 twice.
    # A closed period 02:00-03:00 closes every instant whose wall clock lies in it:
    # 00:00 CEST (22:00Z) .. 02:00 CEST (00:00Z) = 2 h, then 03:00 CET (02:00Z) .. 06:00 CET (05:00Z) = 3 h
    c = cal(every_day((0, 360)), closed=(ClosedPeriod(date(2026, 10, 25), 120, 180),))
    assert c.elapsed(w(2026, 10, 25), w(2026, 10, 26)) == 5 * H
    assert c.open_intervals(w(2026, 10, 25), w(2026, 10, 26)) == [
        (u(2026, 10, 24, 22), u(2026, 10, 25, 0)),
        (u(2026, 10, 25, 2), u(2026, 10, 25, 5)),
    ]


# ---------------------------------------------------------------- multi-week spans


def test_four_weeks_without_holidays() -> None:
    # Mon 2 Mar 08:00 -> Mon 30 Mar 08:00: 4 weeks x 5 days x 8 h = 160 h (Warsaw's DST
    # change on Sun 29 Mar falls outside working hours)
    assert OFFICE.elapsed(w(2026, 3, 2, 8), w(2026, 3, 30, 8)) == 160 * H
    assert OFFICE.add(w(2026, 3, 2, 8), 160 * H) == w(2026, 3, 27, 17)  # Fri closing
    assert OFFICE.due(w(2026, 3, 2, 8), 160 * H) == w(2026, 3, 30, 8)


def test_four_weeks_with_polish_holidays() -> None:
    # Mon 6 Apr -> Mon 4 May: 20 weekdays less Easter Monday (6 Apr) and 1 May (Fri);
    # 3 May is a Sunday anyway: 18 days x 8 h = 144 h
    assert OFFICE_PL.elapsed(w(2026, 4, 6), w(2026, 5, 4)) == 144 * H
    # Mon 30 Mar 08:00 + 160 h = 20 working days: 30 Mar-3 Apr (5), 6 Apr holiday,
    # 7-10 Apr (4, total 9), 13-17 (14), 20-24 (19), Mon 27 Apr (20) -> 27 Apr 17:00
    assert OFFICE_PL.add(w(2026, 3, 30, 8), 160 * H) == w(2026, 4, 27, 17)
    assert OFFICE_PL.due(w(2026, 3, 30, 8), 160 * H) == w(2026, 4, 28, 8)


# ---------------------------------------------------------------- DST in Warsaw


def test_warsaw_spring_forward() -> None:
    day, nxt = w(2026, 3, 29), w(2026, 3, 30)
    # an interval inside the day: 08:00-16:00 CEST is 8 real hours
    assert cal(every_day((480, 960))).elapsed(day, nxt) == 8 * H
    # 00:00-06:00 spans the change: 00:00 CET (23:00Z) .. 06:00 CEST (04:00Z) = 5 h
    night = cal(every_day((0, 360)))
    assert night.elapsed(day, nxt) == 5 * H
    # 01:00-04:00: 01:00 CET (00:00Z) .. 04:00 CEST (02:00Z) = 2 h
    assert cal(every_day((60, 240))).elapsed(day, nxt) == 2 * H
    # an interval starting in the gap (02:30 does not exist): opens when the gap ends,
    # 03:00 CEST (01:00Z) .. 05:00 CEST (03:00Z) = 2 h
    assert cal(every_day((150, 300))).elapsed(day, nxt) == 2 * H
    # one ending in the gap: 00:00 CET (23:00Z) .. gap end 03:00 CEST (01:00Z) = 2 h
    assert cal(every_day((0, 150))).elapsed(day, nxt) == 2 * H
    # add 4 h from 00:00: 23:00Z + 4 h = 03:00Z = 05:00 CEST (04:00 on an ordinary day)
    assert night.add(day, 4 * H) == w(2026, 3, 29, 5)
    assert night.add(w(2026, 3, 28), 4 * H) == w(2026, 3, 28, 4)
    # 5 h lands at 06:00, the closing: due the next opening, Mon 00:00
    assert night.add(day, 5 * H) == w(2026, 3, 29, 6)
    assert night.due(day, 5 * H) == nxt


def test_warsaw_fall_back() -> None:
    day, nxt = w(2026, 10, 25), w(2026, 10, 26)
    assert cal(every_day((480, 960))).elapsed(day, nxt) == 8 * H
    # 00:00-06:00: 00:00 CEST (22:00Z on the 24th) .. 06:00 CET (05:00Z) = 7 h
    night = cal(every_day((0, 360)))
    assert night.elapsed(day, nxt) == 7 * H
    # 01:00-04:00: 01:00 CEST (23:00Z) .. 04:00 CET (03:00Z) = 4 h
    assert cal(every_day((60, 240))).elapsed(day, nxt) == 4 * H
    # starting at the ambiguous 02:30 takes its first occurrence (CEST, 00:30Z);
    # 05:00 CET is 04:00Z: 3.5 h
    assert cal(every_day((150, 300))).elapsed(day, nxt) == 3 * H + 30 * M
    # ending at the ambiguous 02:30 takes its second occurrence (CET, 01:30Z): 22:00Z .. 01:30Z
    assert cal(every_day((0, 150))).elapsed(day, nxt) == 3 * H + 30 * M
    # add 4 h from 00:00 (22:00Z): 02:00Z, which is 03:00 CET
    assert night.add(day, 4 * H) == w(2026, 10, 25, 3)
    # add 3 h: 01:00Z, the second 02:00 (CET, fold=1)
    # (compared in UTC: PEP 495 makes inter-zone == with a fold=1 time always False)
    t = night.add(day, 3 * H)
    assert t == u(2026, 10, 25, 1)
    local = t.astimezone(WAW)
    assert (local.hour, local.minute, local.fold) == (2, 0, 1)
    assert night.due(day, 7 * H) == nxt


# ---------------------------------------------------------------- DST in Sydney (southern hemisphere)


def test_sydney_dst_ends_in_april() -> None:
    # Sun 5 Apr 2026: 03:00 AEDT (+11) -> 02:00 AEST (+10)
    day, nxt = w(2026, 4, 5, tz=SYD), w(2026, 4, 6, tz=SYD)
    assert cal(every_day((480, 960)), tz="Australia/Sydney").elapsed(day, nxt) == 8 * H
    # 00:00 AEDT (13:00Z on the 4th) .. 06:00 AEST (20:00Z) = 7 h
    assert cal(every_day((0, 360)), tz="Australia/Sydney").elapsed(day, nxt) == 7 * H
    # 01:00 AEDT (14:00Z) .. 04:00 AEST (18:00Z) = 4 h
    assert cal(every_day((60, 240)), tz="Australia/Sydney").elapsed(day, nxt) == 4 * H
    # both on one calendar, plus add across the change: 00:00 + 7 h = 06:00 (the closing),
    # due at the 08:00 opening; + 8 h = 09:00 AEST
    both = cal(every_day((0, 360), (480, 960)), tz="Australia/Sydney")
    assert both.elapsed(day, nxt) == 15 * H
    assert both.add(day, 7 * H) == w(2026, 4, 5, 6, tz=SYD)
    assert both.due(day, 7 * H) == w(2026, 4, 5, 8, tz=SYD)
    assert both.add(day, 8 * H) == w(2026, 4, 5, 9, tz=SYD)


def test_sydney_dst_starts_in_october() -> None:
    # Sun 4 Oct 2026: 02:00 AEST (+10) -> 03:00 AEDT (+11)
    day, nxt = w(2026, 10, 4, tz=SYD), w(2026, 10, 5, tz=SYD)
    assert cal(every_day((480, 960)), tz="Australia/Sydney").elapsed(day, nxt) == 8 * H
    # 00:00 AEST (14:00Z on the 3rd) .. 06:00 AEDT (19:00Z) = 5 h
    assert cal(every_day((0, 360)), tz="Australia/Sydney").elapsed(day, nxt) == 5 * H
    # 01:00 AEST (15:00Z) .. 04:00 AEDT (17:00Z) = 2 h
    assert cal(every_day((60, 240)), tz="Australia/Sydney").elapsed(day, nxt) == 2 * H
    # 00:00 + 2 h = 16:00Z = 03:00 AEDT (the gap 02:00-03:00 is skipped)
    night = cal(every_day((0, 360)), tz="Australia/Sydney")
    assert night.add(day, 2 * H) == w(2026, 10, 4, 3, tz=SYD)


# ---------------------------------------------------------------- intervals ending at 24:00


def test_evening_shift_ending_at_midnight() -> None:
    evening = ((Interval(18 * 60, 1440),),) * 5 + ((), ())  # Mon-Fri 18:00-24:00
    c = cal(evening)
    # Mon 2 Mar 23:00 + 2 h: Mon 23-24 (1 h), Tue 18-19 (1 h) -> Tue 19:00
    assert c.add(w(2026, 3, 2, 23), 2 * H) == w(2026, 3, 3, 19)
    # Mon 23:00 + 1 h lands at 24:00, a closing: due Tue 18:00
    assert c.add(w(2026, 3, 2, 23), H) == w(2026, 3, 3)
    assert c.due(w(2026, 3, 2, 23), H) == w(2026, 3, 3, 18)
    # Mon 18:00 -> Tue 02:00: 6 h
    assert c.elapsed(w(2026, 3, 2, 18), w(2026, 3, 3, 2)) == 6 * H
    assert not c.is_open(w(2026, 3, 3))


def test_shift_running_through_midnight() -> None:
    # every day 00:00-02:00 and 18:00-24:00: Mon 18:00 .. Tue 02:00 is one 8 h stretch
    c = cal(every_day((0, 120), (18 * 60, 1440)))
    assert c.elapsed(w(2026, 3, 2, 18), w(2026, 3, 3, 2)) == 8 * H
    # Mon 23:00 + 1 h lands at midnight, where the next day's interval opens: due == add
    assert c.add(w(2026, 3, 2, 23), H) == w(2026, 3, 3)
    assert c.due(w(2026, 3, 2, 23), H) == w(2026, 3, 3)
    assert c.is_open(w(2026, 3, 3))
    assert c.open_intervals(w(2026, 3, 2, 12), w(2026, 3, 3, 12)) == [(u(2026, 3, 2, 17), u(2026, 3, 3, 1))]


def test_midnight_clock_changes_in_santiago() -> None:
    # Chile changes its clocks at midnight. 00:00-24:00 every day:
    c = cal(every_day((0, 1440)), tz="America/Santiago")
    # Sun 6 Sep 2026: 00:00 does not exist (-04 -> -03 at 04:00Z); the day opens at
    # 01:00 -03 (04:00Z) and ends at 00:00 -03 on the 7th (03:00Z): 23 h
    assert c.elapsed(w(2026, 9, 5, tz=SCL), w(2026, 9, 8, tz=SCL)) == (24 + 23 + 24) * H
    assert c.next_opening(u(2026, 9, 6, 3, 30)) == u(2026, 9, 6, 3, 30)
    # Sat 4 Apr 2026: at 00:00 -03 (03:00Z) clocks go back to 23:00 -04, so 23:00-24:00
    # happens twice and 4 Apr lasts 25 h (03:00Z on the 4th .. 04:00Z on the 5th)
    evening = cal(every_day((22 * 60, 1440)), tz="America/Santiago")
    # 22:00 -03 (01:00Z) .. 00:00 -04 on the 5th (04:00Z) = 3 h
    assert evening.elapsed(u(2026, 4, 4, 12), u(2026, 4, 5, 12)) == 3 * H


# ---------------------------------------------------------------- 24x7


def test_always_open() -> None:
    c = cal(week=((),) * 7, always_open=True, country="PL")
    # real seconds, DST included: Sat 28 Mar 12:00 -> Sun 29 Mar 12:00 is 23 h in Warsaw
    assert c.elapsed(w(2026, 3, 28, 12), w(2026, 3, 29, 12)) == 23 * H
    # holidays do not close a 24x7 calendar
    assert c.elapsed(w(2026, 11, 11), w(2026, 11, 12)) == 24 * H
    assert c.add(w(2026, 3, 28, 12), 24 * H) == w(2026, 3, 29, 13)
    assert c.due(w(2026, 3, 28, 12), 24 * H) == w(2026, 3, 29, 13)
    assert c.is_open(w(2026, 3, 29, 2, 30))
    # inputs honour fold: the two 02:00s of 25 Oct in Warsaw are an hour apart
    assert c.elapsed(w(2026, 10, 25, 2), w(2026, 10, 25, 2, fold=1)) == H
    assert c.next_opening(w(2026, 11, 11, 3)) == w(2026, 11, 11, 3)
    assert c.open_intervals(u(2026, 1, 1), u(2026, 1, 3)) == [(u(2026, 1, 1), u(2026, 1, 3))]


# ---------------------------------------------------------------- guards and validation


def test_calendar_with_no_open_time_does_not_loop() -> None:
    never = cal(week=((),) * 7)
    t = w(2026, 3, 2, 9)
    assert never.elapsed(t, t + timedelta(days=400)) == 0
    assert never.add(t, 0) == t
    assert not never.is_open(t)
    with pytest.raises(ValueError, match="no open time"):
        never.add(t, 1)
    with pytest.raises(ValueError, match="no open time"):
        never.due(t, 0)
    with pytest.raises(ValueError, match="no open time"):
        never.next_opening(t)


def test_calendar_closed_by_periods_for_years_hits_the_horizon() -> None:
    # only open on Mondays, and every Monday from 2026 to 2031 is closed
    monday_only = ((Interval(480, 960),),) + ((),) * 6
    mondays = []
    d = date(2026, 1, 5)
    while d.year < 2032:
        mondays.append(ClosedPeriod(d))
        d += timedelta(days=7)
    c = cal(monday_only, closed=tuple(mondays))
    with pytest.raises(ValueError, match="no open time"):
        c.add(w(2026, 1, 1), H)
    # a calendar that reopens within the horizon (after two closed years) still works:
    # the first Monday not closed is 3 Jan 2028
    c2 = cal(monday_only, closed=tuple(mondays[: 52 * 2]))
    assert c2.next_opening(w(2026, 1, 1)) == w(2028, 1, 3, 8)


def test_rejects_naive_datetimes_and_bad_input() -> None:
    naive = datetime(2026, 3, 2, 9)
    for call in (
        lambda: OFFICE.elapsed(naive, w(2026, 3, 3)),
        lambda: OFFICE.elapsed(w(2026, 3, 1), naive),
        lambda: OFFICE.add(naive, 1),
        lambda: OFFICE.due(naive, 1),
        lambda: OFFICE.next_opening(naive),
        lambda: OFFICE.is_open(naive),
        lambda: OFFICE.open_intervals(naive, w(2026, 3, 3)),
    ):
        with pytest.raises(ValueError, match="naive"):
            call()
    with pytest.raises(ValueError, match="negative"):
        OFFICE.add(w(2026, 3, 2), -1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tz": "Mars/Olympus_Mons"},
        {"week": ((Interval(600, 540),),) * 7},
        {"week": ((Interval(0, 1441),),) * 7},
        {"week": ((),) * 6},
        {"country": "XX"},
        {"country": "PL", "subdiv": "ZZ"},
        {"closed": (ClosedPeriod(date(2026, 1, 1), 600, 600),)},
    ],
)
def test_rejects_bad_specs(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        cal(**kwargs)  # type: ignore[arg-type]


def test_overlapping_intervals_are_merged() -> None:
    # 08-12 and 10-14 overlap: one 08-14 stretch of 6 h
    c = cal(every_day((480, 720), (600, 840)))
    assert c.elapsed(w(2026, 3, 2), w(2026, 3, 3)) == 6 * H
