"""The ticket table's read side (DESIGN §8, §10): the ordered row ids of a queue
with its filters, sorted and filtered in SQL, and the rows themselves fetched by
id a page at a time. A table of 100,000 tickets keeps only the ids in memory.

Row ids are the tickets table's SQLite rowids: small integers, stable because
the store never runs a plain VACUUM (see the FTS note in the initial migration)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, case, func, literal_column, or_, select, values
from sqlalchemy import column as column_
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.errors import InvalidInput
from core.lifecycle import CENTRAL_ROLES
from core.models import Ticket
from core.orgspec import STATUSES
from core.queries import _match_term, tickets_query
from core.reference import Reference, UserInfo

SORT_KEYS = ("number", "title", "status", "priority", "site", "category", "assignee", "sla_due", "updated",
             "created")
ROWID: Any = literal_column("tickets.rowid")


@dataclass(frozen=True)
class TableFilter:
    """What a table shows: a queue, narrowed by status, priority and words typed."""

    queue: str = "all"
    status: str | None = None
    priority: str | None = None
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableFilter:
        return cls(**{k: data[k] for k in ("queue", "status", "priority", "text") if data.get(k) is not None})


@dataclass(frozen=True)
class TableRow:
    rowid: int
    id: uuid.UUID
    number: str
    title: str
    status: str
    priority: str
    site: str | None
    category: str | None
    team: str | None
    assignee: str | None
    updated_at: datetime
    # the clock that matters most now: a breached one, else the running one due first,
    # else a paused one (no due instant); None when no clock runs or all were met
    sla_due: datetime | None = None
    sla_state: str | None = None  # running | warning | paused | breached


def _sla_cell(
    clocks: Sequence[tuple[datetime | None, str | None]], next_at: datetime | None, now: datetime,
) -> tuple[datetime | None, str | None]:
    breached = [due for due, state in clocks if state == "breached"]
    if breached:
        return min((d for d in breached if d is not None), default=None), "breached"
    running = [due for due, state in clocks if state == "running" and due is not None]
    if running:
        # sla_next_at is the next warning or breach; once it is past, a warning has passed
        warned = next_at is not None and next_at <= now
        return min(running), "warning" if warned else "running"
    if any(state == "paused" for _due, state in clocks):
        return None, "paused"
    return None, None


def _words_match(text: str) -> str | None:
    """Every word as a prefix, as core.queries.search matches them (ł and l alike)."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " AND ".join(_match_term(w) for w in words) or None


def filtered_query(ref: Reference, user: UserInfo, flt: TableFilter, home_site: uuid.UUID | None) -> Select[Any]:
    query = tickets_query(ref, user, queue=flt.queue, status=flt.status, home_site=home_site)
    if flt.priority is not None:
        if flt.priority not in ref.spec.priority.levels:
            raise InvalidInput(f"unknown priority {flt.priority!r}", "priority")
        query = query.where(Ticket.priority == flt.priority)
    text = flt.text.strip()
    if text:
        conditions: list[Any] = []
        match = _words_match(text)
        if match:
            fts = sql_text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :match").bindparams(match=match)
            conditions.append(ROWID.in_(fts))
        if any(ch.isdigit() for ch in text) and " " not in text:
            conditions.append(Ticket.number.contains(text.upper(), autoescape=True))
        query = query.where(or_(*conditions))
    return query


# Columns shown as words but stored as ids or codes are sorted by the rank of the
# words people read (site code, category path, assignee name, lifecycle order,
# priority level): a small VALUES list of (value, rank) joined to the tickets, so
# SQLite walks an index on the column rather than reading 100,000 wide rows.
RANKED = {
    "status": Ticket.status, "priority": Ticket.priority, "site": Ticket.site_id,
    "category": Ticket.category_id, "assignee": Ticket.assignee_id,
}
PLAIN = {"number": Ticket.number, "title": Ticket.title, "updated": Ticket.updated_at, "created": Ticket.created_at}


def _ranks(ref: Reference, sort: str) -> list[Any]:
    """The column's known values in the order people expect."""
    if sort == "status":
        return list(STATUSES)
    if sort == "priority":
        return list(ref.spec.priority.levels)
    if sort == "site":
        return [s.id for s in sorted(ref.sites.values(), key=lambda s: s.code)]
    if sort == "category":
        return [c.id for c in sorted(ref.categories.values(), key=lambda c: c.path.casefold())]
    return [u.id for u in sorted(ref.users.values(), key=lambda u: (u.name.casefold(), u.username))]


def _ints(session: Session, query: Select[Any]) -> list[int]:
    """One integer column of many rows, read straight from the driver's cursor."""
    result = session.connection().execute(query)
    cursor = getattr(result, "cursor", None)
    rows = cursor.fetchall() if cursor is not None else result.all()
    result.close()
    return [row[0] for row in rows]


