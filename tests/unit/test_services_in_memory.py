"""Every service function driven through an in-memory unit of work (tests.support.
memory_uow): what each command records (its name and arguments on its first change,
part_of on the rest), the changes and history it writes, the invariants after it,
and that each refusal says why in core's words and leaves nothing behind. Last, the
"same mutators on both sides" property: the recorded commands, run again by name on
a second desk, make the very same tickets."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from core import commands
from core.blobs import MAX_ATTACHMENT_BYTES, attachment_note
from core.clock import iso
from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from core.field_events import changes
from core.ids import derived_id, new_id, reference_id
from core.invariants import store_problems
from core.models import Base, Conflict, HistoryEvent, Ticket
from core.reference import SYSTEM_USER
from core.services import attachments, conflicts, tickets
from core.services.tickets import Made, NewTicket, TicketEdit
from core.uow import UnitOfWork
from tests.support.memory_uow import Entry, MemoryDesk

T = TypeVar("T")

FIELD = reference_id("team", "FIELD")
DESK = reference_id("team", "DESK")
NET = reference_id("team", "NET")
POZ = reference_id("site", "PL-POZ-001")
POSCO = reference_id("supplier", "POSCO")
SHA = "ab" * 32


@pytest.fixture
def desk() -> Iterator[MemoryDesk]:
    made = MemoryDesk()
    yield made
    made.close()


# -- helpers ------------------------------------------------------------------
# Actions are Callable[..., T]: the loops below bind their cases as lambda defaults,
# which mypy cannot match against Callable[[UnitOfWork], T].

def do(desk: MemoryDesk, action: Callable[..., T]) -> tuple[T, list[Entry]]:
    """Run one command; returns what it returned and the changes it committed, after
    checking every rule every ticket keeps after any command."""
    before = len(desk.effects)
    with desk.work() as uow:
        result = action(uow)
    with desk.read() as session:
        assert store_problems(session, desk.ref, desk.clock.now) == {}
    return result, desk.effects[before:]


def snapshot(desk: MemoryDesk) -> tuple[Any, ...]:
    with desk.engine.connect() as conn:
        rows = {t.name: sorted(map(repr, conn.execute(select(t)).all())) for t in Base.metadata.sorted_tables}
    return rows, list(desk.effects), dict(desk.outbox.counters), list(desk.outbox.written_records)


def refused(desk: MemoryDesk, action: Callable[..., object], error: type[Exception], message: str) -> None:
    """The command is refused with core's error and words, and leaves nothing behind."""
    before = snapshot(desk)
    with pytest.raises(error, match=re.escape(message)) as caught, desk.work() as uow:
        action(uow)
    assert str(caught.value) == message
    assert snapshot(desk) == before


def one_command(entries: list[Entry], name: str, args: dict[str, Any] | None = None) -> list[Entry]:
    """The command's changes (warnings and breaches the commit computed aside): the
    first names the command, every later one points back at the first."""
    own = [e for e in entries if e.effect.kind != "sla_event"]
    assert own, "the command changed nothing"
    lead = own[0]
    assert lead.command is not None and lead.command["name"] == name
    if args is not None:
        assert lead.command["args"] == args
    assert lead.part_of is None
    for later in own[1:]:
        assert later.command is None and later.part_of == lead.id
    return own


def ticket(desk: MemoryDesk, number: str) -> Ticket:
    with desk.read() as session:
        found = session.scalar(select(Ticket).where(Ticket.number == number))
    assert found is not None
    return found


def history(desk: MemoryDesk, number: str, since: int = 0) -> list[tuple[Any, ...]]:
    with desk.read() as session:
        rows = session.scalars(
            select(HistoryEvent).join(Ticket, Ticket.id == HistoryEvent.ticket_id).where(Ticket.number == number)
            .order_by(HistoryEvent.occurred_at, HistoryEvent.stamp)
        ).all()
    # a change's one `field` event as a line per field it set, by the field's name
    return [line for h in rows if not h.kind.startswith("sla_") and h.kind != "notice"
            for line in (sorted((h.kind, name, old, new, h.note) for name, old, new in changes(h.field, h.old, h.new))
                         if h.kind == "field" else [(h.kind, h.field, h.old, h.new, h.note)])][since:]


def pos_ticket(**changes: Any) -> NewTicket:
    values: dict[str, Any] = {
        "title": "Pump 3 terminal frozen", "category": "Hardware/POS terminal", "impact": "medium",
        "urgency": "medium", "requester": "anna", "fields": {"terminal_id": "T-17"},
    }
    return NewTicket(**{**values, **changes})


def create(desk: MemoryDesk, actor: str = "ada", cmd: NewTicket | None = None) -> str:
    made, _ = do(desk, lambda uow: tickets.create(uow, desk.user(actor), cmd or pos_ticket()))
    return made.number


def step(desk: MemoryDesk, action: Callable[[UnitOfWork], object], minutes: int = 10) -> list[Entry]:
    desk.clock.advance(minutes=minutes)
    return do(desk, action)[1]


# -- create -------------------------------------------------------------------

def test_create_records_the_ticket_what_it_drew_and_its_history(desk: MemoryDesk) -> None:
    ada, anna = desk.user("ada"), desk.user("anna")
    cmd = pos_ticket(fields={"terminal_id": "T-17", "pump": "3"}, asset_tag="POS-0017")
    made, entries = do(desk, lambda uow: tickets.create(uow, ada, cmd))

    assert made.number == "PL-POZ-001-MEM01-00001"
    assert (made.status, made.priority, made.team_id, made.tier, made.assignee_id) == ("new", "P3", FIELD, 2, None)
    (entry,) = one_command(entries, "create", {
        "ticket": {**asdict(cmd)},
        "made": {"id": str(made.id), "number": made.number, "team_id": str(FIELD), "assignee_id": None},
    })
    effect = entry.effect
    assert (effect.kind, effect.record_id, effect.op, effect.base, effect.actor, effect.at) == (
        "ticket", made.id, "create", {}, ada, desk.clock.now)
    assert effect.data["number"] == made.number
    assert effect.data["requester_id"] == str(anna.id) and effect.data["created_by_id"] == str(ada.id)
    assert effect.data["site_id"] == str(POZ) and effect.data["fields"] == {"terminal_id": "T-17", "pump": "3"}
    assert effect.data["created_at"] == iso(desk.clock.now) and effect.data["status"] == "new"
    assert ticket(desk, made.number).versions == {"*": str(entry.id)}
    assert history(desk, made.number) == [("created", None, None, made.number, None)]
    assert desk.outbox.counters == {"ticket_number": 1}
    assert ("ticket", made.id, made.id) in desk.outbox.written_records


