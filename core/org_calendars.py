"""The organisation file's business calendars (DESIGN §4, §5): time zone, working
intervals per weekday, public holidays by country and subdivision, and closed days or
hours, each checked with the key path of its problem."""

from __future__ import annotations

import re
import zoneinfo
from datetime import date
from functools import cache

import holidays

from core.org_reader import ReaderBase
from core.orgspec import WEEKDAYS, CalendarSpec, ClosedPeriod, Interval
from core.toml_table import MISSING, Table, bare_key, did_you_mean, kind_of, quote

SITE_CALENDAR = "site"  # an SLA policy's calendar = "site" means the ticket's site calendar

_INTERVAL = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")
_CLOSED = re.compile(r"(\d{4}-\d\d-\d\d)(?: (.*))?")


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def _holiday_countries() -> dict[str, list[str]]:
    return dict(holidays.list_supported_countries())


class CalendarReader(ReaderBase):
    def calendars(self, t: Table | None) -> dict[str, CalendarSpec]:
        found: dict[str, CalendarSpec] = {}
        if t is None:
            return found
        for name, value in t.data.items():
            t.asked.add(name)
            if name == SITE_CALENDAR:
                self.problem(t.at(name), 'the name "site" is reserved: an SLA policy\'s calendar = "site" '
                                         "means the ticket's site calendar")
            if isinstance(value, dict):
                found[name] = self.calendar(name, Table(self, t.at(name), value))
            else:
                self.problem(t.at(name), f"expected a table ([calendars.{bare_key(name)}]), got {kind_of(value)}")
        if not t.data:
            self.problem("calendars", "missing: at least one calendar is needed")
        return found

    def calendar(self, name: str, t: Table) -> CalendarSpec:
        zone = t.text("timezone")
        if zone is not None and zone not in _time_zones():
            self.problem(t.at("timezone"), f"unknown time zone {quote(zone)}{did_you_mean(zone, _time_zones())}")
        always = t.flag("always_open", False)
        week = tuple(self.weekday(t, day) for day in WEEKDAYS)
        country, subdivision = self.holidays(t.table("holidays"))
        closed = self.closed(t)
        if always:
            for key in [key for key in (*WEEKDAYS, "holidays", "closed") if key in t.data]:
                self.problem(t.at(key), "an always_open calendar has no intervals, holidays or closures")
        elif not any(week) and not any(t.data.get(day) for day in WEEKDAYS):
            self.problem(t.path, "no working intervals on any weekday (list some, or set always_open = true)")
        return CalendarSpec(name=name, timezone=zone or "", always_open=always, week=week,
                            holidays_country=country, holidays_subdivision=subdivision, closed=closed)

    def weekday(self, t: Table, day: str) -> tuple[Interval, ...]:
        parsed: list[tuple[Interval, str]] = []
        for path, text in t.strings(day) or []:
            interval = self.interval(path, text)
            if interval is not None:
                parsed.append((interval, text))
        parsed.sort(key=lambda pair: (pair[0].start, pair[0].end))
        for (prev, prev_text), (cur, cur_text) in zip(parsed, parsed[1:], strict=False):
            if cur.start < prev.end:
                self.problem(t.at(day), f"intervals {quote(prev_text)} and {quote(cur_text)} overlap")
        return tuple(interval for interval, _ in parsed)

    def interval(self, path: str, text: str) -> Interval | None:
        match = _INTERVAL.fullmatch(text)
        if match is None:
            self.problem(path, f'{quote(text)} is not an interval (write "HH:MM-HH:MM", e.g. "08:00-16:00")')
            return None
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 24 or m1 > 59 or h2 > 24 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            self.problem(path, f'{quote(text)} has a time that does not exist ("00:00" to "24:00")')
        elif h1 == 24:
            self.problem(path, f'{quote(text)}: "24:00" can only end an interval')
        elif (h1, m1) > (h2, m2):
            self.problem(path, f"{quote(text)} starts after it ends (an overnight shift is two intervals "
                               "on two days)")
        elif (h1, m1) == (h2, m2):
            self.problem(path, f"{quote(text)} is empty: it starts when it ends")
        else:
            return Interval(start=h1 * 60 + m1, end=h2 * 60 + m2)
        return None

    def holidays(self, t: Table | None) -> tuple[str | None, str | None]:
        if t is None:
            return None, None
        country, subdivision = t.text("country"), t.text("subdivision", required=False)
        supported = _holiday_countries()
        if country is not None and country not in supported:
            hint = did_you_mean(country, supported)
            self.problem(t.at("country"), f"unknown holiday country {quote(country)}{hint}")
        elif country is not None and subdivision is not None and subdivision not in supported[country]:
            try:
                holidays.country_holidays(country, subdiv=subdivision)  # also knows subdivision aliases
            except (NotImplementedError, ValueError, KeyError):
                known = ", ".join(supported[country]) or "none"
                self.problem(t.at("subdivision"), f"unknown subdivision {quote(subdivision)} of holiday "
                                                  f"country {quote(country)} (known: {known})")
        return country, subdivision

    def closed(self, t: Table) -> tuple[ClosedPeriod, ...]:
        items = t.get("closed", "an array of dates", lambda v: isinstance(v, list))
        found = []
        for i, item in enumerate([] if items is MISSING else items):
            path = f"{t.at('closed')}[{i}]"
            if type(item) is date:  # a TOML local date, written without quotes
                found.append(ClosedPeriod(day=item))
                continue
            match = _CLOSED.fullmatch(item) if isinstance(item, str) else None
            if match is None:
                self.problem(path, f'expected "YYYY-MM-DD" or "YYYY-MM-DD HH:MM-HH:MM", got {kind_of(item)}')
                continue
            try:
                day = date.fromisoformat(match[1])
            except ValueError:
                self.problem(path, f"{quote(match[1])} is not a date")
                continue
            if match[2] is None:
                found.append(ClosedPeriod(day=day))
            elif (interval := self.interval(path, match[2])) is not None:
                found.append(ClosedPeriod(day=day, start=interval.start, end=interval.end))
        return tuple(sorted(found, key=lambda c: (c.day, c.start, c.end)))
