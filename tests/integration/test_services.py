"""Ticket commands through the service layer (core.services.tickets) on a real store:
the lifecycle with who may do what, the rules each move carries, priority, assignment,
auto-close, and that a command that fails half way leaves nothing behind."""

from __future__ import annotations

from datetime import timedelta
from itertools import product
from typing import Any

import pytest
from sqlalchemy import select

from core.clock import utcnow
from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from core.ids import SYSTEM_USER_ID, derived_id, reference_id
from core.models import ChangeEntry, Comment, HistoryEvent, Ticket, TicketLink, WorkLog
from core.orgspec import STATUSES
from core.services import tickets as service
from core.store import Store
from core.uow import unit_of_work

# The same design table the unit tests hold (DESIGN §3 Lifecycle).
DESIGN = {
    "new": {"assigned", "in_progress", "resolved", "cancelled"},
    "assigned": {"assigned", "in_progress", "pending", "resolved", "cancelled"},
    "in_progress": {"assigned", "pending", "resolved"},
    "pending": {"in_progress", "resolved"},
    "resolved": {"closed", "in_progress"},
    "closed": set(),
    "cancelled": set(),
}
REQUESTER_OWN = {("new", "cancelled"), ("resolved", "closed"), ("resolved", "in_progress")}
# username -> (role, is the requester of the tickets below, all requested by anna)
PEOPLE = {
    "anna": ("requester", True), "vip": ("requester", False), "tom": ("technician", False),
    "ada": ("agent", False), "max": ("manager", False), "root": ("admin", False),
}
NOTE = "Replaced the paper roller; printed three receipts."


def allowed(status: str, target: str, who: str) -> bool:
    role, own = PEOPLE[who]
    if target not in DESIGN[status]:
        return False
    return role != "requester" or (own and (status, target) in REQUESTER_OWN)


def attempt(uow: Any, actor: Any, number: str, target: str) -> None:
    """The command a person would use to put the ticket in `target`, with what it needs."""
    if target == "assigned":
        service.assign(uow, actor, number, team="NET")
    elif target == "pending":
        service.move(uow, actor, number, "pending", reason="customer")
    elif target == "resolved":
        service.move(uow, actor, number, "resolved", code="fixed", note=NOTE)
    else:
        service.move(uow, actor, number, target)


# -- the lifecycle, whole, through the service layer -------------------------------------------

@pytest.mark.parametrize("status", STATUSES)
def test_every_move_from_each_status_for_every_person(status: str, desk: Any) -> None:
    fresh_store = desk.store
    cases = list(product(PEOPLE, STATUSES))
    numbers = desk.prepare(status, len(cases))
    for (who, target), number in zip(cases, numbers, strict=True):
        with fresh_store.read() as session:
            before = session.scalar(select(Ticket.versions).where(Ticket.number == number))
        try:
            with unit_of_work(fresh_store) as uow:
                attempt(uow, uow.ref.user(who), number, target)
        except (InvalidTransition, NotAllowed) as refused:
            assert not allowed(status, target, who), f"{who} refused {status} -> {target}: {refused}"
            with fresh_store.read() as session:
                assert session.scalar(select(Ticket.versions).where(Ticket.number == number)) == before
        else:
            assert allowed(status, target, who), f"{who} was let move {status} -> {target}"
            with fresh_store.read() as session:
                assert session.scalar(select(Ticket.status).where(Ticket.number == number)) == target


def test_allowed_moves_offers_what_the_person_may_do(desk: Any) -> None:
    [number] = desk.prepare("resolved")
    with unit_of_work(desk.store) as uow:
        ticket = service.find_ticket(uow, uow.ref.user("anna"), number)
        assert service.allowed_moves(uow, uow.ref.user("anna"), ticket) == ["in_progress", "closed"]
        assert service.allowed_moves(uow, uow.ref.user("vip"), ticket) == []


# -- what each move needs ---------------------------------------------------------------------

