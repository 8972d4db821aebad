"""Read side: queues, pages of tickets sorted and filtered in SQL, one ticket in full.

Everything here is scoped to the person asking (core.scope) and returns plain
dicts and tuples, ready for the command line, the server or a Qt item model."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, case, column, func, literal_column, select
from sqlalchemy.orm import Session

from core.clock import iso, utcnow
from core.errors import InvalidInput, NotFound
from core.models import (
    Attachment,
    Category,
    Comment,
    Conflict,
    HistoryEvent,
    Site,
    Ticket,
    TicketLink,
    User,
    WorkLog,
)
from core.models.tickets import OPEN_STATUSES
from core.reference import Reference, UserInfo
from core.scope import can_see_ticket, scope_clause
from core.sla.engine import SlaReport
from core.sla.figures import reports

QUEUES = ("mine", "team", "triage", "breaching", "site", "all")
# "breaching soon": open tickets whose next warning or breach falls within this many seconds
BREACHING_WITHIN = 3600


@dataclass(frozen=True)
class TicketRow:
    id: uuid.UUID
    number: str
    title: str
    status: str
    priority: str
    site: str | None
    category: str | None
    team: str | None
    assignee: str | None
    updated_at: str | None
    response_due_at: str | None = None
    response_state: str | None = None
    resolution_due_at: str | None = None
    resolution_state: str | None = None
    sla_next_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "id": str(self.id)}


def queue_clause(
    ref: Reference, user: UserInfo, queue: str, home_site: uuid.UUID | None = None,
    within: int = BREACHING_WITHIN, now: datetime | None = None,
) -> Any:
    if queue == "breaching":
        horizon = (now or utcnow()) + timedelta(seconds=within)
        return Ticket.status.in_(OPEN_STATUSES) & (Ticket.sla_next_at <= horizon)
    if queue == "mine":
        return (Ticket.assignee_id == user.id) & Ticket.status.in_(OPEN_STATUSES)
    if queue == "team":
        return Ticket.team_id.in_(user.team_ids) & Ticket.status.in_(OPEN_STATUSES)
    if queue == "triage":
        triage = ref.team_codes.get(ref.spec.triage_team or "")
        untriaged: Any = Ticket.team_id.is_(None)
        if triage is not None:
            untriaged = untriaged | (Ticket.team_id == triage.id)
        return (Ticket.status == "new") & untriaged
    if queue == "site":
        site = user.site_id or home_site
        return (Ticket.site_id == site) & Ticket.status.in_(OPEN_STATUSES)
    if queue == "all":
        return None
    raise InvalidInput(f"queue must be one of {', '.join(QUEUES)}, not {queue!r}", "queue")


SORTS = ("number", "title", "status", "priority", "created", "updated", "site", "category", "assignee", "due")


# any select, whatever its columns (Select is generic over a tuple of column types)
Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


def sorted_query(ref: Reference, query: Q, sort: str, descending: bool) -> Q:
    """The query in the order people expect: by codes and names rather than ids,
    priority by rank, ties broken by number. Done in SQL, so a page is one query."""
    if sort not in SORTS:
        raise InvalidInput(f"sort must be one of {', '.join(SORTS)}, not {sort!r}", "sort")
    levels = list(ref.spec.priority.levels)
    key: Any
    if sort == "priority":
        # Levels such as P1..P5 already sort by rank as text, which lets the index serve.
        key = Ticket.priority if levels == sorted(levels) else case(
            {level: i for i, level in enumerate(levels)}, value=Ticket.priority, else_=len(levels))
    elif sort == "site":
        query = query.join(Site, Site.id == Ticket.site_id)
        key = Site.code
    elif sort == "category":
        query = query.join(Category, Category.id == Ticket.category_id)
        key = Category.path
    elif sort == "assignee":
        query = query.outerjoin(User, User.id == Ticket.assignee_id)
        key = User.username
    elif sort == "due":
        # tickets without a running clock sort after every due instant
        key = func.coalesce(Ticket.sla_next_at, datetime(9999, 1, 1))
    else:
        key = {"number": Ticket.number, "title": Ticket.title, "status": Ticket.status,
               "created": Ticket.created_at, "updated": Ticket.updated_at}[sort]
    if descending:
        return query.order_by(key.desc(), Ticket.number.desc())
    return query.order_by(key.asc(), Ticket.number.asc())


def tickets_query(
    ref: Reference, user: UserInfo, *, queue: str = "all", status: str | None = None,
    home_site: uuid.UUID | None = None, within: int = BREACHING_WITHIN, now: datetime | None = None,
) -> Select[Any]:
    query = select(Ticket).where(scope_clause(user))
    clause = queue_clause(ref, user, queue, home_site, within, now)
    if clause is not None:
        query = query.where(clause)
    if status is not None:
        from core.orgspec import STATUSES

        if status not in STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(STATUSES)}, not {status!r}", "status")
        query = query.where(Ticket.status == status)
    return query


def count_tickets(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def list_tickets(
    session: Session, ref: Reference, user: UserInfo, *, queue: str = "all", status: str | None = None,
    sort: str = "updated", descending: bool = True, offset: int = 0, limit: int = 50,
    home_site: uuid.UUID | None = None, within: int = BREACHING_WITHIN, now: datetime | None = None,
) -> list[TicketRow]:
    query = tickets_query(ref, user, queue=queue, status=status, home_site=home_site, within=within, now=now)
    columns = sorted_query(ref, query.with_only_columns(
        Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id,
        Ticket.category_id, Ticket.team_id, Ticket.assignee_id, Ticket.updated_at,
        Ticket.response_due_at, Ticket.response_state, Ticket.resolution_due_at, Ticket.resolution_state,
        Ticket.sla_next_at,
    ), sort, descending).offset(offset).limit(limit)
    return [
        TicketRow(
            id=r[0], number=r[1], title=r[2], status=r[3], priority=r[4], site=ref.site_code_of(r[5]),
            category=ref.category_path_of(r[6]), team=ref.team_code_of(r[7]), assignee=ref.username_of(r[8]),
            updated_at=iso(r[9]), response_due_at=iso(r[10]), response_state=r[11],
            resolution_due_at=iso(r[12]), resolution_state=r[13], sla_next_at=iso(r[14]),
        )
        for r in session.execute(columns)
    ]


def get_ticket(session: Session, user: UserInfo, number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    return ticket


def ticket_detail(session: Session, ref: Reference, user: UserInfo, number: str) -> dict[str, Any]:
    """A ticket with its history, comments, work, links and attachments, as `ticket show --json` prints it."""
    t = get_ticket(session, user, number)
    support = user.role not in ("requester",)
    # Instants are kept to the second, so comments of one second need a tie-break that
    # every replica and the server (PostgreSQL, no rowid) agree on: the comment's id.
    comments = session.scalars(
        select(Comment).where(Comment.ticket_id == t.id).order_by(Comment.created_at, Comment.id)
    ).all()
    history = session.scalars(
        select(HistoryEvent).where(HistoryEvent.ticket_id == t.id).order_by(HistoryEvent.occurred_at)
    ).all()
    work = session.scalars(select(WorkLog).where(WorkLog.ticket_id == t.id).order_by(WorkLog.occurred_at)).all()
    links = session.execute(
        select(TicketLink.kind, Ticket.number, TicketLink.created_at)
        .join(Ticket, Ticket.id == TicketLink.other_id).where(TicketLink.ticket_id == t.id)
    ).all()
    children = session.scalars(select(Ticket.number).where(Ticket.parent_id == t.id)).all()
    parent = session.scalar(select(Ticket.number).where(Ticket.id == t.parent_id)) if t.parent_id else None
    return {
        "id": str(t.id),
        "number": t.number,
        "type": t.type,
        "title": t.title,
        "description": t.description,
        "status": t.status,
        "major_incident": t.major_incident,
        "pending_reason": t.pending_reason,
        "pending_supplier": ref.supplier_code_of(t.pending_supplier_id),
        "priority": t.priority,
        "priority_reason": t.priority_reason,
        "impact": t.impact,
        "urgency": t.urgency,
        "category": ref.category_path_of(t.category_id),
        "site": ref.site_code_of(t.site_id),
        "team": ref.team_code_of(t.team_id),
        "tier": t.tier,
        "assignee": ref.username_of(t.assignee_id),
        "requester": ref.username_of(t.requester_id),
        "channel": t.channel,
        "asset_tag": t.asset_tag,
        "fields": t.fields,
        "parent": parent,
        "tasks": list(children),
        "resolution_code": t.resolution_code,
        "resolution_note": t.resolution_note,
        "created_at": iso(t.created_at),
        "updated_at": iso(t.updated_at),
        "first_response_at": iso(t.first_response_at),
        "resolved_at": iso(t.resolved_at),
        "closed_at": iso(t.closed_at),
        "sla": sla_report(session, ref, t.id).as_dict(),
        "history": [
            {
                "at": iso(h.occurred_at), "actor": ref.username_of(h.actor_id), "device": h.device,
                "kind": h.kind, "field": h.field, "old": _display(ref, h.field, h.old),
                "new": _display(ref, h.field, h.new), "note": h.note,
            }
            for h in history
        ],
        "comments": [
            {
                "id": str(c.id), "at": iso(c.created_at), "author": ref.username_of(c.author_id),
                "public": c.public, "body": c.body,
            }
            for c in comments if c.public or support
        ],
        "work_log": [
            {"at": iso(w.occurred_at), "author": ref.username_of(w.author_id), "minutes": w.minutes, "note": w.note}
            for w in work
        ] if support else [],
        "links": [{"kind": k, "ticket": n, "at": iso(at)} for k, n, at in links],
        "attachments": [
            {
                "id": str(a.id), "at": iso(a.created_at), "author": ref.username_of(a.author_id), "name": a.name,
                "size": a.size, "sha256": a.sha256, "media_type": a.media_type,
            }
            for a in session.scalars(
                select(Attachment).where(Attachment.ticket_id == t.id).order_by(Attachment.created_at, Attachment.id)
            )
        ],
        "conflicts": [
            {
                "id": str(c.id), "field": c.field, "kept": _display(ref, c.field, c.kept),
                "lost": _display(ref, c.field, c.lost), "outcome": c.outcome,
                "kept_by": ref.username_of(c.kept_actor_id), "lost_by": ref.username_of(c.lost_actor_id),
                "at": iso(c.occurred_at), "acknowledged_at": iso(c.acknowledged_at),
            }
            for c in session.scalars(
                select(Conflict).where(Conflict.ticket_id == t.id).order_by(Conflict.occurred_at)
            )
        ],
    }


def sla_report(session: Session, ref: Reference, ticket_id: uuid.UUID, now: datetime | None = None) -> SlaReport:
    """The ticket's SLA clocks computed now from its history (what `sla explain` shows)."""
    return reports(session, ref, [ticket_id], now or utcnow())[ticket_id]


