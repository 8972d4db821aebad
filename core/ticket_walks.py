"""Reading a TicketQuery's order as rowids from the local store fast (DESIGN §10:
any queue or sort of 100,000 tickets paints in under 100 ms). The keys are the
query's (core.ticket_query); this module only picks the SQLite plan: an index walk
where one serves, one pass where none does.

Rowids are the tickets table's SQLite rowids: small integers, stable because the
store never runs a plain VACUUM (see the FTS note in the initial migration)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, func, literal_column, or_, select, values
from sqlalchemy import column as column_
from sqlalchemy.orm import Session

from core.models import Ticket
from core.models.tickets import OPEN_STATUSES

ROWID: Any = literal_column("tickets.rowid")


def ordered_rowids(
    session: Session, where: ColumnElement[bool], key: Any, missing: Any, descending: bool, *,
    ranked: tuple[Any, list[Any]] | None = None, dated_only_open: bool = False,
) -> list[int]:
    """The rowids matching `where`, by `key` (ties by rowid, in the same direction), rows
    `missing` a value last. `ranked` is (column, its known values in rank order) when
    `key` ranks a column's values; `dated_only_open` says only open tickets have a key."""
    base = select(ROWID).select_from(Ticket).where(where)
    rowid = ROWID.desc() if descending else ROWID.asc()

    def direction(c: Any) -> Any:
        return c.desc() if descending else c.asc()

    if ranked is not None and _leads_an_index(ranked[0]):
        return _ranked_walk(session, base, ranked[0], ranked[1], descending)
    if missing is None:
        return _ints(session, base.order_by(direction(key), rowid))
    if dated_only_open:
        # the dated part is small (open tickets with a running or breached clock); the
        # rest in rowid order
        dated = _ints(session, base.where(Ticket.status.in_(OPEN_STATUSES), key.is_not(None))
                      .order_by(direction(key), rowid))
        rest = _ints(session, base.where(or_(Ticket.status.not_in(OPEN_STATUSES), key.is_(None))).order_by(rowid))
        return dated + rest
    return _ints(session, base.order_by(missing.asc(), direction(key), rowid))


def _ranked_walk(session: Session, base: Select[Any], column: Any, known: list[Any], descending: bool) -> list[int]:
    """A small VALUES list of (value, rank) joined to the tickets, so SQLite walks the
    column's index rather than reading 100,000 wide rows; then the tickets with no
    value or one not known (a retired priority level), when the counts say there are."""
    rowid = ROWID.desc() if descending else ROWID.asc()
    ranks = values(column_("value", column.type), column_("rank", Integer), name="ranks").data(
        [(value, i) for i, value in enumerate(known)]).cte("ranks")
    ranked = select(ROWID).select_from(ranks).join(Ticket, column == ranks.c.value)
    if base.whereclause is not None:
        ranked = ranked.where(base.whereclause)
    ordered = _ints(session, ranked.order_by(ranks.c.rank.desc() if descending else ranks.c.rank.asc(), rowid))
    if len(ordered) < _count(session, base):
        ordered += _ints(session, base.where(or_(column.is_(None), column.not_in(known))).order_by(rowid))
    return ordered


def _leads_an_index(column: Any) -> bool:
    table: Any = Ticket.__table__
    return any(next(iter(index.columns)).name == column.name for index in table.indexes)


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(query.with_only_columns(func.count(), maintain_column_froms=True)) or 0


def _ints(session: Session, query: Select[Any]) -> list[int]:
    """One integer column of many rows, read straight from the driver's cursor."""
    result = session.connection().execute(query)
    cursor = getattr(result, "cursor", None)
    rows = cursor.fetchall() if cursor is not None else result.all()
    result.close()
    return [row[0] for row in rows]
