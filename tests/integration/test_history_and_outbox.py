"""Every change of a ticket field is a history event (who, when, from which device, old
and new: DESIGN §3), and every command writes, in the same transaction, one change-log
entry per record it changed with only the fields set and the versions they were based
on, or one insert entry for a comment, work log or link (DESIGN §6 Outbox)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from core.clock import utcnow
from core.ids import derived_id
from core.models import REPLICATED_FIELDS, Comment, TicketLink, WorkLog
from core.models.tickets import version_of
from core.services import tickets as service
from core.uow import jsonable

NOTE = "Replaced the paper roller; printed three receipts."


def snapshot(desk: Any, number: str) -> tuple[dict[str, Any], dict[str, Any]]:
    ticket = desk.ticket(number)
    return ({f: jsonable(getattr(ticket, f)) for f in REPLICATED_FIELDS},
            {f: version_of(ticket.versions, f) for f in REPLICATED_FIELDS})


class Recorder:
    """Runs one command and checks the history and change entries it left."""

    def __init__(self, desk: Any) -> None:
        self.desk = desk

    def __call__(self, number: str, who: str, at: datetime, command: Callable[[], Any],
                 inserts: tuple[str, ...] = ()) -> set[str]:
        desk = self.desk
        before, versions = snapshot(desk, number)
        seen = {h.id for h in desk.history(number)}
        seq = desk.last_seq()
        command()
        after, new_versions = snapshot(desk, number)
        changed = {f for f in REPLICATED_FIELDS if before[f] != after[f]}
        actor = desk.user_id(who)
        ticket_id = desk.ticket(number).id

        entries = desk.entries(seq)
        assert [e.seq for e in entries] == list(range(seq + 1, seq + 1 + len(entries)))
        mine = [e for e in entries if e.kind != "sla_event"]  # SLA warnings are the system's own
        for entry in mine:
            assert (entry.actor_id, entry.occurred_at, entry.client_id, entry.state) == (
                actor, at, desk.store.client_id, "pending")
        updates = [e for e in mine if e.kind == "ticket"]
        if changed:
            assert len(updates) == 1, f"one change entry per command per record, got {len(updates)}"
            entry = updates[0]
            assert (entry.record_id, entry.op) == (ticket_id, "update")
            assert entry.data == {f: after[f] for f in changed}
            assert entry.base == {f: versions[f] for f in changed}
            assert {f for f in REPLICATED_FIELDS if new_versions[f] != versions[f]} == changed
            assert all(new_versions[f] == str(entry.id) for f in changed)
        else:
            assert updates == []
            assert new_versions == versions

        children = [e for e in mine if e.kind != "ticket"]
        assert [e.kind for e in children] == list(inserts)
        for entry in children:
            assert entry.op == "insert" and entry.base == {}
            assert entry.data["id"] == str(entry.record_id)
            assert entry.data["ticket_id"] == str(ticket_id)

        events = [h for h in desk.history(number) if h.id not in seen and h.kind == "field"]
        assert sorted(h.field for h in events) == sorted(changed), "the history names every field changed"
        for event in events:
            assert (event.old, event.new) == (before[event.field], after[event.field])
            assert (event.actor_id, event.device, event.occurred_at) == (actor, desk.store.device_code, at)
            # one event for them all, its id derived from the change entry's
            assert event.id == derived_id(updates[0].id, "field", "")
        return changed


@pytest.fixture
def record(desk: Any) -> Recorder:
    return Recorder(desk)


def test_creation_is_one_create_entry_with_every_field_and_one_history_event(desk: Any) -> None:
    at = utcnow() - timedelta(hours=2)
    seq = desk.last_seq()
    number = desk.new("anna", at=at, category="Hardware/POS terminal", fields={"terminal_id": "T-9", "pump": "2"},
                      description="Screen dark since the morning restart.")
    ticket = desk.ticket(number)
    entries = [e for e in desk.entries(seq) if e.kind != "sla_event"]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.kind, entry.op, entry.record_id, entry.base) == ("ticket", "create", ticket.id, {})
    assert entry.data == {f: jsonable(getattr(ticket, f)) for f in REPLICATED_FIELDS}
    assert entry.data["fields"] == {"terminal_id": "T-9", "pump": "2"}
    assert (entry.actor_id, entry.occurred_at, entry.client_id) == (desk.user_id("anna"), at, desk.store.client_id)
    assert snapshot(desk, number)[1] == {f: str(entry.id) for f in REPLICATED_FIELDS}
    created = [h for h in desk.history(number) if h.kind == "created"]
    assert len(created) == 1
    assert (created[0].actor_id, created[0].device, created[0].occurred_at, created[0].old, created[0].new) == (
        desk.user_id("anna"), desk.store.device_code, at, None, number)
    assert created[0].id == derived_id(entry.id, "created", "")


def test_every_command_of_a_whole_life_records_its_history_and_change_entries(desk: Any, record: Recorder) -> None:
    t0 = utcnow() - timedelta(days=1)
    number = desk.new("anna", at=t0)
    other = desk.new("anna", at=t0, title="Second till printer jammed")

    def at(minutes: int) -> datetime:
        return t0 + timedelta(minutes=minutes)

    steps: list[tuple[str, int, Callable[[datetime], Any], tuple[str, ...], set[str]]] = [
        ("ada", 1, lambda w: desk.edit("ada", number, title="Receipt printer jammed at till 2",
                                       description="Paper stuck inside", at=w), (), {"title", "description"}),
        ("ada", 2, lambda w: desk.assign("ada", number, to="tom", at=w), (), {"status", "assignee_id"}),
        ("tom", 3, lambda w: desk.comment("tom", number, "On my way.", at=w), ("comment",),
         {"first_response_at"}),
        ("anna", 4, lambda w: desk.comment("anna", number, "Thanks!", at=w), ("comment",), set()),
        ("tom", 5, lambda w: desk.comment("tom", number, "Check the cable", internal=True, at=w), ("comment",),
         set()),
        ("tom", 6, lambda w: desk.move("tom", number, "in_progress", at=w), (), {"status"}),
        ("tom", 7, lambda w: desk.move("tom", number, "pending", reason="supplier", supplier="POSCO", at=w), (),
         {"status", "pending_reason", "pending_supplier_id"}),
        ("tom", 8, lambda w: desk.move("tom", number, "in_progress", at=w), (),
         {"status", "pending_reason", "pending_supplier_id"}),
        ("tom", 9, lambda w: desk.run(service.log_work, "tom", number, 45, "on site", at=w), ("worklog",), set()),
        ("tom", 10, lambda w: desk.run(service.link, "tom", number, other, "relates", at=w), ("link",), set()),
        ("ada", 11, lambda w: desk.edit("ada", number, priority="P2", priority_reason="queue at the till", at=w),
         (), {"priority", "priority_reason"}),
        ("ada", 12, lambda w: desk.run(service.escalate, "ada", number, at=w), (),
         {"status", "team_id", "assignee_id", "tier"}),
        ("nina", 13, lambda w: desk.move("nina", number, "in_progress", at=w), (), {"status", "assignee_id"}),
        ("nina", 14, lambda w: desk.move("nina", number, "resolved", code="replaced", note=NOTE, at=w), (),
         {"status", "resolution_code", "resolution_note", "resolved_at"}),
        ("anna", 15, lambda w: desk.move("anna", number, "in_progress", at=w), (),
         {"status", "resolution_code", "resolution_note", "resolved_at"}),
        ("nina", 16, lambda w: desk.move("nina", number, "resolved", code="fixed", note=NOTE, at=w), (),
         {"status", "resolution_code", "resolution_note", "resolved_at"}),
        ("anna", 17, lambda w: desk.move("anna", number, "closed", at=w), (), {"status", "closed_at"}),
    ]
    for who, minute, command, inserts, fields in steps:
        when = at(minute)
        changed = record(number, who, when, lambda c=command, w=when: c(w), inserts)
        assert changed == fields, f"step at minute {minute}"

    # the priority override's reason is on its history events
    override = [h for h in desk.history(number) if h.field == "priority"]
    assert override[-1].note == "queue at the till"
    # the link is a history event of its own too, naming the other ticket
    links = [h for h in desk.history(number) if h.kind == "link"]
    assert len(links) == 1 and links[0].note == f"relates {other}"
    assert (desk.count(Comment), desk.count(WorkLog), desk.count(TicketLink)) == (3, 1, 1)


def test_an_edit_that_moves_the_computed_priority_is_one_change_entry(desk: Any, record: Recorder) -> None:
    number = desk.new("anna")
    when = utcnow()
    changed = record(number, "ada", when, lambda: desk.edit("ada", number, impact="high", at=when))
    assert changed == {"impact", "priority"}


def test_history_of_a_computed_priority_change_names_old_and_new(desk: Any) -> None:
    number = desk.new("anna")
    desk.edit("ada", number, impact="high", urgency="high")
    events = {h.field: h for h in desk.history(number) if h.kind == "field"}
    assert (events["impact"].old, events["impact"].new) == ("low", "high")
    assert (events["urgency"].old, events["urgency"].new) == ("low", "high")
    assert (events["priority"].old, events["priority"].new) == ("P5", "P1")
    assert events["priority"].actor_id == desk.user_id("ada")


def test_replaying_the_change_log_rebuilds_every_ticket(desk: Any) -> None:
    """Only the fields set, in order: the outbox alone is enough for a replica to build the tickets."""
    numbers = desk.prepare("closed") + desk.prepare("pending") + desk.prepare("new")
    desk.edit("ada", numbers[2], impact="medium", urgency="high", category="Network/Router")
    desk.edit("ada", numbers[2], priority="P1", priority_reason="whole station offline")
    desk.comment("tom", numbers[1], "Waiting for the courier.")
    rebuilt: dict[str, dict[str, Any]] = {}
    for entry in desk.entries(0):
        if entry.kind != "ticket":
            continue
        if entry.op == "create":
            assert str(entry.record_id) not in rebuilt
            rebuilt[str(entry.record_id)] = dict(entry.data)
        else:
            assert entry.op == "update"
            assert set(entry.data) == set(entry.base) and set(entry.data) <= set(REPLICATED_FIELDS)
            rebuilt[str(entry.record_id)].update(entry.data)
    for number in numbers:
        ticket = desk.ticket(number)
        assert rebuilt[str(ticket.id)] == snapshot(desk, number)[0]


def test_sequence_and_clock_stamps_only_grow(desk: Any) -> None:
    desk.prepare("resolved", 3)
    entries = desk.entries(0)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    stamps = [e.hlc for e in entries]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert desk.meta("change_seq") == str(len(entries))
    assert desk.meta("hlc") == stamps[-1]
