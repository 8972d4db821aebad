"""A ticket's history turned into consecutive segments of constant state, from its
creation to now: what each SLA clock walks over."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

# The fields whose values decide what the clocks do.
TRACKED = ("status", "priority", "pending_reason", "pending_supplier_id", "team_id", "first_response_at")


@dataclass(frozen=True)
class Event:
    at: datetime
    stamp: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class State:
    status: str
    priority: str
    pending_reason: str | None
    supplier: str | None
    team: str | None
    responded: bool


@dataclass(frozen=True)
class Segment:
    start: datetime
    end: datetime
    state: State


_ATTR = {"pending_supplier_id": "supplier", "team_id": "team"}


def _apply(state: State, field: str, value: Any) -> State:
    if field == "first_response_at":
        return replace(state, responded=state.responded or value is not None)
    return replace(state, **{_ATTR.get(field, field): value})


def segments(created_at: datetime, final: State, events: list[Event], now: datetime) -> list[Segment]:
    """Segments from creation to `now`. The state before the first event of a field
    is that event's old value; a field with no events had its current value all along,
    so the history and the ticket's current values are all that is needed."""
    ordered = sorted((e for e in events if e.field in TRACKED), key=lambda e: (e.at, e.stamp))
    state = final
    seen: set[str] = set()
    for event in reversed(ordered):
        state = _apply(state, event.field, event.old)
        seen.add(event.field)
    if "first_response_at" in seen:
        state = replace(state, responded=False)
    result: list[Segment] = []
    cursor = created_at
    end = max(now, created_at)
    for event in ordered:
        at = min(max(event.at, created_at), end)
        if at > cursor:
            result.append(Segment(cursor, at, state))
            cursor = at
        state = _apply(state, event.field, event.new)
    result.append(Segment(cursor, end, state))
    return result
