"""The SLA clock rules (DESIGN §3 SLA), each on a ticket history written out by hand.

The engine is pure: `core.sla.engine.compute(ref, facts, events, now)`. Histories
here are written as the changes a ticket went through (`Story.then`), turned into the
history events the store would hold; every figure is worked out in the comments.

Organisation: tests/fixtures/small-org.toml (variants made by editing its text).
Calendar "stations" (site PL-POZ-001): Europe/Warsaw, Mon-Fri 06:00-22:00 local,
Sat 08:00-13:00 and 14:00-20:00. Calendar "desk": Mon-Fri 08:00-12:00, 12:30-16:30.
In November Warsaw is UTC+1, so the stations are open 05:00Z-21:00Z on weekdays.
Dates: Mon 23 .. Fri 27 November 2026, no holidays that week.

Policy "Station incidents" (incident, Hardware/*, PL-*, site calendar,
warn_at 0.75 and 0.9): P1 15m/4h, P2 30m/8h, P3 2h/16h, P4 4h/40h, P5 8h/80h.
Policy "Everything else" (desk calendar, warn_at 0.75): P1 30m/8h ... P5 16h/80h.
Supplier POSCO: calendar "always" (24x7, UTC), resolution 24h.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from core.calendar import BusinessCalendar
from core.ids import reference_id
from core.orgfile import parse_org
from core.reference import Reference, SiteInfo
from core.sla.clocks import PAUSED, RUNNING, STOPPED, Span, run_clock
from core.sla.engine import SlaReport, TicketFacts, compute
from core.sla.figures import figures
from core.sla.policy import choose_policy
from core.sla.timeline import Event, State

WAW = ZoneInfo("Europe/Warsaw")
SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"
H = 3600
M = 60

FIELD = str(reference_id("team", "FIELD"))
DESK = str(reference_id("team", "DESK"))
NET = str(reference_id("team", "NET"))
POSCO = str(reference_id("supplier", "POSCO"))

ORG_TEXT = SMALL_ORG.read_text(encoding="utf-8")


def org(*edits: tuple[str, str]) -> Reference:
    """The small organisation, with each (old, new) text edit applied (each old text
    must occur once), as the engine's reference data."""
    text = ORG_TEXT
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    spec = parse_org(text)
    sites = [SiteInfo(reference_id("site", s.code), s.code, s.name, s.calendar, s.critical) for s in spec.sites]
    return Reference(1, spec, sites, [], [], [], [])


REF = org()


def L(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    """Wall-clock time in Warsaw on a day of November 2026."""
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=WAW)


def Z(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    """UTC on a day of November 2026."""
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=UTC)


@dataclass
class Story:
    """A ticket's life: its values at creation, then each change as it happened."""

    created: datetime
    priority: str = "P1"
    type: str = "incident"
    category: str = "Hardware/POS terminal"
    site: str = "PL-POZ-001"
    team: str | None = FIELD
    changes: list[tuple[datetime, dict[str, Any]]] = field(default_factory=list)

    def then(self, at: datetime, **values: Any) -> Story:
        self.changes.append((at, values))
        return self

    def history(self, now: datetime) -> tuple[TicketFacts, list[Event]]:
        """The history events up to now, as the store holds them, and the ticket as it stands."""
        values: dict[str, Any] = {
            "status": "new", "priority": self.priority, "pending_reason": None, "pending_supplier_id": None,
            "team_id": self.team, "first_response_at": None,
        }
        events = []
        for i, (at, changed) in enumerate(self.changes):
            if at > now:
                break
            for name, new in changed.items():
                events.append(Event(at, f"{i:04d}", name, values[name], new))
                values[name] = new
        state = State(
            status=values["status"], priority=values["priority"], pending_reason=values["pending_reason"],
            supplier=values["pending_supplier_id"], team=values["team_id"],
            responded=values["first_response_at"] is not None,
        )
        return TicketFacts(self.created, self.type, self.category, self.site, state), events

    def report(self, now: datetime, ref: Reference = REF) -> SlaReport:
        facts, events = self.history(now)
        return compute(ref, facts, events, now)


