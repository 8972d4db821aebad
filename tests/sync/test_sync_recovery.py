"""Nothing lost, nothing twice, in process: dropped and repeated pushes, a store
restored from a backup, a replica whose tickets leave its scope and come back."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from synckit import Replica, SyncClient, results_of, sqlite_copy

from core.ids import reference_id
from core.models import Comment, Ticket
from core.services import tickets as svc
from core.store import Store
from sync.client import SyncError
from sync.models import SyncEntry

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


def new_ticket(replica, title="Pump 2 does not take cards", **extra):
    return replica.run(svc.create, svc.NewTicket(title=title, **{**POS, **extra}))


def server_count(cluster, model, **where) -> int:
    with cluster.db.read() as session:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return session.scalar(query) or 0


def test_a_push_whose_answer_was_lost_is_answered_again_the_same(cluster):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    ada.run(svc.move, ticket.number, "in_progress")
    ada.sync()
    anna.run(svc.comment, ticket.number, "is anyone there?")
    anna.run(svc.move, ticket.number, "cancelled")  # refused: meanwhile it is in progress
    new_ticket(anna, title="Second")
    anna.http.drop_pushes = 1
    with pytest.raises(SyncError, match="cannot reach the server"):
        anna.client.push()
    assert anna.pending() == 3
    first = results_of(anna.http.pushes[-1].answer)
    assert [r["outcome"] for r in first] == ["applied", "rejected", "applied"]
    # the client pulls before it hears the answer: the server's ticket comes in, its own changes stay pending
    anna.client.pull()
    assert anna.pending() == 3
    anna.http.repeat_pushes = 1
    summary = anna.client.push()
    again = results_of(anna.http.pushes[-1].answer)
    # the same answers; each now with the record as the server holds it
    assert [{**r, "record": None} for r in again] == [{**r, "record": None} for r in first]
    assert again[1]["record"] == first[1]["record"]  # the refused change's ticket, unchanged since
    assert all(r["record"] is not None for r in again)
    assert (summary.applied, summary.rejected) == (2, 1)
    assert server_count(cluster, Ticket) == 2
    assert server_count(cluster, Comment) == 1
    assert anna.ticket(ticket.number).status == "in_progress"
    cluster.settle()
    cluster.check()


def test_an_old_batch_replayed_much_later_gets_its_first_answers(cluster):
    anna, tom = cluster.replica("anna"), cluster.replica("tom")
    ticket = new_ticket(anna)
    anna.run(svc.comment, ticket.number, "hello")
    cluster.settle()
    old = anna.http.pushes[0]
    tom.run(svc.move, ticket.number, "in_progress")
    tom.run(svc.comment, ticket.number, "looking")
    cluster.settle()
    before = {"tickets": server_count(cluster, Ticket), "comments": server_count(cluster, Comment),
              "entries": server_count(cluster, SyncEntry)}
    answer = anna.http.replay(old)
    assert answer.status_code == 200
    assert [(r["id"], r["outcome"]) for r in results_of(answer.json())] == [
        (r["id"], r["outcome"]) for r in results_of(old.answer)]
    after = {"tickets": server_count(cluster, Ticket), "comments": server_count(cluster, Comment),
             "entries": server_count(cluster, SyncEntry)}
    assert after == before
    cluster.settle()
    cluster.check()


def test_a_store_restored_from_a_backup_takes_a_new_client_id_and_loses_nothing(cluster, tmp_path):
    anna = cluster.replica("anna")
    cluster.replica("ada")  # sees what the restored store sends, checked with it
    first = new_ticket(anna, title="Before the backup")
    anna.sync()
    backup = tmp_path / "backup.sqlite3"
    sqlite_copy(anna.path, backup)
    old_client = anna.store.client_id
    old_device = anna.store.device_code

    # after the backup: a ticket and a comment, pushed, and one more change still pending
    second = new_ticket(anna, title="After the backup")
    anna.run(svc.comment, first.number, "sent after the backup")
    anna.sync()
    pending = anna.run(svc.comment, second.number, "made after the backup, never sent")
    assert anna.pending() == 1

    # the disk dies; the backup comes back
    anna.store.close()
    for suffix in ("-wal", "-shm"):
        (anna.path.parent / f"{anna.path.name}{suffix}").unlink(missing_ok=True)
    sqlite_copy(backup, anna.path)
    store = Store.open(anna.path)
    token = anna.client.http.headers["Authorization"].split()[1]
    restored = Replica(anna.name, anna.username, store, SyncClient(store, anna.client.server, token, http=anna.http),
                       anna.http)
    cluster.replicas[cluster.replicas.index(anna)] = restored
    assert restored.store.client_id == old_client
    third = new_ticket(restored, title="After the restore")
    restored.run(svc.comment, first.number, "made after the restore")

    summary = restored.sync()
    assert restored.store.client_id != old_client  # 409: the sequence numbers were taken
    assert summary.rejected == 0, summary.reasons
    assert restored.store.device_code != old_device
    cluster.settle()
    # everything once: what the backup missed came back from the server; the lost pending comment is gone
    # with the disk, as it never left it
    with cluster.db.read() as session:
        titles = sorted(session.scalars(select(Ticket.title)))
        bodies = sorted(session.scalars(select(Comment.body)))
        numbers = list(session.scalars(select(Ticket.number)))
    assert titles == ["After the backup", "After the restore", "Before the backup"]
    assert bodies == ["made after the restore", "sent after the backup"]
    assert len(set(numbers)) == 3
    assert pending.body not in bodies
    assert sorted(restored.numbers()) == sorted(numbers)
    assert third.id in {t for t in _ids(restored)}
    assert all(e.state in ("applied", "merged") for e in restored.entries())
    cluster.check()


def _ids(replica) -> set[uuid.UUID]:
    with replica.store.read() as session:
        return set(session.scalars(select(Ticket.id)))


def test_a_ticket_that_leaves_the_scope_and_comes_back_arrives_whole(cluster):
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(ola)  # Warsaw, team FIELD: tom sees it through his team
    ola.run(svc.comment, ticket.number, "the reader beeps")
    cluster.settle()
    assert tom.numbers() == [ticket.number]
    ada.run(svc.assign, ticket.number, team="NET")
    cluster.settle()
    assert tom.numbers() == []
    ola.run(svc.comment, ticket.number, "still beeping")
    ada.run(svc.comment, ticket.number, "network is fine", internal=True)
    cluster.settle()
    ada.run(svc.assign, ticket.number, team="FIELD")
    cluster.settle()
    assert tom.numbers() == [ticket.number]
    cluster.check()


def test_a_technician_who_was_only_the_assignee_loses_the_ticket_when_it_is_reassigned(cluster):
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(ola)  # Warsaw, routed to FIELD: tom sees it through his team
    cluster.settle()
    tom.run(svc.assign, ticket.number, to="tom")
    ada.run(svc.assign, ticket.number, team="NET")
    cluster.settle()
    # ada's assignment, arriving later, runs over tom's: a ticket given to a team is no
    # longer held by someone outside it (never NET's ticket with FIELD's tom on it)
    with cluster.db.read() as session:
        on_server = session.get_one(Ticket, ticket.id)
    assert (on_server.team_id, on_server.assignee_id) == (reference_id("team", "NET"), None)
    assert tom.numbers() == []
    cluster.check()


def test_a_change_applied_but_unanswered_is_not_replayed_over_a_later_one(cluster):
    """The server applied tom's change, tom never heard; ada changed the field after
    it. Tom's pull brings ada's value, and tom's own change, still pending here, must
    not end up shown over it once its answer finally comes."""
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    tom.run(svc.assign, ticket.number, to="tom")
    tom.http.drop_pushes = 1
    with pytest.raises(SyncError):
        tom.client.push()
    ada.sync()
    ada.run(svc.assign, ticket.number, team="NET", to="nina")  # based on tom's assignment
    ada.sync()
    tom.client.pull()
    tom.client.push()
    assert tom.ticket(ticket.number).assignee_id == ada.ticket(ticket.number).assignee_id
    cluster.settle()
    cluster.check()


def test_an_answer_heard_late_brings_back_no_ticket_a_pull_dropped(cluster):
    """Tom's assignment sends the ticket out of his view; its answer is lost and his
    pull drops the ticket. By the time the answer comes again the ticket is his again,
    and the answer shows it so: taken in from there, nothing would drop it when it
    leaves once more, since his cursor never saw it come back."""
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(ola)  # Warsaw, team FIELD: tom sees it through his team
    cluster.settle()
    tom.run(svc.assign, ticket.number, team="DESK")
    tom.http.drop_pushes = 1
    with pytest.raises(SyncError):
        tom.client.push()
    tom.client.pull()
    assert tom.numbers() == []
    ada.sync()
    ada.run(svc.assign, ticket.number, team="FIELD", to="tom")
    ada.sync()
    tom.client.push()  # the first answer again: applied, with the ticket as it now stands
    ada.run(svc.assign, ticket.number, team="NET", to="nina")
    ada.sync()
    tom.sync()
    assert tom.numbers() == []
    cluster.settle()
    cluster.check()


def test_a_pending_command_replayed_page_after_page_leaves_its_events_once(cluster):
    """Tom sends the ticket to the desk offline; meanwhile Ada assigns it to him and
    writes on it. Replayed over her assignment, his command also clears the assignee,
    a field his change entry does not name; his pull takes her changes in over several
    pages, each replaying his command again, which first takes out every event the
    last run made (by its stamp), not only those his entry names."""
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(ola)  # Warsaw, team FIELD, nobody assigned
    cluster.settle()
    tom.run(svc.assign, ticket.number, team="DESK")
    ada.run(svc.assign, ticket.number, team="FIELD", to="tom")
    ada.run(svc.comment, ticket.number, "on my way to the site? call the manager first")
    ada.sync()
    pages = 0
    while tom.pull_page(limit=2).more:
        pages += 1
    assert pages >= 2
    with tom.store.read() as session:
        held = session.get(Ticket, ticket.id)
        assert held is not None and held.assignee_id is None  # his command, replayed over hers
    cluster.settle()
    cluster.check()


def test_a_client_told_twice_that_its_numbers_are_taken_stops_and_says_so(cluster, monkeypatch):
    from sync import apply

    anna = cluster.replica("anna")
    new_ticket(anna)

    def always_reused(*_args, **_kwargs):
        raise apply.ClientIdReused("this store was restored from a copy")

    monkeypatch.setattr(apply, "push", always_reused)
    first = anna.store.client_id
    with pytest.raises(SyncError, match="restored from a copy"):
        anna.client.push()
    assert anna.store.client_id != first  # it took a new id once, and did not go round for ever
    assert anna.pending() == 1
    monkeypatch.undo()
    assert anna.sync().applied == 1
    cluster.check()


def test_changes_made_offline_before_commands_were_recorded_are_sent_as_their_commands(cluster):
    """A store upgraded with changes still pending from before (their entries carry
    only the fields they set) loses none of them: each is sent as the command it came
    from, and the server runs it as it runs any other."""
    from sqlalchemy import update

    from core.models import ChangeEntry

    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    made = new_ticket(anna, title="Till drawer sticks")
    anna.run(svc.comment, ticket.number, "it beeps too")
    tom.run(svc.assign, ticket.number, to="tom")
    tom.run(svc.move, ticket.number, "in_progress")
    tom.run(svc.comment, ticket.number, "on my way")  # a first answer, recorded as a second entry
    tom.run(svc.log_work, ticket.number, 30, "swapped the reader")
    tom.run(svc.edit, ticket.number, svc.TicketEdit(urgency="high", title="Pump 2 reader dead"))
    tom.run(svc.move, ticket.number, "pending", reason="supplier", supplier="POSCO")
    for replica in (anna, tom):
        with replica.store.write() as session:
            session.execute(update(ChangeEntry).values(command=None))
    for replica in (anna, tom):
        summary = replica.sync()
        assert summary.rejected == 0, summary.reasons
        assert summary.merged == 0
    cluster.settle()
    with cluster.db.read() as session:
        on_server = session.get_one(Ticket, ticket.id)
        assert (on_server.status, on_server.pending_reason, on_server.urgency) == ("pending", "supplier", "high")
        assert session.get(Ticket, made.id) is not None
        assert len(session.scalars(select(Comment).where(Comment.ticket_id == ticket.id)).all()) == 2
    assert ada.ticket(ticket.number).title == "Pump 2 reader dead"
    cluster.check()


def test_a_merged_change_whose_answer_was_lost_keeps_the_events_the_store_pulled_meanwhile(cluster):
    """Tom's title change meets ada's and is merged; the answer is lost, tom pulls the
    server's state (his own change's events among it), then hears the answer again:
    the events the server holds stay, only those it does not are taken away."""
    anna, tom, ada = cluster.replica("anna"), cluster.replica("tom"), cluster.replica("ada")
    ticket = new_ticket(anna)
    cluster.settle()
    ada.run(svc.edit, ticket.number, svc.TicketEdit(title="Pump 2 reader"))
    ada.sync()
    tom.run(svc.edit, ticket.number, svc.TicketEdit(title="Pump 2 card reader dead"))
    tom.http.drop_pushes = 1
    with pytest.raises(SyncError):
        tom.client.push()
    tom.client.pull()
    assert tom.client.push().merged == 1
    cluster.settle()
    cluster.check()


def test_a_server_restored_from_a_backup_gets_back_what_its_devices_still_hold(cluster, tmp_path):
    """The other side of the restore above: the central database goes back to a backup
    (`branchdesk-server restore`); devices that synced past it are answered 412 with the
    new epoch, unsend what the server lost, take a new snapshot keeping their unsent
    changes, and send them again: nothing a device holds is lost, nothing is doubled."""
    from server.backup import backup, restore

    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    first = new_ticket(anna, title="Before the backup")
    cluster.settle()
    saved = tmp_path / "server.backup"
    backup(cluster.url, saved)

    # after the backup, while the server serves: changes of both devices reach it
    second = new_ticket(anna, title="After the backup")
    anna.run(svc.comment, first.number, "sent after the backup")
    anna.sync()
    third = new_ticket(ada, title="Ada's, after the backup", site="PL-POZ-001")
    ada.sync()
    anna.sync()
    unsent = anna.run(svc.comment, second.number, "made after the backup, not sent yet")
    assert anna.pending() == 1 and ada.pending() == 0

    epoch = restore(cluster.url, saved, cluster.clock())
    assert server_count(cluster, Ticket) == 1  # the server has lost what came after the backup

    anna_summary = anna.sync()
    assert anna.store.meta("server_epoch") == epoch
    assert anna_summary.rejected == 0, anna_summary.reasons
    ada.sync()
    cluster.settle()
    with cluster.db.read() as session:
        titles = sorted(session.scalars(select(Ticket.title)))
        bodies = sorted(session.scalars(select(Comment.body)))
        numbers = list(session.scalars(select(Ticket.number)))
    assert titles == ["Ada's, after the backup", "After the backup", "Before the backup"]
    assert bodies == ["made after the backup, not sent yet", "sent after the backup"]
    assert len(set(numbers)) == 3
    assert unsent.body in bodies and third.id in set(_ids(anna)) and second.id in set(_ids(ada))
    for replica in (anna, ada):
        assert replica.pending() == 0
        assert all(e.state in ("applied", "merged") for e in replica.entries())
    cluster.check()


def test_answered_changes_are_forgotten_after_a_month_and_nothing_else_is(cluster):
    from datetime import UTC, datetime, timedelta

    from core.models import ChangeEntry
    from sync.client import KEEP_ANSWERED

    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    long_ago = datetime.now(UTC).replace(microsecond=0) - KEEP_ANSWERED - timedelta(days=3)
    old = anna.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", **POS), at=long_ago)
    recent = new_ticket(anna, title="Till 3 frozen")
    summary = anna.sync()
    assert summary.pruned > 0
    with anna.store.read() as session:
        kept = session.execute(select(ChangeEntry.record_id, ChangeEntry.state)).all()
    assert old.id not in {record for record, _state in kept}
    assert (recent.id, "applied") in kept
    # the ticket itself stays, of course: only the record of having sent it goes
    assert sorted(anna.numbers()) == sorted([old.number, recent.number])

    anna.run(svc.comment, old.number, "still broken", at=long_ago + timedelta(hours=1))  # typed in offline, late
    with anna.store.read() as session:
        waiting = session.scalar(select(func.count()).where(ChangeEntry.state == "pending"))
    assert waiting and anna.pending() == waiting
    with anna.store.write() as session:
        from sync.client import prune_answered

        # everything answered so far goes, however recent; what waits never does
        assert prune_answered(session, datetime.now(UTC) + timedelta(seconds=1)) > 0
    with anna.store.read() as session:
        assert {state for (state,) in session.execute(select(ChangeEntry.state))} == {"pending"}
    assert anna.pending() == waiting
    cluster.settle()
    assert server_count(cluster, Comment, body="still broken") == 1
    cluster.check()
    assert ada.ticket(old.number) is not None
