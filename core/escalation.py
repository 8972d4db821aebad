"""Escalation rules (DESIGN §3 Escalation and automation, §12): what fires when a
ticket's clock passes a threshold, or when it has gone too long without a public
update, and what the system then does.

A rule fires at most once per (ticket, clock, threshold): the first rule in the
organisation file whose conditions match takes each (clock, threshold) of a ticket.
A firing is recorded as an `escalation` history event of the system whose change id
derives from the rule, the ticket and the threshold, so a pass run twice, or by two
workers, or by a standalone store and nobody else, fires it once. It may move the
ticket (to the next tier, or to a named team) and tells the people the rule names,
worked out after the move: "escalate and tell the lead" means the new team's lead.
"""

from __future__ import annotations

import fnmatch
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import BranchdeskError
from core.field_events import sets
from core.ids import SYSTEM_USER_ID, derived_id
from core.lifecycle import is_support
from core.models import Comment, HistoryEvent, Ticket
from core.models.tickets import OPEN_STATUSES
from core.orgspec import EscalationRuleSpec
from core.reference import SYSTEM_USER, Reference
from core.sla.clocks import Clock
from core.sla.engine import SlaReport, calendar
from core.sla.figures import CHUNK, reports
from core.uow import UnitOfWork

EVENT = "escalation"
# whom a rule that names nobody tells (DESIGN §13)
DEFAULT_NOTIFY = ("assignee", "lead")


@dataclass(frozen=True)
class Firing:
    """A rule that is due on one ticket, and the change id its firing takes."""

    rule: EscalationRuleSpec
    ticket_id: uuid.UUID
    clock: str  # the clock's name as the SLA engine names it ("response", "ola:DESK", "idle")
    threshold: str  # "at 0.75", or "after 14400s since 2026-12-04T08:00:00Z" for idle
    entry_id: uuid.UUID
    # business seconds since the threshold was passed: a pass that catches up fires the
    # thresholds of a ticket in the order they were passed
    overshoot: int = 0

    @property
    def event_id(self) -> uuid.UUID:
        return derived_id(self.entry_id, EVENT, self.clock)


def _matches(patterns: tuple[str, ...], value: str) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(value, p) for p in patterns)


def _clock(report: SlaReport, rule: EscalationRuleSpec, team_code: str | None) -> Clock | None:
    if rule.clock == "response":
        return report.response
    if rule.clock == "resolution":
        return report.resolution
    if team_code is None:
        return None
    name = f"ola-response:{team_code}" if rule.clock == "ola-response" else f"ola:{team_code}"
    return next((c for c in report.olas if c.name == name), None)


def _passed(clock: Clock, at: float) -> bool:
    """Whether the clock's elapsed business time has reached `at` of its target while it
    still counts (a clock that stopped in time, met, no longer escalates anything)."""
    if clock.target_s <= 0 or clock.state == "met":
        return False
    return clock.elapsed_s >= at * clock.target_s