@pytest.mark.parametrize(("requester", "category", "impact", "urgency", "priority"), [
    ("anna", "Hardware/POS terminal", "medium", "medium", "P3"),
    ("vip", "Hardware/POS terminal", "medium", "medium", "P2"),  # a VIP raises it one level
    ("ola", "Network/Router", "low", "low", "P4"),  # so does a critical site
    ("anna", "Security/Suspicious activity", "low", "low", "P2"),  # security keeps a floor
    ("anna", "Access/Password reset", "high", "high", "P1"),
])
def test_create_computes_the_priority(
    desk: MemoryDesk, requester: str, category: str, impact: str, urgency: str, priority: str
) -> None:
    cmd = pos_ticket(requester=requester, category=category, impact=impact, urgency=urgency,
                     fields={"terminal_id": "T-1"} if category == "Hardware/POS terminal" else {})
    made, _ = do(desk, lambda uow: tickets.create(uow, desk.user("ada"), cmd))
    assert made.priority == priority


def test_a_requester_logs_a_ticket_for_themselves(desk: MemoryDesk) -> None:
    anna = desk.user("anna")
    made, entries = do(desk, lambda uow: tickets.create(uow, anna, pos_ticket(requester=None)))
    one_command(entries, "create")
    assert (made.requester_id, made.created_by_id, made.site_id) == (anna.id, anna.id, POZ)


def test_tasks_go_under_an_open_parent_and_hold_its_resolution(desk: MemoryDesk) -> None:
    parent = create(desk)
    cmd = NewTicket(title="Order a spare PIN pad", category="Hardware", impact="low", urgency="low", type="task",
                    requester="anna", parent=parent)
    task, entries = do(desk, lambda uow: tickets.create(uow, desk.user("ada"), cmd))
    one_command(entries, "create")
    assert task.parent_id == ticket(desk, parent).id and task.number.endswith("-00002")
    assert entries[0].effect.data["parent_id"] == str(task.parent_id)

    tom = desk.user("tom")
    refused(desk, lambda uow: tickets.move(uow, tom, parent, "resolved", code="fixed", note="done"),
            InvalidTransition, f"ticket {parent} still has 1 open task(s); finish them first")
    step(desk, lambda uow: tickets.move(uow, tom, task.number, "resolved", code="fixed", note="ordered"))
    step(desk, lambda uow: tickets.move(uow, tom, parent, "resolved", code="replaced", note="pad swapped"))
    step(desk, lambda uow: tickets.move(uow, tom, parent, "closed"))
    refused(desk, lambda uow: tickets.create(uow, desk.user("ada"), cmd), InvalidInput,
            f"ticket {parent} is closed; tasks go under open tickets")


def test_create_takes_what_was_made_elsewhere(desk: MemoryDesk) -> None:
    tom = desk.user("tom")
    made = Made(new_id(), "PL-POZ-001-SRV01-00042", FIELD, tom.id)
    result, entries = do(desk, lambda uow: tickets.create(uow, desk.user("ada"), pos_ticket(), made=made))
    one_command(entries, "create", {"ticket": asdict(pos_ticket()), "made": {
        "id": str(made.id), "number": made.number, "team_id": str(FIELD), "assignee_id": str(tom.id)}})
    assert (result.id, result.number, result.team_id, result.assignee_id, result.status) == (
        made.id, made.number, FIELD, tom.id, "assigned")
    assert "ticket_number" not in desk.outbox.counters

    ada = desk.user("ada")
    for other, message in [
        (Made(new_id(), "PL-WAW-002-SRV01-00001", FIELD, None),
         "ticket number 'PL-WAW-002-SRV01-00001' is not a number of site PL-POZ-001"),
        (Made(new_id(), made.number, FIELD, None), f"ticket number {made.number} is taken"),
        (Made(made.id, "PL-POZ-001-SRV01-00043", FIELD, None), "ticket number PL-POZ-001-SRV01-00043 is taken"),
        (Made(new_id(), "PL-POZ-001-SRV01-00044", uuid.uuid4(), None),
         "the ticket was routed to a team this organisation does not have"),
        (Made(new_id(), "PL-POZ-001-SRV01-00045", NET, tom.id),
         "the ticket was routed to someone who does not work for its team"),
        (Made(new_id(), "PL-POZ-001-SRV01-00046", FIELD, desk.user("anna").id),
         "the ticket was routed to someone who does not work for its team"),
    ]:
        refused(desk, lambda uow, o=other: tickets.create(uow, ada, pos_ticket(), made=o), InvalidInput, message)


