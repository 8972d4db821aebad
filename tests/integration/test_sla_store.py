"""SLA figures through the service layer, the store and the command line.

Commands take `at=`, the instant the device recorded the change (occurred_at); the
store commits them now, in real time, and refreshes the SLA figures with the real
now. Tests therefore use instants whose outcome does not depend on today's date:
long past with the clocks stopped or already breached, or close to the real now on
a 24x7 calendar; or they ask `sla_report` / `recompute_all` with an explicit now.

Organisation: tests/fixtures/small-org.toml. Site PL-POZ-001 is on calendar
"stations" (Europe/Warsaw, Mon-Fri 06:00-22:00 local; November is UTC+1, so open
05:00Z-21:00Z). "Station incidents" (incident, Hardware/*, warn_at 0.75 and 0.9):
P1 15m/4h, P2 30m/8h, P3 2h/16h, P5 8h/80h. "Everything else" on the desk calendar:
P5 16h/80h. Anna (requester, PL-POZ-001, not VIP, site not critical), so impact x
urgency gives: high/high P1, high/medium P2, high/low P3, low/low P5.
Mon 23 November 2026 08:00 local is 07:00Z.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.clock import iso, utcnow
from core.ids import SYSTEM_USER_ID, derived_id
from core.models import ChangeEntry, HistoryEvent, Ticket
from core.reference import reference_for
from core.services import tickets as service
from core.sla.figures import figures, recompute_all, refresh
from core.store import Store, backup_copy
from core.ticket_detail import read_ticket, sla_report
from core.ticket_query import TicketFilter, TicketQuery
from core.uow import UnitOfWork, unit_of_work

POS = "Hardware/POS terminal"
SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"
H = 3600
M = 60
FIGURES = ("sla_policy", "response_due_at", "response_state", "resolution_due_at", "resolution_state",
           "sla_next_at", "response_elapsed_s", "response_stopped_at", "resolution_elapsed_s",
           "resolution_stopped_at", "sla_clocks")


def Z(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=UTC)


def create(uow: UnitOfWork, at: datetime | None, impact: str = "high", urgency: str = "high",
           category: str = POS, who: str = "anna") -> Ticket:
    return service.create(
        uow, uow.ref.user(who),
        service.NewTicket(title="Till does not start", category=category, impact=impact, urgency=urgency,
                          fields={"terminal_id": "T-7"} if category == POS else {}),
        at=at,
    )


def stored(store: Store, ticket_id: Any) -> dict[str, Any]:
    with store.read() as session:
        ticket = session.get_one(Ticket, ticket_id)
        return {name: getattr(ticket, name) for name in FIGURES}


def utc(value: datetime | None) -> datetime | None:
    """SQLite gives instants back naive; they are UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def same_figures(columns: dict[str, Any], expected: dict[str, Any]) -> None:
    assert {k: utc(v) if isinstance(v, datetime) else v for k, v in columns.items()} == expected


def report(store: Store, ticket_id: Any, now: datetime | None = None) -> Any:
    with store.read() as session:
        return sla_report(session, reference_for(store, session), ticket_id, now)


def sla_events(store: Store, ticket_id: Any) -> list[tuple[Any, ...]]:
    with store.read() as session:
        rows = session.scalars(
            select(HistoryEvent).where(HistoryEvent.ticket_id == ticket_id,
                                       HistoryEvent.kind.in_(("sla_warning", "sla_breach")))
            .order_by(HistoryEvent.occurred_at)
        ).all()
        return [(h.kind, h.field, h.new, utc(h.occurred_at), h.actor_id) for h in rows]


