"""The window's ticket table reads through the one TicketQuery (core.ticket_query):
the ordered rowids of a queue with its filters, and the rows by rowid a page at a
time. These are the names the desktop has imported them by."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from core.reference import Reference, UserInfo
from core.ticket_query import SORT_KEYS, TicketFilter, TicketQuery, TicketRow, rowid_of, ticket_rows

__all__ = ["SORT_KEYS", "TableFilter", "TableRow", "count_filtered", "rowid_of", "ticket_ids", "ticket_rows"]

TableFilter = TicketFilter
TableRow = TicketRow


def ticket_ids(
    session: Session, ref: Reference, user: UserInfo, flt: TicketFilter, *, sort: str = "updated",
    descending: bool = True, home_site: uuid.UUID | None = None,
) -> list[int]:
    """Every matching ticket's rowid, in the order asked (ties in rowid order)."""
    return TicketQuery(ref, user, flt, sort=sort, descending=descending, home_site=home_site).row_ids(session)


def count_filtered(
    session: Session, ref: Reference, user: UserInfo, flt: TicketFilter, home_site: uuid.UUID | None = None,
) -> int:
    return TicketQuery(ref, user, flt, home_site=home_site).count(session)
