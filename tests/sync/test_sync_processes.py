"""Sync between real processes: `branchdesk-server serve`, and `branchdesk` as a
person runs it. A client killed in the middle of a push or a pull, a server
restarted under a push, two server processes on one database, connected mode,
and signing in where no keyring is."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import threading
import time

import pytest
from sqlalchemy import select
from synckit import (
    PASSWORDS,
    Cli,
    Remote,
    Replica,
    counts,
    do_work,
    random_action,
    results_of,
    tokens_in,
    wait_until,
)

from core.models import Comment, Ticket
from core.services import tickets as svc
from server.db import Database
from server.models import AuthSession
from sync.client import PAGE, SyncError
from sync.models import SyncCounter

HANG_GUARD = 90  # seconds: only ever a guard against a hang, never what a test checks
POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


@pytest.fixture
def remote_for(server_url, tmp_path, store_template):
    """Replicas of a real server, made and checked in this process (a store made here
    is what `branchdesk login` makes, its token in the test keyring)."""
    made: list[Remote] = []

    def make(server) -> Remote:
        remote = Remote(server_url, server.base, tmp_path / "replicas", store_template)
        made.append(remote)
        return remote

    yield make
    for remote in made:
        remote.close()


@pytest.fixture
def proxy_for():
    from synckit import HoldingProxy

    made: list[HoldingProxy] = []

    def make(server) -> HoldingProxy:
        proxy = HoldingProxy(server.port)
        made.append(proxy)
        return proxy

    yield make
    for proxy in made:
        proxy.close()


# -- a client killed mid-way --------------------------------------------------------------

def test_a_client_killed_while_it_waits_for_its_push_answer_loses_and_repeats_nothing(
        servers, remote_for, cli, proxy_for, keyring_file):
    server = servers()
    proxy = proxy_for(server)
    remote = remote_for(server)
    anna = remote.replica("anna", base=proxy.base, keyring_file=keyring_file)
    ada = remote.replica("ada")
    made = [anna.run(svc.create, svc.NewTicket(title=f"Problem {n}", **POS)) for n in range(3)]
    anna.run(svc.comment, made[0].number, "it beeps")

    proxy.hold(b"POST /sync/push ")
    sync = cli.start(anna.data_dir, "sync", log=anna.data_dir / "sync-1.log")
    wait_until(proxy.held.is_set, HANG_GUARD, "the server's answer to the push")
    sync.send_signal(signal.SIGKILL)
    sync.wait()
    # the server applied the batch; the client never heard
    assert counts(remote.db)["ticket"] == 3
    assert anna.pending() == 4

    proxy.pass_through()
    done = cli.run(anna.data_dir, "sync")
    assert "pushed 4 (applied 4, merged 0, rejected 0)" in done.stdout
    remote.settle()
    remote.check()
    with remote.db.read() as session:
        assert sorted(session.scalars(select(Ticket.title))) == ["Problem 0", "Problem 1", "Problem 2"]
        assert list(session.scalars(select(Comment.body))) == ["it beeps"]
    assert len(ada.numbers()) == 3


def test_a_client_killed_in_the_middle_of_a_pull_loses_and_repeats_nothing(
        servers, remote_for, cli, proxy_for, keyring_file):
    from server.demo import load_demo

    server = servers()
    proxy = proxy_for(server)
    remote = remote_for(server)
    ada = remote.replica("ada", base=proxy.base, keyring_file=keyring_file)
    anna = remote.replica("anna")
    load_demo(remote.db, 600, seed=7)  # two pages of records for ada to pull
    with remote.db.read() as session:
        assert (session.scalar(select(SyncCounter.value)) or 0) > PAGE
    mine = ada.run(svc.create, svc.NewTicket(title="Made before the pull", requester="anna", **POS))

    # the second page's answer stops part way: the first page is in, the client reads on
    proxy.hold(b"GET /sync/pull?", nth=2, partial=3000)
    sync = cli.start(ada.data_dir, "sync", log=ada.data_dir / "sync-1.log")
    wait_until(proxy.held.is_set, HANG_GUARD, "the second page of the pull")
    sync.send_signal(signal.SIGKILL)
    sync.wait()
    assert int(ada.store.meta("sync_cursor")) > 0  # the first page is in, with its cursor, in one transaction
    # its own change went out before the pull; all that waits is what the system computed
    # from the page taken in (SLA warnings and breaches)
    assert {e.kind for e in ada.entries() if e.state == "pending"} <= {"sla_event"}
    assert [e.state for e in ada.entries() if e.kind == "ticket"] == ["applied"]
    # SLA figures wait for the last page; the pull cut short says so, for the next to catch up
    assert ada.store.meta("sla_refresh_due") == "1"

    proxy.pass_through()
    cli.run(ada.data_dir, "sync")
    assert ada.store.meta("sla_refresh_due") == "0"
    with ada.store.read() as session:
        assert session.scalar(select(Ticket.id).where(Ticket.sla_policy.is_(None))) is None
    remote.settle()
    remote.check()
    assert mine.number in anna.numbers()


@pytest.mark.parametrize("start_from", ["snapshot", "image"])
def test_a_device_killed_while_it_takes_its_snapshot_or_image_keeps_nothing_and_takes_it_again(
        servers, remote_for, cli, proxy_for, keyring_file, start_from):
    from core.clock import utcnow
    from server.demo import load_demo
    from server.store_image import make

    server = servers()
    proxy = proxy_for(server)
    remote = remote_for(server)
    anna = remote.replica("anna")
    load_demo(remote.db, 300, seed=7)
    image = make(remote.db, utcnow()).image if start_from == "image" else None
    ada = remote.replica("ada", base=proxy.base, keyring_file=keyring_file, first_sync=False)
    held = ada.store.path.with_name(ada.store.path.name + ".image")

    # the answer stops part way: the device has begun writing what came, and waits
    proxy.hold(f"GET /sync/{start_from}?".encode(), partial=image.size // 2 if image else 150_000)
    sync = cli.start(ada.data_dir, "sync", log=ada.data_dir / "sync-1.log")
    wait_until(proxy.held.is_set, HANG_GUARD, f"the {start_from}'s answer")
    if image:
        wait_until(held.exists, HANG_GUARD, "the image's file")
    else:
        time.sleep(1.0)  # what came through is being written, in one transaction
    sync.send_signal(signal.SIGKILL)
    sync.wait()
    assert int(ada.store.meta("sync_cursor") or 0) == 0
    assert ada.numbers() == []

    proxy.pass_through()
    cli.run(ada.data_dir, "sync")
    assert int(ada.store.meta("sync_cursor")) >= (image.cursor if image else 1)
    assert not held.exists()
    remote.settle()
    remote.check()
    assert len(ada.numbers()) >= 300
    assert set(anna.numbers()) <= set(ada.numbers())


# -- the server restarted ---------------------------------------------------------------------

@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_a_push_replayed_after_the_server_restarted_gets_the_same_answers(servers, remote_for, how):
    server = servers()
    remote = remote_for(server)
    anna, ada = remote.replica("anna"), remote.replica("ada")
    ticket = anna.run(svc.create, svc.NewTicket(title="Before the restart", **POS))
    remote.settle()
    ada.run(svc.move, ticket.number, "in_progress")
    ada.sync()
    anna.run(svc.comment, ticket.number, "any news?")
    anna.run(svc.move, ticket.number, "cancelled")  # refused: it is in progress by now
    anna.run(svc.create, svc.NewTicket(title="Second", **POS))
    anna.http.drop_pushes = 1
    with pytest.raises(SyncError):
        anna.client.push()  # applied; the answer is lost
    sent = anna.http.pushes[-1]
    first = results_of(sent.answer)
    assert [r["outcome"] for r in first] == ["applied", "rejected", "applied"]
    before = counts(remote.db)

    server.stop(how)
    server.start()
    again = anna.http.replay(sent, server.base)
    assert again.status_code == 200, again.text
    # the same answers (each now carries the record as it stands)
    assert [{**r, "record": None} for r in results_of(again.json())] == [{**r, "record": None} for r in first]
    assert counts(remote.db) == before

    summary = anna.sync()  # the client's own retry: the same answers again
    assert (summary.applied, summary.rejected) == (2, 1)
    assert counts(remote.db) | {"history": 0} == before | {"history": 0}
    remote.settle()
    remote.check()


# -- two server processes, one database ------------------------------------------------------

def test_two_server_processes_on_one_database_with_clients_alternating(servers, remote_for, backend):
    if backend != "postgresql":
        pytest.skip("two server processes share one PostgreSQL (the SQLite file is for a trial on one box)")
    one, two = servers(), servers()
    remote = remote_for(one)
    people = ["anna", "ola", "tom", "nina", "ada"]
    replicas = [remote.replica(name) for name in people]
    for replica in replicas[:3]:
        do_work(replica, ("create", "Hardware/POS terminal", "medium", "high", "ola"), iter(range(10**6)))
    remote.settle()
    failures: list[BaseException] = []

    def person(replica: Replica, seed: int) -> None:
        rng = random.Random(seed)
        titles = iter(range(seed * 1000, seed * 1000 + 1000))
        try:
            for round_ in range(6):
                for _ in range(rng.randint(1, 4)):
                    do_work(replica, random_action(rng), titles)
                # each sync through the other server process than the last one
                replica.client.server = (one if (round_ + seed) % 2 else two).base
                replica.sync()
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)

    threads = [threading.Thread(target=person, args=(r, n)) for n, r in enumerate(replicas)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    for replica in replicas:
        replica.client.server = two.base
    remote.settle()
    remote.check()


# -- connected mode ------------------------------------------------------------------------------

def test_sync_watch_shows_a_change_from_one_client_on_the_other(servers, remote_for, cli, keyring_file):
    server = servers()
    remote = remote_for(server)
    anna = remote.replica("anna", keyring_file=keyring_file)
    ada = remote.replica("ada", keyring_file=keyring_file)
    watchers = [cli.start(r.data_dir, "sync", "--watch", log=r.data_dir / "watch.log") for r in (anna, ada)]

    made = json.loads(cli.run(anna.data_dir, "ticket", "new", "--title", "Card reader dead", "--category",
                              "Hardware/POS terminal", "--impact", "high", "--urgency", "high",
                              "--field", "terminal_id=T-3", "--json").stdout)
    wait_until(lambda: ada.ticket(made["number"]), 30, "the ticket on the central desk's store", step=0.2)
    ada.run(svc.comment, made["number"], "we are on it")

    def answered_at_the_branch() -> bool:
        with anna.store.read() as session:
            return session.scalar(select(Comment.id).where(Comment.body == "we are on it")) is not None

    wait_until(answered_at_the_branch, 30, "the desk's comment on the branch's store", step=0.2)
    for watcher in watchers:
        watcher.send_signal(signal.SIGINT)
    for watcher in watchers:
        try:
            assert watcher.wait(timeout=30) == 0
        except subprocess.TimeoutExpired:
            watcher.kill()
            raise
    assert anna.pending() == 0 and ada.pending() == 0
    remote.settle()
    remote.check()


# -- no keyring ----------------------------------------------------------------------------------

def test_login_without_a_keyring_says_so_in_one_line_and_keeps_no_token(servers, server_url, tmp_path, keyring_file):
    server = servers()
    nokeyring = Cli(keyring_file, backend="keyring.backends.fail.Keyring")
    anna = tmp_path / "anna"
    done = nokeyring.run(anna, "login", "--server", server.base, "--username", "anna", "--password-stdin",
                         stdin=PASSWORDS["anna"] + "\n", check=False)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "keyring" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert not keyring_file.exists()

    db = Database(server_url)
    try:
        with db.read() as session:
            issued = session.scalars(select(AuthSession)).all()
    finally:
        db.dispose()
    assert issued  # the server did sign anna in…
    assert all(s.revoked_at is not None for s in issued)  # …and every session was ended again
    assert tokens_in(tmp_path, {s.token_hash for s in issued}) == []

    # no store is left half signed in (the login made it, and took it away again):
    # sync says to log in, in one line
    assert not (anna / "branchdesk.sqlite3").exists()
    done = nokeyring.run(anna, "sync", check=False)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: ")
    assert "login" in done.stderr


def test_a_refused_login_says_why_in_one_line_and_leaves_no_store(servers, tmp_path, cli, keyring_file):
    server = servers()
    anna = tmp_path / "anna"
    done = cli.run(anna, "login", "--server", server.base, "--username", "anna", "--password-stdin",
                   stdin="not her password\n", check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: login refused"), done.stderr
    assert not (anna / "branchdesk.sqlite3").exists()
    assert not keyring_file.exists()

    # an unreachable server: the same, and the next try with the right password works
    done = cli.run(anna, "login", "--server", "http://127.0.0.1:9", "--username", "anna", "--password-stdin",
                   stdin=PASSWORDS["anna"] + "\n", check=False)
    assert done.returncode == 1 and done.stderr.startswith("error: cannot reach the server"), done.stderr
    assert not (anna / "branchdesk.sqlite3").exists()
    cli.login(anna, server.base, "anna")
    assert (anna / "branchdesk.sqlite3").exists()
