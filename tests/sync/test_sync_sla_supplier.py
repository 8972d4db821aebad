"""A supplier clock's warnings and breach computed on a device are accepted by the
server, which recomputes them from the history it holds (DESIGN §3 SLA: every
replica holding the same history computes the same figures)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.ids import derived_id
from core.models import HistoryEvent
from core.services import tickets as svc

RESPONSE = "supplier-response:POSCO"  # POSCO: 24x7, response 2h, resolution 24h


def test_supplier_clock_events_pushed_by_a_device_are_applied(cluster):
    # Tom logs a ticket, starts work and waits on POSCO from three hours ago, all
    # offline: his store records the supplier response clock's 75%, 90% and breach.
    tom = cluster.replica("tom")
    now = cluster.clock()
    ticket = tom.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", category="Hardware/POS terminal",
                                               impact="medium", urgency="medium", fields={"terminal_id": "T-1"}),
                     at=now - timedelta(hours=4))
    tom.run(svc.move, ticket.number, "in_progress", at=now - timedelta(hours=4) + timedelta(minutes=5))
    tom.run(svc.move, ticket.number, "pending", reason="supplier", supplier="POSCO", at=now - timedelta(hours=3))
    labels = ("warn 0.75", "warn 0.9", "breach")
    expected = {derived_id("sla", ticket.id, RESPONSE, label) for label in labels}
    assert expected <= {e.id for e in tom.entries() if e.kind == "sla_event" and e.state == "pending"}

    tom.sync()
    states = {e.id: e.state for e in tom.entries() if e.id in expected}
    assert set(states.values()) == {"applied"}, [e.answer for e in tom.entries() if e.id in expected]
    with cluster.db.read() as session:
        found = session.scalars(select(HistoryEvent.new).where(
            HistoryEvent.ticket_id == ticket.id, HistoryEvent.field == RESPONSE)).all()
    assert sorted(found) == sorted(labels)
