"""The SQL of the desk's figures that differs between SQLite and PostgreSQL: spans of
time between instants, an instant less a span, the week an instant falls in, and a
JSON string as a JSON column holds it, so that the reports' queries read the same on
both."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Interval, func, literal

DAY = 86400


def seconds(dialect: str, start: Any, end: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * DAY
    return func.extract("epoch", end - start)


def minus(dialect: str, instant: Any, delta: timedelta) -> ColumnElement[Any]:
    if dialect == "sqlite":  # in the text form SQLite keeps instants in, so it compares as text
        return func.strftime("%Y-%m-%d %H:%M:%S", instant, f"-{int(delta.total_seconds())} seconds")
    # an interval bound as itself: the instant's own type would take it for an instant
    return instant - literal(delta, Interval())


def week(dialect: str, instant: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.date(instant, "weekday 0", "-6 days")
    return func.to_char(func.date_trunc("week", instant), "YYYY-MM-DD")


def json_text(value: str) -> str:
    """A string as a JSON column holds it (a value compared with the column cast to text)."""
    return f'"{value}"'