def responded(at: datetime) -> dict[str, Any]:
    """What a first public reply by support staff records."""
    return {"first_response_at": at}


def pending(reason: str, supplier: str | None = None) -> dict[str, Any]:
    return {"status": "pending", "pending_reason": reason, "pending_supplier_id": supplier}


RESUMED: dict[str, Any] = {"status": "in_progress", "pending_reason": None, "pending_supplier_id": None}


# -- the response clock ---------------------------------------------------------

def test_response_stops_at_first_response_and_is_met_in_time() -> None:
    # P1 station incident created Mon 08:00 local (07:00Z); the station is open.
    # A technician's first public reply at 08:10 (07:10Z) stops the response clock
    # after 10 minutes of its 15: met. Had it kept running it was due 07:15Z.
    story = Story(L(23, 8)).then(L(23, 8, 10), **responded(L(23, 8, 10)))
    report = story.report(now=L(23, 9))  # Mon 09:00 local = 08:00Z
    assert (report.policy, report.calendar) == ("Station incidents", "stations")
    response = report.response
    assert response is not None
    assert response.state == "met"
    assert (response.target_s, response.elapsed_s) == (15 * M, 10 * M)
    assert response.stopped_at == Z(23, 7, 10)
    assert response.due_at == Z(23, 7, 15)
    assert response.warnings == {}  # 75% is 11m15s: never reached
    assert response.breached_at is None and response.next_at is None
    # The resolution clock runs on: 1 h of 4 h by 08:00Z, due 07:00Z + 4 h = 11:00Z;
    # its next event is the 75% warning at 3 h, 10:00Z.
    resolution = report.resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s, resolution.target_s) == ("running", 1 * H, 4 * H)
    assert resolution.due_at == Z(23, 11)
    assert resolution.next_at == Z(23, 10)
    assert report.next_at == Z(23, 10)


@pytest.mark.parametrize("status", ["in_progress", "resolved", "cancelled"])
def test_response_stops_when_the_ticket_is_worked_on_or_done(status: str) -> None:
    # P1 created Mon 08:00 (07:00Z); assigned at 08:05 (the clock keeps running);
    # moved to `status` at 08:12 (07:12Z): stopped after 12 of 15 minutes, met.
    # 75% of 15 min = 11m15s was passed on the way, at 07:11:15Z; 90% (13m30s) was not.
    story = Story(L(23, 8)).then(L(23, 8, 5), status="assigned").then(L(23, 8, 12), status=status)
    report = story.report(now=L(23, 9))
    response = report.response
    assert response is not None
    assert (response.state, response.elapsed_s, response.stopped_at) == ("met", 12 * M, Z(23, 7, 12))
    assert response.warnings == {"0.75": Z(23, 7, 11, 15)}
    resolution = report.resolution
    assert resolution is not None
    if status == "in_progress":
        assert resolution.state == "running" and resolution.elapsed_s == 1 * H
    else:  # resolved or cancelled also stop the resolution clock
        assert (resolution.state, resolution.stopped_at, resolution.elapsed_s) == ("met", Z(23, 7, 12), 12 * M)


def test_assigned_or_pending_does_not_stop_the_response_clock() -> None:
    # P1 created Mon 08:00; assigned 08:05; pending (customer) 08:06. Neither is a
    # response: at 08:14 the response clock has run 14 minutes and is due 08:15
    # local = 07:15Z. Pending pauses only the resolution clock (6 minutes counted).
    story = Story(L(23, 8)).then(L(23, 8, 5), status="assigned").then(L(23, 8, 6), **pending("customer"))
    report = story.report(now=L(23, 8, 14))
    assert report.response is not None and report.resolution is not None
    assert (report.response.state, report.response.elapsed_s) == ("running", 14 * M)
    assert report.response.due_at == Z(23, 7, 15)
    assert (report.resolution.state, report.resolution.elapsed_s) == ("paused", 6 * M)


