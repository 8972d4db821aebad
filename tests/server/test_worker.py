"""`branchdesk-server worker` (DESIGN §12): every escalation clock and threshold fires
once and only once, also with two workers at once; the idle clock starts again after
each public update; a ticket that fails is logged and the others go on; a worker whose
database goes away says so, waits longer each time, and goes on when it is back.

The organisation (fixtures/automation-org.toml) runs on a 24x7 clock, so thresholds
fall at plain minutes after a ticket is logged. Tickets are made through the service
layer as the server's own commands, as the worker itself makes its changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from server_testkit import database_from, run_on_server
from sqlalchemy import select, text

from core import escalation
from core.field_events import sets
from core.ids import reference_id
from core.models import HistoryEvent, Ticket
from core.notices import carried, carrying
from core.services import tickets as svc
from server.db import Database
from server.models import Notification
from server.worker import Worker

ORG = Path(__file__).resolve().parent / "fixtures" / "automation-org.toml"
BIN = Path(sys.executable).parent
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RESET = {"category": "Access/Password reset", "requester": "anna"}


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_from(ORG, request.param, tmp_path, "bd_worker", T0) as made:
        yield made


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


def at(minutes: float) -> Callable[[], datetime]:
    return lambda: T0 + timedelta(minutes=minutes)


def run(db: Database, username: str, command: Callable[..., Any], *args: Any, minutes: float = 0,
        **kwargs: Any) -> Any:
    return run_on_server(db, username, command, *args, at=T0 + timedelta(minutes=minutes), **kwargs)


def new_ticket(db: Database, title: str = "Cannot sign in to the till", minutes: float = 0, **extra: Any) -> Ticket:
    values = {"impact": "medium", "urgency": "medium", **RESET, **extra}
    return run(db, "ada", svc.create, svc.NewTicket(title=title, **values), minutes=minutes)


def fired(db: Database, ticket_id: Any) -> list[str]:
    """The escalation rules fired on the ticket, in order."""
    with db.read() as session:
        notes = session.scalars(
            select(HistoryEvent.note).where(HistoryEvent.ticket_id == ticket_id, HistoryEvent.kind == "escalation")
            .order_by(HistoryEvent.occurred_at, HistoryEvent.id)
        ).all()
    return [note.split(":")[0].removeprefix("escalation rule ") for note in notes]


def told(db: Database, ticket_id: Any, reason: str | None = "escalation") -> list[tuple[str, set[str]]]:
    """(rule, usernames) of each escalation notice on the ticket; every notice's with reason None."""
    with db.read() as session:
        rows = session.execute(
            select(HistoryEvent.kind, HistoryEvent.field, HistoryEvent.new, HistoryEvent.note, HistoryEvent.notices)
            .where(HistoryEvent.ticket_id == ticket_id, carrying())
            .order_by(HistoryEvent.occurred_at, HistoryEvent.id)
        ).all()
    names = {str(reference_id("user", u)): u for u in ("anna", "ola", "tom", "nina", "ada", "max", "root")}
    return [(n.note.split(":")[0].removeprefix("escalation rule "), {names[p] for p in n.people})
            for row in rows for n in carried(*row) if reason is None or n.reason == reason]


def passes(db: Database, *minutes: float) -> list[int]:
    return [Worker(db, at(m)).run_once()[0].escalations for m in minutes]


def test_each_clock_and_threshold_fires_once_with_what_its_rule_says(db):
    ticket = new_ticket(db)
    assert ticket.team_id == reference_id("team", "DESK") and ticket.priority == "P3"

    assert passes(db, 10, 10) == [0, 0]
    assert passes(db, 21, 21) == [1, 0]  # the desk's OLA response target: 20 minutes
    assert passes(db, 46, 46) == [1, 0]  # response at 75% of 1 h; the later rule for it never fires
    assert passes(db, 61, 61) == [1, 0]  # response breached: escalated to the next tier
    with db.read() as session:
        assert session.get(Ticket, ticket.id).team_id == reference_id("team", "FIELD")
    assert passes(db, 125) == [0]  # the desk's resolution OLA stopped when the ticket left it
    assert passes(db, 241, 300) == [1, 0]  # resolution breached: to the team the rule names

    assert fired(db, ticket.id) == ["Desk has not started", "Response at risk", "Response breached",
                                    "Resolution overdue"]
    assert told(db, ticket.id) == [
        ("Desk has not started", {"ada", "max"}),  # the team: every member
        ("Response at risk", {"max"}),  # its lead (nobody is assigned)
        ("Response breached", {"tom"}),  # the lead of the team it went to
        ("Resolution overdue", {"anna", "ada", "max"}),  # the requester and the desk
    ]
    with db.read() as session:
        final = session.get(Ticket, ticket.id)
        assert (final.team_id, final.status) == (reference_id("team", "NET"), "assigned")
        moves = session.execute(
            select(HistoryEvent.actor_id, HistoryEvent.note).where(
                HistoryEvent.ticket_id == ticket.id, sets("team_id"))
        ).all()
        assert [note.split(":")[0] for _, note in moves] == ["escalation rule Response breached",
                                                            "escalation rule Resolution overdue"]
        assert {actor for actor, _ in moves} == {reference_id("user", "system")}
        mail = session.execute(select(Notification.user_id, Notification.channel, Notification.state)).all()
    everyone_told = [person for _, people in told(db, ticket.id, None) for person in people]
    assert sorted(mail) == sorted((reference_id("user", p), "email", "queued") for p in everyone_told)
    assert Worker(db, at(300)).run_once()[1] == 0  # each notice handed over once


