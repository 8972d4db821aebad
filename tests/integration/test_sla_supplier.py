"""A supplier's clocks through the service layer, the store, the sweep and the
command line (DESIGN §3 SLA: a supplier's contract measures the time the ticket
waits on that supplier).

Per supplier waited on there are two clocks on the supplier's calendar:
"supplier-response:CODE", from the first time the ticket waits on the supplier to
the first time it stops waiting on them, against the contract's response target;
and "supplier:CODE", every wait summed, against its resolution target. Their
warnings (the policy's warn_at) and breaches are recorded like the ticket's own.

Organisation: tests/fixtures/small-org.toml with site PL-POZ-001 on the 24x7
calendar "always" (as in test_sla_store.py). Supplier POSCO: calendar "always",
response 2h, resolution 24h. "Station incidents" warns at 0.75 and 0.9 and pauses
its resolution clock while the ticket waits on a supplier. Anna's low/low ticket is
P5 (response 8h, resolution 80h), so the ticket's own clocks stay out of the way:
work starts five minutes in (response met) and its resolution clock is paused
while it waits.
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

from core.clock import utcnow
from core.ids import SYSTEM_USER_ID, derived_id
from core.models import ChangeEntry, HistoryEvent, Ticket
from core.reference import reference_for
from core.services import tickets as service
from core.sla.figures import refresh
from core.sla_sweep import sweep
from core.store import Store
from core.ticket_detail import sla_report
from core.uow import UnitOfWork, event_note, sla_event_note, unit_of_work

POS = "Hardware/POS terminal"
SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"
BRANCHDESK = Path(sys.executable).with_name("branchdesk")
H = 3600
M = 60
RESPONSE, RESOLUTION = "supplier-response:POSCO", "supplier:POSCO"


def Z(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=UTC)


def utc(value: datetime | None) -> datetime | None:
    """SQLite gives instants back naive; they are UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


@pytest.fixture(scope="module")
def always_template(template_store: Path, tmp_path_factory: pytest.TempPathFactory, kit: Any) -> Path:
    """The small organisation with site PL-POZ-001 on the 24x7 calendar."""
    from core.orgfile import parse_org
    from core.orgimport import import_org

    text = SMALL_ORG.read_text(encoding="utf-8")
    old = 'name = "Poznań, Głogowska 12"\ncalendar = "stations"'
    assert text.count(old) == 1
    text = text.replace(old, 'name = "Poznań, Głogowska 12"\ncalendar = "always"')
    path = kit.copy_store(template_store, tmp_path_factory.mktemp("always") / "branchdesk.sqlite3")
    store = Store.open(path)
    try:
        with store.write() as session:
            import_org(session, parse_org(text), text)
    finally:
        store.close()
    return path


@pytest.fixture
def store(always_template: Path, tmp_path: Path, kit: Any) -> Iterator[Store]:
    store = Store.open(kit.copy_store(always_template, tmp_path / "always" / "branchdesk.sqlite3"))
    yield store
    store.close()


def waiting_ticket(uow: UnitOfWork, created: datetime) -> Ticket:
    """A P5 POS ticket logged at `created`, worked five minutes later."""
    ticket = service.create(
        uow, uow.ref.user("anna"),
        service.NewTicket(title="Till does not start", category=POS, impact="low", urgency="low",
                          fields={"terminal_id": "T-7"}),
        at=created,
    )
    assert ticket.priority == "P5"
    service.move(uow, uow.ref.user("tom"), ticket.number, "in_progress", at=created + timedelta(minutes=5))
    return ticket


def wait(uow: UnitOfWork, number: str, start: datetime, end: datetime | None, then: str = "in_progress") -> None:
    """Pending on POSCO from `start`; at `end` (if any) the ticket moves to `then`."""
    tom = uow.ref.user("tom")
    service.move(uow, tom, number, "pending", reason="supplier", supplier="POSCO", at=start)
    if end is not None:
        if then == "resolved":
            service.move(uow, tom, number, "resolved", code="replaced", note="New terminal.", at=end)
        else:
            service.move(uow, tom, number, then, at=end)


