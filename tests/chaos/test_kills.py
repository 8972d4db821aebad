"""SIGKILL of real server processes at a point the test chooses, not at a moment it
guesses, on SQLite and PostgreSQL:

- `branchdesk-server worker` while a webhook receiver holds the notification it was
  sent (the receiver has read it and not answered). Delivery is at most once per
  (event, recipient, channel) (DESIGN §13, server/delivery.py): after a restart
  everything the worker had not taken yet is delivered, each once; the interrupted
  one, which did arrive, is never sent again, and is marked failed with the reason
  once the grace period is over, for an admin to see.
- `branchdesk-server serve` in the middle of applying a push batch: held where it
  writes a comment on a ticket, on a row lock the test takes on that ticket
  (PostgreSQL), or inside a trigger the test adds on such comments (SQLite, whose one
  writer cannot be held by a lock mid-transaction). The batch is one transaction: nothing of it is kept; the
  client sends it again to the restarted server and gets the answers a batch sent
  once gets, and sending it once more gives the same answers again; each change is
  in the tickets' history once."""

from __future__ import annotations

import email
import email.policy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from server_testkit import database_from, run_on_server
from sqlalchemy import func, select, text
from synckit import Cli, Remote, ServerProcess, counts, free_port, results_of, wait_until

from core.models import Comment, HistoryEvent, Ticket
from core.services import tickets as svc
from server.db import Database
from server.delivery import INTERRUPTED
from server.models import Notification

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DELIVERY_ORG = ROOT / "tests" / "server" / "fixtures" / "delivery-org.toml"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOOKS = {"field-slack": "BD_TEST_HOOK_SLACK", "desk-teams": "BD_TEST_HOOK_TEAMS", "all-json": "BD_TEST_HOOK_JSON"}
POS: dict[str, Any] = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})
GUARD = 120  # seconds: only ever a guard against a hang, never what a test checks


# -- receivers --------------------------------------------------------------------------------

