"""The merge rules and the server's checks, one by one (DESIGN §6 Merge, Push, Time,
Versions), in process: the server app behind a TestClient, real stores on disk."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select
from synckit import BASE, Routed, ShiftedClock, counts

from core.clock import iso
from core.ids import SYSTEM_USER_ID, derived_id, reference_id
from core.models import Comment, Conflict, HistoryEvent, Ticket
from core.services import tickets as svc
from core.store import set_meta
from desktop.cli.main import run as branchdesk
from sync import apply as sync_apply
from sync import client as sync_client
from sync.client import SyncClient, UpdateRequired, _entry_in
from sync.models import SyncEntry
from sync.protocol import MAX_BATCH, PROTOCOL_VERSION, WIRE_SCHEMA, PushRequest

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


def new_ticket(replica, title="Pump 2 does not take cards", at=None, **extra):
    return replica.run(svc.create, svc.NewTicket(title=title, **{**POS, **extra}), at=at)


def cli(capsys, replica, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = branchdesk(["--data-dir", str(replica.data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def server_ticket(cluster, ticket_id) -> Ticket:
    with cluster.db.read() as session:
        return session.get_one(Ticket, ticket_id)


def server_conflicts(cluster, ticket_id) -> list[Conflict]:
    with cluster.db.read() as session:
        return list(session.scalars(select(Conflict).where(Conflict.ticket_id == ticket_id)))


def push_raw(cluster, replica, body, **headers):
    """POST /sync/push as `replica`'s user, with the headers SyncClient sends."""
    sent = {**replica.http.headers, "Content-Type": "application/json",
            "X-Branchdesk-Device": replica.store.device_code, **headers}
    return cluster.http.post("/sync/push", content=body if isinstance(body, str | bytes) else json.dumps(body),
                             headers=sent)


def with_args(entry: dict, **args) -> dict:
    """A pushed command with some of its arguments changed, under a new id."""
    command = entry["command"]
    return {**entry, "id": str(uuid.uuid4()), "command": {**command, "args": {**command["args"], **args}}}


def batch_of(replica, client_id=None) -> dict:
    """The replica's pending entries as the body of a push (what SyncClient would send)."""
    entries = [_entry_in(e) for e in replica.entries() if e.state == "pending"]
    request = PushRequest(protocol=PROTOCOL_VERSION, schema_revision=WIRE_SCHEMA,
                          client_id=client_id or replica.store.client_id, entries=entries)
    return json.loads(request.model_dump_json())


# -- status ----------------------------------------------------------------------------

def test_concurrent_status_changes_an_allowed_move_applies_and_keeps_a_conflict(cluster):
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    ada.run(svc.assign, ticket.number, to="tom")
    cluster.settle()

    # tom's clock runs ten minutes slow: his change is dated before ada's assignment,
    # and wall-clock time decides nothing, not even who is named as the loser
    with tom.store.write() as session:
        set_meta(session, "clock_offset", str(int(tom.store.meta("clock_offset") or 0) - 600))
    tom.run(svc.move, ticket.number, "in_progress")
    ada.run(svc.move, ticket.number, "pending", reason="customer")
    assert tom.sync().applied == 1
    summary = ada.sync()
    assert (summary.merged, summary.rejected) == (1, 0)

    on_server = server_ticket(cluster, ticket.id)
    assert (on_server.status, on_server.pending_reason) == ("pending", "customer")
    [conflict] = server_conflicts(cluster, ticket.id)
    assert (conflict.field, conflict.kept, conflict.lost, conflict.outcome) == (
        "status", "pending", "in_progress", "overridden")
    assert conflict.lost_actor_id == reference_id("user", "tom")
    assert conflict.kept_actor_id == reference_id("user", "ada")
    cluster.settle()
    for replica in (tom, ada):
        assert [c.id for c in replica.open_conflicts()] == [conflict.id]
        assert replica.ticket(ticket.number).status == "pending"
    assert [e.state for e in tom.entries() if e.kind == "ticket" and e.op == "update"] == ["applied"]
    cluster.check()