def _display(ref: Reference, field: str | None, value: Any) -> Any:
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


def search(session: Session, ref: Reference, user: UserInfo, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Tickets whose title, description or comments hold every word typed (prefixes
    match), best first, within the person's scope."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    if not words:
        raise InvalidInput("search needs at least one word", "text")
    match = " AND ".join(_match_term(w) for w in words)
    from sqlalchemy import text as sql

    hits = sql(
        "SELECT rowid AS rid, bm25(ticket_fts) AS rank, 'ticket' AS src FROM ticket_fts WHERE ticket_fts MATCH :q "
        "UNION ALL SELECT t.rowid, bm25(comment_fts), 'comment' FROM comment_fts "
        "JOIN comments c ON c.rowid = comment_fts.rowid JOIN tickets t ON t.id = c.ticket_id "
        "WHERE comment_fts MATCH :q AND (c.public = 1 OR :staff = 1)"
    ).columns(column("rid"), column("rank"), column("src")).subquery("hits")
    ranked = (
        select(hits.c.rid, func.min(hits.c.rank).label("best"))
        .group_by(hits.c.rid).subquery()
    )
    rows = session.execute(
        select(Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id)
        .join(ranked, ranked.c.rid == sql_rowid())
        .where(scope_clause(user))
        .order_by(ranked.c.best, Ticket.number)
        .limit(limit),
        # internal notes are support staff's, as in ticket_detail: a requester's search must not reveal them
        {"q": match, "staff": int(user.role != "requester")},
    ).all()
    return [
        {"number": n, "title": t, "status": s, "priority": p, "site": ref.site_code_of(site)}
        for n, t, s, p, site in rows
    ]


# Letters that the index's tokenizer (unicode61, remove_diacritics 2) keeps as they are,
# since Unicode gives them no base letter: "Głogowska" is indexed as "głogowska". A word
# typed without them also looks for them, so "glogowska" finds it.
_STROKED = {"l": "ł"}
_MAX_VARIANTS = 32


def _match_term(word: str) -> str:
    base = word.lower().translate({ord(v): k for k, v in _STROKED.items()})
    spots = [i for i, ch in enumerate(base) if ch in _STROKED]
    variants = {base, word.lower()}
    if spots and 2 ** len(spots) <= _MAX_VARIANTS:
        for mask in range(1, 2 ** len(spots)):
            chars = list(base)
            for bit, i in enumerate(spots):
                if mask >> bit & 1:
                    chars[i] = _STROKED[chars[i]]
            variants.add("".join(chars))
    terms = [f'"{v}"*' for v in sorted(variants)]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def sql_rowid() -> Any:
    return literal_column("tickets.rowid")
