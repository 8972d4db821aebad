"""The read side's entry points: lists of tickets (one TicketQuery, core.ticket_query),
one ticket in full (core.ticket_detail) and full-text search. Everything is scoped
to the person asking (core.scope)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import column, func, literal_column, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from core.errors import InvalidInput
from core.models import Ticket
from core.reference import Reference, UserInfo
from core.scope import scope_clause
from core.ticket_detail import display, get_ticket, read_ticket, sla_report
from core.ticket_query import BREACHING_WITHIN, QUEUES, SORT_KEYS, TicketFilter, TicketQuery, TicketRow
from core.ticket_words import words_match

__all__ = [
    "BREACHING_WITHIN", "QUEUES", "SORT_KEYS", "TicketRow", "get_ticket", "list_tickets", "search", "sla_report",
    "ticket_detail",
]
_display = display  # core.store_status names it so


def list_tickets(
    session: Session, ref: Reference, user: UserInfo, *, queue: str = "all", status: str | None = None,
    sort: str = "updated", descending: bool = True, offset: int = 0, limit: int = 50,
    home_site: uuid.UUID | None = None, within: int = BREACHING_WITHIN, now: datetime | None = None,
) -> list[TicketRow]:
    """A page of a queue: TicketQuery(...).page(...) in one call."""
    query = TicketQuery(ref, user, TicketFilter(queue=queue, status=status, within=within), sort=sort,
                        descending=descending, home_site=home_site, now=now)
    return query.page(session, offset, limit)


def ticket_detail(session: Session, ref: Reference, user: UserInfo, number: str) -> dict[str, Any]:
    """Ticket `number` as `ticket show --json` prints it (core.ticket_detail.read_ticket, as JSON)."""
    return read_ticket(session, ref, user, number).as_json()


def search(session: Session, ref: Reference, user: UserInfo, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Tickets whose title, description or comments hold every word typed (prefixes
    match), best first, within the person's scope."""
    match = words_match(text)
    if match is None:
        raise InvalidInput("search needs at least one word", "text")
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


def sql_rowid() -> Any:
    return literal_column("tickets.rowid")
