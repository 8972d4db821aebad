"""Recording SLA warnings and breaches as time passes, with no command to trigger
them: the open tickets whose next warning or breach (Ticket.sla_next_at) fell due
since the last look get their figures refreshed, which records each crossing as a
history event of the system (core.sla.figures.refresh; its ids are derived, so two
replicas sweeping the same ticket record one event between them)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from core.models import Ticket, TicketClock
from core.models.tickets import OPEN_STATUSES
from core.reports.facts import fill_missing_clocks
from core.sla.figures import CHUNK, backfill, refresh
from core.uow import UnitOfWork


def _hidden_crossings(since: datetime) -> ColumnElement[bool]:
    """Tickets whose next crossing is not in sla_next_at: while one of the ticket's own
    clocks runs on past its breach, sla_next_at stays that breach (so a breached ticket
    stays most urgent), and the warnings and breach of another clock still running (the
    other own clock, a supplier's) fall after it. A sweep since an instant takes these
    every time, as one from nothing does; they are few (no response yet, long after its
    target)."""
    breached = (Ticket.response_state == "breached") | (Ticket.resolution_state == "breached")
    running = (Ticket.response_state == "running") | (Ticket.resolution_state == "running") | exists().where(
        TicketClock.ticket_id == Ticket.id, TicketClock.state == "running", TicketClock.kind.like("supplier%"))
    return (Ticket.sla_next_at <= since) & breached & running


def crossings_due(session: Session, since: datetime | None, now: datetime,
                  among: Iterable[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Open tickets (of `among`, if given) whose next warning or breach fell in (since, now],
    or may have (_hidden_crossings)."""
    query = select(Ticket.id).where(Ticket.sla_next_at <= now, Ticket.status.in_(OPEN_STATUSES))
    if since is not None:
        query = query.where((Ticket.sla_next_at > since) | _hidden_crossings(since))
    if among is None:
        return list(session.scalars(query))
    ids = list(among)
    return [found for start in range(0, len(ids), CHUNK)
            for found in session.scalars(query.where(Ticket.id.in_(ids[start: start + CHUNK])))]


BACKFILL_BATCH = 500  # tickets whose figures predate what the store keeps now, per sweep


def sweep(uow: UnitOfWork, since: datetime | None, now: datetime, *, clocks_held: bool = False) -> int:
    """Refresh those tickets' figures, and store those of a batch of tickets made before
    the store kept all of them (core.sla.figures.backfill); returns how many warnings
    and breaches were recorded. The first sweep (no `since`: after a snapshot, or when
    the window starts) also stores as rows the clocks of tickets that came with their
    figures but without those rows, as a snapshot brings them (not when the caller knows
    every ticket has them: `clocks_held`, after a store image)."""
    if since is None and not clocks_held:
        fill_missing_clocks(uow.session)
    ids = crossings_due(uow.session, since, now)
    backfill(uow, now, BACKFILL_BATCH)
    return refresh(uow, ids, now) if ids else 0
