"""The fields a change set on a ticket, as its history keeps them.

Since store 0014 and server 0018, a change writes one `field` event per ticket for
all the fields it set: `field` is NULL, `old` and `new` map each field to its value
before and after. Before, it wrote an event per field (`field` names it, `old` and
`new` are its values), and those events stay as they were written: what reads field
events reads them through here, in Python and in SQL, and so reads both."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON, ColumnElement, String, and_, case, cast, literal, or_
from sqlalchemy.orm import Session

from core.ids import derived_id
from core.models import HistoryEvent


def changes(field: str | None, old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for each field a `field` event set."""
    if field is not None:
        return [(field, old, new)]
    if not isinstance(new, dict):
        return []
    before = old if isinstance(old, dict) else {}
    return [(name, before.get(name), value) for name, value in new.items()]


def event_ids(entry_id: uuid.UUID | str, fields: Iterable[str]) -> list[uuid.UUID]:
    """The ids a change that set these fields gave its `field` events: its one event,
    then each field's own as written before."""
    return [derived_id(entry_id, "field", ""), *(derived_id(entry_id, "field", name) for name in fields)]


def setting_event(session: Session, version: uuid.UUID | str, field: str) -> HistoryEvent | None:
    """The event the change a field's version names wrote when it set the field (its
    `field` event in either shape, or the ticket's creation), found by the ids it
    derives from the change's."""
    for event_id in (*event_ids(version, [field]), derived_id(version, "created", "")):
        event = session.get(HistoryEvent, event_id)
        if event is not None:
            return event
    return None


def _member(column: Any, field: str) -> ColumnElement[Any]:
    # `->` reads an object's member as JSON text on SQLite (3.38 and later) and on
    # PostgreSQL alike, and gives NULL where the member is absent, where json_extract
    # would give NULL for a member that holds null too
    return cast(column.op("->", return_type=JSON)(literal(field, String)), String)


def sets(field: str) -> ColumnElement[bool]:
    """A `field` event that set this field."""
    return and_(HistoryEvent.kind == "field", or_(
        HistoryEvent.field == field,
        and_(HistoryEvent.field.is_(None), _member(HistoryEvent.new, field).is_not(None)),
    ))


def value_text(column: Any, field: str) -> ColumnElement[Any]:
    """The field's value before (column `old`) or after (`new`) an event that set it,
    as JSON text: '"resolved"', 'null'."""
    return case((HistoryEvent.field == field, cast(column, String)), else_=_member(column, field))
