"""Recording SLA warnings and breaches as time passes, with no command to trigger
them: the open tickets whose next warning or breach (Ticket.sla_next_at) fell due
since the last look get their figures refreshed, which records each crossing as a
history event of the system (core.sla.figures.refresh; its ids are derived, so two
replicas sweeping the same ticket record one event between them)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from core.models import Ticket, TicketClock
from core.models.tickets import OPEN_STATUSES
from core.reports.facts import fill_missing_clocks
from core.sla.figures import CHUNK, backfill, refresh
from core.uow import UnitOfWork

# How far a device's clock may run ahead of the server's when it stamps a change
# (sync.apply.FUTURE_TOLERANCE), with room to spare
CHANGE_MARGIN = timedelta(minutes=10)


def _behind_a_breach() -> ColumnElement[bool]:
    """Tickets whose next crossing may not be in sla_next_at: while one of the ticket's
    own clocks runs on past its breach, sla_next_at stays that breach (so a breached
    ticket stays most urgent), and the warnings and breach of another clock still
    running (the other own clock, a supplier's) fall after it. A sweep since an instant
    takes these every time, as one from nothing does; they are few (no response yet,
    long after its target)."""
    breached = (Ticket.response_state == "breached") | (Ticket.resolution_state == "breached")
    running = (Ticket.response_state == "running") | (Ticket.resolution_state == "running") | exists().where(
        TicketClock.ticket_id == Ticket.id, TicketClock.state == "running", TicketClock.kind.like("supplier%"))
    return breached & running


def crossings_due(session: Session, since: datetime | None, now: datetime) -> list[uuid.UUID]:
    """Open tickets whose next warning or breach fell in (since, now], or may have
    (behind a breach, and not due by sla_next_at since an instant)."""
    query = select(Ticket.id).where(Ticket.sla_next_at <= now, Ticket.status.in_(OPEN_STATUSES))
    if since is not None:
        query = query.where((Ticket.sla_next_at > since) | ((Ticket.sla_next_at <= since) & _behind_a_breach()))
    return list(session.scalars(query))


def crossings_since_change(session: Session, now: datetime, among: Iterable[uuid.UUID],
                           margin: timedelta = CHANGE_MARGIN) -> list[uuid.UUID]:
    """Of these open tickets, which came with figures computed no earlier than their
    last change (a pull's, computed where the change was applied), those whose next
    warning or breach may have come since then: after that change (less `margin`, for
    the clock of the device that made it) or behind a breach (_behind_a_breach). A
    ticket whose breach passed before its last change had it recorded then."""
    query = select(Ticket.id, Ticket.sla_next_at, Ticket.updated_at, _behind_a_breach()).where(
        Ticket.sla_next_at <= now, Ticket.status.in_(OPEN_STATUSES))
    ids = list(among)
    return [ticket_id for start in range(0, len(ids), CHUNK)
            for ticket_id, next_at, changed, behind in session.execute(
                query.where(Ticket.id.in_(ids[start: start + CHUNK])))
            if behind or changed is None or next_at is None or next_at > changed - margin]


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
