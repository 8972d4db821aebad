"""Counts for the queue list: one SQL count per queue, scoped to the person asking."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from core.reference import Reference, UserInfo
from core.ticket_table import TableFilter, count_filtered


def queue_counts(
    session: Session, ref: Reference, user: UserInfo, filters: Iterable[tuple[str, TableFilter]],
    home_site: uuid.UUID | None = None,
) -> dict[str, int]:
    """How many tickets each named filter (a queue or a saved filter) holds now."""
    return {name: count_filtered(session, ref, user, flt, home_site) for name, flt in filters}
