"""What reports need of each ticket beyond its fields, stored with its SLA figures
(core.sla.figures) so that a report reads columns instead of looking through the
history or the clocks' JSON ticket by ticket (DESIGN §14):

- `reopened`, `handed_over`, `resolved_by_assignee` on the ticket, from its history
  (the parts of `fcr_pct` and `reopen_pct` that the ticket's own fields do not give);
- its OLA and supplier clocks (Ticket.sla_clocks) as rows of `ticket_clocks`.

Both are a function of the ticket's history alone, so every replica holding the
ticket stores the same; core.invariants checks them against a fresh computation."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, exists, func, select, text
from sqlalchemy.orm import Session

from core.field_events import sets, value_text
from core.models import HistoryEvent, Ticket, TicketClock
from core.reports.dialect import json_text

FACTS = ("reopened", "handed_over", "resolved_by_assignee")
CHUNK = 900  # stays below SQLite's limit on bound parameters


def _status_events(*conditions: Any) -> Any:
    return exists().where(HistoryEvent.ticket_id == Ticket.id, sets("status"), *conditions)


def _changed_from_a_value(field_name: str) -> Any:
    """A change of the field away from a value it had: a hand-over, not a first assignment."""
    old = value_text(HistoryEvent.old, field_name)
    return exists().where(HistoryEvent.ticket_id == Ticket.id, sets(field_name), old.is_not(None), old != "null")


def fact_expressions() -> dict[str, Any]:
    """Each fact as an SQL expression over the ticket's history."""
    return {
        "reopened": _status_events(value_text(HistoryEvent.old, "status") == json_text("resolved"),
                                   value_text(HistoryEvent.new, "status") != json_text("closed")),
        "handed_over": _changed_from_a_value("team_id") | _changed_from_a_value("assignee_id"),
        "resolved_by_assignee": _status_events(
            value_text(HistoryEvent.new, "status") == json_text("resolved"),
            HistoryEvent.actor_id == func.coalesce(Ticket.assignee_id, HistoryEvent.actor_id),
        ),
    }


def _chunks(ids: Sequence[uuid.UUID]) -> Iterable[Sequence[uuid.UUID]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i: i + CHUNK]


@functools.cache
def _facts_query() -> Any:
    # built once: every command asks for the facts of the tickets it touched
    expressions = fact_expressions()
    return select(Ticket.id, *(expressions[name].label(name) for name in FACTS)).where(
        Ticket.id.in_(bindparam("ids", expanding=True)))


def facts(session: Session, ticket_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, bool]]:
    """The facts of these tickets, computed now from their history (a few indexed
    look-ups per ticket, in one statement per chunk)."""
    ids = list(ticket_ids)
    found: dict[uuid.UUID, dict[str, bool]] = {}
    for chunk in _chunks(ids):
        for ticket_id, *values in session.execute(_facts_query(), {"ids": list(chunk)}):
            found[ticket_id] = {name: bool(value) for name, value in zip(FACTS, values, strict=True)}
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