def test_resolved_at_the_desk_while_back_at_work_offline_with_more_urgency_ends_open_at_the_new_priority(
    cluster, capsys,
):
    """The desk resolves a ticket while the technician, offline, takes it back to work
    and raises its urgency. Whichever way it went, no replica may show it in progress
    and resolved at once: the technician's later arrival reopens it, which takes the
    resolution away, and the new priority re-targets both clocks, which run again."""
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna, impact="medium", urgency="low")
    assert ticket.priority == "P4"
    cluster.settle()
    ada.run(svc.assign, ticket.number, to="tom")
    cluster.settle()
    tom.run(svc.move, ticket.number, "pending", reason="customer")
    cluster.settle()

    tom.run(svc.move, ticket.number, "in_progress")  # offline, on the laptop
    tom.run(svc.edit, ticket.number, svc.TicketEdit(urgency="high"))
    ada.run(svc.move, ticket.number, "resolved", code="fixed", note="Reset the terminal remotely")
    assert ada.sync().rejected == 0
    summary = tom.sync()
    # the move ran over the resolution (merged); the edit then found what tom saw
    assert (summary.merged, summary.applied, summary.rejected) == (1, 1, 0), summary.reasons
    cluster.settle()

    for where, found in [("server", server_ticket(cluster, ticket.id)),
                         *((r.name, r.ticket(ticket.number)) for r in (anna, tom, ada))]:
        assert found is not None, where
        assert (found.status, found.priority, found.urgency) == ("in_progress", "P2", "high"), where
        assert (found.resolved_at, found.resolution_code, found.resolution_note) == (None, None, None), where
        assert found.resolution_state == "running" and found.resolution_due_at is not None, where
    # the desk sees why its resolution went: a conflict on the status, which it lost
    [conflict] = server_conflicts(cluster, ticket.id)
    assert (conflict.field, conflict.kept, conflict.lost) == ("status", "in_progress", "resolved")
    code, out, _err = cli(capsys, ada, "sla", "explain", ticket.number, "--json")
    assert code == 0
    clocks = json.loads(out)["clocks"]
    assert clocks["resolution"]["state"] == "running" and clocks["resolution"]["stopped_at"] is None
    with ada.store.read() as session:
        from core.reference import reference_for

        policy = next(p for p in reference_for(ada.store, session).spec.sla if p.name == json.loads(out)["policy"])
    assert clocks["resolution"]["target_s"] == policy.targets["P2"].resolution
    cluster.check()


def test_concurrent_status_changes_a_disallowed_move_is_rejected_and_rolled_back(cluster, capsys):
    anna, tom = cluster.replica("anna"), cluster.replica("tom")
    ticket = new_ticket(anna)
    cluster.settle()

    anna.run(svc.move, ticket.number, "cancelled")
    tom.run(svc.move, ticket.number, "in_progress")
    assert tom.ticket(ticket.number).status == "in_progress"
    assert anna.sync().applied == 1
    summary = tom.sync()
    assert summary.rejected == 1
    assert "meanwhile the ticket became cancelled" in summary.reasons[0]

    # the local change is rolled back to what the server holds
    local = tom.ticket(ticket.number)
    assert (local.status, local.assignee_id, local.first_response_at) == ("cancelled", None, None)
    [entry] = [e for e in tom.entries() if e.kind == "ticket" and e.op == "update"]
    assert entry.state == "rejected" and "cancelled" in entry.answer
    [conflict] = server_conflicts(cluster, ticket.id)
    assert (conflict.field, conflict.kept, conflict.lost, conflict.outcome) == (
        "status", "cancelled", "in_progress", "rejected")

    code, out, err = cli(capsys, tom, "status")
    assert (code, err) == (0, "")
    assert (f"rejected {str(entry.id)[:8]} ticket change to {ticket.number}: meanwhile the ticket became cancelled"
            in out)
    assert f"conflict {str(conflict.id)[:8]} on {ticket.number} status" in out
    code, out, _ = cli(capsys, tom, "status", "--json")
    doc = json.loads(out)
    assert [r["id"] for r in doc["rejected"]] == [str(entry.id)] and doc["pending"] == 0

    # acknowledging the rejection is this store's own business; the conflict travels
    assert cli(capsys, tom, "ack", str(entry.id)[:8])[0] == 0
    assert json.loads(cli(capsys, tom, "status", "--json")[1])["rejected"] == []
    cluster.settle()
    cluster.check()


