"""Reading tickets in the caller's scope: a filtered, paged list and one ticket
with its history and comments. A ticket outside the scope answers 404, word for
word as one that does not exist, so numbers and ids cannot be probed."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from core.errors import NotFound
from core.models import Ticket
from core.orgspec import STATUSES
from core.ticket_detail import read_ticket
from core.ticket_query import QUEUES, SORT_ALIASES, SORT_KEYS, TicketFilter, TicketQuery
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError
from server.policy import ticket_scope
from server.schemas.tickets import TicketDetailOut, TicketPage, TicketRowOut

router = APIRouter(prefix="/tickets", tags=["tickets"], responses=ERROR_RESPONSES)

Queue = Literal[QUEUES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Sort = Literal[(*SORT_KEYS, *SORT_ALIASES)]  # type: ignore[valid-type]
Text = Annotated[str | None, Query(min_length=1, max_length=300)]


@router.get("", response_model=TicketPage)
def list_tickets(
    caller: CurrentCaller, server: Server,
    queue: Annotated[Queue, Query(description="mine, team, triage, breaching (soon), major (open major "
                                              "incidents), site (open tickets of one's site) or all")] = "all",
    status: Status | None = None,
    site: Annotated[Text, Query(description="site code")] = None,
    team: Annotated[Text, Query(description="team code")] = None,
    category: Annotated[Text, Query(description="category path; includes its sub-categories")] = None,
    priority: Text = None,
    assignee: Annotated[Text, Query(description="username")] = None,
    requester: Annotated[Text, Query(description="username")] = None,
    sort: Annotated[Sort, Query(description="the column to sort by; each sorts by the value it shows, and rows "
                                            "with none come last (due is sla_due's older name)")] = "updated",
    order: Literal["asc", "desc"] = "desc",
    skip: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> TicketPage:
    ref, user = caller.ref, caller.user
    # the same TicketQuery as the desktop's table and `branchdesk ticket list`
    query = TicketQuery(
        ref, user, TicketFilter(queue=queue, status=status, priority=priority, site=site, team=team,
                                category=category, assignee=assignee, requester=requester),
        sort=sort, descending=order == "desc", now=server.clock(), scope=ticket_scope(user),
    )
    with server.db.read() as session:
        total = query.count(session)
        rows = query.page(session, skip, limit)
    return TicketPage(total=total, skip=skip, limit=limit, items=[TicketRowOut.model_validate(r) for r in rows])


@router.get("/{ticket}", response_model=TicketDetailOut)
def get_ticket(
    caller: CurrentCaller, server: Server,
    ticket: Annotated[str, Path(min_length=1, max_length=100, description="the ticket's number or id")],
) -> TicketDetailOut:
    ref, user = caller.ref, caller.user
    with server.db.read() as session:
        number: str | None = ticket
        try:
            ticket_id = uuid.UUID(ticket)
        except ValueError:
            pass
        else:
            number = session.scalar(select(Ticket.number).where(Ticket.id == ticket_id, ticket_scope(user)))
        try:
            if number is None:
                raise NotFound(ticket)
            return TicketDetailOut.model_validate(read_ticket(session, ref, user, number))
        except NotFound:
            raise ApiError(404, f"no ticket {ticket}") from None
