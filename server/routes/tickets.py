"""Reading tickets in the caller's scope: a filtered, paged list and one ticket
with its history and comments. A ticket outside the scope answers 404, word for
word as one that does not exist, so numbers and ids cannot be probed.

Logging a ticket (`POST /tickets`) is for integration accounts (monitoring and
other systems): the server runs `ticket new`'s service command itself, numbers the
ticket with its own device code and puts it in the feed, so branch devices pull it."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy import select

from core.errors import InvalidInput, NotFound
from core.fields import validate_fields
from core.models import Ticket
from core.orgspec import STATUSES
from core.reference import Reference
from core.services import tickets
from core.ticket_detail import read_ticket
from core.ticket_query import (
    BREACHING_WITHIN,
    DUE_SOON_WITHIN,
    QUEUE_ALIASES,
    QUEUES,
    SORT_ALIASES,
    SORT_KEYS,
    TicketFilter,
    TicketQuery,
)
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError, unauthorized
from server.own_commands import server_command
from server.policy import may_log_tickets, ticket_scope
from server.schemas.common import Problem
from server.schemas.tickets import TicketCreate, TicketCreated, TicketDetailOut, TicketPage, TicketRowOut

router = APIRouter(prefix="/tickets", tags=["tickets"], responses=ERROR_RESPONSES)

Queue = Literal[(*QUEUES, *QUEUE_ALIASES)]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Sort = Literal[(*SORT_KEYS, *SORT_ALIASES)]  # type: ignore[valid-type]
Text = Annotated[str | None, Query(min_length=1, max_length=300)]


@router.get("", response_model=TicketPage)
def list_tickets(
    caller: CurrentCaller, server: Server,
    queue: Annotated[Queue, Query(description="mine, requests (one's own requests), team, triage, "
                                              "breached, due_soon (a clock due within 2 h), major (open major "
                                              "incidents), site (open tickets of one's site) or all; breaching "
                                              "is breached and due within 1 h together")] = "all",
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
                                category=category, assignee=assignee, requester=requester,
                                within=BREACHING_WITHIN if queue == "breaching" else DUE_SOON_WITHIN),
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


@router.post("", response_model=TicketCreated, status_code=201)
def create_ticket(body: TicketCreate, caller: CurrentCaller, server: Server, response: Response) -> TicketCreated:
    """Log a ticket, as `branchdesk ticket new` does, with the token of an account of role
    `integration` (`branchdesk-server users create NAME --role integration`). The channel
    is `monitoring` unless given; the requester is the calling account unless named. A
    refused value answers 422 naming it in `problems[].loc` (e.g. `body.impact`,
    `body.fields.till_number`)."""
    if not may_log_tickets(caller.user):
        raise ApiError(403, f"only integration accounts log tickets through the API; you are a {caller.user.role} "
                            "(people log tickets in Branchdesk, and sync brings them here)")
    cmd = tickets.NewTicket(
        title=body.title, category=body.category, impact=body.impact, urgency=body.urgency, type=body.type,
        description=body.description, channel=body.channel, requester=body.requester, site=body.site,
        fields={key: _field_text(value) for key, value in body.fields.items()}, asset_tag=body.asset_tag,
        parent=body.parent,
    )
    try:
        with server_command(server.db, server.refs.get, server.clock()) as uow:
            actor = uow.ref.users.get(caller.user.id)
            if actor is None or not actor.active:
                raise unauthorized("this account is disabled")
            _check_fields(uow.ref, cmd)
            ticket = tickets.create(uow, actor, cmd)
            team = uow.ref.teams.get(ticket.team_id) if ticket.team_id else None
            out = TicketCreated(id=ticket.id, number=ticket.number, status=ticket.status, priority=ticket.priority,
                                site=uow.ref.sites[ticket.site_id].code, team=team.code if team else None)
    except InvalidInput as exc:
        raise _refused(str(exc), f"body.{exc.field}" if exc.field else "body") from None
    except NotFound as exc:  # only the parent is looked up by number
        raise _refused(f"{exc}; a task goes under a ticket this account logged", "body.parent") from None
    response.headers["Location"] = f"/tickets/{out.number}"
    return out


def _field_text(value: str | bool | int | float) -> str:
    # as `ticket new --field KEY=VALUE` gives them: yes/no for a flag, numbers as written
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _check_fields(ref: Reference, cmd: tickets.NewTicket) -> None:
    """The category and its fields, checked first, so that a refusal names the field
    under `body.fields`, never a body key that happens to share its name."""
    try:
        category = ref.category(cmd.category)
    except InvalidInput as exc:
        raise _refused(str(exc), "body.category") from None
    try:
        validate_fields(category.fields, cmd.fields)
    except InvalidInput as exc:
        raise _refused(str(exc), f"body.fields.{exc.field}" if exc.field else "body.fields") from None


def _refused(message: str, loc: str) -> ApiError:
    return ApiError(422, message, problems=[Problem(loc=loc, message=message)])
