"""A new device starts from a snapshot of its scope (DESIGN §6 First sync): it ends
exactly as a device that pulled record by record, for every role (a device killed
part way through a snapshot: test_sync_processes)."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import func, select
from synckit import Replica, do_work, random_action

from core.models import HistoryEvent, Ticket
from core.models.base import Instant
from core.services import tickets as svc
from sync.bootstrap import SnapshotError, split_lines, take
from sync.client import SyncSummary
from sync.records import table

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})
LOCAL = ("sla_policy", "response_due_at", "response_state", "resolution_due_at", "resolution_state", "sla_next_at")


def full_state(replica: Replica) -> dict[str, object]:
    """What the store holds: every replicated record, every ticket's SLA figures, and
    the search index's answers."""
    state: dict[str, object] = dict(replica.state())
    with replica.store.read() as session:
        state["sla"] = {str(row[0]): tuple(row[1:]) for row in session.execute(
            select(Ticket.id, *(getattr(Ticket, c) for c in LOCAL)))}
        raw = session.connection()
        state["search"] = sorted(r[0] for r in raw.exec_driver_sql(
            "SELECT t.number FROM ticket_fts f JOIN tickets t ON t.rowid = f.rowid "
            "WHERE ticket_fts MATCH 'card OR pump OR printer OR renamed'"))
        state["search_comments"] = sorted(r[0] for r in raw.exec_driver_sql(
            "SELECT c.body FROM comment_fts f JOIN comments c ON c.rowid = f.rowid "
            "WHERE comment_fts MATCH 'beeps OR note OR fault'"))
    return state


def _busy_server(cluster) -> None:
    """Demo tickets, and what people did since: links across sites, comments, a task."""
    from server.demo import load_demo

    load_demo(cluster.db, 40, seed=11)
    anna = cluster.replica("anna")
    worker = cluster.replica("ada", "ada-worker")
    tom = cluster.replica("tom", "tom-worker")
    made = anna.run(svc.create, svc.NewTicket(title="Pump 2 beeps at every sale", **POS))
    anna.run(svc.comment, made.number, "it beeps")
    anna.sync()
    worker.sync()
    other = next(n for n in worker.numbers() if n != made.number)
    worker.run(svc.link, made.number, other, "relates")
    worker.run(svc.comment, made.number, "internal: a known fault", internal=True)
    worker.run(svc.assign, made.number, team="NET")
    import random

    rng = random.Random(5)
    titles = iter(range(10_000))
    for _ in range(25):
        do_work(rng.choice([anna, worker, tom]), random_action(rng), titles)
    cluster.settle([anna, worker, tom])


@pytest.mark.parametrize("username", ["ada", "tom", "anna"])
def test_a_device_started_from_a_snapshot_ends_as_one_that_pulled_record_by_record(cluster, username):
    _busy_server(cluster)
    by_snapshot = cluster.replica(username, f"{username}-snapshot", first_sync=False)
    by_pages = cluster.replica(username, f"{username}-pages", first_sync=False)
    by_pages.client.snapshots = False

    summary = SyncSummary()
    assert by_snapshot.client.snapshot(summary)  # the server offers one, and it was taken
    assert summary.pulled > 0
    assert int(by_snapshot.store.meta("sync_cursor")) > 0
    by_snapshot.sync()
    by_pages.sync()

    assert by_snapshot.numbers() == by_pages.numbers() and by_pages.numbers()
    snapshot_state, pages_state = full_state(by_snapshot), full_state(by_pages)
    for key in pages_state:
        assert snapshot_state[key] == pages_state[key], key
    cluster.settle()
    cluster.check()


def test_a_device_that_made_tickets_before_its_first_pull_keeps_them(cluster):
    _busy_server(cluster)
    ola = cluster.replica("ola", first_sync=False)
    mine = ola.run(svc.create, svc.NewTicket(title="Made before the first sync", **POS))
    ola.sync()
    assert mine.number in ola.numbers()
    cluster.settle()
    cluster.check()


def _stream(replica) -> list[bytes]:
    """The snapshot the server sends this replica's person, line by line."""
    answer = replica.client._call("GET", "/sync/snapshot", params={"client": str(replica.store.client_id)},
                                  stream=True)
    assert answer.status_code == 200
    try:
        return list(split_lines(answer.iter_content(1 << 16)))
    finally:
        answer.close()