def test_stopping_exactly_at_the_target_is_met() -> None:
    # First reply at 08:15:00 exactly: elapsed 15m = target, not past it: met.
    story = Story(L(23, 8)).then(L(23, 8, 15), **responded(L(23, 8, 15)))
    response = story.report(now=L(23, 9)).response
    assert response is not None
    assert (response.state, response.elapsed_s, response.breached_at) == ("met", 15 * M, None)
    assert response.due_at == Z(23, 7, 15)


def test_breached_clock_stays_breached_when_it_stops_later() -> None:
    # P1 created Mon 08:00 (07:00Z); first reply only at 08:40 (07:40Z), 40 minutes in.
    # 75% (11m15s) passed 07:11:15Z, 90% (13m30s) 07:13:30Z, the target 07:15Z.
    # It stays breached after it stops; its due instant is the past instant 07:15Z.
    story = Story(L(23, 8)).then(L(23, 8, 40), **responded(L(23, 8, 40)))
    response = story.report(now=L(23, 9)).response
    assert response is not None
    assert response.state == "breached"
    assert response.elapsed_s == 40 * M
    assert response.due_at == response.breached_at == Z(23, 7, 15)
    assert response.stopped_at == Z(23, 7, 40)
    assert response.next_at is None  # stopped: nothing more will fall due
    assert response.crossings == [
        ("warn 0.75", Z(23, 7, 11, 15)), ("warn 0.9", Z(23, 7, 13, 30)), ("breach", Z(23, 7, 15)),
    ]


def test_running_breached_clock_keeps_its_past_breach_as_next_event() -> None:
    # Nobody answers: at 09:00 local the response clock has run 60 minutes and is
    # breached since 07:15Z; sla_next_at points at that past instant (it sorts first
    # in the "breaching" queue).
    report = Story(L(23, 8)).report(now=L(23, 9))
    assert report.response is not None
    assert (report.response.state, report.response.next_at) == ("breached", Z(23, 7, 15))
    assert report.next_at == Z(23, 7, 15)


# -- the resolution clock -------------------------------------------------------

def story_reopened() -> Story:
    # P2 (30m / 8h) created Mon 08:00 (07:00Z); worked from 08:10; resolved 10:00 (09:00Z)
    # after 2 h; reopened Tue 09:00 (08:00Z); resolved again Tue 11:00 (10:00Z).
    return (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 10), status="in_progress", **responded(L(23, 8, 10)))
        .then(L(23, 10), status="resolved")
        .then(L(24, 9), status="in_progress")
        .then(L(24, 11), status="resolved")
    )


def test_resolution_stops_when_resolved() -> None:
    # Mon 12:00: stopped at 09:00Z after 2 h of 8 h: met. Had it kept running, the
    # 6 h left from 10:00 local run to 16:00 local = 15:00Z.
    resolution = story_reopened().report(now=L(23, 12)).resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s) == ("met", 2 * H)
    assert resolution.stopped_at == Z(23, 9)
    assert resolution.due_at == Z(23, 15)
    assert resolution.next_at is None


def test_reopen_restarts_the_resolution_clock_from_where_it_stood() -> None:
    # Tue 10:00 local (09:00Z): 2 h before the resolution, none while resolved (Mon
    # 10:00 -> Tue 09:00), 1 h since the reopen: 3 h. Due when 5 h more have run: Tue
    # 15:00 local = 14:00Z; 75% (6 h) falls 3 h from now, Tue 13:00 local = 12:00Z.
    report = story_reopened().report(now=L(24, 10))
    resolution = report.resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s, resolution.stopped_at) == ("running", 3 * H, None)
    assert resolution.due_at == Z(24, 14)
    assert resolution.next_at == Z(24, 12)
    # the response clock stopped for good at the first reply
    assert report.response is not None
    assert (report.response.state, report.response.stopped_at) == ("met", Z(23, 7, 10))
    # resolved again Tue 11:00 local (10:00Z): 4 h in all, met, stopped at the second resolution
    resolution = story_reopened().report(now=L(24, 12)).resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s, resolution.stopped_at) == ("met", 4 * H, Z(24, 10))


