"""The period and grouping a report is asked for, checked once for every caller."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from core.errors import InvalidInput

GROUPINGS = ("site", "region", "country", "team", "category", "technician", "week", "supplier")
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Period:
    """Whole UTC days from `first` to `last`, both included: [start, end)."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(), UTC)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(), UTC)


def parse_day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--{field} must be a date as YYYY-MM-DD, not {value!r}", field) from None


def period_of(first: str | date | None, last: str | date | None, today: date) -> Period:
    """The period from --from and --to: by default the 30 days up to today; one
    given alone spans 30 days from or up to it."""
    end = parse_day(last, "to") if isinstance(last, str) else last
    begin = parse_day(first, "from") if isinstance(first, str) else first
    if end is None:
        end = begin + timedelta(days=DEFAULT_DAYS - 1) if begin is not None else today
    if begin is None:
        begin = end - timedelta(days=DEFAULT_DAYS - 1)
    if begin > end:
        raise InvalidInput(f"--from {begin.isoformat()} is after --to {end.isoformat()}", "from")
    return Period(begin, end)


def check_grouping(by: str) -> str:
    if by not in GROUPINGS:
        raise InvalidInput(f"unknown --by {by!r}; one of {', '.join(GROUPINGS)}", "by")
    return by
