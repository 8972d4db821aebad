"""Business-time arithmetic on one working calendar (DESIGN §3, "SLA").

A `BusinessCalendar` answers how much business time lies between two instants, when
a given amount of business time runs out, and when the calendar next opens.

Business time is the real time that passes while the wall clock of the calendar's
IANA zone is inside one of the day's working intervals, so an 08:00-16:00 day is
eight hours on the days the clocks change, and an interval that spans the change is
an hour longer or shorter. Wall times become instants as follows:

- an interval start takes the earlier occurrence of an ambiguous wall time
  (fold=0), an interval end the later one (fold=1), so that all real time whose wall
  clock lies inside the interval counts;
- a wall time that does not exist (the spring-forward gap) is the instant the gap
  ends;
- 24:00 is the next local midnight (its first occurrence).

Each local date owns the real time from its midnight to the next one; its intervals
are clipped to that span, so dates never overlap. A date is closed when its weekday
has no intervals, when it is a public holiday of the calendar's country (and
subdivision) in the `holidays` library, or when a closed period covers all of it. A
closed period within a date (start..end minutes) is mapped to instants by the same
rule (start fold=0, end fold=1) and subtracted from that date's open time, so every
instant whose wall clock lies inside the closed period is closed.

Implementation: the open intervals of one local year are built at once (lazily,
then cached) as sorted UTC epoch-second pairs with running totals; `elapsed` is
then two binary searches plus a sum of whole-year totals, and `add` one binary
search per year crossed. Cost grows with the number of years spanned, never with
minutes or days once a year is built (building one takes a few milliseconds).
Everything is whole seconds: inputs are truncated (floored) to the second, results
are aware UTC datetimes with microsecond 0.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from core.orgspec import CalendarSpec

__all__ = ["BusinessCalendar", "HORIZON_YEARS"]

# add()/due()/next_opening() give up with ValueError (a calendar that never opens)
# once they have searched this many consecutive whole local years without open time.
HORIZON_YEARS = 3

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
_DAY = timedelta(days=1)
_MIN_YEAR = 2
_MAX_YEAR = 9997


def _to_epoch(dt: datetime) -> int:
    """Whole epoch seconds of an aware datetime, floored; ValueError if naive."""
    if not isinstance(dt, datetime):
        raise TypeError(f"expected a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt.isoformat()} given; business-calendar instants must be aware")
    return (dt - _EPOCH) // _SECOND


def _from_epoch(t: int) -> datetime:
    return _EPOCH + timedelta(seconds=t)


def _merge(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching half-open intervals; drops empty ones."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(p for p in pairs if p[0] < p[1]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _subtract(pairs: list[tuple[int, int]], cut_s: int, cut_e: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in pairs:
        if e <= cut_s or s >= cut_e:
            out.append((s, e))
            continue
        if s < cut_s:
            out.append((s, cut_s))
        if e > cut_e:
            out.append((cut_e, e))
    return out


@dataclass(frozen=True, slots=True)
class _Year:
    """The open intervals of one local year, clipped to [begin, end)."""

    year: int
    begin: int
    end: int
    starts: list[int]
    ends: list[int]
    cum: list[int]  # business seconds before interval i (from `begin`)
    cum_end: list[int]  # business seconds up to the end of interval i
    total: int

    def within(self, t: int) -> int:
        """Business seconds from `begin` to t (t inside [begin, end])."""
        i = bisect_right(self.starts, t) - 1
        if i < 0:
            return 0
        e = self.ends[i]
        return self.cum[i] + (t if t < e else e) - self.starts[i]

    def instant(self, target: int) -> int:
        """Earliest t in this year with within(t) == target (0 < target <= total)."""
        j = bisect_left(self.cum_end, target)
        return self.starts[j] + target - self.cum[j]

    def open_at_or_after(self, t: int) -> int | None:
        """t if open, else the next interval start in this year, else None."""
        i = bisect_right(self.starts, t) - 1
        if i >= 0 and t < self.ends[i]:
            return t
        j = i + 1
        return self.starts[j] if j < len(self.starts) else None


class BusinessCalendar:
    """Business-time arithmetic for one `CalendarSpec`. Safe to share; caches grow per year."""

    def __init__(self, spec: CalendarSpec) -> None:
        self.spec = spec
        try:
            self._tz = ZoneInfo(spec.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"calendar {spec.name!r}: unknown time zone {spec.timezone!r}") from exc
        self.always_open = spec.always_open
        if len(spec.week) != 7:
            raise ValueError(f"calendar {spec.name!r}: week must have 7 days, got {len(spec.week)}")
        week: list[tuple[tuple[int, int], ...]] = []
        for day, intervals in enumerate(spec.week):
            pairs: list[tuple[int, int]] = []
            for iv in intervals:
                if not 0 <= iv.start < iv.end <= 1440:
                    raise ValueError(
                        f"calendar {spec.name!r}: bad interval {iv.start}..{iv.end} on weekday {day}"
                        " (need 0 <= start < end <= 1440)"
                    )
                pairs.append((iv.start, iv.end))
            week.append(tuple(_merge(pairs)))
        self._week = tuple(week)
        self._closed: dict[date, list[tuple[int, int]]] = {}
        for cp in spec.closed:
            if not 0 <= cp.start < cp.end <= 1440:
                raise ValueError(
                    f"calendar {spec.name!r}: bad closed period {cp.start}..{cp.end} on {cp.day}"
                    " (need 0 <= start < end <= 1440)"
                )
            self._closed.setdefault(cp.day, []).append((cp.start, cp.end))
        self._country = spec.holidays_country
        self._subdiv = spec.holidays_subdivision
        if self._country:
            try:  # validates the names now; the years load lazily
                holidays.country_holidays(self._country, subdiv=self._subdiv)
            except NotImplementedError as exc:
                raise ValueError(f"calendar {spec.name!r}: {exc}") from exc
        elif self._subdiv:
            raise ValueError(f"calendar {spec.name!r}: holidays subdivision given without a country")
        self._holidays: dict[int, frozenset[date]] = {}
        self._years: dict[int, _Year] = {}
        self._bounds: dict[int, int] = {}
        self._last: _Year | None = None

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.spec.name!r}, {self.spec.timezone!r})"

    # ------------------------------------------------------------------ public API

    def elapsed(self, start: datetime, end: datetime) -> int:
        """Business seconds between two aware instants; 0 when end <= start."""
        a = _to_epoch(start)
        b = _to_epoch(end)
        if b <= a:
            return 0
        if self.always_open:
            return b - a
        return self._elapsed(a, b)

    def add(self, start: datetime, seconds: int) -> datetime:
        """The earliest instant t >= start with elapsed(start, t) == seconds.

        For seconds > 0 this lands inside or at the end of an open interval; for
        seconds == 0 it is start itself (truncated to the second)."""
        return _from_epoch(self._add(_to_epoch(start), self._check_seconds(seconds)))

    def due(self, start: datetime, seconds: int) -> datetime:
        """The last instant before elapsed business time would pass `seconds`.

        Equal to add() when that lands inside an open interval; when add() lands at
        a closing time (or in closed time, for seconds == 0), the next opening."""
        t = self._add(_to_epoch(start), self._check_seconds(seconds))
        return _from_epoch(self._next_opening(t))

    def next_opening(self, t: datetime) -> datetime:
        """t itself when the calendar is open at t, else the start of the next open interval."""
        return _from_epoch(self._next_opening(_to_epoch(t)))

    def is_open(self, t: datetime) -> bool:
        """Whether t lies inside an open interval (intervals are half-open, [start, end))."""
        x = _to_epoch(t)
        if self.always_open:
            return True
        return self._year_at(x).open_at_or_after(x) == x

    def open_intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """The open intervals within [start, end), clipped to it, merged where they touch, in UTC."""
        a = _to_epoch(start)
        b = _to_epoch(end)
        if b <= a:
            return []
        if self.always_open:
            return [(_from_epoch(a), _from_epoch(b))]
        out: list[tuple[int, int]] = []
        yr = self._year_at(a)
        while yr.begin < b:
            i = max(bisect_right(yr.starts, a) - 1, 0)
            for j in range(i, len(yr.starts)):
                s, e = yr.starts[j], yr.ends[j]
                if s >= b:
                    break
                s, e = max(s, a), min(e, b)
                if s >= e:
                    continue
                if out and out[-1][1] == s:
                    out[-1] = (out[-1][0], e)
                else:
                    out.append((s, e))
            yr = self._year_after(yr)
        return [(_from_epoch(s), _from_epoch(e)) for s, e in out]

    # ------------------------------------------------------------------ integer core

    @staticmethod
    def _check_seconds(seconds: int) -> int:
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise TypeError(f"seconds must be an int, got {type(seconds).__name__}")
        if seconds < 0:
            raise ValueError(f"seconds must not be negative, got {seconds}")
        return seconds

    def _elapsed(self, a: int, b: int) -> int:
        ya = self._year_at(a)
        if b < ya.end:
            return ya.within(b) - ya.within(a)
        total = ya.total - ya.within(a)
        yr = self._year_after(ya)
        while b >= yr.end:
            total += yr.total
            yr = self._year_after(yr)
        return total + yr.within(b)

    def _add(self, a: int, seconds: int) -> int:
        if seconds == 0:
            return a
        if self.always_open:
            return a + seconds
        yr = self._year_at(a)
        target = yr.within(a) + seconds
        empty = 0
        while target > yr.total:
            target -= yr.total
            yr = self._year_after(yr)
            empty = empty + 1 if yr.total == 0 else 0
            if empty >= HORIZON_YEARS:
                raise self._never_opens(yr)
        return yr.instant(target)

    def _next_opening(self, t: int) -> int:
        if self.always_open:
            return t
        yr = self._year_at(t)
        found = yr.open_at_or_after(t)
        empty = 0
        while found is None:
            yr = self._year_after(yr)
            empty = empty + 1 if yr.total == 0 else 0
            if empty >= HORIZON_YEARS:
                raise self._never_opens(yr)
            found = yr.open_at_or_after(yr.begin)
        return found

    def _never_opens(self, last: _Year) -> ValueError:
        first = last.year - HORIZON_YEARS + 1
        return ValueError(
            f"calendar {self.spec.name!r} has no open time in the {HORIZON_YEARS} years"
            f" {first}..{last.year}; it never opens (check its week, holidays and closed periods)"
        )

    # ------------------------------------------------------------------ year tables

    def _year_at(self, t: int) -> _Year:
        last = self._last
        if last is not None and last.begin <= t < last.end:
            return last
        y = _from_epoch(t).year
        if t < self._boundary(y):
            y -= 1
        elif t >= self._boundary(y + 1):
            y += 1
        yr = self._year(y)
        self._last = yr
        return yr

    def _year_after(self, yr: _Year) -> _Year:
        return self._year(yr.year + 1)

    def _boundary(self, y: int) -> int:
        """The instant local 1 January of year y begins."""
        b = self._bounds.get(y)
        if b is None:
            if not _MIN_YEAR <= y <= _MAX_YEAR + 1:
                raise ValueError(f"instant outside the supported years {_MIN_YEAR}..{_MAX_YEAR}")
            b = self._wall(date(y, 1, 1), 0, 0)
            self._bounds[y] = b
        return b

    def _year(self, y: int) -> _Year:
        yr = self._years.get(y)
        if yr is not None:
            return yr
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            raise ValueError(f"instant outside the supported years {_MIN_YEAR}..{_MAX_YEAR}")
        begin, end = self._boundary(y), self._boundary(y + 1)
        starts: list[int] = []
        ends: list[int] = []
        d = date(y, 1, 1)
        while d.year == y:
            for s, e in self.day_intervals(d):
                if ends and ends[-1] == s:
                    ends[-1] = e
                else:
                    starts.append(s)
                    ends.append(e)
            d += _DAY
        cum: list[int] = []
        cum_end: list[int] = []
        total = 0
        for s, e in zip(starts, ends, strict=True):
            cum.append(total)
            total += e - s
            cum_end.append(total)
        yr = _Year(y, begin, end, starts, ends, cum, cum_end, total)
        self._years[y] = yr
        return yr

    # ------------------------------------------------------------------ one date

    def day_intervals(self, d: date) -> list[tuple[int, int]]:
        """The open intervals of local date d as sorted, disjoint UTC epoch-second pairs."""
        if self.always_open:
            return [(self._wall(d, 0, 0), self._wall(d, 1440, 0))]
        minutes = self._week[d.weekday()]
        if not minutes or d in self._holidays_of(d.year):
            return []
        closed = self._closed.get(d, [])
        if any(s == 0 and e == 1440 for s, e in closed):
            return []
        lo = self._wall(d, 0, 0)
        hi = self._wall(d, 1440, 0)
        pairs = [(max(lo, self._wall(d, s, 0)), min(hi, self._wall(d, e, 1))) for s, e in minutes]
        out = _merge(pairs)
        for s, e in closed:
            out = _subtract(out, self._wall(d, s, 0), self._wall(d, e, 1))
        return out

    def _holidays_of(self, y: int) -> frozenset[date]:
        got = self._holidays.get(y)
        if got is None:
            if self._country:
                got = frozenset(holidays.country_holidays(self._country, subdiv=self._subdiv, years=y).keys())
            else:
                got = frozenset()
            self._holidays[y] = got
        return got

    def _wall(self, d: date, minute: int, fold: int) -> int:
        """The instant of wall time `minute` on local date d (see the module docstring)."""
        if minute >= 1440:
            d, minute, fold = d + _DAY, minute - 1440, 0
        naive = datetime.combine(d, time()) + timedelta(minutes=minute)
        t = _to_epoch(naive.replace(tzinfo=self._tz, fold=fold))
        if self._local(t) == naive:
            return t
        # a wall time in a spring-forward gap: the gap ends at the transition, which
        # lies between the two readings of it; find it by bisection on whole seconds
        lo, hi = sorted((t, _to_epoch(naive.replace(tzinfo=self._tz, fold=1 - fold))))
        while lo < hi:
            mid = (lo + hi) // 2
            if self._local(mid) > naive:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def _local(self, t: int) -> datetime:
        return _from_epoch(t).astimezone(self._tz).replace(tzinfo=None)