PENDING_REFUSALS = [
    ({}, "needs --reason, one of customer, supplier, change, other"),
    ({"reason": "lunch"}, "needs --reason"),
    ({"reason": "supplier"}, "waiting on a supplier needs --supplier"),
    ({"reason": "supplier", "supplier": "ACME"}, "unknown supplier 'ACME'"),
    ({"reason": "customer", "supplier": "POSCO"}, "--supplier goes with --reason supplier"),
    ({"reason": "customer", "code": "fixed"}, "--code goes with a move to resolved"),
]


def test_pending_needs_a_reason_and_a_supplier_for_supplier(desk: Any) -> None:
    [number] = desk.prepare("in_progress")
    seq = desk.last_seq()
    for kwargs, message in PENDING_REFUSALS:
        with pytest.raises(InvalidInput, match=message):
            desk.move("tom", number, "pending", **kwargs)
    assert desk.ticket(number).status == "in_progress"
    assert desk.last_seq() == seq


def test_pending_on_a_supplier_and_back(desk: Any) -> None:
    [number] = desk.prepare("in_progress")
    desk.move("tom", number, "pending", reason="supplier", supplier="POSCO")
    ticket = desk.ticket(number)
    assert (ticket.status, ticket.pending_reason) == ("pending", "supplier")
    assert ticket.pending_supplier_id is not None
    desk.move("tom", number, "in_progress")
    ticket = desk.ticket(number)
    assert (ticket.status, ticket.pending_reason, ticket.pending_supplier_id) == ("in_progress", None, None)
    with pytest.raises(InvalidInput, match="--reason and --supplier go with a move to pending"):
        desk.move("tom", number, "resolved", code="fixed", note=NOTE, reason="customer")


RESOLVE_REFUSALS = [
    ({}, "resolving needs --code"),
    ({"code": "magic", "note": NOTE}, "resolving needs --code"),
    ({"code": "fixed"}, "resolving needs a resolution note"),
    ({"code": "fixed", "note": "   "}, "resolving needs a resolution note"),
]


def test_resolve_needs_a_code_and_a_note(desk: Any) -> None:
    [new, in_progress] = desk.prepare("new") + desk.prepare("in_progress")
    seq = desk.last_seq()
    for number in (new, in_progress):
        for kwargs, message in RESOLVE_REFUSALS:
            with pytest.raises(InvalidInput, match=message):
                desk.move("tom", number, "resolved", **kwargs)
    assert [desk.ticket(n).status for n in (new, in_progress)] == ["new", "in_progress"]
    assert desk.last_seq() == seq


def test_resolving_records_code_note_and_instant_and_a_reopen_clears_them(desk: Any) -> None:
    t0 = utcnow() - timedelta(days=3)
    number = desk.new(at=t0)
    desk.assign("ada", number, to="tom", at=t0 + timedelta(minutes=5))
    desk.move("tom", number, "resolved", code="fixed", note=f"  {NOTE} ", at=t0 + timedelta(hours=1))
    ticket = desk.ticket(number)
    assert (ticket.resolution_code, ticket.resolution_note) == ("fixed", NOTE)
    assert ticket.resolved_at == t0 + timedelta(hours=1)
    assert ticket.first_response_at == t0 + timedelta(hours=1)
    desk.move("anna", number, "in_progress", at=t0 + timedelta(days=1))
    ticket = desk.ticket(number)
    assert (ticket.status, ticket.resolution_code, ticket.resolution_note, ticket.resolved_at) == (
        "in_progress", None, None, None)
    assert ticket.first_response_at == t0 + timedelta(hours=1)


def test_a_parent_with_open_tasks_cannot_be_resolved(desk: Any) -> None:
    [parent] = desk.prepare("in_progress")
    with pytest.raises(InvalidInput, match="a task belongs under a parent ticket"):
        desk.new("ada", type="task", requester="anna")
    tasks = [desk.new("ada", type="task", parent=parent, requester="anna", title=f"Task {i}") for i in (1, 2)]
    assert all(desk.ticket(t).parent_id == desk.ticket(parent).id for t in tasks)
    with pytest.raises(InvalidTransition, match="still has 2 open task"):
        desk.move("tom", parent, "resolved", code="fixed", note=NOTE)
    desk.move("ada", tasks[0], "resolved", code="fixed", note=NOTE)
    desk.move("ada", tasks[1], "cancelled")
    desk.move("tom", parent, "resolved", code="fixed", note=NOTE)
    assert desk.ticket(parent).status == "resolved"
    with pytest.raises(InvalidInput, match="tasks go under open tickets"):
        desk.new("ada", type="task", parent=parent, requester="anna")


