"""Buckets (DESIGN §6b): which devices a record goes to, written when the server
numbers it, so that a pull is an indexed query rather than a decision per record.

A record's buckets are its ticket's site, team and assignee, kept on its row of
sync_records together with whether it is internal (a worklog or an internal
note, never sent to a requester). A technician's device pulls the buckets of the
sites and teams they cover and their own; a requester's, her site's public part;
a central device, everything. When a ticket's site, team or assignee changes, the
rows of all its records move with it, and a move records what the ticket left
(sync_moves): a device that held the ticket and may no longer is told to drop it,
one that gets it only now is sent all of it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, bindparam, false, insert, or_, select, update
from sqlalchemy.orm import Session

from core.lifecycle import CENTRAL_ROLES
from core.models import Comment, Ticket
from core.reference import UserInfo
from core.scope import can_see, scope_clause
from sync.models import SyncMove, SyncRecord
from sync.records import chunks

BUCKET_COLUMNS = ("site_id", "team_id", "assignee_id")
Scope = tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]


def sees_everything(user: UserInfo) -> bool:
    return user.role in CENTRAL_ROLES or user.role == "system"


def bucket_clause(user: UserInfo) -> ColumnElement[bool] | None:
    """The caller's buckets as a condition on sync_records (None: everything). Articles
    hang on no ticket and are few: each is judged when it is sent."""
    if sees_everything(user):
        return None
    mine = [getattr(SyncRecord, field).in_(sorted(ids)) for field, ids in _bucket_ids(user).items() if ids]
    if user.role == "requester" and mine:
        mine = [and_(*mine, SyncRecord.internal == false())]  # her site's public part
    return or_(SyncRecord.kind == "article", *mine)


def ticket_scopes(session: Session, ticket_ids: list[uuid.UUID]) -> dict[uuid.UUID, Scope]:
    """Each ticket's site, team and assignee as they stand now."""
    found: dict[uuid.UUID, Scope] = {}
    for chunk in chunks(ticket_ids):
        for row in session.execute(select(Ticket.id, Ticket.site_id, Ticket.team_id, Ticket.assignee_id)
                                   .where(Ticket.id.in_(chunk))):
            found[row[0]] = (row[1], row[2], row[3])
    return found


def stamp(session: Session, rows: list[dict[str, Any]], made: dict[uuid.UUID, Scope] | None = None) -> None:
    """Fill in the buckets of freshly numbered rows of sync_records (kind, record_id,
    seq, ticket_id) and, for each ticket among them whose site, team or assignee
    changed since it was last numbered, record the move and move the rows of all
    its records. Runs before the rows are written.

    `made`: the buckets tickets not numbered yet were created with. A batch numbers
    what it wrote at its end, so a ticket a device created and then moved out of its
    own view in the same batch is numbered first where it went; the device holds it
    as it made it, and only a move from there tells it to drop the ticket."""
    scopes = ticket_scopes(session, sorted({r["ticket_id"] for r in rows if r["ticket_id"] is not None}))
    notes = [r["record_id"] for r in rows if r["kind"] == "comment"]
    internal: set[uuid.UUID] = set()
    for chunk in chunks(notes):
        internal.update(session.scalars(select(Comment.id).where(Comment.id.in_(chunk), Comment.public == false())))
    tickets = [r["record_id"] for r in rows if r["kind"] == "ticket"]
    before: dict[uuid.UUID, Scope] = {}
    for chunk in chunks(tickets):
        for ticket_id, *held in session.execute(
                select(SyncRecord.record_id, SyncRecord.site_id, SyncRecord.team_id, SyncRecord.assignee_id)
                .where(SyncRecord.kind == "ticket", SyncRecord.record_id.in_(chunk))):
            before[ticket_id] = (held[0], held[1], held[2])
    for ticket_id in tickets:
        if ticket_id not in before and made and ticket_id in made:
            before[ticket_id] = made[ticket_id]
    moves: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    for row in rows:
        scope = scopes.get(row["ticket_id"], (None, None, None))
        row.update(zip(BUCKET_COLUMNS, scope, strict=True))
        row["internal"] = row["kind"] == "worklog" or row["record_id"] in internal
        if row["kind"] != "ticket" or row["record_id"] not in before:
            continue
        old = before[row["record_id"]]
        changed = [(field, was) for field, was, now in zip(BUCKET_COLUMNS, old, scope, strict=True) if was != now]
        moves += [{"seq": row["seq"], "field": field, "ticket_id": row["record_id"], "old": was}
                  for field, was in changed]
        if changed:
            moved.append({"t": row["record_id"], **{f"to_{f}": v for f, v in zip(BUCKET_COLUMNS, scope, strict=True)}})
    if moves:
        connection = session.connection()
        connection.execute(insert(SyncMove.__table__), moves)  # type: ignore[arg-type]
        table: Table = SyncRecord.__table__  # type: ignore[assignment]
        connection.execute(update(table).where(table.c.ticket_id == bindparam("t")).values(
            {field: bindparam(f"to_{field}") for field in BUCKET_COLUMNS}), moved)


