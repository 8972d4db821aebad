"""Full-text search over tickets and their comments, scoped to the person asking
(core.scope). Lists of tickets are core.ticket_query.TicketQuery's; one ticket in
full is core.ticket_detail.read_ticket's."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import column, func, literal_column, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from core.errors import InvalidInput
from core.lifecycle import sees_internal
from core.models import Ticket
from core.reference import Reference, UserInfo
from core.scope import scope_clause
from core.ticket_words import words_match

__all__ = ["hits_for", "search"]


def search(session: Session, ref: Reference, user: UserInfo, text: str, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Tickets whose title, description or comments hold every word typed (prefixes
    match), best first, within the person's scope: `limit` of them from `offset`."""
    query, params = _search_query(user, text)
    rows = session.execute(
        query.order_by("best", Ticket.number).offset(offset).limit(limit), params,
    ).all()
    return [
        {"number": n, "title": t, "status": s, "priority": p, "site": ref.site_code_of(site)}
        for n, t, s, p, site, _best in rows
    ]


def hits_for(session: Session, ref: Reference, ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """Tickets by id, in the order given, as search hits (a report's tickets behind a
    figure): the caller already chose ids within its scope."""
    rows: dict[uuid.UUID, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):  # SQLite allows a bounded number of parameters
        chunk = list(ids[start:start + 500])
        for i, n, t, s, p, site in session.execute(select(
                Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id,
        ).where(Ticket.id.in_(chunk))):
            rows[i] = {"number": n, "title": t, "status": s, "priority": p, "site": ref.site_code_of(site)}
    return [rows[i] for i in ids if i in rows]


def search_count(session: Session, user: UserInfo, text: str) -> int:
    """How many tickets `search` finds in all, for "50 of 120"."""
    query, params = _search_query(user, text)
    return session.scalar(select(func.count()).select_from(query.subquery()), params) or 0


def _search_query(user: UserInfo, text: str) -> tuple[Any, dict[str, Any]]:
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
    query = (
        select(Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id, ranked.c.best)
        .join(ranked, ranked.c.rid == sql_rowid())
        .where(scope_clause(user))
    )
    # internal notes are support staff's, as in read_ticket: a requester's search must not reveal them
    return query, {"q": match, "staff": int(sees_internal(user.role))}


def sql_rowid() -> Any:
    return literal_column("tickets.rowid")