def test_reopen_until_auto_close_days_after_resolution_and_not_after(desk: Any) -> None:
    resolved_at = utcnow() - timedelta(days=30)
    late, in_time = desk.prepare("resolved", 2, at=resolved_at)
    assert desk.ticket(late).resolved_at == resolved_at
    deadline = resolved_at + timedelta(days=5)  # the small organisation's auto_close_days
    desk.move("anna", in_time, "in_progress", at=deadline - timedelta(seconds=1))
    assert desk.ticket(in_time).status == "in_progress"
    with pytest.raises(InvalidTransition, match="reopen period has ended"):
        desk.move("anna", late, "in_progress", at=deadline)
    with pytest.raises(InvalidTransition, match="reopen period has ended"):
        desk.move("tom", late, "in_progress", at=deadline + timedelta(days=1))
    assert desk.ticket(late).status == "resolved"


def test_close_expired_closes_as_the_system_once(desk: Any) -> None:
    now = utcnow()
    [old] = desk.prepare("resolved", at=now - timedelta(days=6))
    [recent] = desk.prepare("resolved", at=now - timedelta(days=4))
    ticket = desk.ticket(old)
    seq = desk.last_seq()

    closed = desk.run(service.close_expired, None, at=now)
    assert closed == [ticket.id]
    assert desk.ticket(recent).status == "resolved"
    after = desk.ticket(old)
    assert after.status == "closed"
    assert after.closed_at == ticket.resolved_at + timedelta(days=5)

    entries = [e for e in desk.entries(seq) if e.kind == "ticket"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.id == derived_id("auto-close", ticket.id, ticket.resolved_at.isoformat())
    assert entry.actor_id == SYSTEM_USER_ID
    assert entry.data == {"status": "closed", "closed_at": after.closed_at.strftime("%Y-%m-%dT%H:%M:%SZ")}
    events = [h for h in desk.history(old) if h.kind == "field" and h.actor_id == SYSTEM_USER_ID]
    assert {h.field for h in events} == {"status", "closed_at"}
    assert all(h.id == derived_id(entry.id, "field", "") for h in events)  # one event for both fields

    # Run again (the command line runs it before most commands): nothing more.
    assert desk.run(service.close_expired, None, at=now + timedelta(minutes=1)) == []
    assert [e.id for e in desk.entries(seq) if e.kind == "ticket"] == [entry.id]


def test_two_replicas_closing_the_same_ticket_make_one_change(desk: Any, tmp_path: Any) -> None:
    from core.store import backup_copy

    now = utcnow()
    desk.prepare("resolved", at=now - timedelta(days=8))
    seq = desk.last_seq()
    replica = Store.open(backup_copy(desk.store.path, "replica"))
    try:
        made = []
        for store in (desk.store, replica):
            with unit_of_work(store) as uow:
                service.close_expired(uow, at=now)
            with store.read() as session:
                rows = session.scalars(select(ChangeEntry).where(ChangeEntry.seq > seq,
                                                                 ChangeEntry.kind == "ticket")).all()
                events = session.scalars(select(HistoryEvent.id).where(HistoryEvent.actor_id == SYSTEM_USER_ID,
                                                                       HistoryEvent.kind == "field")).all()
            made.append(({r.id for r in rows}, set(events)))
        assert made[0] == made[1]
        assert len(made[0][0]) == 1
    finally:
        replica.close()


@pytest.mark.parametrize("status", ["closed", "cancelled"])
def test_closed_and_cancelled_tickets_accept_no_move_assign_edit_or_comment(desk: Any, status: str) -> None:
    [number] = desk.prepare(status)
    seq = desk.last_seq()
    for target in STATUSES:
        for who in ("anna", "tom", "ada", "root"):
            with pytest.raises((InvalidTransition, NotAllowed)):
                desk.run(attempt, who, number, target)
    with pytest.raises(InvalidTransition, match="follow-up"):
        desk.edit("ada", number, title="Something else")
    for who in ("anna", "ada"):
        with pytest.raises(InvalidTransition, match="follow-up"):
            desk.comment(who, number, "Any news?")
    assert desk.last_seq() == seq
    # the way on is a new ticket linked to the old one
    follow_up = desk.new("ada", requester="anna", title="Printer jammed again")
    desk.run(service.link, "ada", follow_up, number, "follows_up")
    assert desk.ticket(number).status == status



@pytest.mark.parametrize("status", ["closed", "cancelled"])
def test_closed_and_cancelled_tickets_accept_no_work_log_or_link_of_their_own(desk: Any, status: str) -> None:
    [number] = desk.prepare(status)
    [other] = desk.prepare("new")
    with pytest.raises(InvalidTransition):
        desk.run(service.log_work, "tom", number, 30, "late entry")
    with pytest.raises(InvalidTransition):
        desk.run(service.link, "ada", number, other, "relates")


# -- what a requester may and may not do ------------------------------------------------------

def test_requester_cancels_only_their_own_new_ticket(desk: Any) -> None:
    own, others, assigned = desk.new("anna"), desk.new("vip"), desk.new("anna")
    desk.assign("ada", assigned, to="tom")
    with pytest.raises(NotAllowed, match="only the ticket's requester"):
        desk.move("anna", others, "cancelled")
    with pytest.raises(NotAllowed, match="cannot cancel an assigned ticket"):
        desk.move("anna", assigned, "cancelled")
    desk.move("anna", own, "cancelled")
    assert [desk.ticket(n).status for n in (own, others, assigned)] == ["cancelled", "new", "assigned"]


def test_requester_closes_or_reopens_only_their_own_resolved_ticket(desk: Any) -> None:
    [own] = desk.prepare("resolved")
    others = desk.new("vip")
    desk.assign("ada", others, to="tom")
    desk.move("tom", others, "resolved", code="fixed", note=NOTE)
    for target in ("closed", "in_progress"):
        with pytest.raises(NotAllowed, match="only the ticket's requester"):
            desk.move("anna", others, target)
    desk.move("anna", own, "in_progress")
    with pytest.raises(NotAllowed):
        desk.move("anna", own, "resolved", code="fixed", note=NOTE)
    desk.move("tom", own, "resolved", code="fixed", note=NOTE)
    desk.move("anna", own, "closed")
    ticket = desk.ticket(own)
    assert ticket.status == "closed" and ticket.closed_at is not None


def test_requester_cannot_assign_set_priority_or_add_internal_notes(desk: Any) -> None:
    number = desk.new("anna")
    seq = desk.last_seq()
    with pytest.raises(NotAllowed):
        desk.assign("anna", number, to="tom")
    with pytest.raises(NotAllowed):
        desk.edit("anna", number, priority="P1", priority_reason="urgent for me")
    with pytest.raises(NotAllowed):
        desk.edit("anna", number, impact="high")
    with pytest.raises(NotAllowed, match="internal notes"):
        desk.comment("anna", number, "note to self", internal=True)
    with pytest.raises(NotAllowed):
        desk.run(service.log_work, "anna", number, 10)
    with pytest.raises(NotAllowed):
        desk.run(service.escalate, "anna", number)
    assert desk.last_seq() == seq
    desk.comment("anna", number, "Still jammed after lunch.")
    assert desk.count(Comment) == 1


def test_requester_logs_for_themselves_at_their_own_site(desk: Any) -> None:
    with pytest.raises(NotAllowed, match="for themselves"):
        desk.new("anna", requester="vip")
    with pytest.raises(NotAllowed, match="their own site"):
        desk.new("anna", site="PL-WAW-002")
    with pytest.raises(NotAllowed, match="major incident"):
        desk.new("anna", major_incident=True)
    assert desk.count(Ticket) == 0


# -- priority -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("who", "extra", "category", "impact", "urgency", "priority"), [
    ("anna", {}, "Hardware", "low", "low", "P5"),
    ("anna", {}, "Hardware", "high", "medium", "P2"),
    ("vip", {}, "Hardware", "low", "low", "P4"),  # VIP requester
    ("ola", {}, "Hardware", "low", "low", "P4"),  # critical site
    ("ada", {"requester": "vip", "site": "PL-WAW-002"}, "Hardware", "low", "low", "P4"),  # both: once
    ("ada", {"requester": "vip", "site": "PL-WAW-002"}, "Hardware", "high", "high", "P1"),
    ("anna", {}, "Security/Suspicious activity", "low", "low", "P2"),  # security floor
    ("vip", {}, "Security/Suspicious activity", "low", "low", "P2"),
    ("anna", {}, "Security/Suspicious activity", "high", "high", "P1"),
])
def test_priority_on_creation(desk: Any, who: str, extra: dict[str, str], category: str, impact: str,
                              urgency: str, priority: str) -> None:
    number = desk.new(who, category=category, impact=impact, urgency=urgency, **extra)
    assert desk.ticket(number).priority == priority