@pytest.fixture(scope="module")
def always_template(template_store: Path, tmp_path_factory: pytest.TempPathFactory, kit: Any) -> Path:
    """The small organisation with site PL-POZ-001 and "Everything else" on the 24x7
    calendar, so figures near the real now do not depend on the day or the hour: the
    session's template store with the edited organisation imported over it."""
    from core.orgfile import parse_org
    from core.orgimport import import_org

    text = SMALL_ORG.read_text(encoding="utf-8")
    for old, new in (
        ('name = "Poznań, Głogowska 12"\ncalendar = "stations"', 'name = "Poznań, Głogowska 12"\ncalendar = "always"'),
        ('name = "Everything else"\ncalendar = "desk"', 'name = "Everything else"\ncalendar = "always"'),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = kit.copy_store(template_store, tmp_path_factory.mktemp("always") / "branchdesk.sqlite3")
    store = Store.open(path)
    try:
        with store.write() as session:
            import_org(session, parse_org(text), text)
    finally:
        store.close()
    return path


@pytest.fixture
def always_store(always_template: Path, tmp_path: Path, kit: Any) -> Iterator[Store]:
    store = Store.open(kit.copy_store(always_template, tmp_path / "always" / "branchdesk.sqlite3"))
    yield store
    store.close()


@pytest.fixture
def store(fresh_store: Store) -> Store:
    """The small organisation's store for PL-POZ-001 (a copy of one made per session)."""
    return fresh_store


# -- occurred_at, not storage time --------------------------------------------

def test_resolved_offline_before_due_but_stored_after_is_met(store: Store) -> None:
    # P1 logged Mon 07:00Z and resolved on the device at 07:10Z, both stored days later
    # (now, in real time), long after the 07:15Z response due instant. The clocks run on
    # the instants the device recorded: response stopped after 10 of 15 min (due 07:15Z),
    # resolution after 10 min of 4 h (due 07:10Z + 3h50m = 11:00Z). Both met.
    with unit_of_work(store) as uow:
        ticket = create(uow, Z(23, 7))
    with unit_of_work(store) as uow:
        service.move(uow, uow.ref.user("tom"), ticket.number, "resolved", code="fixed", note="Reseated the cable.",
                     at=Z(23, 7, 10))
    same_figures(stored(store, ticket.id), {
        "sla_policy": "Station incidents",
        "response_due_at": Z(23, 7, 15), "response_state": "met",
        "resolution_due_at": Z(23, 11), "resolution_state": "met",
        "sla_next_at": None,
        # stopped clocks keep their business seconds and stop instant, for reports
        "response_elapsed_s": 10 * M, "response_stopped_at": Z(23, 7, 10),
        "resolution_elapsed_s": 10 * M, "resolution_stopped_at": Z(23, 7, 10),
        "sla_clocks": [],  # the small organisation's teams have no OLA, and no supplier was waited on
    })
    found = report(store, ticket.id)  # as of the real now
    assert found.response.state == found.resolution.state == "met"
    assert found.response.stopped_at == found.resolution.stopped_at == Z(23, 7, 10)
    assert (found.response.elapsed_s, found.resolution.elapsed_s) == (10 * M, 10 * M)


# -- the response clock through comments and moves ----------------------------

def test_only_a_public_reply_by_support_stops_the_response_clock(store: Store) -> None:
    # P1 logged Mon 07:00Z. Anna (requester) comments at 07:02Z and Tom adds an
    # internal note at 07:04Z: neither is a response. Tom's public reply at 07:06Z is.
    with unit_of_work(store) as uow:
        number = create(uow, Z(23, 7)).number
    with unit_of_work(store) as uow:
        service.comment(uow, uow.ref.user("anna"), number, "Still dead, queue at the till.", at=Z(23, 7, 2))
    with unit_of_work(store) as uow:
        service.comment(uow, uow.ref.user("tom"), number, "Probably the PSU.", internal=True, at=Z(23, 7, 4))
    with store.read() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.number == number))
        assert ticket is not None and ticket.first_response_at is None
    # at 07:05Z the response clock still runs: 5 min in, due 07:15Z
    running = report(store, ticket.id, now=Z(23, 7, 5)).response
    assert (running.state, running.elapsed_s, running.due_at) == ("running", 5 * M, Z(23, 7, 15))
    with unit_of_work(store) as uow:
        service.comment(uow, uow.ref.user("tom"), number, "On my way with a spare.", at=Z(23, 7, 6))
    # stopped at the public reply: 6 min, met
    found = report(store, ticket.id, now=Z(23, 7, 30))
    assert (found.response.state, found.response.elapsed_s, found.response.stopped_at) == ("met", 6 * M, Z(23, 7, 6))
    # the resolution clock runs on: 30 min of 4 h, due 11:00Z
    assert (found.resolution.state, found.resolution.due_at) == ("running", Z(23, 11))
    same_figures({k: v for k, v in stored(store, ticket.id).items() if k.startswith("response")},
                 {"response_due_at": Z(23, 7, 15), "response_state": "met",
                  "response_elapsed_s": 6 * M, "response_stopped_at": Z(23, 7, 6)})