def test_the_idle_clock_starts_again_after_each_public_update(db):
    ticket = new_ticket(db, "Whole station offline", impact="high")  # P2: the idle rule's priorities
    assert ticket.priority == "P2"
    passes(db, 119)
    assert "Urgent and quiet" not in fired(db, ticket.id)
    passes(db, 121, 121)
    assert fired(db, ticket.id).count("Urgent and quiet") == 1
    run(db, "ada", svc.comment, ticket.number, "An engineer is on the way", minutes=150)
    passes(db, 200, 269)
    assert fired(db, ticket.id).count("Urgent and quiet") == 1
    passes(db, 271, 271)
    assert fired(db, ticket.id).count("Urgent and quiet") == 2
    # once per quiet spell; an internal note neither ends one nor starts another
    run(db, "ada", svc.comment, ticket.number, "still waiting for the router", internal=True, minutes=300)
    passes(db, 392)
    assert fired(db, ticket.id).count("Urgent and quiet") == 2
    run(db, "anna", svc.comment, ticket.number, "Any news? We are losing customers", minutes=400)
    passes(db, 519, 521)
    assert fired(db, ticket.id).count("Urgent and quiet") == 3


def test_a_pending_ticket_is_not_idle_and_a_rule_that_cannot_move_it_still_tells(db):
    ticket = new_ticket(db, "Needs the vendor", impact="high")
    run(db, "ada", svc.move, ticket.number, "in_progress", minutes=5)
    run(db, "ada", svc.move, ticket.number, "pending", reason="customer", minutes=6)
    passes(db, 200, 1000)
    assert "Urgent and quiet" not in fired(db, ticket.id)
    assert "Resolution overdue" not in fired(db, ticket.id)  # paused: the clock stands at 6 minutes


