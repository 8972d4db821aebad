"""The server's side of pull: the records that changed after a cursor, within the
caller's scope, in the order of their last change (DESIGN §6 Ordering, First sync).

A new device starts at cursor 0 and so receives every record in its scope; pages
are taken in record-number order, so a record that changes while a device pages
moves ahead of the cursor and is sent again later, never missed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.lifecycle import CENTRAL_ROLES
from core.models import HistoryEvent
from core.reference import UserInfo
from core.scope import can_see
from sync.models import SyncRecord
from sync.protocol import PullResponse, RecordOut
from sync.records import MODELS, columns, row_to_dict

CHUNK = 900


def _chunks(ids: list[uuid.UUID]) -> Any:
    for i in range(0, len(ids), CHUNK):
        yield ids[i: i + CHUNK]


def _load(session: Session, kind: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    table = MODELS[kind].__table__
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in session.execute(select(*columns(kind)).where(table.c.id.in_(chunk))):
            found[row.id] = row_to_dict(kind, row)
    return found


SCOPE_FIELDS = ("site_id", "team_id", "assignee_id")


def _left_scope(session: Session, user: UserInfo, ticket_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Tickets the user no longer sees that their site, team or person once put in the
    user's scope: the device may hold them and must drop them."""
    gone: set[uuid.UUID] = set()
    for chunk in _chunks(ticket_ids):
        rows = session.execute(
            select(HistoryEvent.ticket_id, HistoryEvent.field, HistoryEvent.old)
            .where(HistoryEvent.ticket_id.in_(chunk), HistoryEvent.field.in_(SCOPE_FIELDS))
        )
        for ticket_id, field, old in rows:
            if old is None:
                continue
            old_id = uuid.UUID(str(old))
            if (field == "site_id" and (old_id in user.site_ids or old_id == user.site_id)) or (
                field == "team_id" and old_id in user.team_ids
            ) or (field == "assignee_id" and old_id == user.id):
                gone.add(ticket_id)
    return gone


def _missed(session: Session, rows: list[Any], cursor: int) -> list[Any]:
    """What hangs off the tickets whose site, team or assignee changed in this page,
    numbered at or before the cursor. While such a ticket was outside the device's
    scope, earlier pages went past these records without sending them; now that it
    may be (back) in scope, the device gets them with it."""
    changes = [r for k, r, _s, _t in rows if k == "history"]
    moved: set[uuid.UUID] = set()
    for chunk in _chunks(changes):
        moved.update(session.scalars(
            select(HistoryEvent.ticket_id).where(HistoryEvent.id.in_(chunk), HistoryEvent.field.in_(SCOPE_FIELDS))
        ))
    found: list[Any] = []
    for chunk in _chunks(sorted(moved)):
        found += session.execute(
            select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
            .where(SyncRecord.ticket_id.in_(chunk), SyncRecord.kind != "ticket", SyncRecord.seq <= cursor)
            .order_by(SyncRecord.seq)
        ).all()
    return found


def _child_visible(user: UserInfo, kind: str, data: dict[str, Any]) -> bool:
    if user.role != "requester":
        return True
    if kind == "comment":
        return bool(data["public"])
    return kind in ("history", "link", "conflict")


def pull(session: Session, user: UserInfo, cursor: int, limit: int, now: datetime) -> PullResponse:
    rows = session.execute(
        select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
        .where(SyncRecord.seq > cursor).order_by(SyncRecord.seq).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page_end = rows[-1][2] if rows else cursor
    if user.role not in CENTRAL_ROLES and cursor > 0:
        # (a central role's scope is everything: nothing ever leaves it or comes back)
        rows = [*_missed(session, rows, cursor), *rows]
    by_kind: dict[str, list[uuid.UUID]] = defaultdict(list)
    for kind, record_id, _seq, _ticket in rows:
        by_kind[kind].append(record_id)
    ticket_ids = {t for *_rest, t in rows if t is not None}
    loaded = {kind: _load(session, kind, ids) for kind, ids in by_kind.items()}

    # Every ticket a record of this page hangs on, as it stands now: the scope is
    # decided on it, and a child is never sent before the ticket it belongs to.
    tickets = dict(loaded.get("ticket", {}))
    extra = [t for t in ticket_ids if t not in tickets]
    tickets.update(_load(session, "ticket", extra))
    linked = {
        uuid.UUID(str(d["other_id"])) for d in loaded.get("link", {}).values()
    } | {uuid.UUID(str(d["parent_id"])) for d in tickets.values() if d.get("parent_id")}
    tickets.update(_load(session, "ticket", [t for t in linked if t not in tickets]))

    def visible(ticket_id: uuid.UUID | None) -> bool:
        data = tickets.get(ticket_id) if ticket_id is not None else None
        return data is not None and can_see(
            user, uuid.UUID(data["site_id"]), uuid.UUID(data["team_id"]) if data["team_id"] else None,
            uuid.UUID(data["assignee_id"]) if data["assignee_id"] else None,
        )

    hidden_tickets = [t for t in by_kind.get("ticket", []) if not visible(t)]
    gone = _left_scope(session, user, hidden_tickets) if hidden_tickets else set()

    records: list[RecordOut] = []
    sent_tickets: set[uuid.UUID] = set()
    seq_of = {(k, r): s for k, r, s, _t in rows}

    def send_ticket(ticket_id: uuid.UUID) -> None:
        if ticket_id in sent_tickets:
            return
        data = dict(tickets[ticket_id])
        if data.get("parent_id") and not visible(uuid.UUID(data["parent_id"])):
            data["parent_id"] = None  # the parent is outside this device's scope
        elif data.get("parent_id"):
            send_ticket(uuid.UUID(data["parent_id"]))
        sent_tickets.add(ticket_id)
        records.append(RecordOut(kind="ticket", id=ticket_id, seq=seq_of.get(("ticket", ticket_id), 0), data=data))

    for kind, record_id, seq, ticket_id in rows:
        data = loaded[kind].get(record_id)
        if data is None:
            continue
        if kind == "ticket":
            if visible(record_id):
                send_ticket(record_id)
            elif record_id in gone:
                records.append(RecordOut(kind="ticket", id=record_id, seq=seq, data=None))
            continue
        if not visible(ticket_id) or not _child_visible(user, kind, data):
            continue
        if kind == "link" and not visible(uuid.UUID(str(data["other_id"]))):
            continue
        assert ticket_id is not None
        send_ticket(ticket_id)
        if kind == "link":
            send_ticket(uuid.UUID(str(data["other_id"])))
        records.append(RecordOut(kind=kind, id=record_id, seq=seq, data=data))  # type: ignore[arg-type]
    return PullResponse(server_time=now, cursor=page_end, more=more, records=records)
