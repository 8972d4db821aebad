"""The ticket lifecycle as one explicit state machine, with who may make each move
(DESIGN §3 Lifecycle). Pure functions: the service layer asks them before it writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.errors import InvalidTransition, NotAllowed

TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"assigned", "in_progress", "resolved", "cancelled"}),
    "assigned": frozenset({"assigned", "in_progress", "pending", "resolved", "cancelled"}),
    "in_progress": frozenset({"assigned", "pending", "resolved"}),
    "pending": frozenset({"in_progress", "resolved"}),
    "resolved": frozenset({"closed", "in_progress"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
}

SUPPORT_ROLES = frozenset({"technician", "agent", "manager", "admin"})
# Roles that see and work every site's tickets (DESIGN §7 Scope).
CENTRAL_ROLES = frozenset({"agent", "manager", "admin"})

RESOLUTION_CODES = (
    "fixed", "workaround", "replaced", "supplier_fixed", "no_fault_found",
    "user_error", "duplicate", "not_reproducible",
)

VERBS = {
    "assigned": "assign",
    "in_progress": "start",
    "pending": "put on hold",
    "resolved": "resolve",
    "closed": "close",
    "cancelled": "cancel",
}


@dataclass(frozen=True)
class MoveContext:
    """What the rules need to know about a ticket and the person moving it."""

    status: str
    role: str
    is_requester: bool
    resolved_at: datetime | None
    auto_close_days: int
    now: datetime


def is_support(role: str) -> bool:
    return role in SUPPORT_ROLES


def sees_internal(role: str) -> bool:
    """Whether internal notes are for this role's eyes: support staff's and the system's,
    never a requester's or an integration's."""
    return role in SUPPORT_ROLES or role == "system"


def allowed_targets(ctx: MoveContext) -> list[str]:
    """Every status this person may move this ticket to now, in lifecycle order."""
    order = list(TRANSITIONS)
    result = []
    for target in TRANSITIONS[ctx.status]:
        try:
            check_move(ctx, target)
        except (InvalidTransition, NotAllowed):
            continue
        result.append(target)
    return sorted(result, key=order.index)


def reopen_deadline(resolved_at: datetime, auto_close_days: int) -> datetime:
    return resolved_at + timedelta(days=auto_close_days)


def check_move(ctx: MoveContext, target: str) -> None:
    """Raise unless `target` is a move the lifecycle allows and this person may make."""
    if target not in TRANSITIONS:
        raise InvalidTransition(f"unknown status {target!r}; statuses are {', '.join(TRANSITIONS)}")
    if target not in TRANSITIONS[ctx.status]:
        if not TRANSITIONS[ctx.status]:
            raise InvalidTransition(
                f"a {ctx.status} ticket cannot change; open a follow-up ticket linked to it instead"
            )
        allowed = ", ".join(sorted(TRANSITIONS[ctx.status], key=list(TRANSITIONS).index))
        raise InvalidTransition(f"cannot move {_a(ctx.status)} ticket to {target}; allowed: {allowed}")
    if ctx.status == "resolved" and target == "in_progress" and ctx.resolved_at is not None:
        deadline = reopen_deadline(ctx.resolved_at, ctx.auto_close_days)
        if ctx.now >= deadline:
            raise InvalidTransition(
                "the reopen period has ended; open a follow-up ticket linked to this one instead"
            )
    if is_support(ctx.role):
        return
    if ctx.role == "system" and target == "assigned":
        return  # an escalation rule hands the ticket on
    if ctx.role == "requester" and ctx.is_requester:
        if ctx.status == "resolved" and target in ("closed", "in_progress"):
            return
        if ctx.status == "new" and target == "cancelled":
            return
    verb = VERBS.get(target, f"move to {target}")
    if ctx.role == "requester" and not ctx.is_requester:
        raise NotAllowed(f"only the ticket's requester or support staff may {verb} it")
    raise NotAllowed(f"{_a(ctx.role)} cannot {verb} {_a(ctx.status)} ticket; support staff can")


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


# A status and the fields that belong to it move as one unit (DESIGN §6a).
STATUS_UNIT = (
    "status", "pending_reason", "pending_supplier_id", "resolution_code", "resolution_note", "resolved_at",
    "closed_at",
)
_OPEN = frozenset({"new", "assigned", "in_progress", "pending"})


def left_behind(old: str, new: str) -> dict[str, None]:
    """The fields of the status a ticket leaves that must not stay with the new one:
    a ticket off hold has no pending reason, an open one no resolution."""
    values: dict[str, None] = {}
    if old == "pending" and new != "pending":
        values["pending_reason"] = values["pending_supplier_id"] = None
    if new in _OPEN:
        values["resolved_at"] = values["resolution_code"] = values["resolution_note"] = None
        values["closed_at"] = None
    return values