def test_create_refusals_leave_nothing_behind(desk: MemoryDesk) -> None:
    ada, anna, tom = desk.user("ada"), desk.user("anna"), desk.user("tom")
    cases: list[tuple[Any, NewTicket, type[Exception], str]] = [
        (ada, pos_ticket(title="   "), InvalidInput, "a ticket needs a title"),
        (ada, pos_ticket(title="x" * 301), InvalidInput, "the title is 301 characters; at most 300"),
        (ada, pos_ticket(type="bug"), InvalidInput,
         "type must be one of incident, request, case, task, not 'bug'"),
        (ada, pos_ticket(channel="fax"), InvalidInput,
         "channel must be one of portal, phone, email, walk_in, chat, monitoring, not 'fax'"),
        (ada, pos_ticket(category="Fuel"), InvalidInput, "unknown category 'Fuel'"),
        (ada, pos_ticket(fields={}), InvalidInput, "Terminal ID (terminal_id) is required for this category"),
        (ada, pos_ticket(requester="nobody"), InvalidInput, "unknown user 'nobody'"),
        (ada, pos_ticket(requester=None), InvalidInput,
         "ada has no home site; say which site with --site"),
        (ada, pos_ticket(site="PL-XXX-999"), InvalidInput, "unknown site 'PL-XXX-999'"),
        (ada, pos_ticket(type="task"), InvalidInput, "a task belongs under a parent ticket; name it with --parent"),
        (ada, pos_ticket(parent="PL-POZ-001-MEM01-09999"), NotFound, "no ticket PL-POZ-001-MEM01-09999"),
        (ada, pos_ticket(type="request", major_incident=True), InvalidInput,
         "only an incident can be a major incident"),
        (ada, pos_ticket(asset_tag="A" * 101), InvalidInput, "asset_tag is longer than 100 characters"),
        (anna, pos_ticket(requester="vip"), NotAllowed, "a requester logs tickets for themselves only"),
        (anna, pos_ticket(requester=None, major_incident=True), NotAllowed,
         "only support staff may flag a major incident"),
        (anna, pos_ticket(requester=None, site="PL-WAW-002"), NotAllowed,
         "a requester logs tickets for their own site only"),
        # routed outside what the technician works on (a counter was drawn, and is given back)
        (tom, pos_ticket(requester="ola", category="Network/Router", fields={}), NotAllowed,
         "the ticket would go to NET at PL-WAW-002, outside the tickets you work on; ask the central desk "
         "to log it"),
    ]
    for actor, cmd, error, message in cases:
        refused(desk, lambda uow, a=actor, c=cmd: tickets.create(uow, a, c), error, message)
    assert desk.effects == [] and desk.outbox.counters == {}


# -- edit ---------------------------------------------------------------------

def test_edit_changes_fields_and_follows_the_computed_priority(desk: MemoryDesk) -> None:
    number = create(desk)
    created = desk.effects[0].id
    entries = step(desk, lambda uow: tickets.edit(uow, desk.user("ada"), number, TicketEdit(impact="high")))
    (entry,) = one_command(entries, "edit", {"number": number, "edit": asdict(TicketEdit(impact="high"))})
    assert entry.effect.data == {"impact": "high", "priority": "P2"}
    assert entry.effect.base == {"impact": str(created), "priority": str(created)}
    assert history(desk, number, 1) == [("field", "impact", "medium", "high", None),
                                        ("field", "priority", "P3", "P2", None)]
    assert ticket(desk, number).versions == {"*": str(created), "impact": str(entry.id), "priority": str(entry.id)}

    edit = TicketEdit(title="  Pump 3   terminal dead ", description=" no display ", asset_tag="POS-17",
                      fields={"pump": "3"}, major_incident=True)
    entries = step(desk, lambda uow: tickets.edit(uow, desk.user("tom"), number, edit))
    (entry,) = one_command(entries, "edit")
    assert entry.effect.data == {"title": "Pump 3 terminal dead", "description": "no display",
                                 "asset_tag": "POS-17", "fields": {"terminal_id": "T-17", "pump": "3"},
                                 "major_incident": True}


def test_edit_overrides_the_priority_with_a_reason(desk: MemoryDesk) -> None:
    number = create(desk)
    edit = TicketEdit(priority="P1", priority_reason=" all pumps down ")
    entries = step(desk, lambda uow: tickets.edit(uow, desk.user("max"), number, edit))
    (entry,) = one_command(entries, "edit", {"number": number, "edit": asdict(edit)})
    assert entry.effect.data == {"priority": "P1", "priority_reason": "all pumps down"}
    assert history(desk, number, 1) == [("field", "priority", "P3", "P1", "all pumps down"),
                                        ("field", "priority_reason", None, "all pumps down", "all pumps down")]
    # an overridden priority no longer follows impact and urgency
    entries = step(desk, lambda uow: tickets.edit(uow, desk.user("ada"), number, TicketEdit(urgency="low")))
    assert one_command(entries, "edit")[0].effect.data == {"urgency": "low"}
    assert ticket(desk, number).priority == "P1"


def test_edit_refusals(desk: MemoryDesk) -> None:
    number = create(desk)
    ada, tom, anna = desk.user("ada"), desk.user("tom"), desk.user("anna")
    cases: list[tuple[Any, TicketEdit, type[Exception], str]] = [
        (anna, TicketEdit(title="mine"), NotAllowed, "only support staff may edit a ticket; you are a requester"),
        (tom, TicketEdit(priority="P1", priority_reason="why"), NotAllowed,
         "only agents and managers may override the priority"),
        (ada, TicketEdit(priority="P9", priority_reason="why"), InvalidInput,
         "priority must be one of P1, P2, P3, P4, P5, not 'P9'"),
        (ada, TicketEdit(priority="P1", priority_reason="  "), InvalidInput,
         "overriding the priority needs a reason (--reason)"),
        (ada, TicketEdit(priority_reason="why"), InvalidInput,
         "a reason goes with a priority override (--priority)"),
        (ada, TicketEdit(title=" "), InvalidInput, "a ticket needs a title"),
        (ada, TicketEdit(type="task"), InvalidInput, "a task belongs under a parent ticket"),
        (ada, TicketEdit(type="bug"), InvalidInput, "type must be one of incident, request, case, task, not 'bug'"),
        (ada, TicketEdit(impact="huge"), InvalidInput, "impact must be one of high, medium, low, not 'huge'"),
        (ada, TicketEdit(category="POS"), InvalidInput,
         "unknown category 'POS'; did you mean 'Hardware/POS terminal'?"),
        (ada, TicketEdit(fields={"pump": "9"}), InvalidInput, "Pump must be one of 1, 2, 3, 4, not '9'"),
        (ada, TicketEdit(type="request", major_incident=True), InvalidInput,
         "only an incident can be a major incident"),
        (ada, TicketEdit(impact="medium", title="Pump 3 terminal frozen"), InvalidInput,
         "nothing to change: every value given is the ticket's current one"),
        (ada, TicketEdit(asset_tag="A" * 101), InvalidInput, "asset_tag is longer than 100 characters"),
    ]
    for actor, edit, error, message in cases:
        refused(desk, lambda uow, a=actor, e=edit: tickets.edit(uow, a, number, e), error, message)
    refused(desk, lambda uow: tickets.edit(uow, desk.user("ola"), number, TicketEdit(title="x")),
            NotFound, f"no ticket {number}")
    step(desk, lambda uow: tickets.move(uow, ada, number, "cancelled"))
    refused(desk, lambda uow: tickets.edit(uow, ada, number, TicketEdit(title="late")), InvalidTransition,
            f"ticket {number} is cancelled; open a follow-up ticket linked to it instead")


