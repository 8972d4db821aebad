"""a change writes one history event for all the fields it set (core.field_events),
and the events of this store's changes still waiting to be pushed are folded so

The server writes its one event under the id the change gives it; the events this
store wrote for a pending change, an event per field, would stay beside it once the
server has applied the change. Events of changes the server holds already are left
as they were written: the server keeps the same ones, and both read either shape.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 05:40:00
"""

import json
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from core.ids import derived_id

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("ticket_id", "actor_id", "device", "occurred_at", "stamp", "note", "notices", "field", "old", "new")


def _loads(value: Any) -> Any:
    # (SQLite gives a JSON number back as a number: the column's affinity is numeric)
    return json.loads(value) if isinstance(value, str | bytes) else value


def _pending(bind: sa.Connection) -> list[tuple[uuid.UUID, list[str]]]:
    rows = bind.execute(sa.text(
        "SELECT id, data FROM change_log WHERE state = 'pending' AND kind = 'ticket' AND op = 'update'"))
    return [(uuid.UUID(bytes=raw_id), list(json.loads(data))) for raw_id, data in rows.all()]


def _events(bind: sa.Connection, ids: list[bytes]) -> list[dict[str, Any]]:
    query = sa.text(f"SELECT id, {', '.join(COLUMNS)} FROM history WHERE id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True))
    return [dict(zip(("id", *COLUMNS), row, strict=True))
            for start in range(0, len(ids), 900) for row in bind.execute(query, {"ids": ids[start:start + 900]})]


def _replace(bind: sa.Connection, ids: list[bytes], events: list[dict[str, Any]]) -> None:
    bind.execute(sa.text("DELETE FROM history WHERE id IN :ids").bindparams(sa.bindparam("ids", expanding=True)),
                 {"ids": ids})
    bind.execute(sa.text(
        "INSERT INTO history (id, ticket_id, actor_id, device, occurred_at, stamp, kind, field, old, new, note,"
        " notices) VALUES (:id, :ticket_id, :actor_id, :device, :occurred_at, :stamp, 'field', :field, :old, :new,"
        " :note, :notices)"), events)


def upgrade() -> None:
    bind = op.get_bind()
    for entry_id, names in _pending(bind):
        ids = {derived_id(entry_id, "field", name).bytes: name for name in names}
        events = sorted(_events(bind, list(ids)), key=lambda e: names.index(ids[e["id"]]))
        if not events:
            continue
        first = events[0]
        _replace(bind, list(ids), [{
            **first,
            "id": derived_id(entry_id, "field", "").bytes, "field": None,
            "notices": next((e["notices"] for e in events if _loads(e["notices"]) is not None), None),
            "old": json.dumps({e["field"]: _loads(e["old"]) for e in events}),
            "new": json.dumps({e["field"]: _loads(e["new"]) for e in events}),
        }])


def downgrade() -> None:
    # Every change's event as an event per field again, its notices on the first: a
    # store of revision 0013 reads no other. A pending change's take the ids its entry
    # gives them; the others', ids derived from the event's own.
    bind = op.get_bind()
    entries = {derived_id(entry_id, "field", "").bytes: entry_id for entry_id, _names in _pending(bind)}
    folded = bind.execute(sa.text("SELECT id FROM history WHERE kind = 'field' AND field IS NULL")).scalars().all()
    for event in _events(bind, list(folded)):
        old, new = _loads(event["old"]), _loads(event["new"])
        if not isinstance(old, dict) or not isinstance(new, dict):
            continue
        of = entries.get(event["id"]) or uuid.UUID(bytes=event["id"])
        _replace(bind, [event["id"]], [
            {**event, "id": derived_id(of, "field", name).bytes, "field": name,
             "old": json.dumps(old.get(name)), "new": json.dumps(value),
             "notices": event["notices"] if n == 0 else None}
            for n, (name, value) in enumerate(new.items())])
