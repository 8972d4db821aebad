"""The desk's figures in the caller's scope: ticket counts (GET /kpis/tickets) and
DESIGN §14's report (GET /reports/kpis, the figures `branchdesk report` prints)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import and_

from core.errors import InvalidInput
from core.models import Ticket
from core.orgspec import STATUSES
from core.reports.kpis import kpi_report
from core.reports.period import GROUPINGS, Period, check_grouping, period_of
from core.ticket_query import TicketQuery
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES
from server.policy import ticket_scope
from server.schemas.reports import KpiReportOut
from server.schemas.tickets import TicketCountsOut

router = APIRouter(tags=["kpis"], responses=ERROR_RESPONSES)

Day = Annotated[str | None, Query(max_length=40, description="a date, YYYY-MM-DD (UTC)")]
First = Annotated[Day, Query(alias="from", max_length=40, description="first day, YYYY-MM-DD (UTC)")]
Last = Annotated[Day, Query(alias="to", max_length=40, description="last day, included (default: today)")]


def _period(first: str | None, last: str | None, today: date) -> Period:
    """The period, refused with the query parameter at fault named."""
    try:
        return period_of(first, last, today)
    except InvalidInput as exc:
        raise InvalidInput(str(exc), f"query.{exc.field}") from None


@router.get("/kpis/tickets", response_model=TicketCountsOut)
def ticket_counts(caller: CurrentCaller, server: Server, first: First = None, last: Last = None) -> TicketCountsOut:
    """Tickets by status, by site and by category, in the caller's scope; with `from`
    or `to`, only those created in that period."""
    ref, user = caller.ref, caller.user
    scope = ticket_scope(user)
    if first is not None or last is not None:
        period = _period(first, last, server.clock().date())
        scope = and_(scope, Ticket.created_at >= period.start, Ticket.created_at < period.end)
    # every ticket the caller may read: the same query, scope and all, as GET /tickets
    query = TicketQuery(ref, user, scope=scope)
    with server.db.read() as session:
        by_status = dict.fromkeys(STATUSES, 0) | query.count_by(session, Ticket.status)
        by_site = {ref.site_code_of(k) or str(k): n for k, n in query.count_by(session, Ticket.site_id).items()}
        by_category = {ref.category_path_of(k) or str(k): n
                       for k, n in query.count_by(session, Ticket.category_id).items()}
    return TicketCountsOut(
        total=sum(by_status.values()), by_status=by_status,
        by_site=dict(sorted(by_site.items())), by_category=dict(sorted(by_category.items())),
    )


@router.get("/reports/kpis", response_model=KpiReportOut, response_model_by_alias=True, tags=["reports"])
def report_kpis(
    caller: CurrentCaller, server: Server, first: First = None, last: Last = None,
    by: Annotated[str, Query(max_length=40, description=f"one of {', '.join(GROUPINGS)}")] = "site",
    skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> KpiReportOut:
    """DESIGN §14's figures over a period (default: the 30 days up to today), one row
    per group, paged, and the total of the whole period, counting only the tickets
    the caller may see (a branch's people: their own sites)."""
    try:
        check_grouping(by)
    except InvalidInput as exc:
        raise InvalidInput(str(exc), "query.by") from None
    period = _period(first, last, server.clock().date())
    with server.db.read() as session:
        answer = kpi_report(session, caller.user, period, by).as_dict()
    return KpiReportOut.model_validate({
        **answer, "rows": answer["rows"][skip: skip + limit], "count": len(answer["rows"]),
        "skip": skip, "limit": limit,
    })
