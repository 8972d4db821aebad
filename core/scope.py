"""Who may see which tickets (DESIGN §7 Scope), as one rule in two forms: a test of
one ticket and an SQL condition for lists. The store, the server and sync all use these.

An integration user (a monitoring system) has no view of any site: it sees only the
tickets it logged or that name it as their requester, to read back what it made."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, false, or_, true

from core.lifecycle import CENTRAL_ROLES
from core.models import Ticket
from core.reference import UserInfo

# The ticket fields whose values decide who sees it.
SCOPE_FIELDS = frozenset({"site_id", "team_id", "assignee_id"})


def can_see(
    user: UserInfo, site_id: uuid.UUID, team_id: uuid.UUID | None, assignee_id: uuid.UUID | None = None
) -> bool:
    if user.role in CENTRAL_ROLES or user.role == "system":
        return True
    if user.role == "technician":
        return site_id in user.site_ids or (team_id is not None and team_id in user.team_ids) or (
            assignee_id is not None and assignee_id == user.id
        )
    if user.role == "requester":
        return user.site_id is not None and site_id == user.site_id
    return False


def can_see_ticket(user: UserInfo, ticket: Ticket) -> bool:
    if user.role == "integration":
        return user.id in (ticket.created_by_id, ticket.requester_id)
    return can_see(user, ticket.site_id, ticket.team_id, ticket.assignee_id)


def scope_clause(user: UserInfo) -> ColumnElement[bool]:
    if user.role in CENTRAL_ROLES or user.role == "system":
        return true()
    if user.role == "technician":
        # a technician always sees what is assigned to them, wherever it is
        conditions = [Ticket.assignee_id == user.id]
        if user.site_ids:
            conditions.append(Ticket.site_id.in_(user.site_ids))
        if user.team_ids:
            conditions.append(Ticket.team_id.in_(user.team_ids))
        return or_(*conditions)
    if user.role == "requester" and user.site_id is not None:
        return Ticket.site_id == user.site_id
    if user.role == "integration":
        return or_(Ticket.created_by_id == user.id, Ticket.requester_id == user.id)
    return false()
