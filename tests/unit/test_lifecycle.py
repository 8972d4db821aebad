"""The lifecycle state machine (core.lifecycle) against DESIGN §3 Lifecycle: every
move from every status, for every kind of person, allowed or refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InvalidTransition, NotAllowed
from core.lifecycle import TRANSITIONS, MoveContext, allowed_targets, check_move, reopen_deadline
from core.orgspec import STATUSES

# DESIGN §3, written out here rather than read from core.lifecycle, so that a change
# to the code's table that the design does not make shows up as a failure.
DESIGN = {
    "new": {"assigned", "in_progress", "resolved", "cancelled"},
    "assigned": {"assigned", "in_progress", "pending", "resolved", "cancelled"},
    "in_progress": {"assigned", "pending", "resolved"},
    "pending": {"in_progress", "resolved"},
    "resolved": {"closed", "in_progress"},
    "closed": set(),
    "cancelled": set(),
}
# What a requester may do to their own ticket: cancel it while new, confirm (close) or reopen it.
REQUESTER_OWN = {("new", "cancelled"), ("resolved", "closed"), ("resolved", "in_progress")}
SUPPORT = {"technician", "agent", "manager", "admin"}
# (role, is the ticket's requester)
PEOPLE = [
    ("requester", True), ("requester", False), ("technician", False), ("technician", True),
    ("agent", False), ("manager", False), ("admin", False),
]
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
AUTO_CLOSE_DAYS = 5


def ctx(status: str, role: str, own: bool, resolved_at: datetime | None = None, now: datetime = NOW) -> MoveContext:
    if status in ("resolved", "closed") and resolved_at is None:
        resolved_at = now - timedelta(days=1)
    return MoveContext(status=status, role=role, is_requester=own, resolved_at=resolved_at,
                       auto_close_days=AUTO_CLOSE_DAYS, now=now)


def expected(status: str, target: str, role: str, own: bool) -> type[Exception] | None:
    if target not in DESIGN[status]:
        return InvalidTransition
    if role in SUPPORT:
        return None
    if role == "requester" and own and (status, target) in REQUESTER_OWN:
        return None
    return NotAllowed


def test_the_table_is_the_designs() -> None:
    assert set(TRANSITIONS) == set(STATUSES)
    assert {status: set(targets) for status, targets in TRANSITIONS.items()} == DESIGN


@pytest.mark.parametrize(("status", "target"), list(product(STATUSES, STATUSES)))
@pytest.mark.parametrize(("role", "own"), PEOPLE, ids=[f"{r}-{'own' if o else 'other'}" for r, o in PEOPLE])
def test_every_move_for_every_person(status: str, target: str, role: str, own: bool) -> None:
    error = expected(status, target, role, own)
    if error is None:
        check_move(ctx(status, role, own), target)
    else:
        with pytest.raises(error) as raised:
            check_move(ctx(status, role, own), target)
        message = str(raised.value)
        assert message and "\n" not in message
        if error is InvalidTransition and not DESIGN[status]:
            assert "follow-up" in message


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize(("role", "own"), PEOPLE)
def test_allowed_targets_lists_exactly_the_allowed_moves_in_lifecycle_order(status: str, role: str, own: bool) -> None:
    want = [t for t in STATUSES if expected(status, t, role, own) is None]
    assert allowed_targets(ctx(status, role, own)) == want


def test_unknown_status_is_refused_naming_the_statuses() -> None:
    with pytest.raises(InvalidTransition, match="unknown status 'done'.*in_progress"):
        check_move(ctx("new", "agent", False), "done")


def test_refusals_read_as_english() -> None:
    with pytest.raises(NotAllowed, match="^a requester cannot cancel an assigned ticket"):
        check_move(ctx("assigned", "requester", True), "cancelled")
    with pytest.raises(InvalidTransition, match="^cannot move an in_progress ticket to cancelled; allowed: "
                                                  "assigned, pending, resolved$"):
        check_move(ctx("in_progress", "agent", False), "cancelled")
    with pytest.raises(NotAllowed, match="only the ticket's requester or support staff may close it"):
        check_move(ctx("resolved", "requester", False), "closed")


@pytest.mark.parametrize(("role", "own"), [("requester", True), ("technician", False), ("agent", False)])
def test_reopen_is_allowed_until_auto_close_days_after_resolution(role: str, own: bool) -> None:
    resolved_at = NOW - timedelta(days=2)
    deadline = reopen_deadline(resolved_at, AUTO_CLOSE_DAYS)
    assert deadline == resolved_at + timedelta(days=AUTO_CLOSE_DAYS)
    check_move(ctx("resolved", role, own, resolved_at, now=deadline - timedelta(seconds=1)), "in_progress")
    for late in (deadline, deadline + timedelta(days=30)):
        with pytest.raises(InvalidTransition, match="reopen period has ended"):
            check_move(ctx("resolved", role, own, resolved_at, now=late), "in_progress")
        # confirming the resolution stays possible until the ticket is closed
        check_move(ctx("resolved", role, own, resolved_at, now=late), "closed")
        assert "in_progress" not in allowed_targets(ctx("resolved", role, own, resolved_at, now=late))


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(
    status=st.sampled_from(STATUSES),
    person=st.sampled_from(PEOPLE),
    age=st.integers(min_value=0, max_value=20 * 86400),
)
def test_allowed_targets_never_raise_and_stay_in_the_table(status: str, person: tuple[str, bool], age: int) -> None:
    role, own = person
    context = ctx(status, role, own, resolved_at=NOW - timedelta(seconds=age))
    targets = allowed_targets(context)
    assert set(targets) <= DESIGN[status]
    for target in targets:
        check_move(context, target)
    for target in set(STATUSES) - set(targets):
        with pytest.raises((InvalidTransition, NotAllowed)):
            check_move(context, target)