def test_edit_keeps_major_incidents_to_incidents(desk: MemoryDesk) -> None:
    number = create(desk, cmd=pos_ticket(major_incident=True))
    refused(desk, lambda uow: tickets.edit(uow, desk.user("ada"), number, TicketEdit(type="request")),
            InvalidInput, "only an incident can be a major incident")
    # cleared in the same edit, it may change type
    step(desk, lambda uow: tickets.edit(uow, desk.user("ada"), number,
                                        TicketEdit(type="request", major_incident=False)))


# -- assign and escalate ------------------------------------------------------

def test_assign_to_a_person_then_to_a_team(desk: MemoryDesk) -> None:
    number = create(desk)
    tom = desk.user("tom")
    entries = step(desk, lambda uow: tickets.assign(uow, desk.user("ada"), number, to="tom"))
    (entry,) = one_command(entries, "assign", {"number": number, "team": None, "to": "tom", "note": None})
    assert entry.effect.data == {"status": "assigned", "assignee_id": str(tom.id)}
    assert history(desk, number, 1) == [("field", "assignee_id", None, str(tom.id), None),
                                        ("field", "status", "new", "assigned", None)]

    entries = step(desk, lambda uow: tickets.assign(uow, desk.user("max"), number, team="NET", note="router"))
    (entry,) = one_command(entries, "assign", {"number": number, "team": "NET", "to": None, "note": "router"})
    assert entry.effect.data == {"team_id": str(NET), "assignee_id": None, "tier": 3}
    assert {h[4] for h in history(desk, number, 3)} == {"router"}
    # nina works for NET: she now sees it, and takes it
    entries = step(desk, lambda uow: tickets.assign(uow, desk.user("nina"), number, team="NET", to="nina"))
    assert one_command(entries, "assign")[0].effect.data == {"assignee_id": str(desk.user("nina").id)}


def test_assign_refusals(desk: MemoryDesk) -> None:
    number = create(desk)
    ada = desk.user("ada")
    cases: list[tuple[Any, dict[str, Any], type[Exception], str]] = [
        (desk.user("anna"), {"to": "tom"}, NotAllowed, "only support staff may assign tickets; you are a requester"),
        (ada, {}, InvalidInput, "say whom to assign to: --team CODE and/or --to USERNAME"),
        (ada, {"to": "anna"}, InvalidInput, "anna is a requester and cannot work tickets"),
        (ada, {"team": "NET", "to": "tom"}, InvalidInput, "tom is not in team NET"),
        (ada, {"team": "OPS"}, InvalidInput, "unknown team 'OPS'"),
        (ada, {"to": "zed"}, InvalidInput, "unknown user 'zed'"),
        (desk.user("nina"), {"to": "nina"}, NotFound, f"no ticket {number}"),
    ]
    for actor, where, error, message in cases:
        refused(desk, lambda uow, a=actor, w=where: tickets.assign(uow, a, number, **w), error, message)
    step(desk, lambda uow: tickets.assign(uow, ada, number, to="tom"))
    refused(desk, lambda uow: tickets.assign(uow, ada, number, to="tom"), InvalidInput,
            f"ticket {number} is already assigned to tom")
    step(desk, lambda uow: tickets.move(uow, ada, number, "pending", reason="customer"))
    refused(desk, lambda uow: tickets.assign(uow, ada, number, team="NET"), InvalidTransition,
            "a pending ticket cannot be assigned; move it back to in_progress first")


def test_escalate_walks_up_the_tiers(desk: MemoryDesk) -> None:
    cmd = NewTicket(title="Cannot log in", category="Access/Password reset", impact="low", urgency="medium",
                    requester="anna")
    number = create(desk, cmd=cmd)
    assert ticket(desk, number).team_id == DESK
    ada = desk.user("ada")
    entries = step(desk, lambda uow: tickets.escalate(uow, ada, number))
    # recorded as the escalation, not the assignment it makes
    (entry,) = one_command(entries, "escalate", {"number": number, "note": None})
    assert entry.effect.data == {"status": "assigned", "team_id": str(FIELD), "tier": 2}
    assert {h[4] for h in history(desk, number, 1)} == {"escalated from DESK"}

    entries = step(desk, lambda uow: tickets.escalate(uow, desk.user("tom"), number, note="needs the router"))
    (entry,) = one_command(entries, "escalate", {"number": number, "note": "needs the router"})
    assert entry.effect.data == {"team_id": str(NET), "tier": 3}
    refused(desk, lambda uow: tickets.escalate(uow, ada, number), InvalidTransition,
            f"ticket {number} has no team to escalate to")
    refused(desk, lambda uow: tickets.escalate(uow, desk.user("anna"), number), NotAllowed,
            "only support staff may escalate tickets; you are a requester")


