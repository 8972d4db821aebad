"""Counts for the queue list: one SQL count per queue, scoped to the person asking."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from core.reference import Reference, UserInfo
from core.ticket_query import TicketFilter, TicketQuery


def queue_counts(
    session: Session, ref: Reference, user: UserInfo, filters: Iterable[tuple[str, TicketFilter]],
    home_site: uuid.UUID | None = None,
) -> dict[str, int]:
    """How many tickets each named filter (a queue or a saved filter) holds now."""
    return {name: TicketQuery(ref, user, flt, home_site=home_site).count(session) for name, flt in filters}