def test_priority_follows_impact_urgency_and_category_edits(desk: Any) -> None:
    number = desk.new("anna")
    assert desk.ticket(number).priority == "P5"
    desk.edit("ada", number, impact="high")
    assert desk.ticket(number).priority == "P3"
    desk.edit("tom", number, urgency="high")
    assert desk.ticket(number).priority == "P1"
    desk.edit("ada", number, impact="low", urgency="low", category="Security/Suspicious activity")
    assert desk.ticket(number).priority == "P2"
    desk.edit("ada", number, category="Access/Password reset")
    assert desk.ticket(number).priority == "P5"


def test_only_agents_managers_and_admins_override_priority_with_a_reason(desk: Any) -> None:
    number = desk.new("anna")
    with pytest.raises(NotAllowed, match="only agents and managers"):
        desk.edit("tom", number, priority="P1", priority_reason="till down")
    for reason in (None, "", "   "):
        with pytest.raises(InvalidInput, match="needs a reason"):
            desk.edit("ada", number, priority="P1", priority_reason=reason)
    with pytest.raises(InvalidInput, match="priority must be one of P1, P2"):
        desk.edit("ada", number, priority="urgent", priority_reason="x")
    with pytest.raises(InvalidInput, match="a reason goes with a priority override"):
        desk.edit("ada", number, priority_reason="because")
    assert desk.ticket(number).priority == "P5"
    for who, level in (("ada", "P2"), ("max", "P3"), ("root", "P1")):
        desk.edit(who, number, priority=level, priority_reason=f"{who}: station manager escalated")
        ticket = desk.ticket(number)
        assert (ticket.priority, ticket.priority_reason) == (level, f"{who}: station manager escalated")
        event = [h for h in desk.history(number) if h.field == "priority"][-1]
        assert event.actor_id == desk.user_id(who) and event.new == level
        assert event.note == f"{who}: station manager escalated"
    # an overridden priority no longer follows impact and urgency
    desk.edit("ada", number, impact="high", urgency="high")
    assert desk.ticket(number).priority == "P1"
    desk.edit("ada", number, impact="low", urgency="low")
    assert desk.ticket(number).priority == "P1"


