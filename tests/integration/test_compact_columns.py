"""Values a store keeps in a form of its own, smaller than the one its code reads
(core.models.tickets.Versions, core.ids.short_id): kept so, read back as ever,
and read as ever where a store before 0013 kept them the long way."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select, text

from core.ids import short_id
from core.models import ChangeEntry, Ticket
from core.models.tickets import ALL_FIELDS
from core.notices import carried


def _raw(desk, sql: str, **params):
    with desk.store.read() as session:
        return session.execute(text(sql), params).one()


def _entries(desk, ticket_id) -> list[str]:
    with desk.store.read() as session:
        return [str(e) for e in session.scalars(
            select(ChangeEntry.id).where(ChangeEntry.record_id == ticket_id).order_by(ChangeEntry.seq))]


def test_a_tickets_versions_are_kept_by_change_and_read_field_by_field(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")
    with desk.store.read() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.number == number))
        versions, ticket_id = dict(ticket.versions), ticket.id
    created, assigned = _entries(desk, ticket_id)
    assert versions == {ALL_FIELDS: created, "status": assigned, "assignee_id": assigned}

    (kept,) = _raw(desk, "SELECT versions FROM tickets WHERE number = :n", n=number)
    by_change = json.loads(kept)
    assert sorted(map(sorted, by_change.values())) == [[ALL_FIELDS], ["assignee_id", "status"]]
    assert all(len(key) == 22 for key in by_change) and created not in kept

    # as stores before 0013 kept it: field by field, each version's id as text
    with desk.store.write() as session:
        session.execute(text("UPDATE tickets SET versions = :v WHERE number = :n"),
                        {"v": json.dumps(versions), "n": number})
    with desk.store.read() as session:
        assert session.scalar(select(Ticket.versions).where(Ticket.number == number)) == versions
    desk.move("tom", number, "in_progress")  # a change writes the map anew, by change
    (kept,) = _raw(desk, "SELECT versions FROM tickets WHERE number = :n", n=number)
    assert all(isinstance(names, list) for names in json.loads(kept).values())
    with desk.store.read() as session:
        now = session.scalar(select(Ticket.versions).where(Ticket.number == number))
    moved = _entries(desk, ticket_id)[-1]
    assert now == {**versions, "status": moved, "first_response_at": moved}


def test_a_notice_names_each_person_in_22_characters_and_reads_back_their_ids(desk):
    number = desk.new("anna")
    desk.assign("ada", number, to="tom")
    tom, anna = desk.user("tom").id, desk.user("anna").id
    with desk.store.read() as session:
        rows = session.execute(text(
            "SELECT h.kind, h.field, h.new, h.note, h.notices FROM history h JOIN tickets t ON t.id = h.ticket_id "
            "WHERE t.number = :n AND h.notices IS NOT NULL"), {"n": number}).all()
    kept = [json.loads(row.notices) for row in rows]
    assert [short_id(tom)] in [people for notices in kept for _reason, people, _note in notices]
    assert str(tom) not in json.dumps(kept)
    told = [(t.reason, t.people) for row in rows
            for t in carried(row.kind, row.field, json.loads(row.new), row.note, json.loads(row.notices))]
    assert ("status", [str(anna)]) in told and ("assigned", [str(tom)]) in told
    assert uuid.UUID(told[-1][1][0]) in (tom, anna)
