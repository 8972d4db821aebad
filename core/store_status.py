"""What the window's status bar and its conflicts panel say about the store: its
mode, the changes waiting to be sent to a server (the outbox's pending entries),
the last exchange with the server, and what sync overrode or refused that nobody
has acknowledged yet (DESIGN §6 Merge, §8)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.clock import parse_iso
from core.models import ChangeEntry, Conflict, Ticket
from core.reference import Reference
from core.store import Store
from core.ticket_detail import display

# the instants the store records of its exchanges with the server
SYNC_META = ("last_sync_at", "last_pull_at", "last_push_at")


@dataclass(frozen=True)
class StoreStatus:
    mode: str
    home_site: str | None
    pending_changes: int
    # the latest exchange with the server (ISO 8601), or None if there was none
    last_sync: str | None
    # open conflicts plus rejected changes not yet acknowledged
    to_review: int = 0


def store_status(store: Store) -> StoreStatus:
    with store.read() as session:
        pending = session.scalar(
            select(func.count()).select_from(ChangeEntry).where(ChangeEntry.state == "pending")
        ) or 0
        conflicts = session.scalar(
            select(func.count()).select_from(Conflict).where(Conflict.acknowledged_at.is_(None))
        ) or 0
        rejected = session.scalar(
            select(func.count()).select_from(ChangeEntry)
            .where(ChangeEntry.state == "rejected", ChangeEntry.acknowledged_at.is_(None))
        ) or 0
    return StoreStatus(
        mode=store.meta("mode") or "standalone", home_site=store.meta("home_site"),
        pending_changes=pending, last_sync=_latest(store.meta(key) for key in SYNC_META),
        to_review=conflicts + rejected,
    )


def _latest(values: Any) -> str | None:
    stamps = [parse_iso(v) for v in values if v]
    return max(stamps).isoformat() if stamps else None


@dataclass(frozen=True)
class ConflictItem:
    """A value that lost a concurrent change, as people read it (codes and usernames, not ids)."""

    id: uuid.UUID
    ticket: str | None
    field: str
    kept: Any
    kept_by: str | None
    lost: Any
    lost_by: str | None
    # overridden (a later change replaced it) | rejected (the lifecycle no longer allowed it)
    outcome: str
    at: datetime


@dataclass(frozen=True)
class RejectedItem:
    """A change of this store's that the server refused, with its reason."""

    id: uuid.UUID
    ticket: str | None
    kind: str
    op: str
    # the fields the change set (ids shown as codes and usernames), or the child's text
    values: dict[str, Any]
    reason: str | None
    at: datetime


def to_review(session: Session, ref: Reference) -> tuple[list[ConflictItem], list[RejectedItem]]:
    """Open conflicts and unacknowledged rejections, oldest first (what `branchdesk status` lists)."""
    conflicts = session.execute(
        select(Conflict, Ticket.number).outerjoin(Ticket, Ticket.id == Conflict.ticket_id)
        .where(Conflict.acknowledged_at.is_(None)).order_by(Conflict.occurred_at, Conflict.id)
    ).all()
    entries = session.scalars(
        select(ChangeEntry).where(ChangeEntry.state == "rejected", ChangeEntry.acknowledged_at.is_(None))
        .order_by(ChangeEntry.seq)
    ).all()
    tickets = {e.id: _ticket_of(session, e) for e in entries}
    numbers = _numbers(session, {t for t in tickets.values() if t is not None})
    return (
        [ConflictItem(c.id, number, c.field, display(ref, c.field, c.kept), ref.username_of(c.kept_actor_id),
                      display(ref, c.field, c.lost), ref.username_of(c.lost_actor_id), c.outcome, c.occurred_at)
         for c, number in conflicts],
        [RejectedItem(e.id, numbers.get(tickets[e.id]) or _text(e.data.get("number")), e.kind, e.op,
                      _shown(ref, e), e.answer, e.occurred_at)
         for e in entries],
    )


# what a person recognises a refused child by (a ticket change shows every field it set)
_SHOWN: dict[str, tuple[str, ...]] = {
    "comment": ("body", "public"), "attachment": ("name", "size"), "worklog": ("minutes", "note"),
    "link": ("kind", "other_id"),
    "conflict": ("acknowledged_at",), "history": ("kind", "field", "new"),
}


def _shown(ref: Reference, entry: ChangeEntry) -> dict[str, Any]:
    keys = entry.data.keys() if entry.kind == "ticket" else _SHOWN.get(entry.kind, ())
    return {k: display(ref, k, entry.data[k]) for k in keys if k in entry.data}


def _ticket_of(session: Session, entry: ChangeEntry) -> uuid.UUID | None:
    if entry.kind == "ticket":
        return entry.record_id
    if entry.kind == "conflict":
        return session.scalar(select(Conflict.ticket_id).where(Conflict.id == entry.record_id))
    value = entry.data.get("ticket_id")
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _numbers(session: Session, ticket_ids: set[uuid.UUID]) -> dict[uuid.UUID | None, str]:
    if not ticket_ids:
        return {}
    rows = session.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(ticket_ids))).all()
    return {ticket_id: number for ticket_id, number in rows}


def _text(value: Any) -> str | None:
    return str(value) if value else None