def test_pending_pauses_the_resolution_clock() -> None:
    # P2 created Mon 08:00; worked 08:05; pending on the customer at 10:00 (09:00Z)
    # after 2 h; resumed Tue 07:00 local (06:00Z).
    story = (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(L(23, 10), **pending("customer"))
        .then(L(24, 7), **RESUMED)
    )
    # Mon 12:00: paused. Elapsed stays 2 h, the due instant is unknown (null), the
    # pause is listed as still open, and nothing falls due.
    report = story.report(now=L(23, 12))
    resolution = report.resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s, resolution.due_at) == ("paused", 2 * H, None)
    assert resolution.paused == [(Z(23, 9), None)]
    assert resolution.as_dict()["paused"] == [{"from": "2026-11-23T09:00:00Z", "to": None}]
    assert resolution.next_at is None and report.next_at is None  # response met, resolution paused
    # Tue 08:00 local (07:00Z): 2 h + 1 h since the resume = 3 h; 5 h left: due Tue
    # 13:00 local = 12:00Z. The pause is listed with its end.
    resolution = story.report(now=L(24, 8)).resolution
    assert resolution is not None
    assert (resolution.state, resolution.elapsed_s) == ("running", 3 * H)
    assert resolution.due_at == Z(24, 12)
    assert resolution.paused == [(Z(23, 9), Z(24, 6))]


def test_a_change_during_a_pause_keeps_one_paused_interval() -> None:
    # As above, but while pending (Mon 15:00 local) the priority goes P2 -> P3 (16 h)
    # and the team changes. Still one pause, Mon 09:00Z -> Tue 06:00Z. Tue 08:00 local:
    # 3 h elapsed, 13 h left: Tue 08:00 -> 22:00 local holds 14 h, so due Tue 21:00
    # local = 20:00Z.
    story = (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(L(23, 10), **pending("customer"))
        .then(L(23, 15), priority="P3")
        .then(L(23, 16), team_id=NET)
        .then(L(24, 7), **RESUMED)
    )
    resolution = story.report(now=L(24, 8)).resolution
    assert resolution is not None
    assert resolution.paused == [(Z(23, 9), Z(24, 6))]
    assert (resolution.target_s, resolution.elapsed_s, resolution.due_at) == (16 * H, 3 * H, Z(24, 20))


ORG_NO_SUPPLIER_PAUSE = org(('name = "Station incidents"\n', 'name = "Station incidents"\npause_on_supplier = false\n'))


@pytest.mark.parametrize("pause_on_supplier", [True, False])
def test_pending_on_a_supplier_pauses_only_if_the_policy_says_so(pause_on_supplier: bool) -> None:
    # P2 (8 h) created Mon 08:00 (07:00Z); worked 08:05; waiting on POSCO from 10:00
    # (09:00Z) after 2 h. Now Mon 13:00 local (12:00Z).
    ref = REF if pause_on_supplier else ORG_NO_SUPPLIER_PAUSE
    story = (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(L(23, 10), **pending("supplier", POSCO))
    )
    report = story.report(now=L(23, 13), ref=ref)
    resolution = report.resolution
    assert resolution is not None
    if pause_on_supplier:
        # paused at 2 h, due unknown
        assert (resolution.state, resolution.elapsed_s, resolution.due_at) == ("paused", 2 * H, None)
        assert resolution.paused == [(Z(23, 9), None)]
    else:
        # keeps running: 5 h by 13:00 local; due 16:00 local = 15:00Z; 75% (6 h) at 14:00 local = 13:00Z
        assert (resolution.state, resolution.elapsed_s, resolution.due_at) == ("running", 5 * H, Z(23, 15))
        assert resolution.next_at == Z(23, 13)
        assert resolution.paused == []
    # The supplier's own clock runs either way, on its 24x7 calendar: 3 h of 24 h
    # since 09:00Z, due 12:00Z + 21 h = Tue 09:00Z.
    [supplier] = report.suppliers
    assert (supplier.name, supplier.calendar) == ("supplier:POSCO", "always")
    assert (supplier.state, supplier.elapsed_s, supplier.target_s) == ("running", 3 * H, 24 * H)
    assert supplier.due_at == Z(24, 9)