def supplier_clocks(store: Store, ticket_id: Any, now: datetime | None = None) -> dict[str, Any]:
    with store.read() as session:
        report = sla_report(session, reference_for(store, session), ticket_id, now)
    return {clock.name: clock for clock in report.supplier_clocks}


def sla_events(store: Store, ticket_id: Any) -> list[tuple[Any, ...]]:
    """(kind, clock, threshold, instant, note) of the ticket's recorded supplier crossings."""
    with store.read() as session:
        rows = session.scalars(
            select(HistoryEvent).where(HistoryEvent.ticket_id == ticket_id,
                                       HistoryEvent.kind.in_(("sla_warning", "sla_breach")),
                                       HistoryEvent.field.like("supplier%"))
            .order_by(HistoryEvent.occurred_at, HistoryEvent.field)
        ).all()
        assert all(h.actor_id == SYSTEM_USER_ID for h in rows)
        assert all(h.note is None for h in rows)  # its words follow from clock and threshold
        return [(h.kind, h.field, h.new, utc(h.occurred_at), event_note(h.kind, h.field, h.new, h.note))
                for h in rows]


# -- the response clock -------------------------------------------------------------

def test_no_supplier_clock_before_the_ticket_waits_on_one(store: Store) -> None:
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        service.move(uow, uow.ref.user("tom"), ticket.number, "pending", reason="customer", at=Z(23, 8))
    assert supplier_clocks(store, ticket.id) == {}


def test_response_clock_starts_at_the_first_wait_and_runs_while_it_lasts(store: Store) -> None:
    # Logged 07:00Z, waiting on POSCO from 08:00Z and still waiting. As of 09:00Z:
    # 1 h of 2 h, due 10:00Z; the next crossing is 75% (1h30m) at 09:30Z. The
    # resolution clock has run as long: 1 h of 24 h, due Tue 08:00Z.
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        wait(uow, ticket.number, Z(23, 8), None)
    clocks = supplier_clocks(store, ticket.id, now=Z(23, 9))
    assert list(clocks) == [RESPONSE, RESOLUTION]
    response, resolution = clocks[RESPONSE], clocks[RESOLUTION]
    assert (response.calendar, response.state, response.target_s, response.elapsed_s) == ("always", "running", 2 * H,
                                                                                          1 * H)
    assert (response.due_at, response.next_at, response.warnings) == (Z(23, 10), Z(23, 9, 30), {})
    assert (resolution.state, resolution.target_s, resolution.elapsed_s, resolution.due_at) == ("running", 24 * H,
                                                                                              1 * H, Z(24, 8))
    assert resolution.next_at == Z(24, 2)  # 75% of 24 h
    # the ticket's next crossing is the supplier's, 09:30Z (its own clocks: response
    # met, resolution paused while it waits)
    with store.read() as session:
        report = sla_report(session, reference_for(store, session), ticket.id, Z(23, 9))
    assert report.response is not None and report.resolution is not None
    assert (report.response.state, report.resolution.state, report.next_at) == ("met", "paused", Z(23, 9, 30))