def test_an_edit_that_changes_nothing_is_refused(desk: Any) -> None:
    number = desk.new("anna")
    seq = desk.last_seq()
    with pytest.raises(InvalidInput, match="nothing to change"):
        desk.edit("ada", number, impact="low", title="Receipt printer jammed")
    assert desk.last_seq() == seq


# -- assignment ---------------------------------------------------------------------------------

def test_assign_reassign_hand_over_and_escalate(desk: Any) -> None:
    number = desk.new("anna")
    ticket = desk.ticket(number)
    assert (ticket.status, ticket.assignee_id, ticket.tier) == ("new", None, 2)  # Hardware -> FIELD
    desk.assign("ada", number, to="tom")
    assert (desk.ticket(number).status, desk.ticket(number).assignee_id) == ("assigned", desk.user_id("tom"))
    with pytest.raises(InvalidInput, match="already assigned to tom"):
        desk.assign("ada", number, to="tom")
    desk.move("tom", number, "in_progress")
    desk.run(service.escalate, "tom", number)
    ticket = desk.ticket(number)
    assert (ticket.status, ticket.team_id, ticket.assignee_id, ticket.tier) == (
        "assigned", reference_id("team", "NET"), None, 3)
    with pytest.raises(InvalidTransition, match="no team to escalate to"):
        desk.run(service.escalate, "ada", number)
    desk.assign("ada", number, to="nina")
    assert desk.ticket(number).assignee_id == desk.user_id("nina")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({}, "say whom to assign to"),
    ({"to": "anna"}, "anna is a requester and cannot work tickets"),
    ({"to": "ghost"}, "unknown user 'ghost'"),
    ({"team": "NOPE"}, "unknown team 'NOPE'"),
    ({"team": "FIELD", "to": "nina"}, "nina is not in team FIELD"),
])
def test_assign_refuses_bad_targets(desk: Any, kwargs: dict[str, str], message: str) -> None:
    number = desk.new("anna")
    with pytest.raises(InvalidInput, match=message):
        desk.assign("ada", number, **kwargs)
    assert desk.ticket(number).status == "new"


