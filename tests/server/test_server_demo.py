"""`branchdesk-server demo`: tickets made by core's demo generator, in the server database."""

from __future__ import annotations

from server_testkit import login
from sqlalchemy import func, select

from core.models import HistoryEvent, Ticket
from server.cli import run
from server.demo import load_demo


def test_demo_tickets_land_in_the_server_database(client, db):
    assert load_demo(db, 30, seed=7) == 30
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 30
        assert session.scalar(select(func.count()).select_from(HistoryEvent)) >= 30
    page = client.get("/tickets", params={"limit": 200}, headers=login(client, "ada")).json()
    assert page["total"] == 30
    detail = client.get(f"/tickets/{page['items'][0]['number']}", headers=login(client, "ada")).json()
    assert detail["history"][0]["kind"] == "created"
    mine = client.get("/tickets", params={"limit": 200}, headers=login(client, "anna")).json()
    assert 0 < mine["total"] < 30 and {t["site"] for t in mine["items"]} == {"PL-POZ-001"}


def test_the_demo_command(capsys, initialised):
    assert run(["--database-url", initialised, "demo", "--tickets", "5"]) == 0
    assert "5 demo tickets added" in capsys.readouterr().out
    assert run(["--database-url", initialised, "demo", "--tickets", "-1"]) == 1
    assert "--tickets must be 0 or more" in capsys.readouterr().err


def test_demo_tickets_are_made_by_the_service_layer_on_the_server_and_keep_every_rule(db):
    from core.clock import utcnow
    from core.invariants import store_problems
    from core.reference import load_reference
    from server.own_outbox import SERVER_DEVICE
    from sync.models import SyncRecord

    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(Ticket)) or 0
    load_demo(db, 20, seed=3)
    load_demo(db, 20, seed=4)  # a second run numbers on from the first
    with db.read() as session:
        numbers = list(session.scalars(select(Ticket.number)))
        assert len(numbers) == len(set(numbers)) == before + 40
        assert all(f"-{SERVER_DEVICE}-" in n for n in numbers)
        assert store_problems(session, load_reference(session), utcnow()) == {}
        # every record is numbered for the feed, so devices pull them
        listed = session.scalar(select(func.count()).select_from(SyncRecord).where(
            SyncRecord.kind == "ticket", SyncRecord.record_id.in_(select(Ticket.id))))
        assert listed == before + 40


def test_the_demo_records_the_crossings_due_by_its_end_and_sets_the_workers_mark(db):
    """The warnings and breaches the made-up past left due are recorded as a worker's
    pass records them, so that the worker's first pass starts from the demo's mark and
    finds none left to record."""
    from datetime import timedelta

    from core.clock import utcnow
    from core.models import HistoryEvent
    from server import sweep_mark
    from server.worker import Worker

    started = utcnow()
    load_demo(db, 30, seed=5)
    with db.read() as session:
        swept = sweep_mark.swept_through(session)
        assert swept is not None and started <= swept <= utcnow()
        crossings = session.scalar(select(func.count()).select_from(HistoryEvent).where(
            HistoryEvent.kind.in_(("sla_warning", "sla_breach")))) or 0
    assert crossings > 0
    report, _ = Worker(db, lambda: swept + timedelta(seconds=1)).run_once()
    assert report.sla_events == 0 and not report.failed