def test_supplier_clock_sums_every_wait_on_the_supplier() -> None:
    # Waiting on POSCO Mon 20:00Z -> Tue 03:00Z (7 h, overnight: the supplier's
    # calendar is 24x7 even though the station is closed) and again Tue 09:00Z ->
    # 11:00Z (2 h).
    story = (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(Z(23, 20), **pending("supplier", POSCO))
        .then(Z(24, 3), **RESUMED)
        .then(Z(24, 9), **pending("supplier", POSCO))
        .then(Z(24, 11), **RESUMED)
    )
    # Tue 10:00Z, during the second wait: 7 h + 1 h = 8 h; 16 h left: due Wed 02:00Z.
    [supplier] = story.report(now=Z(24, 10)).suppliers
    assert (supplier.state, supplier.elapsed_s, supplier.due_at) == ("running", 8 * H, Z(25, 2))
    # Tue 12:00Z, after it: 9 h in all, stopped in time at 11:00Z; 15 h would have
    # run out at the same Wed 02:00Z.
    [supplier] = story.report(now=Z(24, 12)).suppliers
    assert (supplier.state, supplier.elapsed_s, supplier.stopped_at) == ("met", 9 * H, Z(24, 11))
    assert supplier.due_at == Z(25, 2)


ORG_WITH_OLAS = org(
    ('escalates_to = "FIELD"\ncalendar = "desk"\n', 'escalates_to = "FIELD"\ncalendar = "desk"\nola = { resolution = "1h" }\n'),
    ('escalates_to = "NET"\n', 'escalates_to = "NET"\nola = { resolution = "3h" }\n'),
)


def test_ola_per_team_sums_every_visit() -> None:
    # P2 station incident created Mon 08:00 local with the desk (DESK: OLA 1 h on the
    # desk calendar); FIELD (OLA 3 h, on the policy's stations calendar) from 08:30;
    # escalated to NET (no OLA) at 10:00; back to FIELD at 11:30; resolved 12:30 (11:30Z).
    story = (
        Story(L(23, 8), priority="P2", team=DESK)
        .then(L(23, 8, 30), team_id=FIELD, status="in_progress", **responded(L(23, 8, 30)))
        .then(L(23, 10), team_id=NET)
        .then(L(23, 11, 30), team_id=FIELD)
        .then(L(23, 12, 30), status="resolved")
    )
    # Mon 12:00 local, on FIELD's second visit: 1.5 h + 0.5 h = 2 h; 1 h left: due 13:00
    # local = 12:00Z. The desk had it 08:00-08:30 (the desk opens at 08:00): 30 min,
    # stopped in time at 07:30Z; its 30 min left would have run to 09:00 local = 08:00Z.
    report = story.report(now=L(23, 12), ref=ORG_WITH_OLAS)
    desk, field_ = report.olas
    assert (desk.name, desk.calendar, desk.target_s) == ("ola:DESK", "desk", 1 * H)
    assert (desk.state, desk.elapsed_s, desk.stopped_at, desk.due_at) == ("met", 30 * M, Z(23, 7, 30), Z(23, 8))
    assert (field_.name, field_.calendar, field_.target_s) == ("ola:FIELD", "stations", 3 * H)
    assert (field_.state, field_.elapsed_s, field_.due_at) == ("running", 2 * H, Z(23, 12))
    # After the resolution: FIELD had it 1.5 h + 1 h = 2.5 h: met, stopped 11:30Z.
    _, field_ = story.report(now=L(23, 14), ref=ORG_WITH_OLAS).olas
    assert (field_.state, field_.elapsed_s, field_.stopped_at) == ("met", 150 * M, Z(23, 11, 30))


