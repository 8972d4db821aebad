"""Who may do what on the server, as plain functions of (user, ticket) and
(user): the read API uses them now and sync will guard pushes and pulls with
the same ones. Which tickets a person sees is core.scope's rule (DESIGN §7
Scope); this module only adds what is the server's own: an inactive account
sees nothing, and only administrators change reference data and accounts."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false

from core.models import Ticket
from core.reference import UserInfo
from core.scope import can_see_ticket, scope_clause

ADMIN = "admin"
INTEGRATION = "integration"


def may_read_ticket(user: UserInfo, ticket: Ticket) -> bool:
    return user.active and can_see_ticket(user, ticket)


def may_change_ticket(user: UserInfo, ticket: Ticket) -> bool:
    """Whether a change by `user` to `ticket` may be considered at all; which
    changes a role may make (the lifecycle) is core's service layer's check."""
    return user.active and user.role != "system" and can_see_ticket(user, ticket)


def ticket_scope(user: UserInfo) -> ColumnElement[bool]:
    """The SQL condition for the tickets `user` may read, for lists and counts."""
    return scope_clause(user) if user.active else false()


def may_change_reference(user: UserInfo) -> bool:
    return user.active and user.role == ADMIN


def may_manage_accounts(user: UserInfo) -> bool:
    return user.active and user.role == ADMIN


def may_log_tickets(user: UserInfo) -> bool:
    """Whether `user` may log tickets through the server's API (`POST /tickets`):
    integration accounts, which keep no store; people log tickets on their devices."""
    return user.active and user.role == INTEGRATION