def ticket_ids(
    session: Session, ref: Reference, user: UserInfo, flt: TableFilter, *, sort: str = "updated",
    descending: bool = True, home_site: uuid.UUID | None = None,
) -> list[int]:
    """Every matching ticket's row id, in the order asked (ties in row id order)."""
    where = filtered_query(ref, user, flt, home_site).whereclause
    base = select(ROWID).select_from(Ticket)
    if where is not None:
        base = base.where(where)
    rowid = ROWID.desc() if descending else ROWID.asc()
    if sort in PLAIN:
        key = PLAIN[sort]
        return _ints(session, base.order_by(key.desc() if descending else key.asc(), rowid))
    if sort == "sla_due":
        # the next warning or breach first, tickets with no running clock last (an index walk each)
        running = base.where(Ticket.sla_next_at.is_not(None))
        due = _ints(session, running.order_by(
            Ticket.sla_next_at.desc() if descending else Ticket.sla_next_at.asc(), rowid))
        everything = flt == TableFilter(text=flt.text) and not flt.text.strip() and (
            user.role in CENTRAL_ROLES or user.role == "system")
        if everything:  # no filter at all: the index on sla_next_at serves both parts
            none = _ints(session, base.where(Ticket.sla_next_at.is_(None)).order_by(rowid))
        else:
            # "not among those" rather than "IS NULL", so the filter's own index leads the search
            none = _ints(session, base.where(ROWID.not_in(running.scalar_subquery())).order_by(rowid))
        return none + due if descending else due + none
    if sort not in RANKED:
        keys = ", ".join([*PLAIN, *RANKED, "sla_due"])
        raise InvalidInput(f"sort must be one of {keys}, not {sort!r}", "sort")
    column = RANKED[sort]
    known = _ranks(ref, sort)
    if not _leads_an_index(column):
        # no narrow index to walk: one pass over the table, ranked by CASE
        rank: Any = case({value: i for i, value in enumerate(known)}, value=column, else_=len(known))
        return _ints(session, base.order_by(rank.desc() if descending else rank.asc(), rowid))
    ranks = values(column_("value", column.type), column_("rank", Integer), name="ranks").data(
        [(value, i) for i, value in enumerate(known)]).cte("ranks")
    ranked = select(ROWID).select_from(ranks).join(Ticket, column == ranks.c.value)
    if where is not None:
        ranked = ranked.where(where)
    ordered = _ints(session, ranked.order_by(ranks.c.rank.desc() if descending else ranks.c.rank.asc(), rowid))
    total = _count(session, base)
    # then tickets with no value (no assignee), and any whose value is not a known one
    # (a retired priority level): each part only when the counts say it has rows
    rest: list[int] = []
    if len(ordered) < total and column.nullable:
        rest = _ints(session, base.where(column.is_(None)).order_by(rowid))
    if len(ordered) + len(rest) < total:
        rest += _ints(session, base.where(column.is_not(None), column.not_in(known)).order_by(rowid))
    return rest + ordered if descending else ordered + rest


def _leads_an_index(column: Any) -> bool:
    table: Any = Ticket.__table__
    return any(next(iter(index.columns)).name == column.name for index in table.indexes)


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(query.with_only_columns(func.count(), maintain_column_froms=True)) or 0


def count_filtered(
    session: Session, ref: Reference, user: UserInfo, flt: TableFilter, home_site: uuid.UUID | None = None,
) -> int:
    query = filtered_query(ref, user, flt, home_site).with_only_columns(func.count(), maintain_column_froms=True)
    return session.scalar(query) or 0


def ticket_rows(
    session: Session, ref: Reference, rowids: Sequence[int], now: datetime | None = None,
) -> dict[int, TableRow]:
    """The rows for these ids (those that still exist), keyed by row id."""
    if not rowids:
        return {}
    query = select(
        ROWID, Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id,
        Ticket.category_id, Ticket.team_id, Ticket.assignee_id, Ticket.updated_at,
        Ticket.response_due_at, Ticket.response_state, Ticket.resolution_due_at, Ticket.resolution_state,
        Ticket.sla_next_at,
    ).select_from(Ticket).where(ROWID.in_(list(rowids)))
    now = now or utcnow()
    result = {}
    for r in session.execute(query):
        assignee = ref.users.get(r[9]) if r[9] is not None else None
        due, state = _sla_cell(((r[11], r[12]), (r[13], r[14])), r[15], now)
        result[r[0]] = TableRow(
            rowid=r[0], id=r[1], number=r[2], title=r[3], status=r[4], priority=r[5],
            site=ref.site_code_of(r[6]), category=ref.category_path_of(r[7]), team=ref.team_code_of(r[8]),
            assignee=assignee.name if assignee else None, updated_at=r[10], sla_due=due, sla_state=state,
        )
    return result


def rowid_of(session: Session, number: str) -> int | None:
    return session.scalar(select(ROWID).where(Ticket.number == number))
