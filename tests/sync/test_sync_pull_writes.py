"""A pulled ticket the device holds is updated in the columns that changed, not
written whole (DESIGN §6b): a column set to the value it holds still rewrites its
entry in every index over it, and a title or description its search entry."""

from __future__ import annotations

import re

from sqlalchemy import event, select

from core.models import Ticket
from core.queries import search
from core.reference import reference_for
from core.services import tickets as svc

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


def _ticket_writes(engine) -> list[str]:
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        if re.match(r"\s*(INSERT INTO|UPDATE) tickets\b", statement):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    return statements


def _set_columns(statement: str) -> set[str]:
    assignments = statement.split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    return {part.split("=", 1)[0].strip() for part in assignments.split(",")}


def test_a_pulled_change_sets_only_the_columns_that_changed(cluster):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    held = ola.run(svc.create, svc.NewTicket(title="Card reader dead", **POS))
    ola.sync()
    ada.sync()
    fresh = ola.run(svc.create, svc.NewTicket(title="Printer jams on every receipt", **POS))
    ola.sync()

    # a ticket new to the device is inserted whole, and found by its words
    on_ada = _ticket_writes(ada.store.engine)
    ada.run(svc.move, held.number, "in_progress")
    ada.sync()
    assert any(s.lstrip().startswith("INSERT") for s in on_ada)
    with ada.store.read() as session:
        found = search(session, reference_for(ada.store, session), ada.user(), "receipt")
        assert [t["number"] for t in found] == [fresh.number]

    on_ola = _ticket_writes(ola.store.engine)
    ola.sync()
    assert on_ola and all(s.lstrip().startswith("UPDATE") for s in on_ola), on_ola
    for statement in on_ola:
        assert "status" in _set_columns(statement)
        assert not _set_columns(statement) & {"title", "description", "number", "created_at", "site_id"}
    with ola.store.read() as session:
        assert session.scalar(select(Ticket.status).where(Ticket.id == held.id)) == "in_progress"
    cluster.settle()
    cluster.check()


def test_a_pulled_ticket_that_did_not_change_is_not_written(cluster):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Card reader dead", **POS))
    ola.sync()
    ada.sync()
    # a comment sends the ticket again (its updated_at moves) but nothing else of it
    ola.run(svc.comment, ticket.number, "it beeps three times")
    ola.sync()
    writes = _ticket_writes(ada.store.engine)
    ada.sync()
    for statement in writes:
        assert _set_columns(statement) <= {"updated_at", "versions", "sla_next_at"}, statement
    cluster.settle()
    cluster.check()