def moves_since(session: Session, user: UserInfo, cursor: int, upto: int) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """The tickets that came into the user's view and those that left it between two
    numbers: (arrived, left). Whether the device held a ticket at its cursor follows
    from the ticket as it stands now with every later move undone."""
    # Only tickets the user may see now, or that left one of the user's buckets, can
    # have come or gone: a ticket seen at the cursor had its site, team or assignee in
    # them then, and either still has or a move since says what it was.
    left_mine = [and_(SyncMove.field == field, SyncMove.old.in_(sorted(ids)))
                 for field, ids in _bucket_ids(user).items() if ids]
    candidates: set[uuid.UUID] = set(session.scalars(
        select(SyncMove.ticket_id).join(Ticket, Ticket.id == SyncMove.ticket_id)
        .where(SyncMove.seq > cursor, SyncMove.seq <= upto, or_(scope_clause(user), *left_mine))))
    if not candidates:
        return [], []
    history: dict[uuid.UUID, list[tuple[str, uuid.UUID | None]]] = defaultdict(list)
    for chunk in chunks(sorted(candidates)):
        for ticket_id, field, old in session.execute(
                select(SyncMove.ticket_id, SyncMove.field, SyncMove.old)
                .where(SyncMove.ticket_id.in_(chunk), SyncMove.seq > cursor, SyncMove.seq <= upto)
                .order_by(SyncMove.seq.desc())):
            history[ticket_id].append((field, old))
    now = ticket_scopes(session, sorted(candidates))
    arrived: list[uuid.UUID] = []
    left: list[uuid.UUID] = []
    for ticket_id, undo in history.items():
        if ticket_id not in now:
            continue
        scope = dict(zip(BUCKET_COLUMNS, now[ticket_id], strict=True))
        visible_now = _sees(user, now[ticket_id])
        for field, old in undo:  # latest first
            scope[field] = old
        visible_then = _sees(user, (scope["site_id"], scope["team_id"], scope["assignee_id"]))
        if visible_now and not visible_then:
            arrived.append(ticket_id)
        elif visible_then and not visible_now:
            left.append(ticket_id)
    return sorted(arrived), sorted(left)


def _bucket_ids(user: UserInfo) -> dict[str, frozenset[uuid.UUID]]:
    """The ids of the user's buckets by the ticket field that puts a ticket in them."""
    if user.role == "technician":
        return {"site_id": user.site_ids, "team_id": user.team_ids, "assignee_id": frozenset({user.id})}
    if user.role == "requester" and user.site_id is not None:
        return {"site_id": frozenset({user.site_id})}
    return {}


def _sees(user: UserInfo, scope: Scope) -> bool:
    site, team, assignee = scope
    return site is not None and can_see(user, site, team, assignee)
