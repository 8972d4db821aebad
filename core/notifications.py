"""What a person should be told about: tickets newly assigned to them, SLA warnings
and breaches on tickets assigned to them, public replies on tickets they logged,
and the notices a command addressed to them (carried by a history event of the
change, core.notices: an escalation, a ticket resolved with its major incident...),
each made by someone else. Read from history and comments after a mark (their
SQLite rowids), so a watcher asks only for what is new since it last looked; or,
for the window's list, the most recent ones, looking back a bounded number of rows
by rowid.

A change that also sent a notice for the same reason (core.notices) is told once:
the notice stands for it."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.field_events import changes, sets, value_text
from core.models import Comment, HistoryEvent, Ticket
from core.notices import carried, naming
from core.reference import Reference, UserInfo
from core.scope import scope_clause
from core.uow import SLA_EVENT_KINDS, event_note

# how far back the recent list looks at most, in rows of each table: bounded on any store
HISTORY_WINDOW = 50_000
COMMENT_WINDOW = 20_000


@dataclass(frozen=True)
class Mark:
    history: int = 0
    comments: int = 0


@dataclass(frozen=True)
class Notice:
    # assigned | sla_warning | sla_breach | reply, or a notice's reason (escalation | major_resolved ...;
    # "queued" for an assignment told to a whole team)
    kind: str
    number: str
    title: str
    by: str | None
    text: str
    # "history:<id>" or "comment:<id>": the row it was read from, the same on every read
    # ("history:<id>:<reason>" for a notice an event carries with others)
    key: str = ""
    # that row's rowid in its table on this store (orders rows on this device only)
    seq: int = 0
    at: datetime | None = None


def current_mark(session: Session) -> Mark:
    history = session.scalar(select(func.max(literal_column("history.rowid"))).select_from(HistoryEvent)) or 0
    comments = session.scalar(select(func.max(literal_column("comments.rowid"))).select_from(Comment)) or 0
    return Mark(history, comments)


def _for_user(user: UserInfo) -> Any:
    """History rows that may be news to `user` (each is checked again in Python)."""
    return and_(HistoryEvent.actor_id != user.id, or_(
        and_(sets("assignee_id"), value_text(HistoryEvent.new, "assignee_id") == json.dumps(str(user.id))),
        and_(HistoryEvent.kind.in_(SLA_EVENT_KINDS), Ticket.assignee_id == user.id),
        naming(user.id),
    ))


# (the ticket's id, whether a notice said it, the notice)
Found = tuple[uuid.UUID, bool, Notice]


def _history(session: Session, ref: Reference, user: UserInfo, where: list[Any], *, newest_first: bool = False,
             limit: int | None = None, changed: set[uuid.UUID] | None = None) -> list[Found]:
    """Notices from history rows matching `where`; `changed` (when given) collects the
    ids of every ticket those rows touch, so then every row is read."""
    h_rowid: Any = literal_column("history.rowid")
    query = (
        select(h_rowid, HistoryEvent.id, HistoryEvent.occurred_at, HistoryEvent.kind, HistoryEvent.field,
               HistoryEvent.new, HistoryEvent.actor_id, HistoryEvent.note, HistoryEvent.notices,
               Ticket.id, Ticket.number, Ticket.title, Ticket.assignee_id)
        .join(Ticket, Ticket.id == HistoryEvent.ticket_id)
        .where(*where, scope_clause(user))
        .order_by(h_rowid.desc() if newest_first else h_rowid)
    )
    if changed is None:
        query = query.where(_for_user(user))
    if limit is not None:
        query = query.limit(limit)
    found: list[Found] = []
    me = str(user.id)
    for rowid, event_id, at, kind, field, new, actor_id, note, notices, ticket_id, number, title, assignee_id in \
            session.execute(query).all():
        if changed is not None:
            changed.add(ticket_id)
        if actor_id == user.id:
            continue
        by = ref.users[actor_id].name if actor_id in ref.users else None
        key = f"history:{event_id}"
        if kind == "field" and any(name == "assignee_id" and value == me for name, _, value in changes(field, None, new)):
            found.append((ticket_id, False, Notice("assigned", number, title, by, note or "", key, rowid, at)))
        elif kind in SLA_EVENT_KINDS and assignee_id == user.id:
            found.append((ticket_id, False, Notice(kind, number, title, by, event_note(kind, field, new, note) or "",
                                                   key, rowid, at)))
        for told in carried(kind, field, new, note, notices):
            if me in told.people:
                # an assignment told to a whole team: the ticket waits in their queue
                what = "queued" if told.reason == "assigned" and len(told.people) > 1 else told.reason
                found.append((ticket_id, True, Notice(what, number, title, by, told.note,
                                                      key if kind == "notice" else f"{key}:{told.reason}", rowid, at)))
    return found


def _replies(session: Session, ref: Reference, user: UserInfo, where: list[Any], *, newest_first: bool = False,
             limit: int | None = None, changed: set[uuid.UUID] | None = None) -> list[Found]:
    c_rowid: Any = literal_column("comments.rowid")
    query = (
        select(c_rowid, Comment.id, Comment.created_at, Comment.body, Comment.public, Comment.author_id,
               Ticket.id, Ticket.number, Ticket.title, Ticket.requester_id)
        .join(Ticket, Ticket.id == Comment.ticket_id)
        .where(*where, scope_clause(user))
        .order_by(c_rowid.desc() if newest_first else c_rowid)
    )
    if changed is None:
        query = query.where(Comment.public.is_(True), Ticket.requester_id == user.id, Comment.author_id != user.id)
    if limit is not None:
        query = query.limit(limit)
    found: list[Found] = []
    for rowid, comment_id, at, body, public, author_id, ticket_id, number, title, requester_id in \
            session.execute(query).all():
        if changed is not None:
            changed.add(ticket_id)
        if public and requester_id == user.id and author_id != user.id:
            by = ref.users[author_id].name if author_id in ref.users else None
            found.append((ticket_id, False, Notice("reply", number, title, by, body, f"comment:{comment_id}",
                                                   rowid, at)))
    return found


def _once(found: list[Found]) -> list[Notice]:
    """Drop what a notice for the same ticket, reason and instant already tells."""
    said = {(ticket_id, n.kind, n.at) for ticket_id, is_notice, n in found if is_notice}
    return [n for ticket_id, is_notice, n in found if is_notice or (ticket_id, n.kind, n.at) not in said]


def notices_since(
    session: Session, ref: Reference, user: UserInfo, mark: Mark, limit: int = 50,
) -> tuple[Mark, list[Notice], set[uuid.UUID]]:
    """(the new mark, what to tell `user`, ids of every visible ticket changed since `mark`)."""
    new_mark = current_mark(session)
    changed: set[uuid.UUID] = set()
    h_rowid: Any = literal_column("history.rowid")
    c_rowid: Any = literal_column("comments.rowid")
    found = _history(session, ref, user, [h_rowid > mark.history, h_rowid <= new_mark.history], changed=changed)
    found += _replies(session, ref, user, [c_rowid > mark.comments, c_rowid <= new_mark.comments],
                      changed=changed)
    return new_mark, _once(found)[-limit:], changed


def recent_notices(
    session: Session, ref: Reference, user: UserInfo, *, limit: int = 100, days: int = 14,
    now: datetime | None = None,
) -> tuple[Mark, list[Notice]]:
    """(the current mark, the newest `limit` notices for `user` of the last `days`, newest
    first). Looks back at most HISTORY_WINDOW history rows and COMMENT_WINDOW comments by
    rowid (the primary key's order), so it costs the same on any size of store."""
    mark = current_mark(session)
    since = (now or utcnow()) - timedelta(days=days)
    h_rowid: Any = literal_column("history.rowid")
    c_rowid: Any = literal_column("comments.rowid")
    # twice the limit: a notice and the change it stands for may both be read
    found = _history(session, ref, user, [h_rowid > mark.history - HISTORY_WINDOW, h_rowid <= mark.history,
                                          HistoryEvent.occurred_at >= since], newest_first=True, limit=2 * limit)
    found += _replies(session, ref, user, [c_rowid > mark.comments - COMMENT_WINDOW, c_rowid <= mark.comments,
                                           Comment.created_at >= since], newest_first=True, limit=limit)
    notices = sorted(_once(found), key=lambda n: (n.at or since, n.key.startswith("history:"), n.seq),
                     reverse=True)
    return mark, notices[:limit]