def _batch_of(lines: list[bytes], kind: str) -> int:
    """The index of the kind's first line of records."""
    named = next(i for i, line in enumerate(lines) if json.loads(line).get("kind") == kind)
    assert "c" in json.loads(lines[named + 1])
    return named + 1


def _spoilt(lines: list[bytes], at: int, change) -> list[bytes]:
    item = json.loads(lines[at])
    change(item)
    return [*lines[:at], json.dumps(item).encode(), *lines[at + 1:]]


def test_a_snapshot_stream_that_is_not_whole_or_not_this_clients_changes_nothing(cluster):
    """Each is refused with its reason, and the store keeps no record and no cursor:
    ids cut short, a batch whose columns disagree with its count, columns that are not
    the store's, another format, and a stream without its end."""
    _busy_server(cluster)
    device = cluster.replica("ada", "ada-new", first_sync=False)
    lines = _stream(device)
    history = _batch_of(lines, "history")
    header = json.loads(lines[0])
    assert header["format"] == 3 and header["counts"]["history"] > 0
    named = json.loads(lines[history - 1])
    assert named["ids"] == ["id", "ticket_id", "actor_id"]
    at = named["columns"].index("ticket_id")

    def ids_cut(item):
        item["c"][at] = base64.b64encode(base64.b64decode(item["c"][at])[:-16]).decode()

    def one_more(item):
        item["n"] += 1

    def not_mine(item):
        item["ids"] = item["ids"][:-1]

    spoilt = {
        "ids cut short": (_spoilt(lines, history, ids_cut), "do not hold as many values"),
        "a count the columns do not hold": (_spoilt(lines, history, one_more), "do not hold as many values"),
        "columns not the store's": (_spoilt(lines, history - 1, not_mine), "columns are not this store's"),
        "another format": ([json.dumps({**header, "format": 1}).encode(), *lines[1:]], "format 1"),
        "cut short": (lines[:-1], "cut short"),
    }
    for name, (stream, reason) in spoilt.items():
        with pytest.raises(SnapshotError, match=reason):
            take(device.store, stream)
        with device.store.read() as session:
            assert session.scalar(select(func.count()).select_from(Ticket)) == 0, name
            assert session.scalar(select(func.count()).select_from(HistoryEvent)) == 0, name
        assert device.store.meta("sync_cursor") is None, name
    taken = take(device.store, lines)  # and the whole stream is taken
    assert taken.rows == sum(header["counts"].values())
    with device.store.read() as session:
        assert session.scalar(select(func.count()).select_from(HistoryEvent)) == header["counts"]["history"]


def _raw_instants(replica) -> list[str]:
    """Every instant the store holds, as SQLite keeps it."""
    found: list[str] = []
    with replica.store.read() as session:
        raw = session.connection()
        for kind in ("ticket", "history", "comment"):
            rows = table(kind)
            for column in (c for c in rows.columns if isinstance(c.type, Instant)):
                found += raw.exec_driver_sql(
                    f"SELECT {column.name} FROM {rows.name} WHERE {column.name} IS NOT NULL").scalars().all()
    return found


def test_a_snapshot_from_a_server_before_format_3_is_taken_with_its_instants_to_the_second(cluster):
    """A server before format 3 sent instants with six digits of microseconds; the
    device keeps them to the second, as it keeps its own (core.models.base.SqliteInstant),
    so that they compare with them, and ends as a device that took today's format."""
    _busy_server(cluster)
    today = cluster.replica("ada", "ada-today", first_sync=False)
    older = cluster.replica("ada", "ada-older", first_sync=False)
    lines = _stream(today)
    take(today.store, lines)
    old_lines = [json.dumps({**json.loads(lines[0]), "format": 2}).encode()]
    instants: set[int] = set()
    for line in lines[1:]:
        item = json.loads(line)
        if "kind" in item:
            columns = table(item["kind"]).columns
            instants = {i for i, name in enumerate(item["columns"]) if isinstance(columns[name].type, Instant)}
        elif "c" in item:
            for i in instants:
                item["c"][i] = [None if v is None else f"{v}.000000" for v in item["c"][i]]
        old_lines.append(json.dumps(item).encode())
    assert any(b".000000" in line for line in old_lines)
    take(older.store, old_lines)

    kept = _raw_instants(older)
    assert kept and all(len(value) == 19 for value in kept)
    assert kept == _raw_instants(today)
    assert older.state() == today.state()
