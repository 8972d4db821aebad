"""Which actions a person may take on a ticket now, so a window shows exactly those
buttons. The lifecycle (core.lifecycle) decides the moves; the service layer
checks everything again when the action runs."""

from __future__ import annotations

from datetime import datetime

from core.clock import parse_iso
from core.lifecycle import CENTRAL_ROLES, MoveContext, allowed_targets, is_support
from core.reference import Reference, UserInfo
from core.routing import escalation_team
from core.ticket_detail import TicketDetail

ACTIONS = (
    "assign", "start", "pend", "resolve", "reopen", "close", "cancel", "escalate",
    "reply", "internal_note", "log_work", "link", "edit", "override_priority",
)
DONE_FOR_GOOD = ("closed", "cancelled")


def actions_for(ref: Reference, user: UserInfo, detail: TicketDetail, now: datetime) -> frozenset[str]:
    """The actions `user` may take on the ticket `detail` (core.ticket_detail.read_ticket)."""
    status = detail.status
    requester = ref.usernames.get(detail.requester or "")
    ctx = MoveContext(
        status=status, role=user.role, is_requester=requester is not None and requester.id == user.id,
        resolved_at=parse_iso(detail.resolved_at) if detail.resolved_at else None,
        auto_close_days=ref.spec.auto_close_days, now=now,
    )
    moves = set(allowed_targets(ctx))
    support = is_support(user.role)
    actions: set[str] = set()
    if "assigned" in moves and support and status in ("new", "assigned", "in_progress"):
        actions.add("assign")
        if escalation_team(ref, detail.team, detail.site) is not None:
            actions.add("escalate")
    if "in_progress" in moves:
        actions.add("reopen" if status == "resolved" else "start")
    for target, action in (("pending", "pend"), ("resolved", "resolve"), ("closed", "close"),
                           ("cancelled", "cancel")):
        if target in moves:
            actions.add(action)
    if status not in DONE_FOR_GOOD:
        actions.add("reply")
        if support:
            actions |= {"internal_note", "edit"}
            if user.role in CENTRAL_ROLES:
                actions.add("override_priority")
    if support:
        actions |= {"log_work", "link"}
    return frozenset(actions)
