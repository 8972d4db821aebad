"""The server's side of pull: the records that changed after a cursor, within the
caller's buckets (sync.buckets), in the order of their last change (DESIGN §6
Ordering, First sync, §6b).

A new device starts at cursor 0 and so receives every record in its scope; pages
are taken in record-number order, so a record that changes while a device pages
moves ahead of the cursor and is sent again later, never missed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.lifecycle import CENTRAL_ROLES, sees_internal
from core.models import TicketLink
from core.reference import UserInfo
from core.scope import can_see
from sync.buckets import bucket_clause, moves_since, ticket_scopes
from sync.models import SyncEntry, SyncRecord
from sync.protocol import PullResponse, RecordOut
from sync.records import MODELS, chunks, pulled_columns, row_to_dict, uuid_or_none


def _load(session: Session, kind: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    table = MODELS[kind].__table__
    found: dict[uuid.UUID, dict[str, Any]] = {}
    sent = pulled_columns(kind)
    for chunk in chunks(ids):
        for row in session.execute(select(*sent).where(table.c.id.in_(chunk))):
            found[row.id] = row_to_dict(kind, row, sent)
    return found


def _held_back(session: Session, arrived: list[uuid.UUID], cursor: int) -> list[Any]:
    """What hangs off the tickets that came into the device's view, numbered at or
    before its cursor: while they were outside it, earlier pulls went past these
    records without sending them; now the device gets them with the ticket."""
    found: list[Any] = []
    for chunk in chunks(arrived):
        found += session.execute(
            select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
            .where(SyncRecord.ticket_id.in_(chunk), SyncRecord.kind != "ticket", SyncRecord.seq <= cursor)
            .order_by(SyncRecord.seq)
        ).all()
        # and the links that point at them from tickets that stayed in view: a link goes
        # only to a device that sees both of its ends
        found += session.execute(
            select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
            .join(TicketLink, TicketLink.id == SyncRecord.record_id)
            .where(SyncRecord.kind == "link", TicketLink.other_id.in_(chunk), SyncRecord.seq <= cursor)
            .order_by(SyncRecord.seq)
        ).all()
    return found


def _changed_since(session: Session, ticket_ids: list[uuid.UUID], cursor: int) -> set[uuid.UUID]:
    """The tickets whose last change is numbered after the cursor."""
    found: set[uuid.UUID] = set()
    for chunk in chunks(ticket_ids):
        found.update(session.scalars(
            select(SyncRecord.record_id)
            .where(SyncRecord.kind == "ticket", SyncRecord.record_id.in_(chunk), SyncRecord.seq > cursor)
        ))
    return found


def _child_visible(user: UserInfo, kind: str, data: dict[str, Any]) -> bool:
    if sees_internal(user.role):
        return True
    if kind == "comment":
        return bool(data["public"])
    return kind in ("history", "link", "conflict", "attachment", "article_link", "rating")


def article_visible(user: UserInfo, data: dict[str, Any]) -> bool:
    return data.get("status") == "published" or sees_internal(user.role) or data.get("author_id") == str(user.id)


def answered_through(session: Session, client_id: uuid.UUID | None) -> int:
    if client_id is None:
        return 0
    return session.scalar(select(func.max(SyncEntry.seq)).where(SyncEntry.client_id == client_id)) or 0


def pull(session: Session, user: UserInfo, cursor: int, limit: int, now: datetime,
         client_id: uuid.UUID | None = None) -> PullResponse:
    # The highest number first: every record numbered up to it has committed (numbers
    # commit in order, sync.models.SyncCounter), so a page that ends there skips none.
    top = max(session.scalar(select(func.max(SyncRecord.seq))) or 0, cursor)
    query = (select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
             .where(SyncRecord.seq > cursor, SyncRecord.seq <= top))
    buckets = bucket_clause(user)
    if buckets is not None:
        query = query.where(buckets)
    rows = session.execute(query.order_by(SyncRecord.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page_end = rows[-1][2] if more else top
    left: list[uuid.UUID] = []
    if buckets is not None and cursor > 0:
        # (everything is in a central device's one bucket: nothing ever leaves it or comes back)
        arrived, left = moves_since(session, user, cursor, page_end)
        rows = [*_held_back(session, arrived, cursor), *rows]
    by_kind: dict[str, list[uuid.UUID]] = defaultdict(list)
    for kind, record_id, _seq, _ticket in rows:
        by_kind[kind].append(record_id)
    loaded = {kind: _load(session, kind, ids) for kind, ids in by_kind.items()}

    # The tickets this page's records hang on (or link to, or sit under), as they stand
    # now: the scope is decided on them. A child is never sent before its ticket, but
    # a ticket that has not changed since the cursor is on the device already (as it
    # stands now), and is not sent again with every page of its history.
    tickets = dict(loaded.get("ticket", {}))
    referenced = {t for k, _r, _s, t in rows if k != "ticket" and t is not None} | {
        uuid.UUID(str(d["other_id"])) for d in loaded.get("link", {}).values()}
    referenced |= {uuid.UUID(str(d["parent_id"])) for d in tickets.values() if d.get("parent_id")}
    referenced -= set(tickets)
    changed = _changed_since(session, sorted(referenced), cursor)
    tickets.update(_load(session, "ticket", sorted(changed)))
    above = list(tickets.values())
    while above:  # the parents, theirs, and so on up: whether each is in scope decides what is sent
        parents = {uuid.UUID(str(d["parent_id"])) for d in above if d.get("parent_id")} - set(tickets)
        above = list(_load(session, "ticket", sorted(parents)).values())
        tickets.update({uuid.UUID(d["id"]): d for d in above})
    scopes: dict[uuid.UUID, Any] = {
        t: (uuid.UUID(d["site_id"]), uuid_or_none(d["team_id"]), uuid_or_none(d["assignee_id"]))
        for t, d in tickets.items()}
    if buckets is not None:
        scopes.update(ticket_scopes(session, sorted(referenced - set(scopes))))

    def visible(ticket_id: uuid.UUID | None) -> bool:
        scope = scopes.get(ticket_id) if ticket_id is not None else None
        if scope is None:
            return user.role in CENTRAL_ROLES and ticket_id in referenced
        return can_see(user, *scope)

    # a ticket the device held and may no longer see: it drops the ticket and all of it
    records: list[RecordOut] = [RecordOut(kind="ticket", id=t, seq=page_end, data=None) for t in left]
    sent_tickets: set[uuid.UUID] = set()
    seq_of = {(k, r): s for k, r, s, _t in rows}

    def send_ticket(ticket_id: uuid.UUID) -> None:
        if ticket_id in sent_tickets or ticket_id not in tickets:
            return  # (not loaded: unchanged since the cursor, so the device holds it as it is)
        data = dict(tickets[ticket_id])
        sent_tickets.add(ticket_id)
        if data.get("parent_id") and not visible(uuid.UUID(data["parent_id"])):
            data["parent_id"] = None  # the parent is outside this device's scope
        elif data.get("parent_id"):
            send_ticket(uuid.UUID(data["parent_id"]))
        records.append(RecordOut(kind="ticket", id=ticket_id, seq=seq_of.get(("ticket", ticket_id), 0), data=data))

    for kind, record_id, seq, ticket_id in rows:
        data = loaded[kind].get(record_id)
        if data is None:
            continue
        if kind == "article":
            # hangs on no ticket: published ones for everyone, drafts for support staff
            if article_visible(user, data):
                records.append(RecordOut(kind="article", id=record_id, seq=seq, data=data))
            continue
        if kind == "ticket":
            if visible(record_id):
                send_ticket(record_id)
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
    return PullResponse(server_time=now, cursor=page_end, more=more, records=records,
                        answered_through=answered_through(session, client_id))
