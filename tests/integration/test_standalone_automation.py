"""A standalone store has no server whose worker runs the organisation's automation, so
its window runs the pass itself (core.automation.run_here): the same escalation rules,
once each, and the notices reach the people they name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from core.automation import run_here
from core.ids import reference_id
from core.models import HistoryEvent, Ticket
from core.notifications import Mark, notices_since
from core.services import tickets as svc
from core.uow import unit_of_work
from desktop.cli.setup import init_store

ORG = Path(__file__).resolve().parents[1] / "server" / "fixtures" / "automation-org.toml"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_standalone_store_runs_the_escalation_rules_itself(tmp_path):
    store, _ = init_store(tmp_path / "branchdesk.sqlite3", str(ORG), "PL-POZ-001")
    try:
        with unit_of_work(store) as uow:
            ticket = svc.create(uow, uow.ref.user("ada"), svc.NewTicket(
                title="Cannot sign in to the till", category="Access/Password reset", impact="medium",
                urgency="medium", requester="anna"), at=T0)
        fired = []
        for _ in range(2):
            with unit_of_work(store) as uow:
                fired.append(run_here(uow, T0 + timedelta(minutes=61)).escalations)
        assert fired == [3, 0]
        with store.read() as session:
            assert session.get(Ticket, ticket.id).team_id == reference_id("team", "FIELD")
            rules = sorted(note.split(":")[0] for note in session.scalars(
                select(HistoryEvent.note).where(HistoryEvent.kind == "escalation")))
            assert rules == ["escalation rule Desk has not started", "escalation rule Response at risk",
                             "escalation rule Response breached"]
            with unit_of_work(store) as uow:
                _, notices, _ = notices_since(session, uow.ref, uow.ref.user("tom"), Mark())
        assert [n.kind for n in notices] == ["escalation"], notices
        assert "Response breached" in notices[0].text
    finally:
        store.close()