# -- scalar fields ---------------------------------------------------------------------

def test_concurrent_assignments_the_later_arrival_wins_and_both_sides_see_the_conflict(cluster, capsys):
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()

    tom.run(svc.assign, ticket.number, to="tom")
    ada.run(svc.assign, ticket.number, team="NET", to="nina")
    tom.sync()
    assert ada.sync().merged == 1
    cluster.settle()

    on_server = server_ticket(cluster, ticket.id)
    assert on_server.assignee_id == reference_id("user", "nina")
    assert on_server.team_id == reference_id("team", "NET")
    [conflict] = server_conflicts(cluster, ticket.id)
    assert (conflict.field, conflict.outcome) == ("assignee_id", "overridden")
    for replica in (tom, ada):
        code, out, _ = cli(capsys, replica, "ticket", "show", ticket.number, "--json")
        shown = json.loads(out)["conflicts"]
        assert [(c["id"], c["field"], c["kept"], c["lost"], c["kept_by"], c["lost_by"], c["acknowledged_at"])
                for c in shown] == [(str(conflict.id), "assignee_id", "nina", "tom", "ada", "tom", None)]

    code, out, err = cli(capsys, tom, "ack", str(conflict.id)[:8])
    assert (code, err) == (0, "") and "acknowledged conflict on assignee_id" in out
    cluster.settle()
    for replica in (tom, ada, anna):
        shown = json.loads(cli(capsys, replica, "ticket", "show", ticket.number, "--json")[1])["conflicts"]
        assert shown[0]["acknowledged_at"] is not None
        assert replica.open_conflicts() == []
    with cluster.db.read() as session:
        assert session.get_one(Conflict, conflict.id).acknowledged_by_id == reference_id("user", "tom")
    cluster.check()


def test_concurrent_edits_of_other_fields_merge_field_by_field(cluster):
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    tom.run(svc.edit, ticket.number, svc.TicketEdit(title="Pump 2 card reader dead"))
    ada.run(svc.edit, ticket.number, svc.TicketEdit(description="since the storm", impact="high"))
    tom.sync()
    assert ada.sync().applied == 1  # no field in common: no conflict
    cluster.settle()
    on_server = server_ticket(cluster, ticket.id)
    assert (on_server.title, on_server.description, on_server.impact) == (
        "Pump 2 card reader dead", "since the storm", "high")
    assert server_conflicts(cluster, ticket.id) == []
    cluster.check()


def test_comments_are_insert_only_and_never_conflict(cluster):
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    made = [
        anna.run(svc.comment, ticket.number, "still broken"),
        tom.run(svc.comment, ticket.number, "on my way"),
        tom.run(svc.comment, ticket.number, "needs a part", internal=True),
        ada.run(svc.comment, ticket.number, "called the vendor"),
        anna.run(svc.comment, ticket.number, "thanks"),
    ]
    tom.run(svc.edit, ticket.number, svc.TicketEdit(title="Card reader"))
    ada.run(svc.edit, ticket.number, svc.TicketEdit(title="Pump 2 card reader"))
    for replica in (ada, tom, anna):
        summary = replica.sync()
        assert summary.rejected == 0
    cluster.settle()
    with cluster.db.read() as session:
        assert set(session.scalars(select(Comment.id))) == {c.id for c in made}
    # only the title conflicts; every comment arrived, the internal one to staff only
    assert [c.field for c in server_conflicts(cluster, ticket.id)] == ["title"]
    # tom and ada both answered first on their devices: the first answer is the earlier
    # one, though ada's arrived last, and that is no conflict
    assert server_ticket(cluster, ticket.id).first_response_at == min(made[1].created_at, made[3].created_at)
    with anna.store.read() as session:
        assert len(session.scalars(select(Comment)).all()) == 4
    for replica in (tom, ada):
        with replica.store.read() as session:
            assert len(session.scalars(select(Comment)).all()) == 5
    cluster.check()


