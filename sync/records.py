"""Replicated records as plain JSON, and back into rows.

The same serialisation serves the server (what it sends on pull) and the client
(what it writes into its store), so that both sides hold the very same values."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.types import JSON, Uuid

from core.clock import iso, parse_iso
from core.field_events import event_ids
from core.ids import derived_id
from core.models import (
    Article,
    ArticleLink,
    Attachment,
    Comment,
    Conflict,
    HistoryEvent,
    Rating,
    Ticket,
    TicketLink,
    WorkLog,
)
from core.models.base import Instant
from core.notices import REASONS

CHUNK = 900  # ids in one IN (...): below SQLite's limit on bound parameters


def chunks(ids: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start: start + CHUNK]


MODELS: dict[str, Any] = {
    "ticket": Ticket,
    "comment": Comment,
    "attachment": Attachment,
    "worklog": WorkLog,
    "link": TicketLink,
    "history": HistoryEvent,
    "conflict": Conflict,
    # knowledge (DESIGN §15): an article hangs on no ticket; a link to one and a rating do
    "article": Article,
    "article_link": ArticleLink,
    "rating": Rating,
}
# A ticket's SLA figures and report facts: computed from its history by whoever changes
# it. They travel from the server to a device with the ticket on pull (a device takes
# them rather than computing them again, see sync.replica), never from a device to the
# server, which computes its own.
FIGURE_COLUMNS = frozenset({
    "sla_policy", "response_due_at", "response_state", "resolution_due_at", "resolution_state", "sla_next_at",
    "response_elapsed_s", "response_stopped_at", "resolution_elapsed_s", "resolution_stopped_at", "sla_clocks",
    "reopened", "handed_over", "resolved_by_assignee",
})


def table(kind: str) -> Table:
    found: Table = MODELS[kind].__table__
    return found


@functools.cache
def columns(kind: str) -> tuple[Any, ...]:
    """The columns a change of the kind's records may carry (a ticket's figures are no
    part of it)."""
    # cached: a pull serialises every record through this, a million times on a first sync
    return tuple(c for c in table(kind).columns if c.key not in FIGURE_COLUMNS)


@functools.cache
def pulled_columns(kind: str) -> tuple[Any, ...]:
    """The columns a pull sends of the kind's records: a ticket's figures too."""
    return tuple(table(kind).columns) if kind == "ticket" else columns(kind)


@functools.cache
def figure_columns() -> tuple[Any, ...]:
    return tuple(c for c in table("ticket").columns if c.key in FIGURE_COLUMNS)


def figures_of(data: dict[str, Any]) -> dict[str, Any] | None:
    """A pulled ticket's figures as column values; None when the record came without
    them (from a server that keeps none for it yet: a ticket it has not computed since
    its migration), and the device computes them itself."""
    if data.get("sla_clocks") is None:
        return None
    try:
        return {c.key: from_json(c, data[c.key]) for c in figure_columns()}
    except KeyError:
        return None


def uuid_or_none(value: Any) -> uuid.UUID | None:
    """A record's id from its JSON, or None for none (or for one that is no id)."""
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def to_json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return iso(value)
    return value


def row_to_dict(kind: str, row: Any, of: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """A row (ORM object or Core row with attribute access) as JSON-ready values: the
    columns `of` (by default those a change carries)."""
    return {c.key: to_json(getattr(row, c.key)) for c in (of or columns(kind))}


def dict_to_row(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """JSON values back into column values, checked against the table's columns."""
    result: dict[str, Any] = {}
    for column in columns(kind):
        if column.key not in data:
            raise ValueError(f"{kind} record lacks {column.key}")
        result[column.key] = from_json(column, data[column.key])
    return result


def from_json(column: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Uuid):
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if isinstance(kind, Instant):
        return value if isinstance(value, datetime) else parse_iso(str(value))
    if isinstance(kind, JSON):
        return value
    return value


def ticket_field_value(name: str, value: Any) -> Any:
    """A ticket field's value from a change entry's JSON."""
    return from_json(table("ticket").c[name], value)


def own_events(entry: Any) -> list[uuid.UUID]:
    """The history events a device wrote for its own change (a core ChangeEntry, or
    one pushed): their ids derive from the entry's, so the server, applying it,
    writes the very same ones where it makes the same changes. Any change may have
    a `notice` event of its own (core.notices): one, or, as written before store 0013,
    one per reason."""
    notices = [derived_id(entry.id, "notice", ""), *(derived_id(entry.id, "notice", reason) for reason in REASONS)]
    if entry.kind == "ticket" and entry.op == "create":
        return [derived_id(entry.id, "created", ""), *notices]
    if entry.kind == "ticket" and entry.op == "update":  # (an event for each field, as written before)
        return [*event_ids(entry.id, entry.data), *notices]
    if entry.kind in ("link", "attachment", "article_link"):
        return [derived_id(entry.id, entry.kind, ""), *notices]
    if entry.kind == "sla_event":
        kind = "sla_breach" if entry.data.get("threshold") == "breach" else "sla_warning"
        return [derived_id(entry.id, kind, entry.data.get("clock")), *notices]
    return notices