def test_two_workers_at_once_fire_each_rule_once(url, db, tmp_path):
    made = [new_ticket(db, f"Till {n} will not start", minutes=n % 7) for n in range(24)]
    now = (T0 + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    logs = [tmp_path / f"worker-{n}.log" for n in range(2)]
    processes = [
        subprocess.Popen([str(BIN / "branchdesk-server"), "--database-url", url, "worker", "--once", "--now", now],
                         stdout=subprocess.PIPE, stderr=log.open("w"), env=env, text=True)
        for log in logs
    ]
    outputs = [p.communicate(timeout=240)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [log.read_text() for log in logs]
    for log in logs:
        assert "warning:" not in log.read_text(), log.read_text()
    assert all("worker pass done" in out for out in outputs)

    # five hours on, in one pass: every threshold of the way at once
    every = sorted(["Desk has not started", "Desk OLA missed", "Response at risk", "Response breached",
                    "Resolution overdue"])
    for ticket in made:
        assert sorted(fired(db, ticket.id)) == every
    with db.read() as session:
        events = session.scalar(select(text("count(*)")).select_from(HistoryEvent).where(
            HistoryEvent.kind == "escalation"))
        mail = session.execute(select(Notification.event_id, Notification.user_id, Notification.channel)).all()
    assert events == len(every) * len(made)
    assert len(mail) == len(set(mail))
    report, queued = Worker(db, lambda: T0 + timedelta(hours=5)).run_once()
    assert (report.escalations, report.sla_events, queued) == (0, 0, 0)


def test_a_ticket_that_fails_is_logged_and_the_others_go_on(db, monkeypatch, caplog):
    made = [new_ticket(db, f"Scanner {n} broken") for n in range(3)]
    broken = made[1].id
    real_fire = escalation.fire

    def fire(uow, firing, now):
        if firing.ticket_id == broken:
            raise RuntimeError("the ticket's data makes no sense")
        return real_fire(uow, firing, now)

    monkeypatch.setattr(escalation, "fire", fire)
    report, _ = Worker(db, at(21)).run_once()
    assert report.escalations == 2
    assert [f.split(":")[0] for f in report.failed] == [f"escalation {broken}"]
    assert "tried again next pass" in caplog.text
    assert fired(db, broken) == []
    monkeypatch.setattr(escalation, "fire", real_fire)
    assert Worker(db, at(22)).run_once()[0].escalations == 1
    assert fired(db, broken) == ["Desk has not started"]


def test_a_worker_whose_database_goes_away_retries_and_goes_on(url, db, tmp_path):
    if not url.startswith("sqlite"):
        pytest.skip("the table is taken away from under an SQLite worker; PostgreSQL's pool reconnects by itself")
    ticket = new_ticket(db)
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [str(BIN / "branchdesk-server"), "--database-url", url, "worker", "--interval", "0.2", "--now",
         (T0 + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")],
        stdout=subprocess.DEVNULL, stderr=log.open("w"), env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        wait_for(log, '"pass done"')
        with db.write() as session:
            session.execute(text("ALTER TABLE sync_counter RENAME TO sync_counter_away"))
        wait_for(log, '"database unreachable; retrying"')
        with db.write() as session:
            session.execute(text("ALTER TABLE sync_counter_away RENAME TO sync_counter"))
        wait_for(log, '"database reachable again"', limit=30)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    text_ = log.read_text()
    assert '"retry_in_s": 2' in text_ and '"worker stopped"' in text_
    assert "Traceback" not in text_.split('"database unreachable')[1].split("\n")[0]
    assert fired(db, ticket.id) == ["Desk has not started"]


def wait_for(log: Path, needle: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if needle in log.read_text():
            return
        time.sleep(0.1)
    raise AssertionError(f"{needle} not in the worker's log:\n{log.read_text()}")


def test_the_sla_job_starts_from_where_the_last_pass_swept(db, monkeypatch):
    """Each pass records every crossing through its instant and keeps that mark; the
    next looks only at tickets whose next crossing came after it (less an overlap),
    and at those whose later crossings it does not show, not at every ticket whose
    breach has passed. A pass run as if earlier takes everything; one that failed
    leaves the mark where it was."""
    import core.automation as automation
    from server.models import WorkerMark
    from server.sweep_mark import SWEPT_MARK

    quiet = new_ticket(db, "Receipt printer out of paper")
    run(db, "ada", svc.move, quiet.number, "in_progress", minutes=5)
    run(db, "ada", svc.move, quiet.number, "resolved", code="fixed", note="paper", minutes=6)
    ticket = new_ticket(db, minutes=7)
    real_refresh = automation.refresh
    refreshed: list[set[Any]] = []

    def refresh(uow, ids, now):
        refreshed[-1].update(ids)
        return real_refresh(uow, ids, now)

    monkeypatch.setattr(automation, "refresh", refresh)

    def sweep(minutes: float) -> tuple[int, set[Any]]:
        refreshed.append(set())
        return Worker(db, at(minutes)).run_once()[0].sla_events, refreshed[-1]

    def mark() -> datetime | None:
        return Worker(db).swept_through()

    assert mark() is None
    assert sweep(10) == (0, set()) and mark() == T0 + timedelta(minutes=10)
    # response at 75% of its hour (52 minutes in), then breached (67)
    assert sweep(53) == (1, {ticket.id}) and sweep(68) == (1, {ticket.id})
    with db.read() as session:
        state = session.get_one(Ticket, ticket.id)
        assert (state.response_state, state.resolution_state) == ("breached", "running")
    # breached, with its resolution clock still running behind the breach: looked at each pass
    assert sweep(90) == (0, {ticket.id})
    assert sweep(181) == (1, {ticket.id})  # resolution at 75% of its 4 hours
    assert sweep(248) == (1, {ticket.id})  # and breached
    assert sweep(300) == (0, set())  # nothing left to cross
    assert mark() == T0 + timedelta(minutes=300)
    # run as if at an earlier instant: everything due then is looked at; the mark stays
    events, seen = sweep(100)
    assert events == 0 and ticket.id in seen and mark() == T0 + timedelta(minutes=300)

    def broken(uow, ids, now):
        raise RuntimeError("figures that cannot be computed")

    monkeypatch.setattr(automation, "refresh", broken)
    later = new_ticket(db, "Card reader offline", minutes=300)
    report, _ = Worker(db, at(400)).run_once()
    assert [f.split(":")[0] for f in report.failed] == [f"sla {later.id}"]
    assert mark() == T0 + timedelta(minutes=300)
    monkeypatch.setattr(automation, "refresh", refresh)
    assert sweep(401)[1] == {later.id} and mark() == T0 + timedelta(minutes=401)
    with db.read() as session:
        assert session.get_one(WorkerMark, SWEPT_MARK).value == int((T0 + timedelta(minutes=401)).timestamp() * 1e6)
        crossings = session.scalars(select(HistoryEvent.kind).where(
            HistoryEvent.ticket_id == ticket.id, HistoryEvent.kind.in_(("sla_warning", "sla_breach")))).all()
    assert sorted(crossings) == ["sla_breach", "sla_breach", "sla_warning", "sla_warning"]