ORG_WITH_RESPONSE_OLA = org(
    ('escalates_to = "NET"\n', 'escalates_to = "NET"\nola = { response = "20m", resolution = "3h" }\n'),
)


def test_ola_response_counts_only_until_the_team_starts_work() -> None:
    # P2 station incident created Mon 08:00 local straight with FIELD (response OLA 20 min on
    # the stations calendar, open from 06:00): nobody starts until 08:30, so 30 min passed
    # the 20 min target at 08:20 local = 07:20Z. From 08:30 on, the response clock is stopped
    # while the resolution OLA keeps running.
    story = (
        Story(L(23, 8), priority="P2", team=FIELD)
        .then(L(23, 8, 30), status="in_progress", **responded(L(23, 8, 30)))
    )
    response, resolution = story.report(now=L(23, 9), ref=ORG_WITH_RESPONSE_OLA).olas
    assert (response.name, response.target_s, response.elapsed_s) == ("ola-response:FIELD", 20 * M, 30 * M)
    assert (response.state, response.breached_at) == ("breached", Z(23, 7, 20))
    assert (resolution.name, resolution.state, resolution.elapsed_s) == ("ola:FIELD", "running", 1 * H)


# -- priority changes --------------------------------------------------------------

def story_raised() -> Story:
    # P3 (2h / 16h) created Mon 08:00 (07:00Z); worked and answered at 08:30 (30 min,
    # in time); raised to P1 (15m / 4h) at 10:00 local (09:00Z), 2 h into resolution.
    return (
        Story(L(23, 8), priority="P3")
        .then(L(23, 8, 30), status="in_progress", **responded(L(23, 8, 30)))
        .then(L(23, 10), priority="P1")
    )


def test_priority_change_retargets_with_elapsed_time_kept() -> None:
    # Before the change (Mon 09:30 local): 1.5 h of 16 h; 14.5 h left: 12.5 h to 22:00
    # local, then 2 h from Tue 06:00: due Tue 08:00 local = 07:00Z.
    before = story_raised().report(now=L(23, 9, 30)).resolution
    assert before is not None
    assert (before.target_s, before.elapsed_s, before.due_at) == (16 * H, 90 * M, Z(24, 7))
    # After it (Mon 10:30 local): the same elapsed time (2.5 h) against 4 h: 1.5 h
    # left, due 12:00 local = 11:00Z. The due instant moved from Tue 07:00Z.
    after = story_raised().report(now=L(23, 10, 30))
    assert after.resolution is not None
    assert (after.resolution.target_s, after.resolution.elapsed_s) == (4 * H, 150 * M)
    assert after.resolution.due_at == Z(23, 11)
    assert after.resolution.state == "running"
    # The response clock had already stopped in time: it keeps the target it stopped
    # under (2 h) and stays met; a later upgrade does not re-judge it.
    assert after.response is not None
    assert (after.response.state, after.response.target_s, after.response.elapsed_s) == ("met", 2 * H, 30 * M)
    assert after.response.due_at == Z(23, 9)  # 07:30Z + the 90 minutes it had left


def test_priority_raised_below_elapsed_time_is_breached_since_the_target_passed() -> None:
    # P3 created Mon 08:00 (07:00Z), nobody answers; at 08:20 local the priority goes to
    # P1. Re-targeted from the ticket's start: 20 min > 15 min, so the response clock is
    # breached, and its due instant is the past instant elapsed time passed 15 min:
    # 07:15Z (75% at 07:11:15Z, 90% at 07:13:30Z).
    story = Story(L(23, 8), priority="P3").then(L(23, 8, 20), priority="P1")
    report = story.report(now=L(23, 8, 30))
    response = report.response
    assert response is not None
    assert (response.state, response.target_s, response.elapsed_s) == ("breached", 15 * M, 30 * M)
    assert response.due_at == response.breached_at == Z(23, 7, 15)
    assert response.warnings == {"0.75": Z(23, 7, 11, 15), "0.9": Z(23, 7, 13, 30)}
    # the resolution clock: 30 min of 4 h, due 11:00Z
    assert report.resolution is not None
    assert (report.resolution.state, report.resolution.due_at) == ("running", Z(23, 11))


