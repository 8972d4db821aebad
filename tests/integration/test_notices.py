"""Who is told what (DESIGN §13, core.notices), through the real store and the service
layer: each event reaches the people it concerns once, never the person who caused it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from core.models import HistoryEvent, Ticket
from core.notices import Told, carried, carrying
from core.services import tickets as service
from core.sla_sweep import sweep
from core.uow import unit_of_work

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def told(desk: Any, number: str, since: int = 0) -> list[tuple[str, list[str]]]:
    """(reason, usernames) of each notice on the ticket, in order."""
    names = {str(desk.user(u).id): u for u in ("anna", "ola", "vip", "tom", "nina", "ada", "max", "root")}
    return [(n.reason, sorted(names[p] for p in n.people)) for n in notices(desk, number)][since:]


def notices(desk: Any, number: str) -> list[Told]:
    """Each notice the ticket's events carry, in the order of their changes."""
    with desk.store.read() as session:
        ticket_id = session.scalar(select(Ticket.id).where(Ticket.number == number))
        rows = session.execute(
            select(HistoryEvent.kind, HistoryEvent.field, HistoryEvent.new, HistoryEvent.note, HistoryEvent.notices)
            .where(HistoryEvent.ticket_id == ticket_id, carrying())
            .order_by(HistoryEvent.occurred_at, HistoryEvent.stamp)
        ).all()
    return [told for row in rows for told in carried(*row)]


def test_a_new_ticket_tells_its_team_when_nobody_is_assigned(desk):
    number = desk.new("anna")  # Hardware goes to FIELD's queue
    assert told(desk, number) == [("assigned", ["tom"])]


def test_assignment_tells_the_assignee_and_the_requester_hears_of_the_move(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")
    assert told(desk, number, 1) == [("assigned", ["tom"]), ("status", ["anna"])]


def test_a_reply_tells_the_requester_and_the_requesters_reply_tells_the_assignee(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")
    desk.comment("tom", number, "Which pump?")
    desk.comment("anna", number, "Pump 2")
    desk.comment("tom", number, "internal: order a part", internal=True)
    assert told(desk, number, 3) == [("reply", ["anna"]), ("reply", ["tom"])]


def test_resolution_tells_the_requester_with_the_note_and_nobody_hears_of_their_own_doing(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")
    desk.move("tom", number, "in_progress")
    desk.move("tom", number, "resolved", code="fixed", note="New print head fitted")
    desk.move("anna", number, "closed")  # her own close is no news to her
    assert told(desk, number, 3) == [("status", ["anna"]), ("resolved", ["anna"])]
    assert [n.note for n in notices(desk, number) if n.reason == "resolved"] == ["New print head fitted"]


def test_an_sla_breach_tells_the_team_when_nobody_is_assigned_and_the_assignee_when_someone_is(desk):
    unassigned = desk.new("anna", at=T0, title="Fuel display blank")
    assigned = desk.new("anna", at=T0, title="Till drawer stuck")
    desk.assign("ada", assigned, to="tom", at=T0 + timedelta(minutes=1))
    with unit_of_work(desk.store) as uow:
        sweep(uow, None, T0 + timedelta(days=30))  # whatever was not recorded as the tickets changed
    breaches = [who for reason, who in told(desk, unassigned) if reason == "sla_breach"]
    assert breaches and all(who == ["tom"] for who in breaches)  # FIELD: tom is its only member
    assert {tuple(who) for reason, who in told(desk, assigned) if reason.startswith("sla_")} == {("tom",)}


def test_a_major_incident_tells_the_requesters_of_its_site_and_of_each_linked_incident(desk):
    major = desk.new("ada", title="Regional uplink down", category="Network/Router", impact="high",
                     urgency="high", requester="anna", major_incident=True)
    assert ("major", ["anna", "vip"]) in told(desk, major)  # the people at Poznań
    elsewhere = desk.new("ada", title="Router down at Puławska", category="Network/Router", requester="ola")
    desk.run(service.link, "ada", elsewhere, major, "caused_by")
    assert told(desk, elsewhere)[-1] == ("major", ["ola"])


def _events(desk: Any, number: str) -> list[Any]:
    with desk.store.read() as session:
        ticket_id = session.scalar(select(Ticket.id).where(Ticket.number == number))
        return list(session.execute(
            select(HistoryEvent.kind, HistoryEvent.field, HistoryEvent.stamp, HistoryEvent.notices)
            .where(HistoryEvent.ticket_id == ticket_id).order_by(HistoryEvent.occurred_at, HistoryEvent.stamp)))


def test_a_changes_notices_ride_on_its_first_event_and_a_reply_has_an_event_of_its_own(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")  # the assignee and the requester are told, on one event
    desk.comment("tom", number, "Which pump?")  # a reply writes no event: its notice is one
    events = _events(desk, number)
    carriers = [e for e in events if e.notices]
    assert [e.kind for e in events if e.kind == "notice"] == ["notice"]
    assert [[told[0] for told in e.notices] for e in carriers] == [["assigned"], ["assigned", "status"], ["reply"]]
    assert [c.kind for c in carriers] == ["created", "field", "notice"]  # events of the changes themselves


def test_notices_written_as_events_of_their_own_before_store_0013_still_read(desk):
    """Such a `notice` event names its reason in `field`, its people in `new`: the
    ticket's history, the person's notifications and the server's worker read it."""
    from core.ids import derived_id, new_id
    from core.notifications import recent_notices
    from core.reference import reference_for
    from core.ticket_detail import read_ticket

    number = desk.new("anna", at=T0)
    tom = desk.user("tom")
    with unit_of_work(desk.store) as uow:
        ticket = uow.session.scalar(select(Ticket).where(Ticket.number == number))
        entry = new_id()
        uow.session.add(HistoryEvent(
            id=derived_id(entry, "notice", "escalation"), ticket_id=ticket.id, actor_id=desk.user("ada").id,
            device="OLD01", occurred_at=T0 + timedelta(minutes=5), stamp="1772442300000-00000-0ld0ld00",
            kind="notice", field="escalation", old=None, new=[str(tom.id)], note="told the old way"))
    assert Told("escalation", [str(tom.id)], "told the old way") in notices(desk, number)
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        history = read_ticket(session, ref, desk.user("ada"), number).history
        _, found = recent_notices(session, ref, tom, now=T0 + timedelta(days=1))
    assert [(h.new, h.note) for h in history if h.kind == "notice" and h.field == "escalation"] == [
        (["tom"], "told the old way")]
    assert [(n.number, n.text) for n in found if n.kind == "escalation"] == [(number, "told the old way")]