def last_public_update(session: Session, ticket_ids: list[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """The last instant someone showed the requester a sign of life: the ticket logged,
    its status changed, or a public comment (what the system does by rule is no sign
    of life: an escalation must not stop the idle clock it may itself have fired)."""
    found: dict[uuid.UUID, datetime] = {}
    for i in range(0, len(ticket_ids), CHUNK):
        chunk = ticket_ids[i: i + CHUNK]
        for ticket_id, at in session.execute(
            select(HistoryEvent.ticket_id, func.max(HistoryEvent.occurred_at))
            .where(HistoryEvent.ticket_id.in_(chunk), HistoryEvent.actor_id != SYSTEM_USER_ID,
                   (HistoryEvent.kind == "created") | sets("status"))
            .group_by(HistoryEvent.ticket_id)
        ):
            found[ticket_id] = at
        for ticket_id, at in session.execute(
            select(Comment.ticket_id, func.max(Comment.created_at))
            .where(Comment.ticket_id.in_(chunk), Comment.public.is_(True))
            .group_by(Comment.ticket_id)
        ):
            found[ticket_id] = max(at, found.get(ticket_id, at))
    return found


def due(session: Session, ref: Reference, ticket_ids: list[uuid.UUID], now: datetime) -> list[Firing]:
    """The rules due on these tickets as of `now` that have not fired yet."""
    rules = ref.spec.escalation
    if not rules or not ticket_ids:
        return []
    computed = reports(session, ref, ticket_ids, now)
    idle_since = last_public_update(session, ticket_ids) if any(r.clock == "idle" for r in rules) else {}
    rows = session.execute(
        select(Ticket.id, Ticket.type, Ticket.category_id, Ticket.site_id, Ticket.priority, Ticket.team_id,
               Ticket.status, Ticket.created_at)
        .where(Ticket.id.in_(ticket_ids), Ticket.status.in_(OPEN_STATUSES))
    ).all()
    candidates: list[Firing] = []
    for ticket_id, type_, category_id, site_id, priority, team_id, status, created_at in rows:
        report = computed.get(ticket_id)
        if report is None or report.policy is None:
            continue
        category = ref.category_path_of(category_id) or ""
        site = ref.site_code_of(site_id) or ""
        team = ref.team_code_of(team_id)
        taken: set[tuple[str, str]] = set()
        for rule in rules:
            if not (_matches(rule.types, type_) and _matches(rule.categories, category)
                    and _matches(rule.sites, site) and (not rule.priorities or priority in rule.priorities)):
                continue
            if rule.clock == "idle":
                assert rule.after is not None
                if status == "pending":
                    continue  # waiting on someone else is not neglect
                since = idle_since.get(ticket_id, created_at)
                assert report.calendar is not None
                overshoot = calendar(ref, report.calendar).elapsed(since, now) - rule.after
                if overshoot < 0:
                    continue
                clock_name, threshold = "idle", f"after {rule.after}s since {since.isoformat()}"
            else:
                assert rule.at is not None
                clock = _clock(report, rule, team)
                if clock is None or not _passed(clock, rule.at):
                    continue
                overshoot = clock.elapsed_s - round(rule.at * clock.target_s)
                clock_name, threshold = clock.name, f"at {rule.at:g}"
            if (clock_name, threshold) in taken:
                continue  # an earlier rule took this threshold of this clock
            taken.add((clock_name, threshold))
            entry_id = derived_id(EVENT, rule.name, ticket_id, clock_name, threshold)
            candidates.append(Firing(rule, ticket_id, clock_name, threshold, entry_id, overshoot))
    fired = _fired(session, [f.event_id for f in candidates])
    due_now = [f for f in candidates if f.event_id not in fired]
    return sorted(due_now, key=lambda f: (f.ticket_id, -f.overshoot))


def _fired(session: Session, event_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for i in range(0, len(event_ids), CHUNK):
        found.update(session.scalars(select(HistoryEvent.id).where(HistoryEvent.id.in_(event_ids[i: i + CHUNK]))))
    return found


def recipients(ref: Reference, ticket: Ticket, who: Iterable[str]) -> set[uuid.UUID]:
    """The people a rule's `notify` names, for the ticket as it stands."""
    found: set[uuid.UUID] = set()
    team = ref.teams.get(ticket.team_id) if ticket.team_id else None
    for name in who:
        if name == "assignee" and ticket.assignee_id:
            found.add(ticket.assignee_id)
        elif name == "requester":
            found.add(ticket.requester_id)
        elif name == "lead" and team is not None and team.lead_id:
            found.add(team.lead_id)
        elif name == "team" and team is not None:
            found.update(u.id for u in ref.team_members(team.id) if is_support(u.role))
        elif name == "desk":
            desk = ref.team_codes.get(ref.spec.triage_team or "")
            members = ref.team_members(desk.id) if desk else [u for u in ref.users.values() if u.role == "agent"]
            found.update(u.id for u in members if is_support(u.role))
        elif name in ref.usernames:
            found.add(ref.usernames[name].id)
    return found


def describe(firing: Firing) -> str:
    rule = firing.rule
    if rule.clock == "idle":
        assert rule.after is not None
        hours = rule.after / 3600
        what = f"no public update for {hours:g} business hours"
    else:
        assert rule.at is not None
        what = f"{firing.clock} clock at {rule.at:.0%} of its target"
    return f"escalation rule {rule.name}: {what}"


def fire(uow: UnitOfWork, firing: Firing, now: datetime) -> bool:
    """Do what the rule says, as the system, in the caller's unit of work. False when it
    had fired already (another worker was first)."""
    from core.services import tickets

    session = uow.session
    if session.get(HistoryEvent, firing.event_id) is not None:
        return False
    ticket = session.get(Ticket, firing.ticket_id)
    if ticket is None or ticket.status not in OPEN_STATUSES:
        return False
    rule = firing.rule
    note = describe(firing)
    uow.tickets_by_number[ticket.number] = ticket
    uow.automatic_event(ticket.id, EVENT, firing.clock, firing.threshold, note, now, firing.entry_id)
    moved = None
    try:
        if rule.team is not None and uow.ref.team_code_of(ticket.team_id) != rule.team:
            tickets.assign(uow, SYSTEM_USER, ticket.number, team=rule.team, at=now, note=note)
            moved = rule.team
        elif rule.escalate:
            tickets.escalate(uow, SYSTEM_USER, ticket.number, at=now, note=note)
            moved = uow.ref.team_code_of(ticket.team_id)
    except BranchdeskError as exc:
        # a pending ticket is not reassigned, the top tier escalates to nobody: the rule
        # still tells people, and says why nothing moved
        note = f"{note}; not moved: {exc}"
    if moved:
        note = f"{note}; moved to {moved}"
    uow.notify(ticket.id, EVENT, recipients(uow.ref, ticket, rule.notify or DEFAULT_NOTIFY), note,
               actor=SYSTEM_USER, at=now)
    return True
