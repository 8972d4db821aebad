"""Hypothesis properties of core.calendar.BusinessCalendar over several calendars."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendar import BusinessCalendar
from core.orgspec import CalendarSpec, ClosedPeriod, Interval

SECOND = timedelta(seconds=1)
DAY = 86_400


def _spec(name: str, tz: str, week: tuple[tuple[Interval, ...], ...], **kw: object) -> CalendarSpec:
    return CalendarSpec(name=name, timezone=tz, week=week, **kw)  # type: ignore[arg-type]


def _every_day(*pairs: tuple[int, int]) -> tuple[tuple[Interval, ...], ...]:
    return (tuple(Interval(s, e) for s, e in pairs),) * 7


_LUNCH = (Interval(480, 720), Interval(780, 1020))

CALENDARS = {
    # office hours with a lunch break, Polish holidays and some closures
    "office": BusinessCalendar(
        _spec(
            "office",
            "Europe/Warsaw",
            (_LUNCH,) * 5 + ((), ()),
            holidays_country="PL",
            closed=(
                ClosedPeriod(date(2026, 3, 4)),
                ClosedPeriod(date(2026, 3, 5), 600, 660),
                ClosedPeriod(date(2026, 10, 26), 420, 900),
            ),
        )
    ),
    # evening shift ending at 24:00, plus a Saturday night shift running into Sunday
    "evening": BusinessCalendar(
        _spec(
            "evening",
            "Europe/Warsaw",
            ((Interval(1080, 1440),),) * 5 + ((Interval(1200, 1440),), (Interval(0, 180),)),
        )
    ),
    "24x7": BusinessCalendar(_spec("24x7", "Europe/Warsaw", ((),) * 7, always_open=True)),
    # Warsaw nights spanning the DST change, plus a day interval
    "warsaw": BusinessCalendar(
        _spec(
            "warsaw",
            "Europe/Warsaw",
            _every_day((60, 240), (480, 960)),
            closed=(ClosedPeriod(date(2026, 10, 25), 120, 180),),
        )
    ),
    # Sydney: nights across the change, days with lunch, NSW holidays
    "sydney": BusinessCalendar(
        _spec(
            "sydney",
            "Australia/Sydney",
            _every_day((0, 360), (540, 720), (780, 1020)),
            holidays_country="AU",
            holidays_subdivision="NSW",
        )
    ),
}

_LO = int(datetime(2025, 12, 1, tzinfo=UTC).timestamp())
_HI = int(datetime(2027, 2, 1, tzinfo=UTC).timestamp())
# instants near which the interesting things happen: DST changes, holidays, New Year
_HOTSPOTS = [
    int(datetime(*ymd, tzinfo=UTC).timestamp())
    for ymd in [(2026, 3, 29), (2026, 10, 25), (2026, 4, 5), (2026, 10, 4), (2026, 11, 11), (2027, 1, 1)]
]

calendars = st.sampled_from(sorted(CALENDARS))
instants = st.one_of(
    st.integers(_LO, _HI),
    st.sampled_from(_HOTSPOTS).flatmap(lambda h: st.integers(h - 3 * DAY, h + 3 * DAY)),
    # whole hours and minutes, so boundaries are hit exactly
    st.integers(_LO // 3600, _HI // 3600).map(lambda x: x * 3600),
    st.sampled_from(_HOTSPOTS).flatmap(lambda h: st.integers(-72 * 4, 72 * 4).map(lambda k: h + k * 900)),
).map(lambda t: datetime.fromtimestamp(t, UTC))
durations = st.one_of(
    st.integers(0, 60 * DAY),
    st.integers(0, 400).map(lambda k: k * 900),
    st.integers(0, 5),
)
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True)


@SETTINGS
@given(name=calendars, a=instants, b=instants)
def test_add_of_elapsed_is_earliest_and_not_after_end(name: str, a: datetime, b: datetime) -> None:
    c = CALENDARS[name]
    a, b = min(a, b), max(a, b)
    e = c.elapsed(a, b)
    t = c.add(a, e)
    assert a <= t <= b
    assert c.elapsed(a, t) == e


@SETTINGS
@given(name=calendars, xs=st.lists(instants, min_size=3, max_size=3))
def test_elapsed_is_additive(name: str, xs: list[datetime]) -> None:
    c = CALENDARS[name]
    a, b, d = sorted(xs)
    assert c.elapsed(a, b) + c.elapsed(b, d) == c.elapsed(a, d)
    assert c.elapsed(d, a) == 0 or a == d


@SETTINGS
@given(name=calendars, a=instants, s=durations)
def test_add_reaches_exactly_and_earliest(name: str, a: datetime, s: int) -> None:
    c = CALENDARS[name]
    t = c.add(a, s)
    assert t >= a and t.tzinfo is UTC and t.microsecond == 0
    assert c.elapsed(a, t) == s
    if s > 0:
        # one second earlier is one business second short: t is the earliest such instant
        assert c.elapsed(a, t - SECOND) == s - 1


@SETTINGS
@given(name=calendars, a=instants, s=durations)
def test_due_is_last_instant_before_passing(name: str, a: datetime, s: int) -> None:
    c = CALENDARS[name]
    add, due = c.add(a, s), c.due(a, s)
    assert due >= add
    assert c.elapsed(a, due) == s
    # the clock runs at due, so one second later the target has been passed
    assert c.is_open(due)
    assert c.elapsed(a, due + SECOND) == s + 1
    # inside an interval due is add; at a closing or in closed time, the next opening
    assert due == (add if c.is_open(add) else c.next_opening(add))


@SETTINGS
@given(name=calendars, t=instants)
def test_next_opening_and_is_open_agree_with_elapsed(name: str, t: datetime) -> None:
    c = CALENDARS[name]
    assert c.is_open(t) == (c.elapsed(t, t + SECOND) == 1)
    n = c.next_opening(t)
    assert n >= t and c.is_open(n)
    assert c.elapsed(t, n) == 0
    assert (n == t) == c.is_open(t)


@SETTINGS
@given(name=calendars, a=instants, b=instants)
def test_open_intervals_sum_to_elapsed(name: str, a: datetime, b: datetime) -> None:
    c = CALENDARS[name]
    a, b = min(a, b), max(a, b)
    spans = c.open_intervals(a, b)
    assert sum(int((e - s).total_seconds()) for s, e in spans) == c.elapsed(a, b)
    for (_, e), (s, _) in zip(spans, spans[1:], strict=False):
        assert e < s  # disjoint, sorted, touching ones merged
    for s, e in spans:
        assert a <= s < e <= b and s.tzinfo is UTC
        assert c.is_open(s) and c.elapsed(s, e) == int((e - s).total_seconds())


@SETTINGS
@given(name=calendars, a=instants, b=instants)
def test_elapsed_matches_the_per_date_intervals(name: str, a: datetime, b: datetime) -> None:
    """The year tables agree with a plain sum over each local date's intervals."""
    c = CALENDARS[name]
    a, b = min(a, b), max(a, b)
    ta, tb = int(a.timestamp()), int(b.timestamp())
    d = (a - timedelta(days=1)).date()
    total = 0
    while d <= (b + timedelta(days=1)).date():
        for s, e in c.day_intervals(d):
            total += max(0, min(e, tb) - max(s, ta))
        d += timedelta(days=1)
    assert total == c.elapsed(a, b)


@pytest.mark.parametrize("name", sorted(CALENDARS))
def test_a_year_of_tickets_is_consistent(name: str) -> None:
    """Every day of 2026 at 07:30 UTC: add then elapsed round-trips for a 3-day target."""
    c = CALENDARS[name]
    t = datetime(2026, 1, 1, 7, 30, tzinfo=UTC)
    for _ in range(365):
        assert c.elapsed(t, c.add(t, 3 * 8 * 3600)) == 3 * 8 * 3600
        t += timedelta(days=1)