def test_response_met_when_the_first_wait_ends_in_time_even_if_a_later_one_is_long(store: Store) -> None:
    # First wait 08:00Z -> 09:40Z (1h40m of 2 h: met, 75% passed at 09:30Z, 90% never;
    # it would have run out at 10:00Z). Second wait 12:00Z -> Tue 12:00Z (24 h): the
    # response clock stays stopped; the resolution clock sums both, 25h40m of 24 h:
    # 75% (18 h) Tue 04:20Z, 90% (21h36m) Tue 07:56Z, breached Tue 10:20Z.
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        wait(uow, ticket.number, Z(23, 8), Z(23, 9, 40))
        wait(uow, ticket.number, Z(23, 12), Z(24, 12), then="resolved")
    clocks = supplier_clocks(store, ticket.id)
    response, resolution = clocks[RESPONSE], clocks[RESOLUTION]
    assert (response.state, response.elapsed_s, response.stopped_at, response.due_at) == ("met", 100 * M,
                                                                                          Z(23, 9, 40), Z(23, 10))
    assert response.warnings == {"0.75": Z(23, 9, 30)} and response.breached_at is None
    assert (resolution.state, resolution.elapsed_s, resolution.breached_at) == ("breached", 25 * H + 40 * M,
                                                                               Z(24, 10, 20))
    assert resolution.warnings == {"0.75": Z(24, 4, 20), "0.9": Z(24, 7, 56)}
    # Recorded by the system when the commands were stored, worded for the supplier.
    assert sla_events(store, ticket.id) == [
        ("sla_warning", RESPONSE, "warn 0.75", Z(23, 9, 30), "POSCO response clock passed 75% of its target"),
        ("sla_warning", RESOLUTION, "warn 0.75", Z(24, 4, 20), "POSCO resolution clock passed 75% of its target"),
        ("sla_warning", RESOLUTION, "warn 0.9", Z(24, 7, 56), "POSCO resolution clock passed 90% of its target"),
        ("sla_breach", RESOLUTION, "breach", Z(24, 10, 20), "POSCO resolution clock breached its target"),
    ]


def test_only_waits_on_the_supplier_count(store: Store) -> None:
    # POSCO 08:00Z -> 08:30Z; on hold for the customer 09:00Z -> 10:00Z (not the
    # supplier's time); POSCO again 11:00Z -> 13:00Z. Response: the first wait, 30 min,
    # met at 08:30Z. Resolution: 30 min + 2 h.
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        wait(uow, ticket.number, Z(23, 8), Z(23, 8, 30))
        tom = uow.ref.user("tom")
        service.move(uow, tom, ticket.number, "pending", reason="customer", at=Z(23, 9))
        service.move(uow, tom, ticket.number, "in_progress", at=Z(23, 10))
        wait(uow, ticket.number, Z(23, 11), Z(23, 13), then="resolved")
    clocks = supplier_clocks(store, ticket.id)
    assert (clocks[RESPONSE].state, clocks[RESPONSE].elapsed_s, clocks[RESPONSE].stopped_at) == ("met", 30 * M,
                                                                                                 Z(23, 8, 30))
    assert (clocks[RESOLUTION].state, clocks[RESOLUTION].elapsed_s) == ("met", 2 * H + 30 * M)
    assert sla_events(store, ticket.id) == []  # 30 min of 2 h, 2h30m of 24 h: no warning


def test_response_breached_when_the_first_wait_runs_past_its_target(store: Store) -> None:
    # Waiting 08:00Z -> 10:30Z: 2h30m of 2 h. 75% at 09:30Z, 90% at 09:48Z, breached at
    # 10:00Z, and still breached after it stopped at 10:30Z.
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        wait(uow, ticket.number, Z(23, 8), Z(23, 10, 30), then="resolved")
    response = supplier_clocks(store, ticket.id)[RESPONSE]
    assert (response.state, response.elapsed_s, response.stopped_at) == ("breached", 150 * M, Z(23, 10, 30))
    assert (response.breached_at, response.due_at) == (Z(23, 10), Z(23, 10))
    assert sla_events(store, ticket.id) == [
        ("sla_warning", RESPONSE, "warn 0.75", Z(23, 9, 30), "POSCO response clock passed 75% of its target"),
        ("sla_warning", RESPONSE, "warn 0.9", Z(23, 9, 48), "POSCO response clock passed 90% of its target"),
        ("sla_breach", RESPONSE, "breach", Z(23, 10), "POSCO response clock breached its target"),
    ]


# -- the sweep -----------------------------------------------------------------------