def test_concurrent_first_answers_keep_the_earlier_one_whichever_arrives_last(cluster):
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    early = tom.run(svc.comment, ticket.number, "on my way", at=ticket.created_at + timedelta(minutes=1))
    ada.run(svc.comment, ticket.number, "we are looking", at=ticket.created_at + timedelta(minutes=2))
    # tom's earlier answer arrives last: his command (the comment and the first answer it
    # set) is merged
    assert ada.sync().merged == 0 and tom.sync().merged == 2
    cluster.settle()
    assert server_ticket(cluster, ticket.id).first_response_at == early.created_at
    assert server_conflicts(cluster, ticket.id) == []
    for replica in (anna, tom, ada):
        assert replica.ticket(ticket.number).first_response_at == early.created_at
    cluster.check()


# -- scope -------------------------------------------------------------------------------

def test_an_edit_of_a_ticket_that_left_the_scope_is_rejected_and_the_ticket_removed(cluster):
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(ola)  # Warsaw, routed to FIELD: tom sees it through his team
    cluster.settle()
    assert tom.numbers() == [ticket.number]

    ada.run(svc.assign, ticket.number, team="NET", to="nina")
    ada.sync()
    tom.run(svc.edit, ticket.number, svc.TicketEdit(title="Reader replaced"))
    tom.run(svc.comment, ticket.number, "swapped the reader", internal=True)
    summary = tom.sync()
    assert summary.rejected == 2
    # refused in the words a local command uses for a ticket out of sight
    assert summary.reasons == [f"no ticket {ticket.number}"] * 2
    assert tom.numbers() == []
    with tom.store.read() as session:
        assert session.scalars(select(Comment)).all() == []
        assert session.scalars(select(HistoryEvent)).all() == []
    assert server_ticket(cluster, ticket.id).title == "Pump 2 does not take cards"
    cluster.settle()
    cluster.check()


def test_a_ticket_outside_the_callers_scope_is_refused_entry_by_entry(cluster):
    anna, ola = cluster.replica("anna"), cluster.replica("ola")
    theirs = new_ticket(ola)
    mine = new_ticket(anna)
    cluster.settle()
    assert anna.numbers() == [mine.number]

    anna.run(svc.comment, mine.number, "first")
    anna.run(svc.move, mine.number, "cancelled")
    body = batch_of(anna, client_id=uuid.uuid4())
    comment, move = body["entries"]
    # the same commands aimed at a Warsaw ticket, between two genuine ones
    cid = str(uuid.uuid4())
    foreign_comment = with_args(comment, number=theirs.number, id=cid)
    foreign_move = with_args(move, number=theirs.number)
    body["entries"] = [{**e, "seq": n} for n, e in enumerate([comment, foreign_comment, foreign_move, move], 1)]
    answer = push_raw(cluster, anna, body)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert all(r["reason"] == f"no ticket {theirs.number}" for r in results[1:3])
    # nothing of the other ticket leaks: what comes back is anna's own record, or nothing
    assert all(str(theirs.id) not in json.dumps(r["record"]) for r in results[1:3])
    on_server = server_ticket(cluster, theirs.id)
    assert on_server.status == "new"
    with cluster.db.read() as session:
        assert session.get(Comment, uuid.UUID(cid)) is None


def test_a_forged_actor_is_refused_entry_by_entry(cluster):
    anna = cluster.replica("anna")
    ticket = new_ticket(anna)
    anna.sync()
    for text in ("one", "two", "three"):
        anna.run(svc.comment, ticket.number, text)
    body = batch_of(anna, client_id=uuid.uuid4())
    ada_id = str(reference_id("user", "ada"))
    one, two, three = body["entries"]
    # in ada's name; and an internal note, which only support staff may add
    body["entries"] = [one, {**two, "actor_id": ada_id}, with_args(three, internal=True)]
    before = counts(cluster.db)
    answer = push_raw(cluster, anna, body)
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "rejected", "rejected"]
    assert results[1]["reason"] == "a change may only be sent by the person who made it"
    assert results[2]["reason"] == "only support staff may add internal notes"
    assert counts(cluster.db)["comment"] == before["comment"] + 1