def test_priority_lowered_moves_the_due_instant_later() -> None:
    # P1 created Mon 08:00; answered 08:05; lowered to P4 (40 h) at 09:00 local. At
    # 10:00 local: 2 h of 40 h; 38 h left: Mon 12 h to 22:00, Tue 16 h, Wed 10 h: Wed
    # 16:00 local = 15:00Z.
    story = (
        Story(L(23, 8))
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(L(23, 9), priority="P4")
    )
    resolution = story.report(now=L(23, 10)).resolution
    assert resolution is not None
    assert (resolution.target_s, resolution.elapsed_s, resolution.due_at) == (40 * H, 2 * H, Z(25, 15))


# -- closing times -------------------------------------------------------------------

def test_target_reached_exactly_at_closing_time_is_due_at_next_opening() -> None:
    # P3 (response 2 h) created Mon 20:00 local (19:00Z); the station closes at 22:00
    # local (21:00Z), exactly when 2 h have run. No business time passes until Tue
    # 06:00 local, so it is due then: Tue 05:00Z.
    story = Story(L(23, 20), priority="P3")
    response = story.report(now=L(23, 21)).response  # 1 h in
    assert response is not None
    assert (response.state, response.due_at) == ("running", Z(24, 5))
    assert response.next_at == Z(23, 20, 30)  # 75% (90 min) at 21:30 local
    # Overnight, closed: elapsed exactly 2 h, not past it: still running, same due.
    response = story.report(now=L(24, 5, 30)).response
    assert response is not None
    assert (response.state, response.elapsed_s, response.due_at) == ("running", 2 * H, Z(24, 5))
    # Tue 07:00 local: breached, and its due instant is still Tue 05:00Z, the instant
    # it passed the target (not Mon 21:00Z, when it merely reached it).
    response = story.report(now=L(24, 7)).response
    assert response is not None
    assert response.state == "breached"
    assert response.due_at == response.breached_at == Z(24, 5)


def test_warning_reached_exactly_at_closing_time_passes_at_next_opening() -> None:
    # P1 (15 min) created Mon 21:48:45 local: 75% (11m15s) is reached exactly at the
    # 22:00 local closing and passed at Tue 06:00 local (05:00Z); 90% (13m30s) 135 s
    # later, 05:02:15Z; the target (15 min) 225 s after 05:00Z, 05:03:45Z.
    response = Story(L(23, 21, 48, 45)).report(now=L(24, 7)).response
    assert response is not None
    assert response.crossings == [
        ("warn 0.75", Z(24, 5)), ("warn 0.9", Z(24, 5, 2, 15)), ("breach", Z(24, 5, 3, 45)),
    ]


# -- policies ---------------------------------------------------------------------

def test_policy_is_the_first_that_matches() -> None:
    spec = REF.spec

    def chosen(type_: str, category: str, site: str) -> str | None:
        found = choose_policy(spec, type_, category, site)
        return found.name if found else None

    assert chosen("incident", "Hardware/POS terminal", "PL-POZ-001") == "Station incidents"
    assert chosen("request", "Hardware/POS terminal", "PL-POZ-001") == "Everything else"  # type
    assert chosen("incident", "Network/Router", "PL-POZ-001") == "Everything else"  # category
    assert chosen("incident", "Hardware", "PL-POZ-001") == "Everything else"  # "Hardware/*" wants a child
    assert chosen("incident", "Hardware/POS terminal", "DE-BER-001") == "Everything else"  # site