def test_starting_work_stops_the_response_clock(store: Store) -> None:
    # P1 logged Mon 07:00Z; Tom starts work at 07:12Z: 12 min, met; 75% (11m15s) passed
    # on the way at 07:11:15Z, recorded once as a system warning. (The resolution clock,
    # as of the real now, ran out at 11:00Z and is breached.)
    with unit_of_work(store) as uow:
        ticket = create(uow, Z(23, 7))
        service.move(uow, uow.ref.user("tom"), ticket.number, "in_progress", at=Z(23, 7, 12))
    found = report(store, ticket.id, now=Z(23, 8))
    assert (found.response.state, found.response.stopped_at, found.response.elapsed_s) == ("met", Z(23, 7, 12), 12 * M)
    events = sla_events(store, ticket.id)
    assert ("sla_warning", "response", "warn 0.75", Z(23, 7, 11, 15), SYSTEM_USER_ID) in events
    assert [e[:3] for e in events if e[1] == "response"] == [("sla_warning", "response", "warn 0.75")]


# -- priority and policy changes through the service ----------------------------

def test_priority_override_after_the_response_retargets_the_resolution_clock(store: Store) -> None:
    # P3 (2h / 16h) logged Mon 07:00Z; Tom starts work at 07:30Z (response met after
    # 30 min); Ada raises it to P1 (4 h) at 09:00Z, 2 h in. At 09:30Z: 2.5 h of 4 h,
    # due 11:00Z. The response clock keeps the 2 h target it stopped under, met.
    with unit_of_work(store) as uow:
        ticket = create(uow, Z(23, 7), "high", "low")
        assert ticket.priority == "P3"
        service.move(uow, uow.ref.user("tom"), ticket.number, "in_progress", at=Z(23, 7, 30))
    with unit_of_work(store) as uow:
        service.edit(uow, uow.ref.user("ada"), ticket.number,
                     service.TicketEdit(priority="P1", priority_reason="all tills down"), at=Z(23, 9))
    found = report(store, ticket.id, now=Z(23, 9, 30))
    assert (found.resolution.target_s, found.resolution.elapsed_s, found.resolution.due_at) == (4 * H, 150 * M, Z(23, 11))
    assert (found.response.state, found.response.target_s) == ("met", 2 * H)
    # Stored as of the real now: the resolution clock kept running and passed 4 h at 11:00Z.
    columns = stored(store, ticket.id)
    assert (columns["resolution_state"], utc(columns["resolution_due_at"])) == ("breached", Z(23, 11))
    assert columns["response_state"] == "met"


def test_policy_is_chosen_again_when_category_or_type_changes(store: Store) -> None:
    # A P5 password reset (Access/*, "Everything else", desk calendar, response 16 h),
    # recategorised as a POS terminal fault ("Station incidents", stations calendar,
    # P5 response 8 h), then retyped as a request ("Everything else" again).
    with unit_of_work(store) as uow:
        ticket = create(uow, Z(23, 7), "low", "low", category="Access/Password reset")
    first = report(store, ticket.id, now=Z(23, 8))
    assert (first.policy, first.calendar, first.response.target_s) == ("Everything else", "desk", 16 * H)
    ada_edit = service.TicketEdit(category=POS, fields={"terminal_id": "T-9"})
    with unit_of_work(store) as uow:
        service.edit(uow, uow.ref.user("ada"), ticket.number, ada_edit, at=Z(23, 7, 30))
    second = report(store, ticket.id, now=Z(23, 8))
    assert (second.policy, second.calendar, second.response.target_s) == ("Station incidents", "stations", 8 * H)
    assert stored(store, ticket.id)["sla_policy"] == "Station incidents"
    with unit_of_work(store) as uow:
        service.edit(uow, uow.ref.user("ada"), ticket.number, service.TicketEdit(type="request"), at=Z(23, 7, 40))
    third = report(store, ticket.id, now=Z(23, 8))
    assert (third.policy, third.calendar, third.response.target_s) == ("Everything else", "desk", 16 * H)
    assert stored(store, ticket.id)["sla_policy"] == "Everything else"