def test_changes_in_the_systems_name_are_only_the_ones_every_replica_computes(cluster):
    anna = cluster.replica("anna")
    ticket = new_ticket(anna)
    anna.sync()
    template = {"seq": 1, "op": "insert", "kind": "sla_event", "record_id": str(ticket.id), "base": {},
                "actor_id": str(SYSTEM_USER_ID), "occurred_at": iso(cluster.clock()), "hlc": "1-0-x"}
    garbage = {"ticket_id": "not-a-ticket", "clock": "response", "threshold": "breach"}
    close = {**template, "kind": "ticket", "op": "update", "id": str(uuid.uuid4()),
             "data": {"status": "closed", "closed_at": iso(cluster.clock())}}
    entries = [
        {**template, "id": str(derived_id("sla", "not-a-ticket", "response", "breach")), "data": garbage},
        {**template, "id": str(uuid.uuid4()), "data": {**garbage, "ticket_id": str(ticket.id)}},
        {**template, "id": str(derived_id("sla", ticket.id, "response", "breach")), "actor_id": str(ticket.requester_id),
         "data": {**garbage, "ticket_id": str(ticket.id)}},
        # the system closes a ticket only when its reopen period is over
        {**close, "command": {"name": "auto_close", "args": {"number": ticket.number}}},
        # and makes no other command
        {**close, "id": str(uuid.uuid4()), "command": {"name": "move", "args": {
            "number": ticket.number, "status": "cancelled", "reason": None, "supplier": None, "code": None,
            "note": None}}},
        {**close, "id": str(uuid.uuid4())},
        {**template, "id": str(derived_id("sla", ticket.id, "resolution", "breach")),
         "data": {**garbage, "ticket_id": str(ticket.id), "clock": "resolution"}},
    ]
    body = {"protocol": PROTOCOL_VERSION, "schema_revision": WIRE_SCHEMA,
            "client_id": str(uuid.uuid4()), "entries": [{**e, "seq": n} for n, e in enumerate(entries, 1)]}
    before = counts(cluster.db)
    answer = push_raw(cluster, anna, body)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["outcome"] for r in results] == ["rejected"] * 7
    sla_named = "an SLA event names its ticket, clock and threshold, and takes the id they give"
    assert [r["reason"] for r in results] == [
        sla_named, sla_named, "SLA events are the system's",
        f"ticket {ticket.number} is new, not resolved; it does not close by itself",
        "a change may only be sent by the person who made it",
        "the change does not say which command made it; update Branchdesk on that device",
        # a breach the server's figures do not show (the ticket was made a moment ago)
        "the ticket's resolution clock has not passed breach by the server's figures",
    ]
    assert {**counts(cluster.db), "sync_entries": 0} == {**before, "sync_entries": 0}


# -- what the server refuses whole -------------------------------------------------------

def test_a_malformed_batch_is_refused_whole(cluster):
    anna = cluster.replica("anna")
    ticket = new_ticket(anna)
    anna.sync()
    for text in ("one", "two", "three"):
        anna.run(svc.comment, ticket.number, text)
    good = batch_of(anna)
    before = counts(cluster.db)
    one, two, three = good["entries"]
    bad_bodies = [
        {**good, "entries": [one, {**two, "seq": 0}, three]},
        {**good, "entries": [one, {**two, "colour": "red"}, three]},
        {**good, "entries": [one, {k: v for k, v in two.items() if k != "id"}, three]},
        {**good, "entries": [one, {**two, "occurred_at": "yesterday"}, three]},
        {**good, "entries": [one, {**two, "kind": "invoice"}, three]},
        {**good, "entries": [one] * (MAX_BATCH + 1)},
        {**good, "entries": [one, {**two, "seq": one["seq"]}, three]},
        {**good, "entries": [one, {**two, "id": one["id"]}, three]},
        {**good, "client_id": "not-a-uuid"},
        {k: v for k, v in good.items() if k != "entries"},
        "{not json",
        "",
        [good],
    ]
    for body in bad_bodies:
        answer = push_raw(cluster, anna, body)
        assert 400 <= answer.status_code < 500, (body if not isinstance(body, dict) else "", answer.text)
        assert "detail" in answer.json()
    assert push_raw(cluster, anna, good, **{"X-Branchdesk-Device": "no spaces!"}).status_code == 400
    assert counts(cluster.db) == before
    assert anna.pending() == 3
    assert anna.sync().applied == 3


