"""The SLA state of a ticket: a pure function of its history, the organisation's
policies and calendars, and now (DESIGN §3 SLA). Every replica holding the same
history computes the same figures."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.calendar import BusinessCalendar
from core.ids import reference_id
from core.orgspec import SlaPolicySpec
from core.reference import Reference
from core.sla.clocks import PAUSED, RUNNING, STOPPED, Clock, Span, run_clock
from core.sla.policy import choose_policy, policy_calendar
from core.sla.timeline import Event, Segment, State, segments

DONE = frozenset({"resolved", "closed", "cancelled"})
RESPONDED = frozenset({"in_progress", "resolved", "closed", "cancelled"})
# a team has not yet taken up the ticket while it is in these
WAITING = frozenset({"new", "assigned"})


@dataclass(frozen=True)
class TicketFacts:
    """What the engine needs of the ticket as it stands now."""

    created_at: datetime
    type: str
    category: str
    site: str
    state: State


@dataclass
class SlaReport:
    policy: str | None
    calendar: str | None
    response: Clock | None = None
    resolution: Clock | None = None
    olas: list[Clock] = field(default_factory=list)
    # per supplier waited on: the contract's resolution clock ("supplier:CODE") and
    # its response clock ("supplier-response:CODE"), in the organisation's order
    suppliers: list[Clock] = field(default_factory=list)
    supplier_responses: list[Clock] = field(default_factory=list)

    @property
    def supplier_clocks(self) -> list[Clock]:
        """Each supplier's response clock, then its resolution clock."""
        responses = {c.name.partition(":")[2]: c for c in self.supplier_responses}
        found: list[Clock] = []
        for clock in self.suppliers:
            response = responses.pop(clock.name.partition(":")[2], None)
            found += [response, clock] if response is not None else [clock]
        return found + list(responses.values())

    @property
    def recorded_clocks(self) -> list[Clock]:
        """The clocks whose warnings and breaches are recorded as history events."""
        return [c for c in (self.response, self.resolution) if c is not None] + self.supplier_clocks

    @property
    def next_at(self) -> datetime | None:
        """The next warning or breach of a recorded clock (Ticket.sla_next_at: the sweep
        looks for it, the breaching queue sorts on it). The ticket's own clocks give
        their past breach while breached and still running, so a breached ticket stays
        most urgent; a supplier's clocks give only what is still to come, so a supplier
        that missed its target neither makes the ticket breached nor hides the next
        crossing of the other clocks from the sweep."""
        candidates = [c.next_at for c in (self.response, self.resolution) if c is not None and c.next_at]
        candidates += [c.next_at for c in self.supplier_clocks if c.state == "running" and c.next_at]
        return min(candidates) if candidates else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "calendar": self.calendar,
            "clocks": {
                "response": self.response.as_dict() if self.response else None,
                "resolution": self.resolution.as_dict() if self.resolution else None,
            },
            "olas": [c.as_dict() for c in self.olas],
            "suppliers": [c.as_dict() for c in self.supplier_clocks],
        }


def calendar(ref: Reference, name: str) -> BusinessCalendar:
    """One BusinessCalendar per name and reference version: each caches its years."""
    cache: dict[str, BusinessCalendar] = ref.__dict__.setdefault("_calendars", {})
    found = cache.get(name)
    if found is None:
        found = cache[name] = BusinessCalendar(ref.spec.calendars[name])
    return found


def _paused(policy: SlaPolicySpec, state: State) -> bool:
    if state.status not in policy.pause_on:
        return False
    if state.status == "pending" and state.pending_reason == "supplier":
        return policy.pause_on_supplier
    return True


