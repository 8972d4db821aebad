"""Counts of tickets in the caller's scope: the figures that need no SLA work."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import func, select

from core.models import Ticket
from core.orgspec import STATUSES
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES
from server.policy import ticket_scope
from server.schemas.tickets import TicketCountsOut

router = APIRouter(prefix="/kpis", tags=["kpis"], responses=ERROR_RESPONSES)


@router.get("/tickets", response_model=TicketCountsOut)
def ticket_counts(caller: CurrentCaller, server: Server) -> TicketCountsOut:
    """Tickets by status, by site and by category, in the caller's scope."""
    ref, scope = caller.ref, ticket_scope(caller.user)
    with server.db.read() as session:
        def counts(column: Any) -> Any:
            return session.execute(select(column, func.count()).where(scope).group_by(column)).all()

        by_status = dict.fromkeys(STATUSES, 0) | dict(counts(Ticket.status))
        by_site = {ref.site_code_of(k) or str(k): n for k, n in counts(Ticket.site_id)}
        by_category = {ref.category_path_of(k) or str(k): n for k, n in counts(Ticket.category_id)}
    return TicketCountsOut(
        total=sum(by_status.values()), by_status=by_status,
        by_site=dict(sorted(by_site.items())), by_category=dict(sorted(by_category.items())),
    )