# -- the lifecycle ------------------------------------------------------------

def test_a_ticket_through_its_lifecycle(desk: MemoryDesk) -> None:
    number = create(desk)
    tom, anna = desk.user("tom"), desk.user("anna")

    def move(actor: Any, status: str, **kw: Any) -> dict[str, Any]:
        entries = step(desk, lambda uow: tickets.move(uow, actor, number, status, **kw))
        args = {"number": number, "status": status, "reason": None, "supplier": None, "code": None, "note": None,
                **kw}
        (entry,) = one_command(entries, "move", args)
        assert entry.effect.actor == actor and entry.effect.at == desk.clock.now
        return entry.effect.data

    now = lambda: iso(desk.clock.now)  # noqa: E731
    assert move(tom, "in_progress") == {"status": "in_progress", "assignee_id": str(tom.id),
                                        "first_response_at": now()}
    assert move(tom, "pending", reason="customer", note="asked for the receipt") == {
        "status": "pending", "pending_reason": "customer"}
    assert history(desk, number)[-1] == ("field", "status", "in_progress", "pending", "asked for the receipt")
    assert move(tom, "in_progress") == {"status": "in_progress", "pending_reason": None}
    assert move(tom, "pending", reason="supplier", supplier="POSCO") == {
        "status": "pending", "pending_reason": "supplier", "pending_supplier_id": str(POSCO)}
    assert move(tom, "resolved", code="replaced", note=" PIN pad swapped ") == {
        "status": "resolved", "pending_reason": None, "pending_supplier_id": None, "resolution_code": "replaced",
        "resolution_note": "PIN pad swapped", "resolved_at": now()}
    assert [h[4] for h in history(desk, number)[-6:]] == [None] * 6  # a resolution's note is its own field
    # the requester reopens: the resolution goes with it
    assert move(anna, "in_progress") == {"status": "in_progress", "resolution_code": None,
                                         "resolution_note": None, "resolved_at": None}
    move(tom, "resolved", code="fixed", note="reseated the cable")
    assert move(anna, "closed") == {"status": "closed", "closed_at": now()}
    closed = ticket(desk, number)
    assert (closed.status, closed.resolution_code, closed.first_response_at is not None) == ("closed", "fixed", True)
    refused(desk, lambda uow: tickets.move(uow, tom, number, "in_progress"), InvalidTransition,
            "a closed ticket cannot change; open a follow-up ticket linked to it instead")


def test_cancel_by_the_requester_and_who_else_may_not(desk: MemoryDesk) -> None:
    anna = desk.user("anna")
    made, _ = do(desk, lambda uow: tickets.create(uow, anna, pos_ticket(requester=None)))
    number = made.number
    refused(desk, lambda uow: tickets.move(uow, desk.user("vip"), number, "cancelled"), NotAllowed,
            "only the ticket's requester or support staff may cancel it")
    refused(desk, lambda uow: tickets.move(uow, desk.user("ola"), number, "cancelled"), NotFound,
            f"no ticket {number}")
    refused(desk, lambda uow: tickets.move(uow, anna, number, "resolved", code="fixed", note="x"), NotAllowed,
            "a requester cannot resolve a new ticket; support staff can")
    entries = step(desk, lambda uow: tickets.move(uow, anna, number, "cancelled", note="it works again"))
    (entry,) = one_command(entries, "move")
    assert entry.effect.data == {"status": "cancelled"}
    assert history(desk, number)[-1] == ("field", "status", "new", "cancelled", "it works again")


def test_move_refusals(desk: MemoryDesk) -> None:
    number = create(desk)
    tom = desk.user("tom")
    cases: list[tuple[str, dict[str, Any], type[Exception], str]] = [
        ("assigned", {}, InvalidInput, "use 'ticket assign' to assign a ticket to a team or a person"),
        ("bogus", {}, InvalidTransition,
         "unknown status 'bogus'; statuses are new, assigned, in_progress, pending, resolved, closed, cancelled"),
        ("pending", {}, InvalidTransition,
         "cannot move a new ticket to pending; allowed: assigned, in_progress, resolved, cancelled"),
        ("resolved", {"note": "x"}, InvalidInput,
         "resolving needs --code, one of fixed, workaround, replaced, supplier_fixed, no_fault_found, user_error, "
         "duplicate, not_reproducible"),
        ("resolved", {"code": "fixed", "note": "  "}, InvalidInput, "resolving needs a resolution note (--note)"),
        ("in_progress", {"code": "fixed"}, InvalidInput, "--code goes with a move to resolved"),
        ("in_progress", {"reason": "customer"}, InvalidInput, "--reason and --supplier go with a move to pending"),
    ]
    for status, kw, error, message in cases:
        refused(desk, lambda uow, s=status, k=kw: tickets.move(uow, tom, number, s, **k), error, message)
    step(desk, lambda uow: tickets.move(uow, tom, number, "in_progress"))
    for kw, message in [
        ({}, "putting a ticket on hold needs --reason, one of customer, supplier, change, other"),
        ({"reason": "lunch"}, "putting a ticket on hold needs --reason, one of customer, supplier, change, other"),
        ({"reason": "supplier"}, "waiting on a supplier needs --supplier CODE"),
        ({"reason": "supplier", "supplier": "ACME"}, "unknown supplier 'ACME'"),
        ({"reason": "customer", "supplier": "POSCO"}, "--supplier goes with --reason supplier"),
    ]:
        refused(desk, lambda uow, k=kw: tickets.move(uow, tom, number, "pending", **k), InvalidInput, message)
    refused(desk, lambda uow: tickets.move(uow, tom, number, "cancelled"), InvalidTransition,
            "cannot move an in_progress ticket to cancelled; allowed: assigned, pending, resolved")