def test_policy_follows_the_ticket_as_it_stands() -> None:
    # The same history (P1, created Mon 08:00 local, nobody answers) under the policy
    # its current category/type selects. Station incidents, stations calendar: 15 min
    # -> 07:15Z. Everything else, desk calendar (opens 08:00 local): 30 min -> 08:30
    # local = 07:30Z.
    station = Story(L(23, 8)).report(now=L(23, 8, 5))
    other = Story(L(23, 8), category="Access/Password reset", team=DESK).report(now=L(23, 8, 5))
    request = Story(L(23, 8), type="request").report(now=L(23, 8, 5))
    assert station.response is not None and other.response is not None and request.response is not None
    assert (station.policy, station.calendar, station.response.due_at) == ("Station incidents", "stations", Z(23, 7, 15))
    assert (other.policy, other.calendar, other.response.due_at) == ("Everything else", "desk", Z(23, 7, 30))
    assert (request.policy, request.response.due_at) == ("Everything else", Z(23, 7, 30))
    # "Everything else" warns at 75% only (the default)
    assert other.response.next_at == Z(23, 7, 22, 30)


def test_no_matching_policy_means_no_clocks() -> None:
    text_start = ORG_TEXT.index('[[sla]]\nname = "Everything else"')
    ref = org((ORG_TEXT[text_start:], ""))
    report = Story(L(23, 8), category="Access/Password reset").report(now=L(23, 9), ref=ref)
    assert (report.policy, report.response, report.resolution, report.next_at) == (None, None, None, None)
    assert figures(report) == {
        "sla_policy": None, "response_due_at": None, "response_state": None,
        "resolution_due_at": None, "resolution_state": None, "sla_next_at": None,
        "response_elapsed_s": None, "response_stopped_at": None, "resolution_elapsed_s": None,
        "resolution_stopped_at": None, "sla_clocks": [],
    }


# -- purity -------------------------------------------------------------------------

def test_the_order_events_are_read_in_does_not_matter() -> None:
    # The store reads history in no particular order; events of one instant are
    # ordered by their stamps.
    story = (
        Story(L(23, 8), priority="P2")
        .then(L(23, 8, 5), status="in_progress", **responded(L(23, 8, 5)))
        .then(L(23, 10), **pending("supplier", POSCO))
        .then(L(23, 10), **RESUMED)  # same instant, later stamp: back at work at once
        .then(L(23, 11), priority="P1")
        .then(L(23, 12), status="resolved")
    )
    facts, events = story.history(L(23, 13))
    expected = compute(REF, facts, events, L(23, 13)).as_dict()
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert compute(REF, facts, shuffled, L(23, 13)).as_dict() == expected
    # 4 h of running in all (08:00 -> 12:00 local), the zero-length wait pausing nothing
    assert expected["clocks"]["resolution"]["elapsed_s"] == 4 * H
    assert expected["clocks"]["resolution"]["paused"] == []


def test_run_clock_over_hand_built_spans() -> None:
    # 24x7: runs 1 h, paused 2 h, runs 1 h, stopped. Target 3 h: met with 2 h; had it
    # kept running from its stop (04:00Z) it was due 05:00Z.
    always = BusinessCalendar(REF.spec.calendars["always"])
    spans = [
        Span(Z(23, 0), Z(23, 1), RUNNING, 3 * H),
        Span(Z(23, 1), Z(23, 3), PAUSED, 3 * H),
        Span(Z(23, 3), Z(23, 4), RUNNING, 3 * H),
        Span(Z(23, 4), Z(23, 9), STOPPED, 3 * H),
    ]
    clock = run_clock("resolution", "always", always, spans, (0.5,), now=Z(23, 9))
    assert (clock.state, clock.elapsed_s, clock.stopped_at, clock.due_at) == ("met", 2 * H, Z(23, 4), Z(23, 5))
    assert clock.paused == [(Z(23, 1), Z(23, 3))]
    assert clock.warnings == {"0.5": Z(23, 3, 30)}  # 1.5 h reached 30 min after the pause
    assert clock.as_dict()["remaining_s"] == 1 * H
