"""What reports read of each ticket (core.reports.facts): kept by every command with
the SLA figures, filled for existing tickets by store migration 0010, checked by
core.invariants, and the clocks' rows of tickets that came with their figures (a
snapshot) stored by the first SLA sweep."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from core.invariants import store_problems
from core.migrate import alembic_config, current_revision, head_revision, upgrade_to
from core.models import Ticket, TicketClock
from core.reference import reference_for
from core.reports.facts import FACTS, facts
from core.reports.kpis import FIGURES, kpi_report, tickets_behind
from core.reports.period import period_of
from core.sla_sweep import sweep
from tests.support.report_scenario import FIRST, LAST, build, build_ola, ola_org

PERIOD = period_of(FIRST, LAST, date(2026, 12, 1))
GROUPINGS = ("site", "team", "technician", "category", "week", "supplier")
BEFORE_FACTS = "0009"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture(params=["week", "ola"])
def scenario(request: pytest.FixtureRequest, tmp_path: Path, kit: Any, fresh_store: Any) -> Any:
    """A store with the hand-built week of tests/support/report_scenario.py, or the
    small organisation with OLAs and its two tickets that waited on teams and a supplier."""
    if request.param == "week":
        desk = kit.Desk(fresh_store)
        build(lambda who, command, *args, at, **kw: desk.run(command, who, *args, at=at, **kw))
        yield desk
        return
    from desktop.cli.setup import init_store

    org = ola_org(Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml", tmp_path)
    store, _ = init_store(tmp_path / "ola" / "branchdesk.sqlite3", str(org), "PL-POZ-001")
    desk = kit.Desk(store)
    build_ola(lambda who, command, *args, at, **kw: desk.run(command, who, *args, at=at, **kw))
    yield desk
    store.close()


def everything(desk: Any) -> dict[str, Any]:
    """Every grouping's report, and the tickets behind each figure of the total."""
    with desk.store.read() as session:
        user = desk.user("max")
        found: dict[str, Any] = {by: kpi_report(session, user, PERIOD, by).as_dict() for by in GROUPINGS}
        for figure in FIGURES:
            for counted in (False, True):
                found[f"{figure} {counted}"] = tickets_behind(session, user, PERIOD, "site", None, figure,
                                                              counted=counted)
    return found


def problems(desk: Any) -> dict[str, list[str]]:
    with desk.store.read() as session:
        return store_problems(session, reference_for(desk.store, session), NOW)


def test_the_stored_facts_are_those_of_the_history(scenario: Any) -> None:
    with scenario.store.read() as session:
        stored = {t.id: {name: getattr(t, name) for name in FACTS} for t in session.scalars(select(Ticket))}
        assert facts(session, list(stored)) == stored
        clocks = session.scalar(select(func.count()).select_from(TicketClock))
        held = sum(len(t.sla_clocks or []) for t in session.scalars(select(Ticket)))
    assert clocks == held
    # both scenarios hold tickets handed over and resolved by their assignee (the week's T2 was reopened)
    assert {f for row in stored.values() for f, v in row.items() if v} >= {"handed_over", "resolved_by_assignee"}


def test_a_store_from_before_the_facts_gets_them_on_upgrade_with_the_same_reports(scenario: Any) -> None:
    from alembic import command

    want = everything(scenario)
    engine = scenario.store.engine
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE_FACTS)
    assert current_revision(engine) == BEFORE_FACTS
    upgrade_to(engine, "head")
    assert current_revision(engine) == head_revision()
    assert problems(scenario) == {}
    assert everything(scenario) == want


def test_the_invariants_find_stored_facts_and_clock_rows_that_drifted(scenario: Any) -> None:
    assert problems(scenario) == {}
    with scenario.store.write() as session:
        reopened = session.scalars(select(Ticket.number).where(Ticket.reopened.is_(True))).first()
        session.execute(update(Ticket).values(reopened=False))
        clocked = session.scalars(select(Ticket.number).join(TicketClock, TicketClock.ticket_id == Ticket.id)).first()
        session.execute(update(TicketClock).values(state="lost"))
    found = problems(scenario)
    if reopened is not None:
        assert "reopened False where the history gives True" in " ".join(found[reopened])
    if clocked is not None:
        assert any("clock rows" in p for p in found[clocked]), found
    assert reopened is not None or clocked is not None


def test_the_first_sweep_stores_the_clock_rows_a_snapshot_did_not_bring(scenario: Any) -> None:
    scenario.run(lambda uow: sweep(uow, None, NOW), None)
    want = everything(scenario)
    with scenario.store.write() as session:
        session.execute(delete(TicketClock))  # as after a snapshot, which carries the tickets' figures only
    scenario.run(lambda uow: sweep(uow, None, NOW), None)
    assert problems(scenario) == {}
    assert everything(scenario) == want