# -- warnings and breaches as history -------------------------------------------

def test_warnings_are_recorded_once_each_by_the_system(always_store: Store) -> None:
    # P1 (response 15 min, 24x7 here) logged at t0, the real now. Recomputed as of
    # t0+12m: 75% (11m15s) passed at t0+11m15s; at t0+14m: 90% (13m30s) at t0+13m30s;
    # at t0+20m: the breach at t0+15m. Each is recorded once, whoever recomputes.
    t0 = utcnow()
    with unit_of_work(always_store) as uow:
        ticket = create(uow, t0)
    steps = [(12, 1), (12, 0), (14, 1), (14, 0), (20, 1), (20, 0)]
    for minutes, new_events in steps:
        with unit_of_work(always_store) as uow:
            assert recompute_all(uow, t0 + timedelta(minutes=minutes)) == (1, new_events), minutes
    with unit_of_work(always_store) as uow:
        assert refresh(uow, [ticket.id], t0 + timedelta(minutes=20)) == 0
    assert sla_events(always_store, ticket.id) == [
        ("sla_warning", "response", "warn 0.75", t0 + timedelta(minutes=11, seconds=15), SYSTEM_USER_ID),
        ("sla_warning", "response", "warn 0.9", t0 + timedelta(minutes=13, seconds=30), SYSTEM_USER_ID),
        ("sla_breach", "response", "breach", t0 + timedelta(minutes=15), SYSTEM_USER_ID),
    ]
    # Each is a change entry whose id derives from ticket, clock and threshold.
    with always_store.read() as session:
        entries = session.scalars(select(ChangeEntry.id).where(ChangeEntry.kind == "sla_event")).all()
        history = session.scalars(select(HistoryEvent.id).where(HistoryEvent.kind.in_(("sla_warning", "sla_breach"))))
        history_ids = set(history)
    expected = {label: derived_id("sla", ticket.id, "response", label) for label in ("warn 0.75", "warn 0.9", "breach")}
    assert sorted(entries) == sorted(expected.values())
    assert history_ids == {derived_id(expected["warn 0.75"], "sla_warning", "response"),
                           derived_id(expected["warn 0.9"], "sla_warning", "response"),
                           derived_id(expected["breach"], "sla_breach", "response")}


def test_two_stores_computing_the_same_crossing_make_the_same_change(always_store: Store) -> None:
    # Two replicas holding the same history (a copy of the store) recompute as of the
    # same instant: the same three events, with the same change-entry and event ids.
    t0 = utcnow()
    with unit_of_work(always_store) as uow:
        ticket = create(uow, t0)
    other = Store.open(backup_copy(always_store.path, "replica"))
    try:
        found = []
        for replica in (always_store, other):
            with unit_of_work(replica) as uow:
                assert recompute_all(uow, t0 + timedelta(minutes=20)) == (1, 3)
            with replica.read() as session:
                entries = set(session.scalars(select(ChangeEntry.id).where(ChangeEntry.kind == "sla_event")))
                events = set(session.scalars(
                    select(HistoryEvent.id).where(HistoryEvent.kind.in_(("sla_warning", "sla_breach")))))
            found.append((entries, events))
        assert found[0] == found[1]
        assert found[0][0] == {derived_id("sla", ticket.id, "response", label)
                               for label in ("warn 0.75", "warn 0.9", "breach")}
    finally:
        other.close()


