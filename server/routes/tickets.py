"""Reading tickets in the caller's scope: a filtered, paged list and one ticket
with its history and comments. A ticket outside the scope answers 404, word for
word as one that does not exist, so numbers and ids cannot be probed."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from core.clock import iso
from core.errors import InvalidInput, NotFound
from core.models import Ticket
from core.orgspec import STATUSES
from core.queries import QUEUES, SORTS, TicketRow, count_tickets, sorted_query, ticket_detail, tickets_query
from core.reference import Reference
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError
from server.policy import ticket_scope
from server.schemas.tickets import TicketDetailOut, TicketPage, TicketRowOut

router = APIRouter(prefix="/tickets", tags=["tickets"], responses=ERROR_RESPONSES)

Queue = Literal[QUEUES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Sort = Literal[SORTS]  # type: ignore[valid-type]
Text = Annotated[str | None, Query(min_length=1, max_length=300)]


def _filters(ref: Reference, site: str | None, team: str | None, category: str | None, priority: str | None,
             assignee: str | None, requester: str | None) -> list[Any]:
    where: list[Any] = []
    if site is not None:
        where.append(Ticket.site_id == ref.site(site).id)
    if team is not None:
        where.append(Ticket.team_id == ref.team(team).id)
    if category is not None:
        top = ref.category(category)
        ids = [c.id for c in ref.categories.values() if c.path == top.path or c.path.startswith(top.path + "/")]
        where.append(Ticket.category_id.in_(ids))
    if priority is not None:
        if priority not in ref.spec.priority.levels:
            raise InvalidInput(f"priority must be one of {', '.join(ref.spec.priority.levels)}, not {priority!r}",
                               "priority")
        where.append(Ticket.priority == priority)
    if assignee is not None:
        where.append(Ticket.assignee_id == ref.user(assignee, "assignee").id)
    if requester is not None:
        where.append(Ticket.requester_id == ref.user(requester, "requester").id)
    return where


@router.get("", response_model=TicketPage)
def list_tickets(
    caller: CurrentCaller, server: Server,
    queue: Annotated[Queue, Query(description="mine, team, triage, breaching (soon), site (open tickets of "
                                              "one's site) or all")] = "all",
    status: Status | None = None,
    site: Annotated[Text, Query(description="site code")] = None,
    team: Annotated[Text, Query(description="team code")] = None,
    category: Annotated[Text, Query(description="category path; includes its sub-categories")] = None,
    priority: Text = None,
    assignee: Annotated[Text, Query(description="username")] = None,
    requester: Annotated[Text, Query(description="username")] = None,
    sort: Sort = "updated",
    order: Literal["asc", "desc"] = "desc",
    skip: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> TicketPage:
    ref, user = caller.ref, caller.user
    query = tickets_query(ref, user, queue=queue, status=status, now=server.clock()).where(ticket_scope(user))
    for condition in _filters(ref, site, team, category, priority, assignee, requester):
        query = query.where(condition)
    # the same columns and order as core.queries.list_tickets, with the API's filters added
    page = sorted_query(ref, query.with_only_columns(
        Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id,
        Ticket.category_id, Ticket.team_id, Ticket.assignee_id, Ticket.updated_at,
        Ticket.response_due_at, Ticket.response_state, Ticket.resolution_due_at, Ticket.resolution_state,
        Ticket.sla_next_at,
    ), sort, order == "desc").offset(skip).limit(limit)
    with server.db.read() as session:
        total = count_tickets(session, query)
        rows = session.execute(page).all()
    items = [
        TicketRow(
            id=r[0], number=r[1], title=r[2], status=r[3], priority=r[4], site=ref.site_code_of(r[5]),
            category=ref.category_path_of(r[6]), team=ref.team_code_of(r[7]), assignee=ref.username_of(r[8]),
            updated_at=iso(r[9]), response_due_at=iso(r[10]), response_state=r[11],
            resolution_due_at=iso(r[12]), resolution_state=r[13], sla_next_at=iso(r[14]),
        )
        for r in rows
    ]
    return TicketPage(total=total, skip=skip, limit=limit, items=[TicketRowOut(**vars(row)) for row in items])


@router.get("/{ticket}", response_model=TicketDetailOut)
def get_ticket(
    caller: CurrentCaller, server: Server,
    ticket: Annotated[str, Path(min_length=1, max_length=100, description="the ticket's number or id")],
) -> dict[str, Any]:
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
            return ticket_detail(session, ref, user, number)
        except NotFound:
            raise ApiError(404, f"no ticket {ticket}") from None
