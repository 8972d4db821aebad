"""What a person should be told about: tickets newly assigned to them, SLA warnings
and breaches on tickets assigned to them, public replies on tickets they logged,
and the notices a command addressed to them (a `notice` history event naming them:
an escalation, a ticket resolved with its major incident...), each made by someone
else. Read from history and comments after a mark (their SQLite rowids), so a
watcher asks only for what is new since it last looked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from core.models import Comment, HistoryEvent, Ticket
from core.reference import Reference, UserInfo
from core.scope import scope_clause

SLA_EVENTS = ("sla_warning", "sla_breach")


@dataclass(frozen=True)
class Mark:
    history: int = 0
    comments: int = 0


@dataclass(frozen=True)
class Notice:
    # assigned | sla_warning | sla_breach | reply, or a notice's reason (escalation | major_resolved ...)
    kind: str
    number: str
    title: str
    by: str | None
    text: str


def current_mark(session: Session) -> Mark:
    history = session.scalar(select(func.max(literal_column("history.rowid"))).select_from(HistoryEvent)) or 0
    comments = session.scalar(select(func.max(literal_column("comments.rowid"))).select_from(Comment)) or 0
    return Mark(history, comments)


def notices_since(
    session: Session, ref: Reference, user: UserInfo, mark: Mark, limit: int = 50,
) -> tuple[Mark, list[Notice], set[uuid.UUID]]:
    """(the new mark, what to tell `user`, ids of every visible ticket changed since `mark`)."""
    new_mark = current_mark(session)
    notices: list[Notice] = []
    changed: set[uuid.UUID] = set()
    h_rowid: Any = literal_column("history.rowid")
    events = session.execute(
        select(HistoryEvent.kind, HistoryEvent.field, HistoryEvent.new, HistoryEvent.actor_id, HistoryEvent.note,
               Ticket.id, Ticket.number, Ticket.title, Ticket.assignee_id)
        .join(Ticket, Ticket.id == HistoryEvent.ticket_id)
        .where(h_rowid > mark.history, h_rowid <= new_mark.history, scope_clause(user))
        .order_by(h_rowid)
    ).all()
    for kind, field, new, actor_id, note, ticket_id, number, title, assignee_id in events:
        changed.add(ticket_id)
        if actor_id == user.id:
            continue
        by = ref.users[actor_id].name if actor_id in ref.users else None
        if kind == "field" and field == "assignee_id" and new == str(user.id):
            notices.append(Notice("assigned", number, title, by, note or ""))
        elif kind in SLA_EVENTS and assignee_id == user.id:
            notices.append(Notice(kind, number, title, by, note or ""))
        elif kind == "notice" and field and isinstance(new, list) and str(user.id) in new:
            notices.append(Notice(field, number, title, by, note or ""))
    c_rowid: Any = literal_column("comments.rowid")
    replies = session.execute(
        select(Comment.body, Comment.public, Comment.author_id, Ticket.id, Ticket.number, Ticket.title,
               Ticket.requester_id)
        .join(Ticket, Ticket.id == Comment.ticket_id)
        .where(c_rowid > mark.comments, c_rowid <= new_mark.comments, scope_clause(user))
        .order_by(c_rowid)
    ).all()
    for body, public, author_id, ticket_id, number, title, requester_id in replies:
        changed.add(ticket_id)
        if public and requester_id == user.id and author_id != user.id:
            by = ref.users[author_id].name if author_id in ref.users else None
            notices.append(Notice("reply", number, title, by, body))
    return new_mark, notices[-limit:], changed
