"""One ticket in full, typed: what `ticket show` prints, what the window's ticket
view shows and what the server's `GET /tickets/{ticket}` answers. `read_ticket`
builds it; `as_json` is the shape `ticket show --json` prints (DESIGN §9).

Instants are ISO 8601 UTC with a Z; people are usernames, places codes, categories
paths. History and conflicts keep ids, so their values are shown as names here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core.clock import iso, utcnow
from core.errors import NotFound
from core.field_events import changes
from core.lifecycle import sees_internal
from core.models import Attachment, Comment, Conflict, HistoryEvent, Ticket, TicketLink, WorkLog
from core.notices import carried
from core.reference import Reference, UserInfo
from core.scope import can_see, can_see_ticket
from core.sla.engine import SlaReport
from core.sla.figures import reports
from core.uow import event_note

# a value as history and conflicts keep it: text, a number, a flag, a field map, or none
FieldValue = Any


@dataclass(frozen=True)
class HistoryEntry:
    at: str | None
    actor: str | None
    device: str
    kind: str
    field: str | None
    old: FieldValue
    new: FieldValue
    note: str | None


@dataclass(frozen=True)
class CommentEntry:
    id: str
    at: str | None
    author: str | None
    public: bool
    body: str


@dataclass(frozen=True)
class WorkEntry:
    at: str | None
    author: str | None
    minutes: int
    note: str


@dataclass(frozen=True)
class LinkEntry:
    """A link as this ticket sees it: `outgoing` when this ticket made it ("this ticket
    caused_by `ticket`"), `incoming` when the other did ("`ticket` caused_by this one").
    The other ticket's title and status are None when the reader may not see it."""

    kind: str  # relates | duplicates | follows_up | caused_by
    ticket: str  # the other ticket's number
    at: str | None
    direction: str = "outgoing"  # outgoing | incoming
    title: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class RelatedTicket:
    """Another ticket named on this one (its parent, a task): title and status are None
    when the reader may not see it."""

    number: str
    title: str | None
    status: str | None


@dataclass(frozen=True)
class AttachmentEntry:
    id: str
    at: str | None
    author: str | None
    name: str
    size: int
    sha256: str
    media_type: str


@dataclass(frozen=True)
class ConflictEntry:
    id: str
    field: str | None
    kept: FieldValue
    lost: FieldValue
    outcome: str | None
    kept_by: str | None
    lost_by: str | None
    at: str | None
    acknowledged_at: str | None


@dataclass(frozen=True)
class TicketDetail:
    id: str
    number: str
    type: str
    title: str
    description: str
    status: str
    major_incident: bool
    pending_reason: str | None
    pending_supplier: str | None
    priority: str
    priority_reason: str | None
    impact: str
    urgency: str
    category: str | None
    site: str | None
    team: str | None
    tier: int
    assignee: str | None
    requester: str | None
    channel: str
    asset_tag: str | None
    fields: dict[str, FieldValue]
    parent: str | None  # the number of the ticket this task belongs under
    tasks: tuple[str, ...]  # the numbers of its tasks
    resolution_code: str | None
    resolution_note: str | None
    created_at: str | None
    updated_at: str | None
    first_response_at: str | None
    resolved_at: str | None
    closed_at: str | None
    sla: SlaReport  # the clocks computed when it was read, as `sla explain` shows them
    history: tuple[HistoryEntry, ...]
    comments: tuple[CommentEntry, ...]  # internal notes only for support staff
    work_log: tuple[WorkEntry, ...]  # support staff only
    links: tuple[LinkEntry, ...]  # both directions: outgoing first, then incoming, each oldest first
    attachments: tuple[AttachmentEntry, ...]
    conflicts: tuple[ConflictEntry, ...]
    # the parent and the tasks with their titles and statuses, for people to read
    parent_ticket: RelatedTicket | None = None
    task_tickets: tuple[RelatedTicket, ...] = ()

    @property
    def ticket_id(self) -> uuid.UUID:
        return uuid.UUID(self.id)

    def as_json(self) -> dict[str, Any]:
        """The ticket as `ticket show --json` prints it."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "sla":
                out["sla"] = value.as_dict()
            elif f.name == "tasks":
                out["tasks"] = list(value)
            elif f.name == "fields":
                out["fields"] = dict(value)
            elif isinstance(value, tuple):
                out[f.name] = [asdict(entry) for entry in value]
            elif isinstance(value, RelatedTicket):
                out[f.name] = asdict(value)
            else:
                out[f.name] = value
        return out


def get_ticket(session: Session, user: UserInfo, number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    return ticket


def sla_report(session: Session, ref: Reference, ticket_id: uuid.UUID, now: datetime | None = None) -> SlaReport:
    """The ticket's SLA clocks computed now from its history (what `sla explain` shows)."""
    return reports(session, ref, [ticket_id], now or utcnow())[ticket_id]


def read_ticket(session: Session, ref: Reference, user: UserInfo, number: str) -> TicketDetail:
    """Ticket `number` with its history, comments, work, links, attachments and conflicts,
    as `user` may see it (NotFound, word for word as a missing one, outside their scope)."""
    t = get_ticket(session, user, number)
    support = sees_internal(user.role)
    # Instants are kept to the second, so comments of one second need a tie-break that
    # every replica and the server (PostgreSQL, no rowid) agree on: the comment's id.
    comments = session.scalars(
        select(Comment).where(Comment.ticket_id == t.id).order_by(Comment.created_at, Comment.id)
    ).all()
    # Events of one second come in the order of their changes (the stamp), a ticket's
    # creation first and the notices a change sent after it; the id settles the rest
    # the same way everywhere (PostgreSQL keeps no insertion order to fall back on).
    history = session.scalars(
        select(HistoryEvent).where(HistoryEvent.ticket_id == t.id)
        .order_by(HistoryEvent.occurred_at, func.coalesce(HistoryEvent.stamp, ""),
                  case((HistoryEvent.kind == "created", 0), (HistoryEvent.kind == "notice", 2), else_=1),
                  HistoryEvent.id)
    ).all()
    work = session.scalars(
        select(WorkLog).where(WorkLog.ticket_id == t.id).order_by(WorkLog.occurred_at)
    ).all() if support else []
    links = _links(session, user, t.id)
    tasks = [_related(user, row) for row in session.execute(
        select(*_RELATED).where(Ticket.parent_id == t.id).order_by(Ticket.created_at, Ticket.number))]
    parent_row = session.execute(select(*_RELATED).where(Ticket.id == t.parent_id)).first() if t.parent_id else None
    parent = _related(user, parent_row) if parent_row is not None else None
    attachments = session.scalars(
        select(Attachment).where(Attachment.ticket_id == t.id).order_by(Attachment.created_at, Attachment.id))
    conflicts = session.scalars(select(Conflict).where(Conflict.ticket_id == t.id).order_by(Conflict.occurred_at))
    return TicketDetail(
        id=str(t.id), number=t.number, type=t.type, title=t.title, description=t.description, status=t.status,
        major_incident=t.major_incident, pending_reason=t.pending_reason,
        pending_supplier=ref.supplier_code_of(t.pending_supplier_id), priority=t.priority,
        priority_reason=t.priority_reason, impact=t.impact, urgency=t.urgency,
        category=ref.category_path_of(t.category_id), site=ref.site_code_of(t.site_id),
        team=ref.team_code_of(t.team_id), tier=t.tier, assignee=ref.username_of(t.assignee_id),
        requester=ref.username_of(t.requester_id), channel=t.channel, asset_tag=t.asset_tag, fields=t.fields,
        parent=parent.number if parent else None, tasks=tuple(task.number for task in tasks),
        parent_ticket=parent, task_tickets=tuple(tasks), resolution_code=t.resolution_code,
        resolution_note=t.resolution_note,
        created_at=iso(t.created_at), updated_at=iso(t.updated_at), first_response_at=iso(t.first_response_at),
        resolved_at=iso(t.resolved_at), closed_at=iso(t.closed_at), sla=sla_report(session, ref, t.id),
        history=_history_entries(ref, history),
        comments=tuple(
            CommentEntry(id=str(c.id), at=iso(c.created_at), author=ref.username_of(c.author_id), public=c.public,
                         body=c.body)
            for c in comments if c.public or support
        ),
        work_log=tuple(
            WorkEntry(at=iso(w.occurred_at), author=ref.username_of(w.author_id), minutes=w.minutes, note=w.note)
            for w in work
        ),
        links=links,
        attachments=tuple(
            AttachmentEntry(id=str(a.id), at=iso(a.created_at), author=ref.username_of(a.author_id), name=a.name,
                            size=a.size, sha256=a.sha256, media_type=a.media_type)
            for a in attachments
        ),
        conflicts=tuple(
            ConflictEntry(id=str(c.id), field=c.field, kept=display(ref, c.field, c.kept),
                          lost=display(ref, c.field, c.lost), outcome=c.outcome,
                          kept_by=ref.username_of(c.kept_actor_id), lost_by=ref.username_of(c.lost_actor_id),
                          at=iso(c.occurred_at), acknowledged_at=iso(c.acknowledged_at))
            for c in conflicts
        ),
    )


# what is shown of another ticket, and what decides whether the reader may see it
_RELATED = (Ticket.number, Ticket.title, Ticket.status, Ticket.site_id, Ticket.team_id, Ticket.assignee_id)


def _related(user: UserInfo, row: Any) -> RelatedTicket:
    number, title, status, site_id, team_id, assignee_id = row
    if not can_see(user, site_id, team_id, assignee_id):
        return RelatedTicket(number, None, None)
    return RelatedTicket(number, title, status)


def _links(session: Session, user: UserInfo, ticket_id: uuid.UUID) -> tuple[LinkEntry, ...]:
    """The ticket's links in both directions: those it made (outgoing) and those other
    tickets made to it (incoming), each with the other ticket's number, title and status."""
    found: list[LinkEntry] = []
    for direction, here, there in (("outgoing", TicketLink.ticket_id, TicketLink.other_id),
                                   ("incoming", TicketLink.other_id, TicketLink.ticket_id)):
        rows = session.execute(
            select(TicketLink.kind, TicketLink.created_at, *_RELATED).join(Ticket, Ticket.id == there)
            .where(here == ticket_id).order_by(TicketLink.created_at, Ticket.number, TicketLink.kind)
        ).all()
        for kind, at, *other in rows:
            shown = _related(user, other)
            found.append(LinkEntry(kind=kind, ticket=shown.number, at=iso(at), direction=direction,
                                   title=shown.title, status=shown.status))
    return tuple(found)


def _history_entries(ref: Reference, events: Sequence[HistoryEvent]) -> tuple[HistoryEntry, ...]:
    """The events as people read them, each change's notices after its last event (they
    ride on its first, or on a `notice` event of their own: core.notices)."""
    shown: list[HistoryEntry] = []
    told: list[HistoryEntry] = []
    change: tuple[Any, ...] | None = None
    for h in events:
        if (h.occurred_at, h.stamp) != change:
            shown += told
            told, change = [], (h.occurred_at, h.stamp)
        at, actor = iso(h.occurred_at), ref.username_of(h.actor_id)
        if h.kind == "field":  # an entry for each field the change set
            shown += [HistoryEntry(at=at, actor=actor, device=h.device, kind=h.kind, field=name,
                                   old=display(ref, name, old), new=display(ref, name, new), note=h.note)
                      for name, old, new in changes(h.field, h.old, h.new)]
        elif h.kind != "notice":
            shown.append(HistoryEntry(at=at, actor=actor, device=h.device, kind=h.kind, field=h.field,
                                      old=display(ref, h.field, h.old), new=display(ref, h.field, h.new),
                                      note=event_note(h.kind, h.field, h.new, h.note)))
        told += [HistoryEntry(at=at, actor=actor, device=h.device, kind="notice", field=notice.reason, old=None,
                              new=recipients(ref, list(notice.people)), note=notice.note)
                 for notice in carried(h.kind, h.field, h.new, h.note, h.notices)]
    return (*shown, *told)


def recipients(ref: Reference, value: FieldValue) -> FieldValue:
    """A notice names whom it tells by id; people read usernames."""
    if not isinstance(value, list):
        return value
    return [display(ref, "user_id", item) for item in value]


def display(ref: Reference, field: str | None, value: FieldValue) -> FieldValue:
    """History keeps ids; people read codes and names."""
    if value is None or field is None or not field.endswith("_id"):
        return value
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return value
    for lookup in (ref.username_of, ref.site_code_of, ref.team_code_of, ref.category_path_of,
                   ref.supplier_code_of):
        name = lookup(key)
        if name is not None:
            return name
    return value