@pytest.mark.parametrize("what", ["schema", "protocol"])
def test_a_client_of_another_version_is_told_to_update_and_keeps_its_changes(cluster, monkeypatch, what):
    anna = cluster.replica("anna")
    ticket = new_ticket(anna)
    anna.run(svc.comment, ticket.number, "hello")
    before = counts(cluster.db)
    if what == "schema":
        monkeypatch.setattr(sync_client, "WIRE_SCHEMA", "1")
    else:
        monkeypatch.setattr(sync_client, "PROTOCOL_VERSION", PROTOCOL_VERSION + 1)
    old = SyncClient(anna.store, BASE, anna.http.headers["Authorization"].split()[1], http=Routed(cluster.http))
    with pytest.raises(UpdateRequired, match="update Branchdesk"):
        old.push()
    with pytest.raises(UpdateRequired):
        old.pull()
    assert anna.pending() == 2
    assert counts(cluster.db) == before
    answer = push_raw(cluster, anna, batch_of(anna), **old.http.headers)
    assert answer.status_code == 426
    monkeypatch.undo()
    assert anna.sync().applied == 2


# -- time ---------------------------------------------------------------------------------

def test_a_change_dated_in_the_future_is_rejected(cluster):
    anna = cluster.replica("anna")
    cluster.replica("ada")  # a second replica, checked with the first
    ticket = new_ticket(anna)
    anna.sync()
    later = cluster.clock() + timedelta(hours=2)
    anna.run(svc.comment, ticket.number, "from the future", at=later)
    anna.run(svc.comment, ticket.number, "from now")
    future_ticket = new_ticket(anna, title="Tomorrow's problem", at=later)
    summary = anna.sync()
    assert (summary.applied, summary.rejected) == (1, 2)
    assert all("later than the server's clock allows" in r for r in summary.reasons)
    with anna.store.read() as session:
        assert [c.body for c in session.scalars(select(Comment))] == ["from now"]
    assert future_ticket.number not in anna.numbers()
    cluster.settle()
    cluster.check()


@pytest.mark.parametrize("skew", [timedelta(days=2), timedelta(hours=-3)])
def test_the_clock_offset_is_measured_and_corrects_occurred_at(server_url, tmp_path, store_template, skew):
    """The server's clock is `skew` ahead of this device's: the client measures the
    offset when it syncs, and dates its changes by the server's clock."""
    from synckit import Cluster

    clock = ShiftedClock(skew)
    cluster = Cluster(server_url, tmp_path / "replicas", clock, template=store_template)
    try:
        anna = cluster.replica("anna")
        offset = int(anna.store.meta("clock_offset"))
        assert abs(offset - skew.total_seconds()) <= 60
        ticket = new_ticket(anna)
        comment = anna.run(svc.comment, ticket.number, "dated by the server's clock")
        assert abs((ticket.created_at - clock()).total_seconds()) < 600
        assert abs((comment.created_at - clock()).total_seconds()) < 600
        summary = anna.sync()
        assert (summary.applied, summary.rejected) == (2, 0)
        with cluster.db.read() as session:
            assert session.get_one(Ticket, ticket.id).created_at == ticket.created_at
            received = session.scalars(select(SyncEntry).where(SyncEntry.entry_id.in_(
                [e.id for e in anna.entries()]))).all()
        # the server keeps the device's instant and, beside it, when it heard of the change
        assert {e.occurred_at for e in received} == {ticket.created_at, comment.created_at}
        assert all(abs((e.received_at - e.occurred_at).total_seconds()) < 600 for e in received)
        cluster.check()
    finally:
        cluster.close()


