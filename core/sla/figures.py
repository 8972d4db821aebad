"""SLA figures in the store: computed from history, written to the ticket's indexed
columns, and warnings and breaches recorded once each as history events."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from core.field_events import changes
from core.models import HistoryEvent, Ticket
from core.models.tickets import OPEN_STATUSES
from core.reference import Reference
from core.reports.facts import facts, store_clocks
from core.sla.clocks import Clock
from core.sla.engine import SlaReport, TicketFacts, compute
from core.sla.timeline import TRACKED, Event, State
from core.uow import sla_event_id

if TYPE_CHECKING:
    from core.uow import UnitOfWork

CHUNK = 900  # stays below SQLite's limit on bound parameters

FACT_COLUMNS = (
    Ticket.id, Ticket.created_at, Ticket.type, Ticket.category_id, Ticket.site_id, Ticket.status,
    Ticket.priority, Ticket.pending_reason, Ticket.pending_supplier_id, Ticket.team_id, Ticket.first_response_at,
)


def facts_of(ref: Reference, row: Sequence[Any]) -> TicketFacts:
    (_id, created_at, type_, category_id, site_id, status, priority, reason, supplier, team, responded) = row
    return TicketFacts(
        created_at=created_at, type=type_, category=ref.category_path_of(category_id) or "",
        site=ref.site_code_of(site_id) or "",
        state=State(
            status=status, priority=priority, pending_reason=reason,
            supplier=str(supplier) if supplier else None, team=str(team) if team else None,
            responded=responded is not None,
        ),
    )


def _chunks(ids: list[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i: i + CHUNK]


def load_events(session: Session, ticket_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Event]]:
    events: dict[uuid.UUID, list[Event]] = {t: [] for t in ticket_ids}
    for chunk in _chunks(ticket_ids):
        rows = session.execute(
            select(HistoryEvent.ticket_id, HistoryEvent.occurred_at, HistoryEvent.stamp, HistoryEvent.field,
                   HistoryEvent.old, HistoryEvent.new)
            .where(HistoryEvent.ticket_id.in_(chunk), HistoryEvent.kind == "field",
                   HistoryEvent.field.in_(TRACKED) | HistoryEvent.field.is_(None))
        )
        for ticket_id, at, stamp, field, old, new in rows:
            events[ticket_id] += [Event(at, stamp or "", name, before, after)
                                  for name, before, after in changes(field, old, new) if name in TRACKED]
    return events


def _recorded(session: Session, computed: dict[uuid.UUID, SlaReport]) -> set[uuid.UUID]:
    """Of the warnings and breaches these figures have passed, those already recorded:
    looked up by the ids their events take, in the primary key's index alone (reading
    every event of each ticket to find its SLA ones was a fifth of a pushed batch)."""
    events = [sla_event_id(ticket_id, clock.name, label) for ticket_id, report in computed.items()
              for clock in report.recorded_clocks for label, _at in clock.crossings]
    found: set[uuid.UUID] = set()
    for chunk in _chunks(events):
        found.update(session.scalars(select(HistoryEvent.id).where(HistoryEvent.id.in_(chunk))))
    return found


def reports(session: Session, ref: Reference, ticket_ids: list[uuid.UUID], now: datetime) -> dict[uuid.UUID, SlaReport]:
    events = load_events(session, ticket_ids)
    result = {}
    for chunk in _chunks(ticket_ids):
        for row in session.execute(select(*FACT_COLUMNS).where(Ticket.id.in_(chunk))):
            result[row[0]] = compute(ref, facts_of(ref, row), events[row[0]], now)
    return result


def figures(report: SlaReport) -> dict[str, Any]:
    """The stored columns for one report."""
    return {
        "sla_policy": report.policy,
        "response_due_at": report.response.due_at if report.response else None,
        "response_state": report.response.state if report.response else None,
        "resolution_due_at": report.resolution.due_at if report.resolution else None,
        "resolution_state": report.resolution.state if report.resolution else None,
        "sla_next_at": report.next_at,
        **_stopped("response", report.response),
        **_stopped("resolution", report.resolution),
        "sla_clocks": clock_rows(report),
    }


def clock_rows(report: SlaReport) -> list[dict[str, Any]]:
    """The ticket's OLA and supplier clocks as reports read them in SQL: `k` the kind
    (ola-response, ola, supplier-response, supplier), `of` the team's or supplier's
    code, `state`, `elapsed_s` (once stopped: a running clock's would go stale as time
    passes), `target_s`, and `at` the epoch second it was decided (stopped when met,
    passed its target when breached; null while undecided)."""
    rows = []
    for clock in [*report.olas, *report.supplier_clocks]:
        kind, _, code = clock.name.partition(":")
        decided = clock.breached_at if clock.state == "breached" else (
            clock.stopped_at if clock.state == "met" else None)
        rows.append({"k": kind, "of": code, "state": clock.state,
                     "elapsed_s": clock.elapsed_s if clock.stopped_at is not None else None,
                     "target_s": clock.target_s, "at": int(decided.timestamp()) if decided else None})
    return rows


def _stopped(name: str, clock: Clock | None) -> dict[str, Any]:
    """A stopped clock's business seconds and stop instant; None for both while it
    runs or is paused, so the stored figures do not go stale as time passes."""
    stopped = clock is not None and clock.stopped_at is not None
    return {
        f"{name}_elapsed_s": clock.elapsed_s if clock is not None and stopped else None,
        f"{name}_stopped_at": clock.stopped_at if clock is not None and stopped else None,
    }


def refresh(uow: UnitOfWork, ticket_ids: Iterable[uuid.UUID], now: datetime) -> int:
    """Recompute and store the figures of these tickets, and record each warning
    and breach they have passed that is not yet in their history. Returns how many
    events were recorded."""
    ids = list(ticket_ids)
    if not ids:
        return 0
    session = uow.session
    computed = reports(session, uow.ref, ids, now)
    recorded = _recorded(session, computed)
    known = facts(session, ids)
    rows = []
    added = 0
    for ticket_id, report in computed.items():
        rows.append({"tid": ticket_id, **figures(report), **known[ticket_id]})
        for clock in report.recorded_clocks:
            for label, at in clock.crossings:
                if uow.record_sla_event(ticket_id, clock.name, label, at, recorded):
                    added += 1
    _store_figures(session, rows)
    return added


def _store_figures(session: Session, rows: list[dict[str, Any]]) -> None:
    # Every ticket's figures go in one executemany, those of tickets the session holds
    # as well: an object's own UPDATE would be a statement for each (a database round
    # trip each on PostgreSQL; a pushed batch refreshes hundreds at its end). A held
    # object is given the values as stored, with no change of its own left to flush.
    # The clocks are stored as rows for reports as well (core.reports.facts).
    if not rows:
        return
    store_clocks(session, {row["tid"]: row["sla_clocks"] for row in rows})
    for row in rows:
        ticket = session.identity_map.get(session.identity_key(Ticket, row["tid"]))
        if ticket is not None:
            for key, value in row.items():
                if key != "tid":
                    set_committed_value(ticket, key, value)
    table = Ticket.__table__
    statement = (
        update(table).where(table.c.id == bindparam("tid"))  # type: ignore[arg-type]
        .values({k: bindparam(k, type_=table.c[k].type) for k in rows[0] if k != "tid"})
    )
    session.connection().execute(statement, rows)


def recompute_all(uow: UnitOfWork, now: datetime, batch: int = 5000) -> tuple[int, int]:
    """Every open ticket's figures (after a calendar or policy change, or to catch up
    on warnings that fell due while nothing happened), and those of every ticket the
    backfill has not reached yet. Returns (open tickets, events)."""
    ids = list(uow.session.scalars(select(Ticket.id).where(Ticket.status.in_(OPEN_STATUSES))))
    events = 0
    for i in range(0, len(ids), batch):
        events += refresh(uow, ids[i: i + batch], now)
        uow.flush_history()
    while backfill(uow, now, batch):
        pass
    return len(ids), events


def backfill_due(session: Session, limit: int) -> list[uuid.UUID]:
    """Tickets whose figures were never stored as they are now: those made before the
    store kept the clocks' seconds and the OLA and supplier clocks (store 0007/0009,
    server 0008/0011), which no command touches again once they are closed."""
    return list(session.scalars(select(Ticket.id).where(Ticket.sla_clocks.is_(None)).limit(limit)))


def backfill(uow: UnitOfWork, now: datetime, limit: int = 2000) -> int:
    """Store the figures of up to `limit` tickets the backfill has not reached, from
    their history as any command would, recording no warning or breach (those of a
    closed ticket were recorded when they fell due). Returns how many were stored;
    0 when none is left. Run in bounded batches by the sweep and the server's worker,
    whole by `branchdesk sla recompute`."""
    ids = backfill_due(uow.session, limit)
    if ids:
        computed = reports(uow.session, uow.ref, ids, now)
        known = facts(uow.session, ids)
        _store_figures(uow.session, [{"tid": ticket_id, **figures(report), **known[ticket_id]}
                                     for ticket_id, report in computed.items()])
    return len(ids)