def test_recompute_all_stores_the_figures_as_of_its_now(always_store: Store) -> None:
    # P1 logged at t0 (the real now), recomputed as of t0+12m: the 75% warning is
    # recorded; the response clock runs on, due t0+15m, next event the 90% warning at
    # t0+13m30s. The stored columns are those of that instant, as sla_report says,
    # even for the ticket that got a new warning event.
    t0 = utcnow()
    at = t0 + timedelta(minutes=12)
    with unit_of_work(always_store) as uow:
        ticket = create(uow, t0)
    with unit_of_work(always_store) as uow:
        assert recompute_all(uow, at) == (1, 1)
    expected = figures(report(always_store, ticket.id, now=at))
    assert (expected["response_due_at"], expected["sla_next_at"]) == (t0 + timedelta(minutes=15),
                                                                      t0 + timedelta(minutes=13, seconds=30))
    same_figures(stored(always_store, ticket.id), expected)


def test_stored_columns_match_sla_report(store: Store) -> None:
    # Tickets in every state, checked against sla_report as of the real now:
    # met (resolved long ago), paused (pending since long ago), breached and open
    # (logged long ago, untouched), reopened and resolved again, and running (a P5
    # logged now: its due instants do not move while it runs).
    with unit_of_work(store) as uow:
        tom = uow.ref.user("tom")
        met = create(uow, Z(23, 7))
        service.move(uow, tom, met.number, "resolved", code="fixed", note="ok", at=Z(23, 7, 10))
        paused = create(uow, Z(23, 7), "high", "medium")
        service.move(uow, tom, paused.number, "in_progress", at=Z(23, 7, 5))
        service.move(uow, tom, paused.number, "pending", reason="customer", at=Z(23, 8))
        breached = create(uow, Z(23, 7), "high", "low")
        reopened = create(uow, Z(23, 7), "high", "low")
        service.move(uow, tom, reopened.number, "resolved", code="fixed", note="ok", at=Z(23, 8))
        service.move(uow, uow.ref.user("anna"), reopened.number, "in_progress", at=Z(23, 9))
        service.move(uow, tom, reopened.number, "resolved", code="fixed", note="really", at=Z(23, 10))
        running = create(uow, None, "low", "low")
    with store.read() as session:
        ref = reference_for(store, session)
        for ticket in (met, paused, breached, reopened, running):
            same_figures(stored(store, ticket.id), figures(sla_report(session, ref, ticket.id)))
    # spot checks, worked by hand
    columns = stored(store, paused.id)
    assert (columns["resolution_state"], columns["resolution_due_at"], columns["sla_next_at"]) == ("paused", None, None)
    columns = stored(store, breached.id)  # P3 response 2 h from 07:00Z
    assert (columns["response_state"], utc(columns["response_due_at"])) == ("breached", Z(23, 9))
    assert utc(columns["sla_next_at"]) == Z(23, 9)  # the past breach: most urgent
    columns = stored(store, reopened.id)  # 1 h + 1 h of 16 h, stopped at 09:00Z
    assert (columns["resolution_state"], columns["sla_next_at"]) == ("met", None)
    assert stored(store, running.id)["resolution_state"] == "running"


# -- the breaching queue -----------------------------------------------------------

