"""Requesters rate their resolved tickets (DESIGN §15): only the requester, one rating
per ticket, changeable until the ticket is closed, 1-5 only, refused on open tickets
with a clear message; `branchdesk ticket rate`; and the reports' csat and effort figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from core.models import Rating, Ticket
from core.reference import reference_for
from core.reports.kpis import kpi_report
from core.reports.period import Period
from core.services import ratings


def rating(desk: Any, number: str) -> Any:
    with desk.store.read() as session:
        return ratings.rating_of(session, reference_for(desk.store, session), desk.user("anna"), number)


def test_the_requester_rates_her_resolved_ticket_and_may_change_it_until_closed(desk: Any) -> None:
    [number] = desk.prepare("resolved")
    assert rating(desk, number) is None
    desk.run(ratings.rate, "anna", number, 4, effort=5, comment="  Quick fix  ")
    got = rating(desk, number)
    assert (got.score, got.effort, got.comment, got.rater, got.changeable) == (4, 5, "Quick fix", "anna", True)
    desk.run(ratings.rate, "anna", number, 2)
    got = rating(desk, number)
    assert (got.score, got.effort, got.comment) == (2, None, "")
    assert desk.count(Rating) == 1  # once per ticket: the change replaced it
    desk.move("anna", number, "closed")
    assert rating(desk, number).changeable is False
    with pytest.raises(InvalidTransition, match=f"ticket {number} is closed; its rating can no longer be changed"):
        desk.run(ratings.rate, "anna", number, 5)
    entries = [e for e in desk.entries() if e.kind == "rating"]
    assert [(e.op, e.command["name"]) for e in entries if e.command] == [("set", "rate"), ("set", "rate")]


def test_a_closed_ticket_not_yet_rated_may_be_rated_once(desk: Any) -> None:
    [number] = desk.prepare("closed")
    desk.run(ratings.rate, "anna", number, 5, effort=4)
    with pytest.raises(InvalidTransition, match="can no longer be changed"):
        desk.run(ratings.rate, "anna", number, 3)


@pytest.mark.parametrize("status", ["new", "assigned", "in_progress", "pending"])
def test_open_tickets_are_not_rated(desk: Any, dump_db: Any, status: str) -> None:
    [number] = desk.prepare(status)
    before = dump_db(desk.store.path)
    with pytest.raises(InvalidTransition, match=f"ticket {number} is {status.replace('_', ' ')}; a ticket is rated "
                                                "once it is resolved"):
        desk.run(ratings.rate, "anna", number, 5)
    assert dump_db(desk.store.path) == before


def test_only_the_requester_rates(desk: Any, dump_db: Any) -> None:
    [number] = desk.prepare("resolved")
    before = dump_db(desk.store.path)
    for who in ("tom", "ada", "vip"):  # her technician, an agent, someone else at her site
        with pytest.raises(NotAllowed, match=f"only the ticket's requester may rate ticket {number}"):
            desk.run(ratings.rate, who, number, 5)
    with pytest.raises(NotFound):  # a requester of another site does not see it at all
        desk.run(ratings.rate, "ola", number, 5)
    assert dump_db(desk.store.path) == before


@pytest.mark.parametrize(("score", "effort", "comment", "message"), [
    (0, None, "", "score is a whole number from 1 to 5, not 0"),
    (6, None, "", "score is a whole number from 1 to 5, not 6"),
    (True, None, "", "score is a whole number from 1 to 5"),
    (3, 9, "", "effort is a whole number from 1 to 5, not 9"),
    (3, None, "x" * 2001, "at most 2000"),
])
def test_scores_are_1_to_5(desk: Any, dump_db: Any, score: Any, effort: Any, comment: str, message: str) -> None:
    [number] = desk.prepare("resolved")
    before = dump_db(desk.store.path)
    with pytest.raises(InvalidInput, match=message):
        desk.run(ratings.rate, "anna", number, score, effort=effort, comment=comment)
    assert dump_db(desk.store.path) == before


def test_awaiting_rating_and_may_rate(desk: Any) -> None:
    first, second = desk.prepare("resolved", count=2)
    with desk.store.read() as session:
        assert sorted(ratings.awaiting_rating(session, desk.user("anna"))) == sorted([first, second])
    desk.run(ratings.rate, "anna", first, 5)
    with desk.store.read() as session:
        assert ratings.awaiting_rating(session, desk.user("anna")) == [second]
        ticket = session.scalar(select(Ticket).where(Ticket.number == second))
        assert ratings.may_rate(session, desk.user("anna"), ticket)
        assert not ratings.may_rate(session, desk.user("tom"), ticket)


def test_ratings_feed_the_reports(desk: Any) -> None:
    first, second, third = desk.prepare("resolved", count=3)
    desk.run(ratings.rate, "anna", first, 5, effort=4)
    desk.run(ratings.rate, "anna", second, 2, effort=1)
    today = datetime.now(UTC).date()
    period = Period(today - timedelta(days=1), today + timedelta(days=1))
    with desk.store.read() as session:
        report = kpi_report(session, desk.user("max"), period, by="site")
        before = kpi_report(session, desk.user("max"), Period(today - timedelta(days=30), today - timedelta(days=2)))
    assert (report.total["csat_avg"], report.total["csat_count"], report.total["effort_avg"]) == (3.5, 2, 2.5)
    assert [(r["group"], r["csat_count"]) for r in report.rows] == [("PL-POZ-001", 2)]
    assert (before.total["csat_avg"], before.total["csat_count"], before.total["effort_avg"]) == (None, 0, None)
    del third


# -- the command line ------------------------------------------------------------

def here(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str, *args: str) -> tuple[int, str, str]:
    from desktop.cli.main import run

    capsys.readouterr()
    try:
        code = run(["--data-dir", str(data_dir), "--user", user, *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ticket_rate_on_the_command_line(desk: Any, capsys: pytest.CaptureFixture[str], dump_db: Any) -> None:
    [number] = desk.prepare("resolved")
    [open_one] = desk.prepare("in_progress")
    data_dir = desk.store.path.parent
    code, out, err = here(capsys, data_dir, "anna", "ticket", "rate", number, "--score", "4", "--effort", "5",
                          "--comment", "Thanks")
    assert (code, err) == (0, "") and out == f"{number}  rated 4/5, effort 5/5\n"
    before = dump_db(data_dir / "branchdesk.sqlite3")
    for args, message in [
        ((number, "--score", "six"), "error: --score takes a whole number from 1 to 5, not 'six'"),
        ((number, "--score", "0"), "error: --score takes a whole number from 1 to 5, not '0'"),
        ((number, "--score", "3", "--effort", "6"), "error: --effort takes a whole number from 1 to 5, not '6'"),
        ((open_one, "--score", "3"), f"error: ticket {open_one} is in progress; a ticket is rated once it is "
                                     "resolved"),
        (("PL-NOPE-1", "--score", "3"), "error: no ticket PL-NOPE-1"),
    ]:
        code, out, err = here(capsys, data_dir, "anna", "ticket", "rate", *args)
        assert (code, out, err) == (1, "", message + "\n"), args
    code, out, err = here(capsys, data_dir, "tom", "ticket", "rate", number, "--score", "1")
    assert (code, err) == (1, f"error: only the ticket's requester may rate ticket {number}\n")
    assert dump_db(data_dir / "branchdesk.sqlite3") == before