class HookReceiver:
    """Webhooks on loopback (one path each). Armed, it reads the next post whole, keeps
    it, and then holds its answer until released: the post has arrived, the sender has
    not heard so."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict[str, Any]]] = []
        self.armed = threading.Event()
        self.holding = threading.Event()
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.posts.append((self.path.strip("/"), body))
                if receiver.armed.is_set():
                    receiver.armed.clear()
                    receiver.holding.set()
                    receiver.release.wait(GUARD)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:  # the sender is gone
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class MailReceiver:
    """A mail server on loopback (aiosmtpd) keeping the Message-ID of every mail."""

    def __init__(self, port: int) -> None:
        self.ids: list[str] = []
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.ids.append(str(message["Message-ID"]))
        return "250 Message accepted for delivery"


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[HookReceiver]:
    receiver = HookReceiver()
    for name, variable in HOOKS.items():
        monkeypatch.setenv(variable, receiver.url(name))
    yield receiver
    receiver.close()


def worker(url: str, minutes: float, *more: str) -> subprocess.Popen[bytes]:
    """`branchdesk-server worker` as its own process, its clock at T0 + minutes."""
    instant = (T0 + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([str(BIN / "branchdesk-server"), "--database-url", url, "worker", "--now", instant, *more],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)


def outbox(db: Database) -> list[Notification]:
    with db.read() as session:
        return list(session.scalars(select(Notification)))


# -- the worker killed while a notification is on its way --------------------------------------

def test_the_worker_killed_while_a_webhook_holds_its_post_loses_and_repeats_nothing(backend, tmp_path, hooks):
    smtp_port = free_port()
    org = tmp_path / "delivery-org.toml"
    org.write_text(DELIVERY_ORG.read_text(encoding="utf-8").replace("port = 2525", f"port = {smtp_port}"),
                   encoding="utf-8")
    with database_from(org, backend, tmp_path, "bd_chaos_deliver", T0) as url:
        db = Database(url)
        started: list[subprocess.Popen[bytes]] = []
        mail = MailReceiver(smtp_port)
        try:
            for title in ("Till 1 frozen", "Till 2 frozen"):
                run_on_server(db, "ada", svc.create, svc.NewTicket(
                    title=title, impact="medium", urgency="medium", category="Access/Password reset",
                    requester="anna"), at=T0)
            # 21 minutes on, the desk's OLA is past: the team's channels and people are told.
            # The mail server is not up yet (its mail waits), and the first post is held.
            hooks.armed.set()
            first = worker(url, 21, "--interval", "600")
            started.append(first)
            if not hooks.holding.wait(GUARD):
                pytest.fail(f"no webhook post arrived; worker exit status {first.poll()}")
            rows = outbox(db)
            sending = [row for row in rows if row.state == "sending"]
            assert len(sending) == 1 and sending[0].channel == "webhook"
            waiting = [row for row in rows if row.state == "queued"]
            assert any(row.channel == "email" for row in waiting)
            first.send_signal(signal.SIGKILL)
            first.wait(GUARD)
            hooks.release.set()
            held_post = hooks.posts[-1]
            assert held_post[0] == sending[0].target

            # restarted (the mail server is up now): what it had not taken goes out, each once
            mail.controller.start()
            second = worker(url, 22, "--interval", "0.2")
            started.append(second)
            wait_until(lambda: not [r for r in outbox(db) if r.state == "queued"], GUARD,
                       "every waiting notification delivered")
            second.send_signal(signal.SIGTERM)
            assert second.wait(GUARD) == 0
            by_id = {row.id: row for row in outbox(db)}
            assert by_id[sending[0].id].state == "sending"  # not sent again, not given up yet
            assert {row.state for key, row in by_id.items() if key != sending[0].id} == {"sent"}
            assert {row.id for row in waiting} <= {key for key, row in by_id.items() if row.state == "sent"}

            # past the grace period, the interrupted one is marked failed, and not sent again
            done = worker(url, 21 + 11, "--once")
            started.append(done)
            assert done.wait(GUARD) == 0
            row = next(row for row in outbox(db) if row.id == sending[0].id)
            assert (row.state, row.error) == ("failed", INTERRUPTED)
            listed = subprocess.run([str(BIN / "branchdesk-server"), "--database-url", url, "notifications",
                                     "--failed"], capture_output=True, text=True, timeout=GUARD, cwd=ROOT)
            assert listed.returncode == 0 and INTERRUPTED in listed.stdout, listed.stdout + listed.stderr

            # each notification reached its receiver exactly once, the interrupted one included
            rows_now = outbox(db)
            assert {row.state for row in rows_now} == {"sent", "failed"}
            mails = [row for row in rows_now if row.channel == "email"]
            assert sorted(mail.ids) == sorted(f"<{row.id}@worker.test>" for row in mails)
            per_hook = Counter(path for path, _ in hooks.posts)
            assert per_hook == Counter(row.target for row in rows_now if row.channel == "webhook")
            json_ids = [body["notification_id"] for path, body in hooks.posts if path == "all-json"]
            assert sorted(json_ids) == sorted(str(row.id) for row in rows_now if row.target == "all-json")
        finally:
            for process in started:
                if process.poll() is None:
                    process.kill()
                process.wait()
            mail.controller.stop()
            db.dispose()


# -- serve killed in the middle of a push batch --------------------------------------------------

class BatchHold:
    """Holds a server's push batch where it writes a comment on one ticket, with the
    batch's earlier commands done in its open transaction."""

    def __init__(self, url: str, ticket_id: Any, number: str) -> None:
        self.url = url
        self.ticket_id = ticket_id
        self.number = number
        self.db = Database(url)
        self.connection: Any = None
        self.path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite") else None

    def take(self) -> None:
        if self.path is None:
            # a row lock on the ticket, in a transaction left open: a comment's insert
            # waits for it (its foreign key takes a share lock on the ticket's row)
            self.connection = self.db.engine.connect()
            self.connection.execute(select(Ticket.id).where(Ticket.id == self.ticket_id).with_for_update())
            self.me = self.connection.scalar(text("SELECT pg_backend_pid()"))
            return
        # SQLite's writer is alone in its transaction: a trigger on a comment on the
        # ticket makes it write 32 MiB (more than its page cache, so the write-ahead log grows) and
        # then count a product of tables that it never finishes
        with sqlite3.connect(self.path) as conn:
            literal = conn.execute("SELECT quote(id) FROM tickets WHERE number = ?", (self.number,)).fetchone()[0]
            conn.executescript(f"""
                CREATE TABLE chaos_ballast (b BLOB);
                CREATE TABLE chaos_spin (n INTEGER);
                INSERT INTO chaos_spin WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000)
                    SELECT n FROM c;
                CREATE TRIGGER chaos_hold AFTER INSERT ON comments WHEN NEW.ticket_id = {literal} BEGIN
                    INSERT INTO chaos_ballast VALUES (zeroblob(33554432));
                    SELECT count(*) FROM chaos_spin a, chaos_spin b, chaos_spin c, chaos_spin d;
                END;
            """)
        conn.close()
        assert self._wal_size() < 16 << 20

    def _wal_size(self) -> int:
        assert self.path is not None
        wal = self.path.with_name(self.path.name + "-wal")
        return wal.stat().st_size if wal.exists() else 0

    def holding(self) -> bool:
        """True once the server's push waits on the hold, in the middle of its batch."""
        if self.path is not None:
            return self._wal_size() >= 16 << 20
        with self.db.engine.connect() as watcher:
            waiting = watcher.execute(text(
                "SELECT query FROM pg_stat_activity WHERE :me = ANY(pg_blocking_pids(pid))"), {"me": self.me}).all()
        if waiting:  # the comment's insert, which must see the ticket (its foreign key)
            assert waiting[0][0].lstrip().upper().startswith(("INSERT", "UPDATE")), waiting
        return bool(waiting)

    def let_go(self) -> None:
        if self.path is None:
            self.connection.rollback()
            self.connection.close()
        else:
            with sqlite3.connect(self.path) as conn:
                conn.executescript("DROP TRIGGER chaos_hold; DROP TABLE chaos_ballast; DROP TABLE chaos_spin;")
            conn.close()
        self.db.dispose()