def test_breaching_queue_lists_open_tickets_due_within_the_window_most_urgent_first(
    always_store: Store,
) -> None:
    # All on 24x7, relative to t0 (the real now):
    #   A  P1 logged t0-20m: response breached at t0-5m (past: most urgent)
    #   C  P2 logged t0-10m: 75% of the 30 min response at t0+12m30s
    #   B  P3 logged t0-60m: 75% of the 2 h response at t0+30m
    #   D  P5 logged t0:     75% of the 8 h response at t0+6h (outside 2 h)
    #   E  P1 logged t0-20m, resolved at t0-19m: not open
    #   F  P1 logged t0-20m, started t0-19m (response met), pending t0-18m: paused, nothing due
    t0 = utcnow()
    with unit_of_work(always_store) as uow:
        tom = uow.ref.user("tom")
        a = create(uow, t0 - timedelta(minutes=20))
        c = create(uow, t0 - timedelta(minutes=10), "high", "medium")
        b = create(uow, t0 - timedelta(minutes=60), "high", "low")
        d = create(uow, t0, "low", "low")
        e = create(uow, t0 - timedelta(minutes=20))
        service.move(uow, tom, e.number, "resolved", code="fixed", note="ok", at=t0 - timedelta(minutes=19))
        f = create(uow, t0 - timedelta(minutes=20))
        service.move(uow, tom, f.number, "in_progress", at=t0 - timedelta(minutes=19))
        service.move(uow, tom, f.number, "pending", reason="customer", at=t0 - timedelta(minutes=18))
    assert [t.priority for t in (a, c, b, d)] == ["P1", "P2", "P3", "P5"]
    with always_store.read() as session:
        ref = reference_for(always_store, session)
        ada = ref.user("ada")

        def queue(within: int) -> list[str]:
            breaching = TicketFilter(queue="breaching", within=within)
            rows = TicketQuery(ref, ada, breaching, sort="due", descending=False, now=t0).page(session)
            return [r.number for r in rows]

        assert queue(2 * H) == [a.number, c.number, b.number]
        assert queue(15 * M) == [a.number, c.number]
        assert queue(0) == [a.number]
        [row] = TicketQuery(ref, ada, TicketFilter(queue="breaching", within=0), now=t0).page(session)
        assert (row.response_state, row.sla_next_at) == ("breached", iso(t0 - timedelta(minutes=5)))

    # The same queue from the command line (one real process, the real now).
    data_dir = always_store.path.parent
    branchdesk = Path(sys.executable).parent / "branchdesk"
    done = subprocess.run(
        [str(branchdesk), "--data-dir", str(data_dir), "--user", "ada", "ticket", "list", "--queue", "breaching",
         "--within", "2h", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["number"] for r in rows] == [a.number, c.number, b.number]
    assert rows[1]["sla_next_at"] == iso(t0 - timedelta(minutes=10) + timedelta(minutes=22, seconds=30))


# -- sla explain and ticket show ---------------------------------------------------

def test_sla_explain_and_ticket_show_json(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    # A P2 (30m / 8h) ticket's whole life, synced in one go (one transaction):
    #   Mon 07:00Z (08:00 local) logged by Anna
    #   07:25Z Tom replies publicly: response stopped at 25 of 30 min, met; 75% (22m30s)
    #          passed at 07:22:30Z, 90% (27 min) never. Due 07:30Z had it kept running.
    #   07:30Z in progress; 09:00Z pending on the customer, 2 h into resolution
    #   Tue 06:00Z (07:00 local) back in progress; Tue 11:00Z resolved: 2 h + 5 h = 7 h
    #          of 8 h, met; 75% (6 h) passed Tue 10:00Z, 90% (7h12m) never; due Tue 12:00Z.
    with unit_of_work(store) as uow:
        tom = uow.ref.user("tom")
        number = create(uow, Z(23, 7), "high", "medium").number
        service.comment(uow, tom, number, "Looking at it.", at=Z(23, 7, 25))
        service.move(uow, tom, number, "in_progress", at=Z(23, 7, 30))
        service.move(uow, tom, number, "pending", reason="customer", at=Z(23, 9))
        service.move(uow, tom, number, "in_progress", at=Z(24, 6))
        service.move(uow, tom, number, "resolved", code="replaced", note="New PSU.", at=Z(24, 11))
    from desktop.cli.main import run

    data_dir = str(store.path.parent)
    assert run(["--data-dir", data_dir, "--user", "ada", "sla", "explain", number, "--json"]) == 0
    explain = json.loads(capsys.readouterr().out)
    assert run(["--data-dir", data_dir, "--user", "ada", "ticket", "show", number, "--json"]) == 0
    show = json.loads(capsys.readouterr().out)

    assert (explain["number"], explain["policy"], explain["calendar"], explain["timezone"]) == (
        number, "Station incidents", "stations", "Europe/Warsaw")
    keys = ("target_s", "elapsed_s", "due_at", "state", "stopped_at", "warnings", "paused")
    response = {k: explain["clocks"]["response"][k] for k in keys}
    assert response == {
        "target_s": 30 * M, "elapsed_s": 25 * M, "due_at": "2026-11-23T07:30:00Z", "state": "met",
        "stopped_at": "2026-11-23T07:25:00Z",
        "warnings": [{"at_fraction": 0.75, "passed_at": "2026-11-23T07:22:30Z"}], "paused": [],
    }
    resolution = {k: explain["clocks"]["resolution"][k] for k in keys}
    assert resolution == {
        "target_s": 8 * H, "elapsed_s": 7 * H, "due_at": "2026-11-24T12:00:00Z", "state": "met",
        "stopped_at": "2026-11-24T11:00:00Z",
        "warnings": [{"at_fraction": 0.75, "passed_at": "2026-11-24T10:00:00Z"}],
        "paused": [{"from": "2026-11-23T09:00:00Z", "to": "2026-11-24T06:00:00Z"}],
    }
    # ticket show carries the same under "sla"
    assert show["sla"]["policy"] == explain["policy"] and show["sla"]["calendar"] == explain["calendar"]
    assert show["sla"]["clocks"] == explain["clocks"]
    # and its history holds exactly the two warnings, recorded by the system
    warnings = [(h["kind"], h["field"], h["new"], h["at"], h["actor"]) for h in show["history"]
                if h["kind"].startswith("sla_")]
    assert warnings == [
        ("sla_warning", "response", "warn 0.75", "2026-11-23T07:22:30Z", "system"),
        ("sla_warning", "resolution", "warn 0.75", "2026-11-24T10:00:00Z", "system"),
    ]
    with store.read() as session:
        ref = reference_for(store, session)
        assert read_ticket(session, ref, ref.user("ada"), number).sla.as_dict()["clocks"] == explain["clocks"]


def test_breached_and_due_soon_are_separate_queues_most_urgent_first(always_store: Store) -> None:
    # On 24x7, relative to t0 (the real now):
    #   A  P1 logged t0-20m: response breached at t0-5m         -> breached
    #   G  P1 logged t0-40m: response breached at t0-25m        -> breached, before A
    #   C  P2 logged t0-10m: response due at t0+20m             -> due within 2 h
    #   B  P3 logged t0-60m: response due at t0+1h              -> due within 2 h, after C
    #   D  P5 logged t0:     response due at t0+8h              -> neither
    t0 = utcnow()
    with unit_of_work(always_store) as uow:
        a = create(uow, t0 - timedelta(minutes=20))
        g = create(uow, t0 - timedelta(minutes=40))
        c = create(uow, t0 - timedelta(minutes=10), "high", "medium")
        b = create(uow, t0 - timedelta(minutes=60), "high", "low")
        create(uow, t0, "low", "low")
    with always_store.read() as session:
        ref = reference_for(always_store, session)
        ada = ref.user("ada")

        def queue(name: str) -> list[str]:
            from core.ticket_query import QUEUE_SORT

            sort, descending = QUEUE_SORT[name]
            query = TicketQuery(ref, ada, TicketFilter(queue=name), sort=sort, descending=descending, now=t0)
            assert query.count(session) == len(query.row_ids(session))
            assert query.row_ids(session) == query.row_ids(session)
            return [r.number for r in query.page(session)]

        assert queue("breached") == [g.number, a.number]
        assert queue("due_soon") == [c.number, b.number]

    # the command line takes the same names and the same order
    data_dir = always_store.path.parent
    branchdesk = Path(sys.executable).parent / "branchdesk"
    for name, want in (("breached", [g.number, a.number]), ("due_soon", [c.number, b.number])):
        done = subprocess.run(
            [str(branchdesk), "--data-dir", str(data_dir), "--user", "ada", "ticket", "list", "--queue", name,
             "--json"], capture_output=True, text=True, timeout=60, check=False,
        )
        assert done.returncode == 0, done.stderr
        assert [r["number"] for r in json.loads(done.stdout)] == want