def test_the_sweep_records_each_supplier_crossing_once(store: Store) -> None:
    # Logged t0-10m (the real now less ten minutes), worked t0-5m, waiting on POSCO
    # from t0 and still waiting. The sweep, as of instants to come: the response
    # clock's 75% at t0+1h30m, 90% at t0+1h48m, breach at t0+2h; the resolution
    # clock's 75% at t0+18h. Once the response clock has breached, the ticket's next
    # crossing is the resolution clock's, so the sweep still finds it.
    t0 = utcnow()
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, t0 - timedelta(minutes=10))
        wait(uow, ticket.number, t0, None)

    def next_at() -> datetime | None:
        with store.read() as session:
            return utc(session.get_one(Ticket, ticket.id).sla_next_at)

    def swept(since: datetime | None, minutes: int) -> int:
        with unit_of_work(store) as uow:
            return sweep(uow, since, t0 + timedelta(minutes=minutes))

    assert next_at() == t0 + timedelta(minutes=90)
    assert swept(t0, 89) == 0
    assert swept(t0, 91) == 1
    assert next_at() == t0 + timedelta(minutes=108)
    assert swept(t0, 91) == 0  # sweeping twice records nothing twice
    assert swept(None, 91) == 0
    assert swept(t0 + timedelta(minutes=91), 121) == 2
    assert next_at() == t0 + timedelta(hours=18)  # the resolution clock's 75%, not the past breach
    assert swept(t0 + timedelta(minutes=91), 121) == 0
    assert swept(t0 + timedelta(minutes=121), 18 * 60 + 1) == 1
    assert swept(t0 + timedelta(minutes=121), 18 * 60 + 1) == 0
    with unit_of_work(store) as uow:  # a refresh as of the same instant finds them all recorded
        assert refresh(uow, [ticket.id], t0 + timedelta(hours=18, minutes=1)) == 0
    crossings = [
        ("sla_warning", RESPONSE, "warn 0.75", t0 + timedelta(minutes=90)),
        ("sla_warning", RESPONSE, "warn 0.9", t0 + timedelta(minutes=108)),
        ("sla_breach", RESPONSE, "breach", t0 + timedelta(minutes=120)),
        ("sla_warning", RESOLUTION, "warn 0.75", t0 + timedelta(hours=18)),
    ]
    assert sla_events(store, ticket.id) == [(*c, sla_event_note(c[1], c[2])) for c in crossings]
    # each a change entry of the system whose id derives from ticket, clock and threshold
    with store.read() as session:
        entries = set(session.scalars(select(ChangeEntry.id).where(ChangeEntry.kind == "sla_event",
                                                                   ChangeEntry.record_id == ticket.id)))
    assert entries == {derived_id("sla", ticket.id, clock, label) for _kind, clock, label, _at in crossings}


def test_a_sweep_since_an_instant_finds_crossings_behind_a_past_breach(store: Store) -> None:
    # Two tickets nobody answers, logged at t0 (P5: response 8 h, resolution 80 h, both
    # warned at 75% and 90%). Once the response clock has breached and runs on, the
    # ticket's next crossing stays that past breach, which keeps it most urgent; the
    # resolution clock's 75% (60 h) and a supplier's crossings come after it. A sweep
    # since an instant, as a branch desktop runs every minute, records them as a sweep
    # from nothing would: the first ticket's resolution warning, and the second's
    # supplier response warning (waiting on POSCO from t0+8h30m: 75% of 2 h at t0+10h).
    t0 = utcnow()
    with unit_of_work(store) as uow:
        new = service.NewTicket(title="Till does not start", category=POS, impact="low", urgency="low",
                                fields={"terminal_id": "T-7"})
        alone = service.create(uow, uow.ref.user("anna"), new, at=t0)
        waiting = service.create(uow, uow.ref.user("anna"), new, at=t0)

    def swept(since_h: float, h: float) -> int:
        with unit_of_work(store) as uow:
            return sweep(uow, t0 + timedelta(hours=since_h), t0 + timedelta(hours=h))

    def recorded(ticket_id: Any) -> list[tuple[str, str]]:
        with store.read() as session:
            return sorted((field, new) for field, new in session.execute(
                select(HistoryEvent.field, HistoryEvent.new).where(
                    HistoryEvent.ticket_id == ticket_id, HistoryEvent.kind.in_(("sla_warning", "sla_breach")))))

    response = [("response", "breach"), ("response", "warn 0.75"), ("response", "warn 0.9")]
    assert swept(0, 8.25) == 6  # each ticket's response warnings and breach
    with unit_of_work(store) as uow:
        service.assign(uow, uow.ref.user("tom"), waiting.number, to="tom", at=t0 + timedelta(hours=8, minutes=29))
        wait(uow, waiting.number, t0 + timedelta(hours=8, minutes=30), None)
    assert swept(8.25, 9.9) == 0
    assert swept(9.9, 10.1) == 1
    assert recorded(waiting.id) == sorted([*response, (RESPONSE, "warn 0.75")])
    # the supplier's: response 90% at t0+10h18m, breach at t0+10h30m; resolution (24 h)
    # 75%, 90% and breach; the first ticket's resolution 75% at t0+60h
    assert swept(10.1, 60.1) == 6
    assert recorded(alone.id) == sorted([*response, ("resolution", "warn 0.75")])
    assert recorded(waiting.id) == sorted([*response, *((clock, label) for clock in (RESPONSE, RESOLUTION)
                                                         for label in ("warn 0.75", "warn 0.9", "breach"))])
    assert swept(60.1, 60.2) == 0  # nothing twice