def test_tickets_out_of_scope_are_not_found(desk: Any) -> None:
    number = desk.new("ola")  # PL-WAW-002
    for who in ("anna", "vip"):  # requesters of PL-POZ-001
        with pytest.raises(NotFound, match=f"^no ticket {number}$"):
            desk.comment(who, number, "hello")
        with pytest.raises(NotFound, match=f"^no ticket {number}$"):
            desk.move(who, number, "cancelled")
    desk.comment("tom", number, "On my way.")  # tom's team FIELD has Hardware tickets of every site
    with pytest.raises(NotFound, match="^no ticket PL-WAW-002-XXXXX-99999$"):
        desk.comment("anna", "PL-WAW-002-XXXXX-99999", "hello")


# -- a crash half way through leaves nothing ----------------------------------------------------

def _crash_after(monkeypatch: pytest.MonkeyPatch, target: Any, name: str) -> None:
    original = getattr(target, name)

    def crashing(*args: Any, **kwargs: Any) -> Any:
        original(*args, **kwargs)
        raise RuntimeError("power cut")

    monkeypatch.setattr(target, name, crashing)


@pytest.mark.parametrize("command", ["create", "move", "comment", "assign", "close_expired"])
def test_a_command_that_fails_after_writing_leaves_nothing(desk: Any, monkeypatch: pytest.MonkeyPatch,
                                                          dump_db: Any, command: str) -> None:
    from core.uow import UnitOfWork

    now = utcnow()
    desk.prepare("resolved", at=now - timedelta(days=7))
    [other] = desk.prepare("new")
    before = dump_db(desk.store.path)
    counts = {m: desk.count(m) for m in (Ticket, HistoryEvent, ChangeEntry, Comment, WorkLog, TicketLink)}

    _crash_after(monkeypatch, UnitOfWork, "finish")
    with pytest.raises(RuntimeError, match="power cut"):
        if command == "create":
            desk.new("anna", title="Till screen flickers")
        elif command == "move":
            desk.move("tom", other, "in_progress")
        elif command == "comment":
            desk.comment("tom", other, "On my way.")  # the first response, too
        elif command == "assign":
            desk.assign("ada", other, to="tom")
        else:
            desk.run(service.close_expired, None, at=now)
    monkeypatch.undo()

    assert dump_db(desk.store.path) == before
    assert {m: desk.count(m) for m in counts} == counts
    # the number counter was not used up either
    assert desk.new("anna").endswith(f"-{desk.count(Ticket):05d}")


def test_a_failure_after_the_number_is_taken_leaves_the_counter_alone(
    desk: Any, monkeypatch: pytest.MonkeyPatch, dump_db: Any
) -> None:
    desk.new("anna")
    before = dump_db(desk.store.path)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("priority matrix unreadable")

    monkeypatch.setattr(service, "_priority_for", broken)  # runs after the number is taken
    with pytest.raises(RuntimeError):
        desk.new("anna")
    monkeypatch.undo()
    assert dump_db(desk.store.path) == before
    assert desk.new("anna").endswith("-00002")