def test_the_reopen_period_ends(desk: MemoryDesk) -> None:
    number = create(desk)
    step(desk, lambda uow: tickets.move(uow, desk.user("tom"), number, "resolved", code="fixed", note="ok"))
    desk.clock.advance(days=5)
    refused(desk, lambda uow: tickets.move(uow, desk.user("anna"), number, "in_progress"), InvalidTransition,
            "the reopen period has ended; open a follow-up ticket linked to this one instead")


# -- comments, work, links, attachments ---------------------------------------

def test_comments_public_and_internal(desk: MemoryDesk) -> None:
    number = create(desk)
    anna, tom, ada = desk.user("anna"), desk.user("tom"), desk.user("ada")
    row, entries = do(desk, lambda uow: tickets.comment(uow, anna, number, " any news? "))
    (entry,) = one_command(entries, "comment", {"number": number, "text": " any news? ", "internal": False,
                                                "id": str(row.id)})
    assert (entry.effect.kind, entry.effect.op, entry.effect.record_id) == ("comment", "insert", row.id)
    assert entry.effect.data == {"id": str(row.id), "ticket_id": str(row.ticket_id), "author_id": str(anna.id),
                                 "body": "any news?", "public": True, "created_at": iso(desk.clock.now),
                                 "device": "MEM01"}
    assert ticket(desk, number).first_response_at is None
    assert ("comment", row.id, row.ticket_id) in desk.outbox.written_records

    internal = step(desk, lambda uow: tickets.comment(uow, ada, number, "check the warranty", internal=True))
    (entry,) = one_command(internal, "comment")
    assert entry.effect.data["public"] is False
    assert ticket(desk, number).first_response_at is None  # an internal note answers nobody

    # support's first public answer is the first response, as part of the same command
    entries = step(desk, lambda uow: tickets.comment(uow, tom, number, "on my way"))
    comment, first_response = one_command(entries, "comment")
    assert comment.effect.kind == "comment"
    assert (first_response.effect.kind, first_response.effect.data) == (
        "ticket", {"first_response_at": iso(desk.clock.now)})
    assert history(desk, number) == [("created", None, None, number, None),
                                      ("field", "first_response_at", None, iso(desk.clock.now), None)]

    refused(desk, lambda uow: tickets.comment(uow, anna, number, "  "), InvalidInput, "a comment needs some text")
    refused(desk, lambda uow: tickets.comment(uow, anna, number, "psst", internal=True), NotAllowed,
            "only support staff may add internal notes")
    step(desk, lambda uow: tickets.move(uow, tom, number, "resolved", code="fixed", note="ok"))
    step(desk, lambda uow: tickets.comment(uow, anna, number, "thanks"))  # a resolved ticket still talks
    step(desk, lambda uow: tickets.move(uow, anna, number, "closed"))
    refused(desk, lambda uow: tickets.comment(uow, anna, number, "again"), InvalidTransition,
            f"ticket {number} is closed; open a follow-up ticket linked to it")


def test_log_work(desk: MemoryDesk) -> None:
    number = create(desk)
    tom = desk.user("tom")
    row, entries = do(desk, lambda uow: tickets.log_work(uow, tom, number, 45, " swapped the cable "))
    (entry,) = one_command(entries, "log_work", {"number": number, "minutes": 45, "note": " swapped the cable ",
                                                 "id": str(row.id)})
    assert (entry.effect.kind, entry.effect.op) == ("worklog", "insert")
    assert entry.effect.data["minutes"] == 45 and entry.effect.data["note"] == "swapped the cable"
    assert history(desk, number) == [("created", None, None, number, None)]
    for minutes in (0, 1441):
        refused(desk, lambda uow, m=minutes: tickets.log_work(uow, tom, number, m), InvalidInput,
                "work is logged in minutes, from 1 to 1440")
    refused(desk, lambda uow: tickets.log_work(uow, desk.user("anna"), number, 5), NotAllowed,
            "only support staff may log work; you are a requester")
    step(desk, lambda uow: tickets.move(uow, tom, number, "resolved", code="fixed", note="ok"))
    step(desk, lambda uow: tickets.log_work(uow, tom, number, 10, "follow-up call"))
    step(desk, lambda uow: tickets.move(uow, tom, number, "closed"))
    refused(desk, lambda uow: tickets.log_work(uow, tom, number, 5), InvalidTransition,
            f"ticket {number} is closed; open a follow-up ticket linked to it instead")


def test_link(desk: MemoryDesk) -> None:
    first, second = create(desk), create(desk)
    ada = desk.user("ada")
    row, entries = do(desk, lambda uow: tickets.link(uow, ada, second, first, "duplicates"))
    (entry,) = one_command(entries, "link", {"number": second, "other": first, "kind": "duplicates",
                                             "id": str(row.id)})
    assert (entry.effect.kind, entry.effect.data["other_id"]) == ("link", str(ticket(desk, first).id))
    assert history(desk, second)[-1] == ("link", None, None, None, f"duplicates {first}")
    cases: list[tuple[Any, str, str, type[Exception], str]] = [
        (ada, first, "bogus", InvalidInput,
         "link kind must be one of relates, duplicates, follows_up, caused_by, not 'bogus'"),
        (ada, second, "relates", InvalidInput, "a ticket cannot be linked to itself"),
        (ada, first, "duplicates", InvalidInput, f"{second} is already linked to {first} as duplicates"),
        (ada, "PL-POZ-001-MEM01-09999", "relates", NotFound, "no ticket PL-POZ-001-MEM01-09999"),
        (desk.user("anna"), first, "relates", NotAllowed, "only support staff may link tickets; you are a requester"),
    ]
    for actor, other, kind, error, message in cases:
        refused(desk, lambda uow, a=actor, o=other, k=kind: tickets.link(uow, a, second, o, k), error, message)
    # a closed ticket is followed up by a new one linked to it
    step(desk, lambda uow: tickets.move(uow, ada, first, "resolved", code="fixed", note="ok"))
    step(desk, lambda uow: tickets.move(uow, ada, first, "closed"))
    step(desk, lambda uow: tickets.link(uow, ada, second, first, "follows_up"))
    refused(desk, lambda uow: tickets.link(uow, ada, first, second), InvalidTransition,
            f"ticket {first} is closed; open a follow-up ticket linked to it instead")


