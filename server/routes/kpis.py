"""Counts of tickets in the caller's scope: the figures that need no SLA work."""

from __future__ import annotations

from fastapi import APIRouter

from core.models import Ticket
from core.orgspec import STATUSES
from core.ticket_query import TicketQuery
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES
from server.policy import ticket_scope
from server.schemas.tickets import TicketCountsOut

router = APIRouter(prefix="/kpis", tags=["kpis"], responses=ERROR_RESPONSES)


@router.get("/tickets", response_model=TicketCountsOut)
def ticket_counts(caller: CurrentCaller, server: Server) -> TicketCountsOut:
    """Tickets by status, by site and by category, in the caller's scope."""
    ref, user = caller.ref, caller.user
    # every ticket the caller may read: the same query, scope and all, as GET /tickets
    query = TicketQuery(ref, user, scope=ticket_scope(user))
    with server.db.read() as session:
        by_status = dict.fromkeys(STATUSES, 0) | query.count_by(session, Ticket.status)
        by_site = {ref.site_code_of(k) or str(k): n for k, n in query.count_by(session, Ticket.site_id).items()}
        by_category = {ref.category_path_of(k) or str(k): n
                       for k, n in query.count_by(session, Ticket.category_id).items()}
    return TicketCountsOut(
        total=sum(by_status.values()), by_status=by_status,
        by_site=dict(sorted(by_site.items())), by_category=dict(sorted(by_category.items())),
    )
