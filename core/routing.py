"""Where a new ticket goes: the first routing rule that matches, else its category's
default team; with the rule's assignee policy. No team means the triage queue."""

from __future__ import annotations

import fnmatch
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.ids import reference_id
from core.models import Ticket
from core.models.tickets import OPEN_STATUSES
from core.reference import Reference


@dataclass(frozen=True)
class Route:
    team_id: uuid.UUID | None
    assignee_id: uuid.UUID | None
    rule: str | None


def _matches(patterns: tuple[str, ...], value: str) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(value, p) for p in patterns)


def route(
    session: Session, ref: Reference, counter: Callable[[str], int], *, type: str, category: str, site: str,
    title: str,
) -> Route:
    words = set(title.lower().split())
    for rule in ref.spec.routing:
        if not (_matches(rule.types, type) and _matches(rule.categories, category) and _matches(rule.sites, site)):
            continue
        if rule.words and not words & {w.lower() for w in rule.words}:
            continue
        team_id = reference_id("team", rule.team)
        return Route(team_id, _pick_assignee(session, ref, counter, team_id, rule.assign), rule.name)
    default = ref.category(category).team_id
    if default is None and ref.spec.triage_team:
        default = reference_id("team", ref.spec.triage_team)
    return Route(default, None, None)


def _pick_assignee(
    session: Session, ref: Reference, counter: Callable[[str], int], team_id: uuid.UUID, policy: str
) -> uuid.UUID | None:
    members = sorted(
        (u for u in ref.team_members(team_id) if u.role != "requester"), key=lambda u: u.username
    )
    if policy == "none" or not members:
        return None
    if policy == "round_robin":
        turn = counter(f"round_robin:{team_id}")
        return members[(turn - 1) % len(members)].id
    # The load as stored; this command's own unflushed changes hardly move it.
    with session.no_autoflush:
        rows = session.execute(
            select(Ticket.assignee_id, func.count())
            .where(Ticket.assignee_id.in_([m.id for m in members]), Ticket.status.in_(OPEN_STATUSES))
            .group_by(Ticket.assignee_id)
        ).tuples().all()
    load = dict(rows)
    return min(members, key=lambda m: (load.get(m.id, 0), m.username)).id