def test_add_attachment(desk: MemoryDesk) -> None:
    number = create(desk)
    anna = desk.user("anna")
    row, entries = do(desk, lambda uow: attachments.add_attachment(uow, anna, number, "receipt.pdf", SHA, 2048))
    (entry,) = one_command(entries, "attach", {"number": number, "name": "receipt.pdf", "sha256": SHA,
                                               "size": 2048, "id": str(row.id)})
    assert (entry.effect.kind, entry.effect.op) == ("attachment", "insert")
    assert entry.effect.data["media_type"] == "application/pdf" and entry.effect.data["sha256"] == SHA
    assert history(desk, number)[-1] == ("attachment", None, None, None, attachment_note("receipt.pdf", 2048))
    for name, sha, size, message in [
        ("a/b.pdf", SHA, 10, "an attachment needs a file name without folders, at most 255 characters"),
        (" ", SHA, 10, "an attachment needs a file name without folders, at most 255 characters"),
        ("x.pdf", "AB" * 32, 10, "an attachment's sha256 must be 64 lowercase hex digits"),
        ("x.pdf", SHA, 0, f"an attachment's size must be from 1 to {MAX_ATTACHMENT_BYTES} bytes"),
        ("x.pdf", SHA, MAX_ATTACHMENT_BYTES + 1, f"an attachment's size must be from 1 to {MAX_ATTACHMENT_BYTES} bytes"),
    ]:
        refused(desk, lambda uow, n=name, s=sha, z=size: attachments.add_attachment(uow, anna, number, n, s, z),
                InvalidInput, message)
    desk.outbox.missing_content = "only 1024 of 2048 bytes have arrived"
    refused(desk, lambda uow: attachments.add_attachment(uow, anna, number, "x.pdf", SHA, 2048), InvalidInput,
            "only 1024 of 2048 bytes have arrived")
    desk.outbox.missing_content = None
    step(desk, lambda uow: tickets.move(uow, anna, number, "cancelled"))
    refused(desk, lambda uow: attachments.add_attachment(uow, anna, number, "x.pdf", SHA, 20), InvalidTransition,
            f"ticket {number} is cancelled; open a follow-up ticket linked to it instead")


# -- conflicts ----------------------------------------------------------------

def add_conflict(desk: MemoryDesk, number: str) -> uuid.UUID:
    conflict_id = derived_id("conflict", number)
    with desk.read() as session, session.begin():
        session.add(Conflict(
            id=conflict_id, ticket_id=ticket(desk, number).id, field="priority", kept="P2", lost="P1",
            outcome="overridden", kept_actor_id=desk.user("ada").id, lost_actor_id=desk.user("tom").id,
            lost_entry_id=derived_id("lost", number), occurred_at=desk.clock.now, acknowledged_at=None,
            acknowledged_by_id=None,
        ))
    return conflict_id


def test_acknowledge_a_conflict(desk: MemoryDesk) -> None:
    number = create(desk)
    conflict_id = add_conflict(desk, number)
    tom = desk.user("tom")
    refused(desk, lambda uow: conflicts.acknowledge_conflict(uow, tom, uuid.uuid4()), NotFound, "no such conflict")
    refused(desk, lambda uow: conflicts.acknowledge_conflict(uow, desk.user("ola"), conflict_id), NotFound,
            "no such conflict")
    entries = step(desk, lambda uow: conflicts.acknowledge_conflict(uow, tom, conflict_id))
    (entry,) = one_command(entries, "acknowledge", {"conflict": str(conflict_id)})
    assert (entry.effect.kind, entry.effect.op, entry.effect.record_id) == ("conflict", "update", conflict_id)
    assert entry.effect.data == {"acknowledged_at": iso(desk.clock.now), "acknowledged_by_id": str(tom.id)}
    assert ("conflict", conflict_id, ticket(desk, number).id) in desk.outbox.written_records
    with desk.read() as session:
        row = session.get_one(Conflict, conflict_id)
        assert (row.acknowledged_at, row.acknowledged_by_id) == (desk.clock.now, tom.id)
    # seen once is seen: a second acknowledgement changes nothing
    before = snapshot(desk)
    step(desk, lambda uow: conflicts.acknowledge_conflict(uow, desk.user("ada"), conflict_id), minutes=0)
    assert snapshot(desk) == before


def test_acknowledge_by_id_prefix(desk: MemoryDesk) -> None:
    conflict_id = add_conflict(desk, create(desk))
    said, entries = do(desk, lambda uow: conflicts.acknowledge(uow, desk.user("ada"), str(conflict_id)[:8]))
    assert said == "conflict on priority"
    one_command(entries, "acknowledge", {"conflict": str(conflict_id)})
    said, entries = do(desk, lambda uow: conflicts.acknowledge(uow, desk.user("ada"), str(conflict_id)[:8]))
    assert (said, entries) == (None, [])


# -- closing after the reopen period ------------------------------------------

