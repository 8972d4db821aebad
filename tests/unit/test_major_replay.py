"""Resolving a major incident, as recorded and run again (DESIGN §6a): the `move`
command, replayed by name on a second desk as the server runs a pushed one, resolves
the same linked incidents the same way, with the same history, notices and note."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select

from core import commands
from core.invariants import store_problems
from core.models import Comment, HistoryEvent, Ticket
from core.services import tickets
from core.services.tickets import NewTicket
from core.uow import UnitOfWork
from tests.support.memory_uow import MemoryDesk

T = TypeVar("T")
NOTE = "Carrier restored the regional uplink"


def children_state(desk: MemoryDesk) -> dict[str, Any]:
    """Each ticket's status and resolution, its history (ids and stamps aside) and comments."""
    with desk.read() as session:
        state: dict[str, Any] = {}
        for t in session.scalars(select(Ticket).order_by(Ticket.number)):
            events = session.scalars(select(HistoryEvent).where(HistoryEvent.ticket_id == t.id)).all()
            notes = session.scalars(select(Comment).where(Comment.ticket_id == t.id)).all()
            state[t.number] = (
                t.status, t.resolution_code, t.resolution_note, t.resolved_at,
                sorted(repr((h.kind, h.field, h.old, h.new, h.note, h.occurred_at)) for h in events
                       if not h.kind.startswith("sla_")),
                sorted((str(c.id), c.body, c.public) for c in notes),
            )
        assert store_problems(session, desk.ref, desk.clock.now) == {}
    return state


def test_the_recorded_resolution_of_a_major_incident_resolves_the_same_children_elsewhere() -> None:
    here, there = MemoryDesk(), MemoryDesk(device="SRV01")
    ada = here.user("ada")

    def both(action: Callable[[UnitOfWork], T]) -> T:
        """Run the command here, then each command it recorded there, by name, through
        JSON, at the recorded instant, as the server runs a pushed one."""
        here.clock.advance(minutes=5)
        before = len(here.effects)
        with here.work() as uow:
            result = action(uow)
        there.clock.set(here.clock.now)
        for entry in here.effects[before:]:
            if entry.command is not None:
                command = json.loads(json.dumps(entry.command))
                with there.work() as uow:
                    commands.run(uow, entry.effect.actor, command, entry.effect.at)
        return result

    def new(title: str, **values: Any) -> str:
        cmd = NewTicket(title=title, category=values.pop("category", "Hardware"), impact="medium", urgency="medium",
                        requester=values.pop("requester", "anna"), **values)
        return both(lambda uow: tickets.create(uow, ada, cmd)).number

    major = new("Regional uplink down", category="Network/Router", major_incident=True)
    caused = new("Till 2 offline")
    related = new("Pump 4 card reader offline", requester="vip")
    held = new("Router down at Puławska", category="Network/Router", requester="ola")
    new("Swap the router", category="Network/Router", type="task", parent=held, requester="ola")
    both(lambda uow: tickets.link(uow, ada, caused, major, "caused_by"))
    both(lambda uow: tickets.link(uow, ada, major, related, "relates"))
    both(lambda uow: tickets.link(uow, ada, held, major, "caused_by"))
    both(lambda uow: tickets.move(uow, ada, major, "resolved", code="fixed", note=NOTE))

    state = children_state(here)
    assert [state[n][:3] for n in (major, caused, related)] == [("resolved", "fixed", NOTE)] * 3
    assert state[held][0] == "new"
    assert state == children_state(there)
    # one command made all of it: every change after the first points back at it
    moved = [e for e in here.effects if e.command is not None and e.command["name"] == "move"]
    assert len(moved) == 1
    rest = [e for e in here.effects[here.effects.index(moved[0]) + 1:] if e.effect.kind != "sla_event"]
    assert {e.effect.record_id for e in rest if e.effect.kind == "ticket"} == {
        there_ticket.id for there_ticket in _tickets(here, caused, related)}
    assert all(e.part_of == moved[0].id for e in rest)
    here.close()
    there.close()


def _tickets(desk: MemoryDesk, *numbers: str) -> list[Ticket]:
    with desk.read() as session:
        return list(session.scalars(select(Ticket).where(Ticket.number.in_(numbers))))
