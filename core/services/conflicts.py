"""Acknowledging what sync overrode or refused, so it stops being shown."""

from __future__ import annotations

from sqlalchemy import String, cast, select

from core.models import ChangeEntry, Conflict
from core.reference import UserInfo
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
        conflict = conflicts[0]
        conflict.acknowledged_at, conflict.acknowledged_by_id = now, actor.id
        uow.record_change(actor, "conflict", conflict.id, {"acknowledged_at": now, "acknowledged_by_id": actor.id},
                          now, conflict.ticket_id)
        return f"conflict on {conflict.field}"
    rejected = session.scalars(
        select(ChangeEntry).where(ChangeEntry.state == "rejected", ChangeEntry.acknowledged_at.is_(None),
                                  cast(ChangeEntry.id, String).like(f"{prefix}%"))
    ).all()
    if len(rejected) == 1:
        rejected[0].acknowledged_at = now
        return f"rejected {rejected[0].kind} change"
    return None
