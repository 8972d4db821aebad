"""What reports need of each ticket beyond its fields, stored with its SLA figures
(core.sla.figures) so that a report reads columns instead of looking through the
history or the clocks' JSON ticket by ticket (DESIGN §14):

- `reopened`, `handed_over`, `resolved_by_assignee` on the ticket, from its history
  (the parts of `fcr_pct` and `reopen_pct` that the ticket's own fields do not give);
- its OLA and supplier clocks (Ticket.sla_clocks) as rows of `ticket_clocks`.

Both are a function of the ticket's history alone, so every replica holding the
ticket stores the same; core.invariants checks them against a fresh computation."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from core.field_events import changes
from core.models import HistoryEvent, Ticket, TicketClock

FACTS = ("reopened", "handed_over", "resolved_by_assignee")
CHUNK = 900  # stays below SQLite's limit on bound parameters


def _chunks(ids: Sequence[uuid.UUID]) -> Iterable[Sequence[uuid.UUID]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i: i + CHUNK]


def _facts_of(assignee: uuid.UUID | None, events: Iterable[tuple[uuid.UUID, str, Any, Any]]) -> dict[str, bool]:
    """The facts of a ticket with this assignee from its fields' changes (actor, field,
    old, new): reopened (taken out of resolved, not to close it), handed over (its team
    or assignee changed away from one it had, not first given), resolved by its
    assignee (or by anyone while it has none)."""
    found = dict.fromkeys(FACTS, False)
    for actor, name, old, new in events:
        if name == "status":
            found["reopened"] |= old == "resolved" and new != "closed"
            found["resolved_by_assignee"] |= new == "resolved" and actor == (assignee or actor)
        elif name in ("team_id", "assignee_id"):
            found["handed_over"] |= old is not None
    return found


def facts(session: Session, ticket_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, bool]]:
    """The facts of these tickets, computed now from their history: their field events,
    read by ticket in one statement per chunk. (In Python: as SQL over the two shapes
    of field events, PostgreSQL took the look-ups for one scan of the whole history.)"""
    ids = list(ticket_ids)
    found: dict[uuid.UUID, dict[str, bool]] = {}
    for chunk in _chunks(ids):
        assignees = {ticket_id: assignee for ticket_id, assignee in session.execute(
            select(Ticket.id, Ticket.assignee_id).where(Ticket.id.in_(chunk)))}
        events: dict[uuid.UUID, list[tuple[uuid.UUID, str, Any, Any]]] = {t: [] for t in assignees}
        for ticket_id, actor, field, old, new in session.execute(
                select(HistoryEvent.ticket_id, HistoryEvent.actor_id, HistoryEvent.field, HistoryEvent.old,
                       HistoryEvent.new)
                .where(HistoryEvent.ticket_id.in_(chunk), HistoryEvent.kind == "field")):
            if ticket_id in events:
                events[ticket_id] += [(actor, *change) for change in changes(field, old, new)]
        found.update((t, _facts_of(assignees[t], held)) for t, held in events.items())
    return found


def clock_rows(ticket_id: uuid.UUID, clocks: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The rows of `ticket_clocks` that stand for the ticket's clocks (Ticket.sla_clocks)."""
    return [{"ticket_id": ticket_id, "position": n, "kind": c["k"], "code": c["of"], "state": c["state"],
             "elapsed_s": c.get("elapsed_s"), "target_s": c.get("target_s"), "decided_at": c.get("at")}
            for n, c in enumerate(clocks or [])]


def store_clocks(session: Session, clocks: dict[uuid.UUID, list[dict[str, Any]] | None]) -> None:
    """Replace the clock rows of these tickets with those of their clocks."""
    ids = list(clocks)
    table: Table = TicketClock.__table__  # type: ignore[assignment]
    connection = session.connection()
    for chunk in _chunks(ids):
        connection.execute(table.delete().where(table.c.ticket_id.in_(chunk)))
    rows = [row for ticket_id in ids for row in clock_rows(ticket_id, clocks[ticket_id])]
    if rows:
        connection.execute(table.insert(), rows)


def stored_clocks(session: Session, ticket_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The clock rows held for these tickets, in their order."""
    ids = list(ticket_ids)
    found: dict[uuid.UUID, list[dict[str, Any]]] = {t: [] for t in ids}
    table = TicketClock.__table__
    for chunk in _chunks(ids):
        rows = session.execute(select(table).where(table.c.ticket_id.in_(chunk))
                               .order_by(table.c.ticket_id, table.c.position))
        for row in rows.mappings():
            found[row["ticket_id"]].append(dict(row))
    return found


# The clocks a snapshot brought on its tickets (Ticket.sla_clocks, as the server stored
# them) but not as rows: one statement on the store's SQLite, which reads the JSON
# itself; per ticket through Python this was a fifth of a first sync's time.
_FILL_MISSING_CLOCKS = text("""
    INSERT INTO ticket_clocks (ticket_id, position, kind, code, state, elapsed_s, target_s, decided_at)
    SELECT t.id, CAST(c.key AS INTEGER), json_extract(c.value, '$.k'), json_extract(c.value, '$.of'),
           json_extract(c.value, '$.state'), json_extract(c.value, '$.elapsed_s'),
           json_extract(c.value, '$.target_s'), json_extract(c.value, '$.at')
    FROM tickets AS t, json_each(t.sla_clocks) AS c
    WHERE t.sla_clocks IS NOT NULL AND json_type(t.sla_clocks) = 'array'
      AND NOT EXISTS (SELECT 1 FROM ticket_clocks AS held WHERE held.ticket_id = t.id)
""")


def fill_missing_clocks(session: Session) -> int:
    """Store as rows the clocks of tickets that have them on the ticket only (those a
    snapshot brought in); returns how many rows. The store's (SQLite) only."""
    result = session.execute(_FILL_MISSING_CLOCKS)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
