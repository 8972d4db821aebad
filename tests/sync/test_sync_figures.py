"""A pulled ticket keeps the SLA figures the server computed (DESIGN §6b): the device
computes only the figures of tickets its own pending commands were replayed over,
and of tickets whose next warning or breach fell due since the server computed
them (no earlier than their last change), recording what they passed; every replica
ends with the same figures."""

from __future__ import annotations

from sqlalchemy import select
from synckit import assert_invariants

import core.sla.figures as sla_figures
from core.models import HistoryEvent, Ticket
from core.services import tickets as svc

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})
FIGURES = ("sla_policy", "response_due_at", "response_state", "resolution_due_at", "resolution_state",
           "sla_next_at", "response_elapsed_s", "resolution_elapsed_s", "sla_clocks")


def _figures(session, ticket_id) -> tuple:
    ticket = session.get(Ticket, ticket_id)
    return tuple(getattr(ticket, name) for name in FIGURES)


def _computed(monkeypatch) -> list[set]:
    """The tickets whose figures the device computes, one set per computation."""
    calls: list[set] = []
    real = sla_figures.reports

    def counting(session, ref, ticket_ids, now):
        calls.append(set(ticket_ids))
        return real(session, ref, ticket_ids, now)

    monkeypatch.setattr(sla_figures, "reports", counting)
    return calls


def test_a_pulled_ticket_keeps_the_servers_figures_and_is_not_computed_again(cluster, monkeypatch):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Card reader dead", **POS))
    ola.sync()
    ola.run(svc.comment, ticket.number, "it beeps three times")
    ola.sync()

    computed = _computed(monkeypatch)
    ada.sync()
    assert not any(ticket.id in ids for ids in computed)
    with cluster.db.read() as session:
        on_server = _figures(session, ticket.id)
    with ada.store.read() as session:
        assert _figures(session, ticket.id) == on_server
        assert on_server[2] == "running"
    monkeypatch.undo()
    cluster.settle()
    cluster.check()  # the figures taken are those each replica computes from its history


def test_a_ticket_the_devices_own_pending_change_was_replayed_over_is_computed(cluster, monkeypatch):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Receipt printer jams", **POS))
    cluster.settle()
    ada.run(svc.assign, ticket.number, team="DESK", to="ada")  # not pushed yet
    ola.run(svc.comment, ticket.number, "paper is stuck again")
    ola.sync()

    computed = _computed(monkeypatch)
    ada.client.pull()
    assert any(ticket.id in ids for ids in computed)  # its own assignment runs again over the server's state
    monkeypatch.undo()
    cluster.settle()
    cluster.check()


def test_a_warning_that_fell_due_since_the_server_computed_is_recorded_on_pull(cluster, clock, monkeypatch):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Price sign dark", **POS))
    ola.sync()
    with cluster.db.read() as session:
        assert session.get(Ticket, ticket.id).response_state == "running"

    clock.advance(days=10)  # no worker runs: the server's figures still say running
    computed = _computed(monkeypatch)
    ada.client.pull()
    assert any(ticket.id in ids for ids in computed)
    with ada.store.read() as session:
        assert session.get(Ticket, ticket.id).response_state == "breached"
        kinds = {(e.kind, e.field) for e in session.scalars(
            select(HistoryEvent).where(HistoryEvent.ticket_id == ticket.id))}
    assert ("sla_breach", "response") in kinds
    monkeypatch.undo()
    cluster.settle()
    cluster.check()


def test_a_breach_recorded_before_the_tickets_last_change_is_not_computed_again_on_pull(cluster, clock,
                                                                                      monkeypatch):
    """The server computed the figures when it applied the ticket's last change, and
    recorded every crossing they had passed then: a ticket long breached comes with
    them as they are, pull after pull, while one whose crossing came after its last
    change is computed (above)."""
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Pump display flickers", **POS))
    cluster.settle()
    clock.advance(days=30)
    ola.run(svc.comment, ticket.number, "still flickering a month on", at=clock())
    ola.sync()
    with cluster.db.read() as session:
        on_server = session.get_one(Ticket, ticket.id)
        assert (on_server.response_state, on_server.resolution_state) == ("breached", "breached")
        assert on_server.sla_next_at < on_server.updated_at

    clock.advance(hours=1)
    computed = _computed(monkeypatch)
    ada.client.pull()
    assert not any(ticket.id in ids for ids in computed)
    with ada.store.read() as session:
        breaches = {e.field for e in session.scalars(select(HistoryEvent).where(
            HistoryEvent.ticket_id == ticket.id, HistoryEvent.kind == "sla_breach"))}
    assert {"response", "resolution"} <= breaches
    monkeypatch.undo()
    cluster.settle()
    cluster.check()


def test_a_page_with_more_to_come_keeps_figures_that_follow_the_history_held(cluster, clock):
    ola, ada = cluster.replica("ola"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Car wash stuck mid-cycle", **POS))
    cluster.settle()
    ada.run(svc.assign, ticket.number, team="DESK", to="ada")
    ada.run(svc.move, ticket.number, "in_progress")
    clock.advance(hours=3)
    ada.run(svc.move, ticket.number, "resolved", code="fixed", note="Reset the controller.")
    ada.sync()

    # ola takes the ticket's record first, its history after: while the history lags, the
    # figures are what the history held here gives, never the server's, further on
    while True:
        page = ola.pull_page(2)
        assert_invariants(cluster.db, [ola], clock())
        if not page.more:
            break
    with cluster.db.read() as session:
        on_server = _figures(session, ticket.id)
    with ola.store.read() as session:
        assert _figures(session, ticket.id) == on_server
        assert session.get(Ticket, ticket.id).status == "resolved"
    cluster.settle()
    cluster.check()