def test_a_refused_comment_leaves_the_ticket_as_the_server_has_it(cluster):
    anna = cluster.replica("anna")
    cluster.replica("ada")  # a second replica, checked with the first
    ticket = new_ticket(anna)
    cluster.settle()
    anna.run(svc.comment, ticket.number, "from the future", at=cluster.clock() + timedelta(days=1))
    assert anna.sync().rejected == 1
    assert anna.ticket(ticket.number).updated_at == server_ticket(cluster, ticket.id).updated_at
    cluster.settle()
    cluster.check()


def test_values_the_database_would_refuse_are_rejected_entry_by_entry(cluster):
    """Well-formed JSON whose values break the database's own rules (a parent that does
    not exist, text longer than its column) is refused entry by entry, never a 500."""
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    ada.run(svc.edit, ticket.number, svc.TicketEdit(title="A valid change"))
    ada.run(svc.comment, ticket.number, "a valid comment")
    body = batch_of(ada, client_id=uuid.uuid4())
    edit = next(e for e in body["entries"] if e["kind"] == "ticket")
    comment = next(e for e in body["entries"] if e["kind"] == "comment")

    def edited(**values):
        return with_args(edit, edit={**edit["command"]["args"]["edit"], **values})

    entries = [
        edited(asset_tag="x" * 500),
        edited(title="t" * 301),
        edited(impact="colossal"),
        edited(tier="9"),
        edited(title=7),
        with_args(edit, number=None),
        with_args(comment, internal="maybe"),
        with_args(comment, text={"not": "text"}, id=str(uuid.uuid4())),
        with_args(comment, id="not-a-uuid"),
        with_args(comment, colour="red", id=str(uuid.uuid4())),
        {**comment, "id": str(uuid.uuid4()), "command": {"name": "shred", "args": {}}},
    ]
    body["entries"] = [{**e, "seq": n} for n, e in enumerate([*entries, *body["entries"]], 1)]
    before = counts(cluster.db)
    answer = push_raw(cluster, ada, body)
    assert answer.status_code == 200, answer.text
    outcomes = [r["outcome"] for r in answer.json()["results"]]
    # ada's genuine edit, and her comment with the first answer it set
    assert outcomes == ["rejected"] * len(entries) + ["applied"] * 3, answer.json()["results"]
    after = counts(cluster.db)
    assert after["comment"] == before["comment"] + 1
    assert server_ticket(cluster, ticket.id).title == "A valid change"


def test_a_refused_command_amid_a_batch_leaves_those_around_it_applied_once(cluster, monkeypatch):
    """A batch goes in one piece until a command of it is refused, then again a command
    at a time: the commands before and after the refused one are applied once, with
    their history and their numbers in the feed, and the refused one leaves nothing."""
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    ada.run(svc.comment, ticket.number, "before the refused edit")
    ada.run(svc.edit, ticket.number, svc.TicketEdit(title="A valid change"))
    ada.run(svc.comment, ticket.number, "after the refused edit")
    body = batch_of(ada, client_id=uuid.uuid4())
    body["entries"] = [with_args(e, edit={**e["command"]["args"]["edit"], "title": "t" * 301})
                       if (e["command"] or {}).get("name") == "edit" else e for e in body["entries"]]
    outcomes = {"edit": "rejected"}
    tries: list[bool] = []
    one_batch = sync_apply._push
    monkeypatch.setattr(sync_apply, "_push", lambda *args, one_piece, **kwargs: (
        tries.append(one_piece), one_batch(*args, one_piece=one_piece, **kwargs))[1])
    before = counts(cluster.db)
    with cluster.db.read() as session:
        events_before = len(session.scalars(select(HistoryEvent.id).where(HistoryEvent.ticket_id == ticket.id)).all())
    answer = push_raw(cluster, ada, body)
    assert answer.status_code == 200, answer.text
    assert tries == [True, False]
    # the parts of a command (a comment's first response on its ticket) share its answer
    leads = {e["id"]: (e["command"] or {}).get("name") for e in body["entries"]}
    named = [(leads.get(e.get("part_of") or e["id"]), r["outcome"]) for e, r in zip(body["entries"], answer.json()["results"], strict=True)]
    assert {name for name, _ in named} == {"comment", "edit"}
    assert all(outcome == outcomes.get(name, "applied") for name, outcome in named), named
    after = counts(cluster.db)
    assert after["comment"] == before["comment"] + 2
    assert after["sync_entries"] == before["sync_entries"] + len(body["entries"])
    assert server_ticket(cluster, ticket.id).title == "Pump 2 does not take cards"
    with cluster.db.read() as session:
        events = session.scalars(select(HistoryEvent).where(HistoryEvent.ticket_id == ticket.id)).all()
    # a comment writes no field event: nothing of the refused edit is there
    assert not [e for e in events if e.kind == "field" and e.field == "title"]
    assert len(events) - events_before == len({e.id for e in events}) - events_before
    # both comments go out in the feed, once each
    anna.sync()
    with anna.store.read() as session:
        bodies = sorted(c.body for c in session.scalars(select(Comment).where(Comment.ticket_id == ticket.id)))
    assert bodies == ["after the refused edit", "before the refused edit"]


