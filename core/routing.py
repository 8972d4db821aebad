"""Where a new ticket goes: the first routing rule that matches, else its category's
default team; with the rule's assignee policy and, if it sets one, its priority. No
team means the triage queue."""

from __future__ import annotations

import fnmatch
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.errors import InvalidInput
from core.fields import convert_field
from core.ids import reference_id
from core.models import Ticket
from core.models.tickets import OPEN_STATUSES
from core.orgspec import RoutingRuleSpec
from core.reference import Reference, TeamInfo, UserInfo

# A word is a run of letters and digits in any script ("wyciek", "ryšys"); punctuation,
# underscores and spaces separate words.
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Route:
    team_id: uuid.UUID | None
    assignee_id: uuid.UUID | None
    rule: str | None
    # the priority the rule sets (a rule override), or None to compute it
    priority: str | None = None


def title_words(title: str) -> set[str]:
    """The title's words, case folded, punctuation stripped: "Pump 2: LEAK!" -> {"pump", "2", "leak"}."""
    return {word for word in _NOT_WORD.split(title.casefold()) if word}


def _matches(patterns: tuple[str, ...], value: str) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(value, p) for p in patterns)


def _answers_match(ref: Reference, rule: RoutingRuleSpec, category: str, answers: Mapping[str, Any]) -> bool:
    """The ticket's category answers (as stored: a bool field holds True/False) match the
    rule's `fields`, each written as the file has it ("yes" for a bool field)."""
    if not rule.fields:
        return True
    specs = {f.key: f for f in ref.category(category).fields}
    for key, expected in rule.fields.items():
        spec = specs.get(key)
        if spec is None or key not in answers:
            return False
        try:
            wanted = convert_field(spec, expected)
        except InvalidInput:
            return False
        if answers[key] != wanted:
            return False
    return True


def route(
    session: Session, ref: Reference, counter: Callable[[str], int], *, type: str, category: str, site: str,
    title: str, answers: Mapping[str, Any] | None = None,
) -> Route:
    words = title_words(title)
    for rule in ref.spec.routing:
        if not (_matches(rule.types, type) and _matches(rule.categories, category) and _matches(rule.sites, site)):
            continue
        if rule.words and not words & {w.casefold() for w in rule.words}:
            continue
        if not _answers_match(ref, rule, category, answers or {}):
            continue
        team_id = reference_id("team", rule.team)
        assignee = _pick_assignee(session, ref, counter, team_id, rule.assign, site)
        return Route(team_id, assignee, rule.name, rule.priority)
    default = ref.category(category).team_id
    if default is None and ref.spec.triage_team:
        default = reference_id("team", ref.spec.triage_team)
    return Route(default, None, None)


def _pick_assignee(
    session: Session, ref: Reference, counter: Callable[[str], int], team_id: uuid.UUID, policy: str,
    site: str,
) -> uuid.UUID | None:
    members = sorted(
        (u for u in ref.team_members(team_id) if u.role != "requester"), key=lambda u: u.username
    )
    if policy == "site":
        # least loaded among those who cover the ticket's site; nobody: the team's queue
        site_info = ref.site_codes.get(site)
        members = [u for u in members if site_info is not None and site_info.id in u.site_ids]
    if policy == "none" or not members:
        return None
    if policy == "round_robin":
        turn = counter(f"round_robin:{team_id}")
        return members[(turn - 1) % len(members)].id
    return _least_loaded(session, members)


def _least_loaded(session: Session, members: list[UserInfo]) -> uuid.UUID:
    # The load as stored; this command's own unflushed changes hardly move it.
    with session.no_autoflush:
        rows = session.execute(load_query([m.id for m in members])).all()
    load: dict[uuid.UUID | None, int] = {}
    for assignee, n in rows:
        load[assignee] = load.get(assignee, 0) + n
    return min(members, key=lambda m: (load.get(m.id, 0), m.username)).id


def load_query(assignees: list[uuid.UUID]) -> Select[uuid.UUID | None, int]:
    """Open tickets per (status, assignee). Grouped by both, the columns of the
    (status, assignee) index, so that SQLite counts the open tickets of these people in
    that index rather than walking every ticket they ever had by the assignee index: at
    100,000 tickets that walk was a fifth of the server's demo."""
    return (select(Ticket.assignee_id, func.count())
            .where(Ticket.status.in_(OPEN_STATUSES), Ticket.assignee_id.in_(assignees))
            .group_by(Ticket.status, Ticket.assignee_id))


# Per reference data version: each team's escalates_to_by_country, and each site's country.
_ESCALATION_MAPS: WeakKeyDictionary[Reference, tuple[dict[str, dict[str, str]], dict[str, str]]] = (
    WeakKeyDictionary()
)


def escalation_team(ref: Reference, team_code: str | None, site_code: str | None) -> TeamInfo | None:
    """The team a ticket with team `team_code` at site `site_code` escalates to: the team's
    escalates_to_by_country entry for the site's country, else its escalates_to; None when
    it has neither."""
    maps = _ESCALATION_MAPS.get(ref)
    if maps is None:
        maps = ({t.code: t.escalates_to_by_country for t in ref.spec.teams if t.escalates_to_by_country},
                {s.code: s.country for s in ref.spec.sites if s.country})
        _ESCALATION_MAPS[ref] = maps
    by_country, countries = maps
    team = ref.team_codes.get(team_code or "")
    if team is None:
        return None
    country = countries.get(site_code or "")
    target = by_country.get(team.code, {}).get(country or "")
    if target is not None:
        return ref.team_codes.get(target)
    return ref.teams.get(team.escalates_to_id) if team.escalates_to_id is not None else None