def history_twice(db: Database) -> list[tuple[Any, ...]]:
    """History events that say the same thing twice about a ticket."""
    with db.read() as session:
        rows = session.execute(select(HistoryEvent.ticket_id, HistoryEvent.kind, HistoryEvent.field,
                                      HistoryEvent.new, HistoryEvent.actor_id, HistoryEvent.occurred_at)).all()
    seen = Counter((t, k, f, json.dumps(n, sort_keys=True), a, o) for t, k, f, n, a, o in rows)
    return [key for key, times in seen.items() if times > 1]


def test_serve_killed_in_the_middle_of_a_push_batch_keeps_nothing_of_it_and_answers_it_once_after(
        backend, sync_url, tmp_path, cli: Cli, keyring_file):
    server = ServerProcess(sync_url, tmp_path / "serve.log").start()
    remote = Remote(sync_url, server.base, tmp_path / "replicas", tmp_path / "template" / "branchdesk.sqlite3")
    hold: BatchHold | None = None
    try:
        anna = remote.replica("anna", keyring_file=keyring_file)
        ada = remote.replica("ada")
        frozen = anna.run(svc.create, svc.NewTicket(title="Till frozen", **POS))
        anna.sync()
        ada.sync()
        ada.run(svc.move, frozen.number, "in_progress")
        ada.sync()
        # anna's batch, made without having heard of that: a new ticket and its comment,
        # a comment on the frozen till (the server holds here), a cancel that the
        # server refuses (the ticket is in progress), another new ticket
        printer = anna.run(svc.create, svc.NewTicket(title="Printer jammed", **POS))
        anna.run(svc.comment, printer.number, "paper everywhere")
        anna.run(svc.comment, frozen.number, "any news?")
        anna.run(svc.move, frozen.number, "cancelled")
        anna.run(svc.create, svc.NewTicket(title="Scanner dead", **POS))
        pending = anna.pending()
        before = counts(remote.db)

        hold = BatchHold(sync_url, frozen.id, frozen.number)
        hold.take()
        sync = cli.start(anna.data_dir, "sync", log=tmp_path / "sync-1.log")
        wait_until(hold.holding, GUARD, "the server held in the middle of the batch", step=0.05)
        server.process.send_signal(signal.SIGKILL)
        server.stop()
        assert sync.wait(GUARD) == 1  # the client was not answered: it says so and keeps its changes
        lines = (tmp_path / "sync-1.log").read_text().strip().splitlines()
        assert lines and lines[-1].startswith("error: "), lines
        hold.let_go()
        hold = None
        assert counts(remote.db) == before  # nothing of the batch was kept
        assert anna.pending() == pending

        server.start()  # on the same port
        summary = anna.client.push()
        assert (summary.applied, summary.merged, summary.rejected) == (pending - 1, 0, 1)
        sent = anna.http.pushes[-1]
        answers = results_of(sent.answer)
        assert [r["outcome"] for r in answers].count("rejected") == 1
        after = counts(remote.db)
        # sent once more (as a client that lost this answer would): the same answers, nothing new
        again = anna.http.replay(sent, server.base)
        assert again.status_code == 200, again.text
        assert [{**r, "record": None} for r in results_of(again.json())] == [{**r, "record": None} for r in answers]
        assert counts(remote.db) == after
        done = cli.run(anna.data_dir, "sync")
        assert "pushed" not in done.stdout or "pushed 0" in done.stdout, done.stdout

        with remote.db.read() as session:
            titles = Counter(session.scalars(select(Ticket.title)))
            assert titles == Counter({"Till frozen": 1, "Printer jammed": 1, "Scanner dead": 1})
            assert Counter(session.scalars(select(Comment.body))) == Counter({"paper everywhere": 1, "any news?": 1})
            assert session.scalar(select(Ticket.status).where(Ticket.id == frozen.id)) == "in_progress"
            created = session.scalar(select(func.count()).select_from(HistoryEvent).where(
                HistoryEvent.kind == "created"))
            assert created == 3
        assert history_twice(remote.db) == []
        remote.settle()
        remote.check()
    finally:
        if hold is not None:
            hold.let_go()
        remote.close()
        server.stop()
    assert b" 500 " not in (tmp_path / "serve.log").read_bytes()