def compute(ref: Reference, facts: TicketFacts, events: list[Event], now: datetime) -> SlaReport:
    policy = choose_policy(ref.spec, facts.type, facts.category, facts.site)
    if policy is None:
        return SlaReport(None, None)
    site = ref.site_codes.get(facts.site)
    cal_name = policy_calendar(policy, site.calendar if site else next(iter(ref.spec.calendars)))
    cal = calendar(ref, cal_name)
    # What has happened is in the past, whatever this device's clock says: a ticket made
    # on a device whose clock runs a little ahead is not "not yet created" here, and
    # every replica computes the same figures from the same history.
    now = max([now, facts.created_at, *(e.at for e in events)])
    segs = segments(facts.created_at, facts.state, events, now)

    def target(seg: Segment, which: str) -> int:
        found = policy.targets.get(seg.state.priority)
        if found is None:  # a priority level the policy does not know: fall back to the strictest
            found = policy.targets[ref.spec.priority.levels[0]]
        return found.response if which == "response" else found.resolution

    response_spans: list[Span] = []
    stopped = False
    for seg in segs:
        stopped = stopped or seg.state.responded or seg.state.status in RESPONDED
        response_spans.append(Span(seg.start, seg.end, STOPPED if stopped else RUNNING, target(seg, "response")))
    resolution_spans = [
        Span(
            seg.start, seg.end,
            STOPPED if seg.state.status in DONE else PAUSED if _paused(policy, seg.state) else RUNNING,
            target(seg, "resolution"),
        )
        for seg in segs
    ]
    report = SlaReport(policy.name, cal_name)
    report.response = run_clock("response", cal_name, cal, response_spans, policy.warn_at, now)
    report.resolution = run_clock("resolution", cal_name, cal, resolution_spans, policy.warn_at, now)
    report.olas = _olas(ref, policy, cal_name, segs, now)
    report.supplier_responses, report.suppliers = _suppliers(ref, policy, segs, now)
    return report


@functools.lru_cache(maxsize=1024)
def _team_key(code: str) -> str:
    """A team's id as the history's values write it."""
    return str(reference_id("team", code))


def _olas(ref: Reference, policy: SlaPolicySpec, cal_name: str, segs: list[Segment], now: datetime) -> list[Clock]:
    """Per team with an OLA: business time the ticket spent with that team (every
    visit summed), paused as the policy pauses — until resolved for the resolution
    target, and until someone starts work on it (in_progress) for the response target."""
    clocks = []
    for team in ref.spec.teams:
        if team.ola is None:
            continue
        team_id = _team_key(team.code)
        if not any(s.state.team == team_id for s in segs):
            continue
        name = team.calendar or cal_name
        for label, target, counts in (
            ("ola-response", team.ola.response, WAITING),
            ("ola", team.ola.resolution, None),
        ):
            if target is None:
                continue
            spans = []
            for seg in segs:
                with_team = seg.state.team == team_id and seg.state.status not in DONE and (
                    counts is None or seg.state.status in counts
                )
                mode = (PAUSED if _paused(policy, seg.state) else RUNNING) if with_team else STOPPED
                spans.append(Span(seg.start, seg.end, mode, target))
            clocks.append(run_clock(f"{label}:{team.code}", name, calendar(ref, name), spans, (), now))
    return clocks


def _first_wait(waiting: list[bool]) -> list[bool]:
    """Of the segments spent waiting, those of the first wait only: from the first one
    to the first that is not."""
    first = [False] * len(waiting)
    started = False
    for i, wait in enumerate(waiting):
        if wait:
            started = first[i] = True
        elif started:
            break
    return first


def _suppliers(
    ref: Reference, policy: SlaPolicySpec, segs: list[Segment], now: datetime
) -> tuple[list[Clock], list[Clock]]:
    """Per supplier waited on, on its calendar, with the policy's warnings: the
    response clock, from the first time the ticket waits on it to the first time it
    stops waiting on it, against its response target; and the resolution clock, the
    time the ticket was pending on it (every wait summed), against its resolution
    target. Returns (response clocks, resolution clocks)."""
    responses: list[Clock] = []
    resolutions: list[Clock] = []
    for supplier in ref.spec.suppliers:
        supplier_id = str(reference_id("supplier", supplier.code))
        waiting = [s.state.status == "pending" and s.state.supplier == supplier_id for s in segs]
        if not any(waiting):
            continue
        cal = calendar(ref, supplier.calendar)
        for found, name, counts, target in (
            (responses, f"supplier-response:{supplier.code}", _first_wait(waiting), supplier.response),
            (resolutions, f"supplier:{supplier.code}", waiting, supplier.resolution),
        ):
            spans = [
                Span(seg.start, seg.end, RUNNING if wait else STOPPED, target)
                for seg, wait in zip(segs, counts, strict=True)
            ]
            found.append(run_clock(name, supplier.calendar, cal, spans, policy.warn_at, now))
    return responses, resolutions