# -- sla explain ---------------------------------------------------------------------

def test_sla_explain_shows_both_supplier_clocks(store: Store) -> None:
    # The ticket of the "met even if a later wait is long" test, through the installed
    # `branchdesk` command.
    with unit_of_work(store) as uow:
        ticket = waiting_ticket(uow, Z(23, 7))
        wait(uow, ticket.number, Z(23, 8), Z(23, 9, 40))
        wait(uow, ticket.number, Z(23, 12), Z(24, 12), then="resolved")
    base = [str(BRANCHDESK), "--data-dir", str(store.path.parent), "--user", "ada", "sla", "explain", ticket.number]
    text, as_json = (
        subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
        for args in (base, [*base, "--json"])
    )
    assert text.returncode == 0 and as_json.returncode == 0, (text.stderr, as_json.stderr)

    suppliers = json.loads(as_json.stdout)["suppliers"]
    keys = ("name", "calendar", "target_s", "elapsed_s", "due_at", "state", "stopped_at", "breached_at", "warnings",
            "paused")
    assert [{k: c[k] for k in keys} for c in suppliers] == [
        {"name": RESPONSE, "calendar": "always", "target_s": 2 * H, "elapsed_s": 100 * M,
         "due_at": "2026-11-23T10:00:00Z", "state": "met", "stopped_at": "2026-11-23T09:40:00Z",
         "breached_at": None, "warnings": [{"at_fraction": 0.75, "passed_at": "2026-11-23T09:30:00Z"}],
         "paused": []},
        {"name": RESOLUTION, "calendar": "always", "target_s": 24 * H, "elapsed_s": 25 * H + 40 * M,
         "due_at": "2026-11-24T10:20:00Z", "state": "breached", "stopped_at": "2026-11-24T12:00:00Z",
         "breached_at": "2026-11-24T10:20:00Z",
         "warnings": [{"at_fraction": 0.75, "passed_at": "2026-11-24T04:20:00Z"},
                      {"at_fraction": 0.9, "passed_at": "2026-11-24T07:56:00Z"}],
         "paused": []},
    ]

    lines = text.stdout.splitlines()
    response = next(i for i, line in enumerate(lines) if line.strip().startswith(RESPONSE))
    assert lines[response].split() == [
        RESPONSE, "met", "target", "2h,", "elapsed", "1h40m,", "was", "due", "2026-11-23T10:00:00Z,", "stopped",
        "2026-11-23T09:40:00Z", "(calendar", "always)"]
    assert lines[response + 1].strip() == "passed 75% of the target at 2026-11-23T09:30:00Z"
    assert lines[response + 2].split()[:7] == [
        RESOLUTION, "breached", "target", "24h,", "elapsed", "25h40m,", "breached"]
    # the clocks' states line up in one column, however long their names
    clock_lines = [line for line in lines[1:] if not line.startswith("      ")]
    assert len(clock_lines) == 4  # response, resolution, POSCO's response and resolution
    assert len({len(line) - len(line[2:].split(" ", 1)[1].lstrip()) for line in clock_lines}) == 1, lines