def test_a_link_arrives_when_its_other_end_comes_into_view(cluster):
    """A link goes to a device that sees both its ends. Nina sees the Warsaw ticket but
    not the Poznań one it links to; when the Poznań ticket comes to her team, the link
    comes with it, though the ticket it hangs on never changed."""
    ola, anna, tom, nina, ada = (cluster.replica(n) for n in ("ola", "anna", "tom", "nina", "ada"))
    warsaw, poznan = new_ticket(ola), new_ticket(anna, title="Pump 4 does not take cards")
    cluster.settle()
    tom.run(svc.link, warsaw.number, poznan.number, "relates")
    cluster.settle()
    assert nina.numbers() == [warsaw.number]
    ada.run(svc.assign, poznan.number, team="NET")
    cluster.settle()
    assert sorted(nina.numbers()) == sorted([warsaw.number, poznan.number])
    with nina.store.read() as session:
        from core.models import TicketLink

        assert [(link.ticket_id, link.other_id) for link in session.scalars(select(TicketLink))] == [
            (warsaw.id, poznan.id)]
    cluster.check()


def test_tasks_arrive_under_their_parents_or_without_one_the_device_may_not_see(cluster):
    anna, ola, tom, ada = (cluster.replica(n) for n in ("anna", "ola", "tom", "ada"))
    warsaw = new_ticket(ola, category="Network/Router", fields={})  # NET's: out of tom's and anna's sight
    cluster.settle()
    # a task takes its parent's site unless it names one: these are at Poznań, the parent at Warsaw
    task = ada.run(svc.create, svc.NewTicket(title="Check the Poznań end", type="task", parent=warsaw.number,
                                             requester="anna", site="PL-POZ-001", **POS))
    cluster.settle()
    subtask = ada.run(svc.create, svc.NewTicket(title="Replace the cable", type="task", parent=task.number,
                                                requester="anna", **POS))
    cluster.settle()
    ada.run(svc.comment, subtask.number, "cable ordered")  # a later change, sent with the task chain above it
    cluster.settle()
    for replica in (tom, anna):
        assert replica.ticket(task.number).parent_id is None  # its parent is beyond this person's scope
        assert replica.ticket(subtask.number).parent_id == task.id
    assert ada.ticket(subtask.number).parent_id == task.id
    assert ada.ticket(task.number).parent_id == warsaw.id
    assert ola.numbers() == [warsaw.number]  # the tasks are at Poznań
    cluster.check()

    # the parent comes into tom's sight (it is assigned to him), and the task he
    # already holds, unchanged itself, is sent again under it; then it goes away again
    ada.run(svc.assign, warsaw.number, team="FIELD", to="tom")
    cluster.settle()
    assert tom.ticket(task.number).parent_id == warsaw.id
    ada.run(svc.assign, warsaw.number, team="NET", to="nina")
    cluster.settle()
    assert tom.ticket(warsaw.number) is None
    assert tom.ticket(task.number).parent_id is None
    cluster.check()
