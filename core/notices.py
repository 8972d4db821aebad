"""Who is told what (DESIGN §13): the notices a unit of work writes for what it did,
each naming the people to tell, carried by the change that caused it: in the
`notices` of the first history event the change wrote on the ticket, or of a
`notice` event of their own when it wrote none (a reply). They are written where
the command runs — on a branch store, on the server replaying it, in the worker's
automatic actions — by this one set of rules, so every replica writes the same
notices on the same event, and the server's worker hands each to the channels that
deliver it. (Before store 0013 and server 0016 each notice was a `notice` event of
its own; those still read as notices: carried().)

- assignment: the assignee; the team (its support staff) when nobody is assigned;
- a public reply: the requester (a reply of the requester's own: the assignee);
- a change of status: the requester; resolution: the requester, with the note;
- an SLA warning or breach: the assignee (the team when nobody is assigned) and the
  team's lead; an escalation rule that fires tells whom it names (core.escalation);
- a major incident: the requesters of its site, and of each site whose incident is
  linked to it;
nobody is told of what they did themselves, and nobody twice about one change."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from core.ids import derived_id, from_short_id, short_id
from core.lifecycle import is_support
from core.models import HistoryEvent, Ticket
from core.reference import Reference, UserInfo

if TYPE_CHECKING:
    from core.uow import UnitOfWork

# every reason a notice is written for; a change's notices written before store 0013
# and server 0016 are found again by their events' ids, derived from change and reason
REASONS = ("assigned", "reply", "status", "resolved", "sla_warning", "sla_breach", "escalation", "major",
           "major_resolved")


@dataclass(frozen=True)
class Told:
    """One notice an event carries."""

    reason: str
    people: list[str]  # the ids of the people told, as text (kept as core.ids.short_id gives them)
    note: str


def carried(kind: str, field: str | None, new: Any, note: str | None, notices: list[Any] | None) -> list[Told]:
    """The notices a history event carries: its `notices`, or, for a `notice` event of
    its own as they were written before store 0013 and server 0016, itself."""
    if notices:
        return [Told(str(reason), [str(from_short_id(p)) for p in people], str(said or "")) for reason, people, said in notices]
    if kind == "notice" and field and isinstance(new, list):
        return [Told(field, [str(p) for p in new], note or "")]
    return []


def notice_id(event_id: uuid.UUID, notices: list[Any] | None, reason: str) -> uuid.UUID:
    """A notice's own id: the `notice` event it was, or one derived from the event it
    rides on (whose `notices` are given) and its reason, which a change sends once."""
    return event_id if notices is None else derived_id(event_id, "notice", reason)


def carrying() -> Any:
    """The history events that carry notices (see carried)."""
    return or_(HistoryEvent.notices.is_not(None), HistoryEvent.kind == "notice")


def naming(user_id: uuid.UUID) -> Any:
    """Of those, the ones that may name this person (each is checked again in Python)."""
    return or_(type_coerce(HistoryEvent.notices, String).contains(f'"{short_id(user_id)}"', autoescape=True),
               (HistoryEvent.kind == "notice") & type_coerce(HistoryEvent.new, String).contains(f'"{user_id}"'))


AFFECTED_LINKS = frozenset({"caused_by", "duplicates", "relates"})


@dataclass(frozen=True)
class Source:
    """Something a command did that may be news to someone: one history event it wrote
    (or a comment it added), with the change it hangs on."""

    entry_id: uuid.UUID
    stamp: str
    ticket_id: uuid.UUID
    actor: UserInfo
    at: datetime
    kind: str  # created | field | comment | link | sla_warning | sla_breach
    field: str | None = None
    new: Any = None
    text: str | None = None


def _team(ref: Reference, team_id: uuid.UUID | None) -> set[uuid.UUID]:
    return {u.id for u in ref.team_members(team_id) if is_support(u.role)} if team_id else set()


def _lead(ref: Reference, team_id: uuid.UUID | None) -> set[uuid.UUID]:
    team = ref.teams.get(team_id) if team_id else None
    return {team.lead_id} if team is not None and team.lead_id else set()


def _requesters_at(ref: Reference, site_id: uuid.UUID) -> set[uuid.UUID]:
    return {u.id for u in ref.users.values() if u.role == "requester" and u.active and u.site_id == site_id}


STATUS_WORDS = {
    "assigned": "assigned", "in_progress": "being worked on", "pending": "on hold", "closed": "closed",
    "cancelled": "cancelled", "new": "new again",
}


def _tickets(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, Ticket]:
    """The tickets the sources are about: those the session holds, the others read in
    one statement (the warnings a batch's SLA refresh records are about tickets it
    read without the ORM; one read each was a round trip each on PostgreSQL)."""
    held = {t: session.identity_map.get(session.identity_key(Ticket, t)) for t in ids}
    found = {t: ticket for t, ticket in held.items() if ticket is not None}
    missing = sorted(t for t in ids if t not in found)
    for start in range(0, len(missing), 500):
        found.update((t.id, t) for t in session.scalars(select(Ticket).where(Ticket.id.in_(missing[start:start + 500]))))
    return found


def tell(uow: UnitOfWork, sources: list[Source], told: set[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """Write the notices for these sources. `told` holds (change, person) pairs already
    told about a change (by a notice the command wrote itself); it grows."""
    ref = uow.ref
    session = uow.session
    by_entry: dict[uuid.UUID, list[Source]] = {}
    for source in sources:
        by_entry.setdefault(source.entry_id, []).append(source)
    tickets = _tickets(session, {s.ticket_id for s in sources})
    for entry_sources in by_entry.values():
        first = entry_sources[0]
        ticket = tickets.get(first.ticket_id)
        if ticket is None:
            continue
        for reason, people, note in _rules(ref, session, ticket, entry_sources):
            fresh = {p for p in people if p != first.actor.id and (first.entry_id, p) not in told
                     and p in ref.users and ref.users[p].active}
            if not fresh:
                continue
            told.update((first.entry_id, p) for p in fresh)
            uow.write_notice(first.entry_id, first.stamp, ticket.id, first.actor, first.at, reason, fresh, note)


def _rules(
    ref: Reference, session: Session, ticket: Ticket, sources: list[Source],
) -> Iterable[tuple[str, set[uuid.UUID], str]]:
    fields = {s.field: s for s in sources if s.kind == "field"}
    made = next((s for s in sources if s.kind == "created"), None)
    created = made is not None
    # who holds the ticket as this change left it (a unit of work may hold several commands)
    start = made.new if made is not None and isinstance(made.new, dict) else {}
    assignee = fields["assignee_id"].new if "assignee_id" in fields else start.get("assignee_id", ticket.assignee_id)
    team_id = fields["team_id"].new if "team_id" in fields else start.get("team_id", ticket.team_id)
    if created or "assignee_id" in fields or "team_id" in fields:
        if assignee is not None and (created or "assignee_id" in fields):
            yield "assigned", {assignee}, f"{ticket.number} is assigned to you"
        elif assignee is None and team_id is not None:
            code = ref.team_code_of(team_id)
            yield "assigned", _team(ref, team_id), f"{ticket.number} waits in the {code} queue"
    if "status" in fields and not created:
        status = fields["status"].new
        if status == "resolved":
            yield "resolved", {ticket.requester_id}, ticket.resolution_note or "resolved"
        else:
            note = fields["status"].text
            words = STATUS_WORDS.get(str(status), str(status))
            yield "status", {ticket.requester_id}, f"{ticket.number} is {words}" + (f": {note}" if note else "")
    for source in sources:
        if source.kind == "comment":
            if source.actor.id == ticket.requester_id:
                if ticket.assignee_id is not None:
                    yield "reply", {ticket.assignee_id}, source.text or ""
            else:
                yield "reply", {ticket.requester_id}, source.text or ""
        elif source.kind in ("sla_warning", "sla_breach"):
            people = {ticket.assignee_id} if ticket.assignee_id else _team(ref, ticket.team_id)
            yield source.kind, people | _lead(ref, ticket.team_id), source.text or ""
        elif source.kind == "link" and source.field in AFFECTED_LINKS and source.new is not None:
            # an incident linked to a major incident: the people at its site hear of the major one
            other = session.get(Ticket, source.new)
            if other is not None and other.major_incident and other.is_open:
                yield "major", _requesters_at(ref, ticket.site_id), f"major incident {other.number}: {other.title}"
    flagged = (created and ticket.major_incident) or (
        "major_incident" in fields and fields["major_incident"].new is True)
    if flagged and ticket.is_open:
        yield "major", _requesters_at(ref, ticket.site_id), f"major incident {ticket.number}: {ticket.title}"
