"""Acknowledging what sync overrode or refused, so it stops being shown."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from core.errors import NotFound
from core.models import ChangeEntry, Conflict, Ticket
from core.reference import UserInfo
from core.scope import can_see_ticket
from core.uow import UnitOfWork


def acknowledge(uow: UnitOfWork, actor: UserInfo, id_prefix: str) -> str | None:
    """Acknowledge the open conflict or rejected change whose id starts with the prefix.

    A conflict's acknowledgement is a change like any other and travels to every
    replica; a rejection concerns only this store's own change log."""
    session = uow.session
    prefix = id_prefix.replace("-", "").lower()
    now = uow.now()
    conflicts = [c for c in session.scalars(select(Conflict).where(Conflict.acknowledged_at.is_(None)))
                 if c.id.hex.startswith(prefix)]
    if len(conflicts) == 1:
        acknowledge_conflict(uow, actor, conflicts[0].id, now)
        return f"conflict on {conflicts[0].field}"
    rejected = [e for e in session.scalars(
        select(ChangeEntry).where(ChangeEntry.state == "rejected", ChangeEntry.acknowledged_at.is_(None)))
                if e.id.hex.startswith(prefix)]
    if len(rejected) == 1:
        rejected[0].acknowledged_at = now
        return f"rejected {rejected[0].kind} change"
    return None


def acknowledge_conflict(uow: UnitOfWork, actor: UserInfo, conflict_id: uuid.UUID, at: datetime | None = None) -> None:
    """Mark a conflict seen, in the actor's name; one seen already stays as it was."""
    now = uow.now(at)
    conflict = uow.session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFound("no such conflict")
    ticket = uow.session.get(Ticket, conflict.ticket_id)
    if ticket is None or not can_see_ticket(actor, ticket):
        raise NotFound("no such conflict")
    if conflict.acknowledged_at is not None:
        return
    conflict.acknowledged_at, conflict.acknowledged_by_id = now, actor.id
    with uow.command("acknowledge", {"conflict": conflict.id}):
        uow.record_change(actor, "conflict", conflict.id, {"acknowledged_at": now, "acknowledged_by_id": actor.id},
                          now, conflict.ticket_id)