def test_close_expired_closes_as_the_system_when_the_period_ends(desk: MemoryDesk) -> None:
    number, other = create(desk), create(desk)
    entries = step(desk, lambda uow: tickets.move(uow, desk.user("tom"), number, "resolved", code="fixed",
                                                  note="ok"))
    resolved_at = ticket(desk, number).resolved_at
    assert resolved_at is not None
    desk.clock.advance(days=4)
    closed, entries = do(desk, lambda uow: tickets.close_expired(uow))
    assert (closed, entries) == ([], [])
    refused(desk, lambda uow: tickets.auto_close(uow, SYSTEM_USER, number), InvalidTransition,
            f"ticket {number} can still be reopened until {resolved_at + timedelta(days=5):%Y-%m-%d %H:%M}Z")
    refused(desk, lambda uow: tickets.auto_close(uow, SYSTEM_USER, other), InvalidTransition,
            f"ticket {other} is new, not resolved; it does not close by itself")

    desk.clock.advance(days=2)
    refused(desk, lambda uow: tickets.auto_close(uow, desk.user("max"), number), NotAllowed,
            "only the system closes tickets when their reopen period ends")
    closed, entries = do(desk, lambda uow: tickets.close_expired(uow))
    held = ticket(desk, number)
    assert closed == [held.id]
    (entry,) = one_command(entries, "auto_close", {"number": number})
    closed_at = resolved_at + timedelta(days=5)
    assert entry.id == derived_id("auto-close", held.id, resolved_at.isoformat())
    assert (entry.effect.actor, entry.effect.at) == (SYSTEM_USER, closed_at)
    assert entry.effect.data == {"status": "closed", "closed_at": iso(closed_at)}
    assert (held.status, held.closed_at) == ("closed", closed_at)
    assert history(desk, number)[-1] == ("field", "status", "resolved", "closed",
                                         "closed automatically after the reopen period")
    assert ticket(desk, other).status == "new"


# -- the same mutators on both sides ------------------------------------------

def replicated_state(desk: MemoryDesk) -> dict[str, Any]:
    """What every replica must agree on, leaving out only what names the device or
    the change entries (versions hold entry ids each outbox gives)."""
    state: dict[str, Any] = {}
    with desk.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name not in ("tickets", "comments", "work_logs", "ticket_links", "attachments", "conflicts",
                                  "history"):
                continue
            skip = {"versions", "device"} | ({"id", "stamp"} if table.name == "history" else set())
            columns = [c for c in table.c if c.key not in skip]
            state[table.name] = sorted(map(repr, conn.execute(select(*columns)).all()))
    return state


def test_recorded_commands_run_again_make_the_same_tickets() -> None:
    here, there = MemoryDesk(), MemoryDesk(device="SRV01")
    ada, tom, anna, max_ = (here.user(n) for n in ("ada", "tom", "anna", "max"))

    def both(action: Callable[[UnitOfWork], T], minutes: int = 7) -> T:
        """Run the command here, then every command it recorded there, by name, as
        the server runs a pushed one (arguments through JSON, at the recorded instant)."""
        here.clock.advance(minutes=minutes)
        result, entries = do(here, action)
        there.clock.set(here.clock.now)
        for entry in entries:
            if entry.command is not None:
                command = json.loads(json.dumps(entry.command))
                do(there, lambda uow, c=command, e=entry: commands.run(uow, e.effect.actor, c, e.effect.at))
        return result

    parent = both(lambda uow: tickets.create(uow, ada, pos_ticket())).number
    task = both(lambda uow: tickets.create(uow, ada, NewTicket(
        title="Order a PIN pad", category="Hardware", impact="low", urgency="low", type="task", requester="anna",
        parent=parent))).number
    access = both(lambda uow: tickets.create(uow, anna, NewTicket(
        title="Cannot log in", category="Access/Password reset", impact="low", urgency="low"))).number
    spare = both(lambda uow: tickets.create(uow, anna, pos_ticket(requester=None))).number
    routed = Made(new_id(), "PL-POZ-001-SRV01-00007", FIELD, tom.id)
    both(lambda uow: tickets.create(uow, ada, pos_ticket(title="Pump 1 display"), made=routed))
    both(lambda uow: tickets.edit(uow, ada, parent, TicketEdit(impact="high", fields={"pump": "3"})))
    both(lambda uow: tickets.edit(uow, max_, parent, TicketEdit(priority="P1", priority_reason="station down")))
    both(lambda uow: tickets.assign(uow, ada, parent, to="tom"))
    both(lambda uow: tickets.escalate(uow, ada, access))
    both(lambda uow: tickets.comment(uow, tom, parent, "on my way"))
    both(lambda uow: tickets.comment(uow, ada, parent, "VIP station", internal=True))
    both(lambda uow: tickets.log_work(uow, tom, parent, 30, "diagnosis"))
    both(lambda uow: tickets.link(uow, ada, access, parent, "caused_by"))
    both(lambda uow: attachments.add_attachment(uow, anna, parent, "photo.jpg", SHA, 4096))
    both(lambda uow: tickets.move(uow, tom, parent, "in_progress"))
    both(lambda uow: tickets.move(uow, tom, parent, "pending", reason="supplier", supplier="POSCO"))
    both(lambda uow: tickets.move(uow, tom, parent, "in_progress"), minutes=120)
    both(lambda uow: tickets.move(uow, tom, task, "resolved", code="fixed", note="ordered"))
    both(lambda uow: tickets.move(uow, tom, parent, "resolved", code="replaced", note="new pad"))
    both(lambda uow: tickets.move(uow, anna, parent, "in_progress"))
    both(lambda uow: tickets.move(uow, tom, parent, "resolved", code="fixed", note="cable reseated"))
    both(lambda uow: tickets.move(uow, anna, spare, "cancelled"))
    for desk in (here, there):
        add_conflict(desk, parent)
    both(lambda uow: conflicts.acknowledge_conflict(uow, tom, derived_id("conflict", parent)))
    both(lambda uow: tickets.close_expired(uow), minutes=6 * 24 * 60)

    assert ticket(there, parent).status == "closed" and ticket(there, task).status == "closed"
    assert ticket(there, routed.number).id == routed.id
    # the numbers and ids drawn here were taken there; there drew none of its own
    assert "ticket_number" not in there.outbox.counters
    assert replicated_state(there) == replicated_state(here)
    # and the warnings and breaches each computed from the same history are the same ones
    assert sorted(e.id for e in there.effects if e.effect.kind == "sla_event") == sorted(
        e.id for e in here.effects if e.effect.kind == "sla_event")
    here.close()
    there.close()
