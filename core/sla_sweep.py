"""Recording SLA warnings and breaches as time passes, with no command to trigger
them: the open tickets whose next warning or breach (Ticket.sla_next_at) fell due
since the last look get their figures refreshed, which records each crossing as a
history event of the system (core.sla.figures.refresh; its ids are derived, so two
replicas sweeping the same ticket record one event between them)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Ticket
from core.models.tickets import OPEN_STATUSES
from core.reports.facts import fill_missing_clocks
from core.sla.figures import CHUNK, backfill, refresh
from core.uow import UnitOfWork


def crossings_due(session: Session, since: datetime | None, now: datetime,
                  among: Iterable[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Open tickets (of `among`, if given) whose next warning or breach fell in (since, now]."""
    query = select(Ticket.id).where(Ticket.sla_next_at <= now, Ticket.status.in_(OPEN_STATUSES))
    if since is not None:
        query = query.where(Ticket.sla_next_at > since)
    if among is None:
        return list(session.scalars(query))
    ids = list(among)
    return [found for start in range(0, len(ids), CHUNK)
            for found in session.scalars(query.where(Ticket.id.in_(ids[start: start + CHUNK])))]


BACKFILL_BATCH = 500  # tickets whose figures predate what the store keeps now, per sweep


def sweep(uow: UnitOfWork, since: datetime | None, now: datetime) -> int:
    """Refresh those tickets' figures, and store those of a batch of tickets made before
    the store kept all of them (core.sla.figures.backfill); returns how many warnings
    and breaches were recorded. The first sweep (no `since`: after a snapshot, or when
    the window starts) also stores as rows the clocks of tickets that came with their
    figures but without those rows, as a snapshot brings them."""
    if since is None:
        fill_missing_clocks(uow.session)
    ids = crossings_due(uow.session, since, now)
    backfill(uow, now, BACKFILL_BATCH)
    return refresh(uow, ids, now) if ids else 0
