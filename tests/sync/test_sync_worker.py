"""The server's worker and the devices (DESIGN §12): what the worker records while no
window is open reaches devices by sync with the same figures, and a warning a device
computed offline and the worker computed on the server is one event, not two."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from sqlalchemy import func, select

from core.models import HistoryEvent, Ticket
from core.services import tickets as svc
from core.sla_sweep import sweep
from core.uow import unit_of_work
from server.db import Database
from server.worker import Worker

POS = {"category": "Hardware/POS terminal", "impact": "medium", "urgency": "medium", "fields": {"terminal_id": "T-7"}}


def sla_events(session, ticket_id) -> list[tuple[str, str, str]]:
    rows = session.execute(
        select(HistoryEvent.id, HistoryEvent.field, HistoryEvent.new)
        .where(HistoryEvent.ticket_id == ticket_id, HistoryEvent.kind.in_(("sla_warning", "sla_breach")))
    ).all()
    return sorted((str(i), f, n) for i, f, n in rows)


def figures(session, ticket_id) -> tuple:
    ticket = session.get(Ticket, ticket_id)
    return (ticket.sla_policy, ticket.response_state, ticket.response_due_at, ticket.resolution_state,
            ticket.resolution_due_at)


def test_a_breach_the_worker_records_with_no_window_open_reaches_a_device_with_the_same_figures(cluster, clock):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    ticket = anna.run(svc.create, svc.NewTicket(title="Card reader dead", **POS))
    cluster.settle()

    clock.advance(days=10)  # nobody looks: no window open, no command run anywhere
    report, _ = Worker(cluster.db, clock).run_once()
    assert report.sla_events >= 2 and not report.failed

    with cluster.db.read() as session:
        on_server = sla_events(session, ticket.id)
        server_figures = figures(session, ticket.id)
    assert ("response", "breach") in {(f, n) for _, f, n in on_server}
    assert server_figures[1] == "breached"

    ada.sync()
    with ada.store.read() as session:
        assert sla_events(session, ticket.id) == on_server
        assert figures(session, ticket.id) == server_figures
    assert Worker(cluster.db, clock).run_once()[0].sla_events == 0  # each crossing once
    cluster.settle()
    cluster.check()


def test_a_warning_computed_offline_and_by_the_worker_is_one_event(cluster, clock):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    ticket = anna.run(svc.create, svc.NewTicket(title="Receipt printer jams", **POS))
    cluster.settle()

    clock.advance(days=10)
    now = clock()
    # the desk's window sweeps while its link is down...
    with unit_of_work(ada.store) as uow:
        assert sweep(uow, None, now) >= 2
    with ada.store.read() as session:
        offline = sla_events(session, ticket.id)
    # ...and the server's worker records the same crossings meanwhile
    report, _ = Worker(cluster.db, clock).run_once()
    assert report.sla_events == len(offline)

    summary = ada.sync()
    assert summary.rejected == 0
    with cluster.db.read() as session:
        assert sla_events(session, ticket.id) == offline
    cluster.settle()
    for replica in (anna, ada):
        with replica.store.read() as session:
            assert sla_events(session, ticket.id) == offline
    cluster.check()


def test_a_weekend_on_the_demo_organisation_is_done_by_the_worker_and_seen_by_the_desk(
        backend, tmp_path, monkeypatch):
    """DESIGN §12's story: nobody at the desk from Friday night to Monday morning. One
    pass of `branchdesk-server worker --once` on Monday records every breach, fires the
    escalation rules and closes what was due; the desk's device then shows exactly that."""
    import os
    import subprocess
    from pathlib import Path

    import synckit
    from synckit import BIN, Cluster, ShiftedClock, assert_converged, init_database, pg_schema

    from core.clock import iso
    from core.escalation import due
    from core.models.tickets import OPEN_STATUSES
    from core.reference import load_reference
    from core.sla.figures import reports
    from server.demo import load_demo

    org = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"
    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        else:
            url = stack.enter_context(pg_schema(synckit.PG_URL, "bd_weekend"))
        init_database(url, org)
        db = Database(url)
        stack.callback(db.dispose)
        load_demo(db, 300, seed=7)

        weekend = timedelta(days=2, hours=14)
        monday = ShiftedClock(weekend)
        now = monday()
        worker = subprocess.run(
            [str(BIN / "branchdesk-server"), "--database-url", url, "worker", "--once", "--now", iso(now)],
            capture_output=True, text=True, timeout=600, env={**os.environ},
        )
        assert worker.returncode == 0, worker.stderr
        assert "worker pass done" in worker.stdout and "warning:" not in worker.stderr

        with db.read() as session:
            ref = load_reference(session)
            open_ids = list(session.scalars(select(Ticket.id).where(Ticket.status.in_(OPEN_STATUSES))))
            recorded = {(t, f, n) for t, f, n in session.execute(
                select(HistoryEvent.ticket_id, HistoryEvent.field, HistoryEvent.new)
                .where(HistoryEvent.kind.in_(("sla_warning", "sla_breach"))))}
            # every warning and breach passed by then is in the history
            for ticket_id, report in reports(session, ref, open_ids, now).items():
                for clock in (report.response, report.resolution):
                    for label, _ in (clock.crossings if clock else []):
                        assert (ticket_id, clock.name, label) in recorded
            # every escalation rule due by then has fired
            assert due(session, ref, open_ids, now) == []
            escalations = session.scalar(select(func.count()).select_from(HistoryEvent).where(
                HistoryEvent.kind == "escalation"))
            # what was due to close is closed
            cutoff = now - timedelta(days=ref.spec.auto_close_days)
            assert session.scalar(select(func.count()).select_from(Ticket).where(
                Ticket.status == "resolved", Ticket.resolved_at <= cutoff)) == 0
        assert escalations > 0

        monkeypatch.setitem(synckit.PASSWORDS, "katarzyna.mazur", "demo")
        cluster = Cluster(url, tmp_path / "replicas", monday)
        stack.callback(cluster.close)
        desk = cluster.replica("katarzyna.mazur")
        assert_converged(cluster.db, [desk])  # the desk holds exactly the server's tickets and history
        with desk.store.read() as session:
            assert session.scalar(select(func.count()).select_from(HistoryEvent).where(
                HistoryEvent.kind == "escalation")) == escalations
