"""Delivering the notification outbox (DESIGN §13) to a real mail server (aiosmtpd's
controller on loopback, in this process) and real webhook receivers (http.server in
a thread): each notice reaches each recipient once on each channel, in their
language, threaded by ticket; a mail server that is down delays mail and loses none;
a worker stopped in the middle of sending doubles nothing; what failed is listed for
admins. Passes are driven with an injected clock, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from server_testkit import database_from, run_on_server
from sqlalchemy import select

from core.ids import derived_id, reference_id
from core.models import HistoryEvent, Ticket
from core.notices import carried, carrying, notice_id
from core.services import tickets as svc
from server import cli
from server.db import Database
from server.delivery import INTERRUPTED, MAX_ATTEMPTS, Delivery
from server.models import Notification
from server.setup import read_org
from server.worker import TEAM_REASONS, Worker

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "delivery-org.toml"
BIN = Path(sys.executable).parent
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RESET = {"category": "Access/Password reset", "requester": "anna"}
HOOK_ENV = {"field-slack": "BD_TEST_HOOK_SLACK", "desk-teams": "BD_TEST_HOOK_TEAMS", "all-json": "BD_TEST_HOOK_JSON"}
EMAILS = {name: f"{name}@worker.test" for name in ("anna", "ola", "tom", "nina", "ada", "max")}
POLISH = {"anna@worker.test", "ada@worker.test"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- a real mail server -------------------------------------------------------------


class MailSink:
    """aiosmtpd's controller on loopback; keeps every mail it accepts. It may refuse
    an address (550), defer the next few mails (451), or hold one mail after its data
    arrived, before answering, as a server does that a client loses mid-mail."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.mails: list[EmailMessage] = []
        self.refuse: set[str] = set()
        self.defer = 0
        self.hold = threading.Event()  # set: hold the next mail until `release` is set
        self.holding = threading.Event()
        self.release = threading.Event()
        self.controller: Controller | None = None

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if self.defer:
            self.defer -= 1
            return "451 4.3.0 try again later"
        self.mails.append(message)
        if self.hold.is_set():
            self.hold.clear()
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.mails]


# --- real webhook receivers -----------------------------------------------------------


class HookSink:
    """One HTTP server in a thread; each path is a webhook. A path's answers can be set
    (a list of statuses used in turn, then 200)."""

    def __init__(self) -> None:
        self.posts: dict[str, list[dict[str, Any]]] = {}
        self.answers: dict[str, list[int]] = {}
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                name = self.path.strip("/")
                queue = sink.answers.get(name) or []
                status = queue.pop(0) if queue else 200
                if status == 200:
                    assert self.headers["Content-Type"].startswith("application/json")
                    sink.posts.setdefault(name, []).append(json.loads(body))
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[HookSink]:
    sink = HookSink()
    for name, variable in HOOK_ENV.items():
        monkeypatch.setenv(variable, sink.url(name))
    yield sink
    sink.close()


@pytest.fixture
def mail(smtp_port: int) -> Iterator[MailSink]:
    sink = MailSink(smtp_port)
    yield sink
    sink.release.set()
    sink.stop()


@pytest.fixture
def org_file(tmp_path: Path, smtp_port: int, hooks: HookSink) -> Path:
    text = FIXTURE.read_text(encoding="utf-8").replace("port = 2525", f"port = {smtp_port}")
    path = tmp_path / "delivery-org.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path, org_file: Path) -> Iterator[str]:
    # the webhooks' variables are set (the hooks fixture)
    with database_from(org_file, request.param, tmp_path, "bd_delivery", T0) as made:
        yield made


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


def at(minutes: float) -> Callable[[], datetime]:
    return lambda: T0 + timedelta(minutes=minutes)


def run(db: Database, username: str, command: Callable[..., Any], *args: Any, minutes: float = 0,
        **kwargs: Any) -> Any:
    return run_on_server(db, username, command, *args, at=T0 + timedelta(minutes=minutes), **kwargs)


def new_ticket(db: Database, title: str = "Cannot sign in to the till", minutes: float = 0, **extra: Any) -> Ticket:
    values = {"impact": "medium", "urgency": "medium", **RESET, **extra}
    return run(db, "ada", svc.create, svc.NewTicket(title=title, **values), minutes=minutes)


def worker_pass(db: Database, minutes: float, expected: Expected | None = None) -> Worker:
    worker = Worker(db, at(minutes))
    worker.run_once()
    if expected is not None:
        expected.update(db)
    return worker


def outbox(db: Database) -> list[Notification]:
    with db.read() as session:
        return list(session.scalars(select(Notification).order_by(Notification.created_at, Notification.id)))


class Expected:
    """What should arrive, from the notices in the history: (Message-ID, address) of
    every mail due, and (webhook, event id) of every post due. A post goes to the
    webhooks of the team the ticket has when the notice is handed over, so each pass's
    new notices are looked at right after it."""

    def __init__(self) -> None:
        self.seen: set[uuid.UUID] = set()
        self.mails: set[tuple[str, str]] = set()
        self.posts: set[tuple[str, str]] = set()

    def update(self, db: Database) -> Expected:
        wants_mail = {reference_id("user", name): address for name, address in EMAILS.items() if name != "tom"}
        teams = {reference_id("team", code): code for code in ("DESK", "FIELD", "NET")}
        hook_teams = {"field-slack": {"FIELD"}, "desk-teams": {"DESK"}, "all-json": {"DESK", "FIELD", "NET"}}
        with db.read() as session:
            events = session.execute(
                select(HistoryEvent.id, HistoryEvent.kind, HistoryEvent.field, HistoryEvent.new, HistoryEvent.note,
                       HistoryEvent.notices, Ticket.team_id)
                .join(Ticket, Ticket.id == HistoryEvent.ticket_id).where(carrying())
            ).all()
        for event_id, kind, field, new, note, notices, team_id in events:
            if event_id in self.seen:
                continue
            self.seen.add(event_id)
            for told in carried(kind, field, new, note, notices):
                named = notice_id(event_id, notices, told.reason)
                for person in told.people:
                    address = wants_mail.get(uuid.UUID(person))
                    if address:
                        self.mails.add((f"<{derived_id(named, uuid.UUID(person), 'email')}@worker.test>", address))
                for hook, codes in hook_teams.items():
                    if told.reason in TEAM_REASONS and teams.get(team_id) in codes:
                        self.posts.add((hook, str(named)))
        return self

    def mail_ids(self) -> list[str]:
        return sorted(mid for mid, _ in self.mails)


def received_posts(hooks: HookSink) -> list[tuple[str, str]]:
    """(webhook, event id) of every post received; the event id is read back from the
    JSON payload, and from the ticket number for Slack and Teams (checked separately)."""
    return [("all-json", post["event_id"]) for post in hooks.posts.get("all-json", [])]


# --- tests ------------------------------------------------------------------------------------


def test_each_notice_reaches_each_recipient_once_per_channel(db, mail, hooks):
    mail.start()
    expected = Expected()
    ticket = new_ticket(db)
    for minutes in (21, 46, 61, 241):  # escalation rules: the team, the lead, the next tier, the requester
        worker_pass(db, minutes, expected)
    run(db, "nina", svc.move, ticket.number, "in_progress", minutes=250)
    worker_pass(db, 251, expected)
    worker_pass(db, 300, expected)  # nothing new: nothing sent again

    mails, posts = expected.mails, expected.posts
    assert mails, "the escalation rules tell people who have mail"
    got = [(str(m["Message-ID"]), str(m["To"]).split("<")[-1].rstrip(">")) for m in mail.mails]
    assert sorted(got) == sorted(mails)  # each once, to the right address
    assert "tom@worker.test" not in {address for _, address in got}  # he wants no mail
    for message in mail.mails:
        address = str(message["To"]).split("<")[-1].rstrip(">")
        assert f"[{ticket.number}] Cannot sign in to the till" in str(message["Subject"])
        assert str(message["References"]) == str(message["In-Reply-To"]) == f"<ticket-{ticket.id}@worker.test>"
        assert str(message["Reply-To"]) == "help@worker.test"
        assert message.get_content_type() == "multipart/alternative"
        plain = message.get_body(("plain",))
        rich = message.get_body(("html",))
        assert plain is not None and rich is not None
        text, markup = plain.get_content(), rich.get_content()
        assert ticket.number in text and ticket.number in markup and "PL-POZ-001" in text
        if address in POLISH:
            assert str(message["Content-Language"]) == "pl"
            assert "Dzień dobry" in text and "Priorytet" in text and "help@worker.test" in text
        else:
            assert str(message["Content-Language"]) == "en"
            assert "Hello" in text and "Priority" in text and "help@worker.test" in text

    assert sorted(received_posts(hooks)) == sorted((h, e) for h, e in posts if h == "all-json")
    for name in ("field-slack", "desk-teams"):
        assert len(hooks.posts.get(name, [])) == len([1 for h, _ in posts if h == name])
    for post in hooks.posts.get("field-slack", []):
        assert ticket.number in post["text"] and post["blocks"][0]["type"] == "header"
        assert any(f.get("text", "").startswith("*Priority*") for b in post["blocks"] for f in b.get("fields", []))
    for post in hooks.posts.get("desk-teams", []):
        card = post["attachments"][0]
        assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
        assert card["content"]["type"] == "AdaptiveCard" and ticket.number in card["content"]["body"][0]["text"]
    assert hooks.posts.get("desk-teams") and hooks.posts.get("field-slack")  # the ticket passed both teams
    for post in hooks.posts["all-json"]:
        assert post["ticket"]["number"] == ticket.number and post["ticket"]["site"] == "PL-POZ-001"
    assert {row.state for row in outbox(db)} == {"sent"}


def test_a_mail_server_down_for_a_while_delays_mail_and_loses_none(db, mail, hooks):
    expected = Expected()
    first = new_ticket(db, "Till 1 frozen")
    worker = worker_pass(db, 21, expected)  # the desk's OLA: the team is told; no mail server yet
    assert worker.delivered is not None and "email" in worker.delivered.resting
    waiting = [row for row in outbox(db) if row.channel == "email"]
    assert waiting and {(row.state, row.attempts) for row in waiting} == {("queued", 0)}  # no attempt counted
    worker_pass(db, 30)
    assert mail.mails == []

    mail.start()
    mail.defer = 1  # the first mail is deferred (451): it is tried again after a minute
    worker = worker_pass(db, 40)
    assert worker.delivered is not None and worker.delivered.retried == 1
    worker_pass(db, 40.5)  # too soon for the deferred one
    deferred = [row for row in outbox(db) if row.state == "queued"]
    assert len(deferred) == 1 and deferred[0].attempts == 1 and "451" in (deferred[0].error or "")
    worker_pass(db, 41)

    mail.stop()  # down again; a second ticket's mail waits
    second = new_ticket(db, "Till 2 frozen", minutes=42)
    worker_pass(db, 63)
    worker_pass(db, 70)
    mail.start()
    worker_pass(db, 80)
    worker_pass(db, 200)

    assert sorted(mail.ids()) == expected.update(db).mail_ids()  # every mail, each once
    assert {m["X-Branchdesk-Ticket"] for m in mail.mails} == {first.number, second.number}
    assert {row.state for row in outbox(db)} == {"sent"}


def test_a_worker_stopped_while_sending_doubles_nothing(url, db, mail, hooks, org_file):
    mail.start()
    new_ticket(db, "Till 3 frozen")
    mail.hold.set()  # the first mail arrives, and the answer never comes: the worker dies waiting
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    worker = subprocess.Popen(
        [str(BIN / "branchdesk-server"), "--database-url", url, "worker", "--once", "--now",
         (T0 + timedelta(minutes=21)).strftime("%Y-%m-%dT%H:%M:%SZ")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        if not mail.holding.wait(120):
            pytest.fail(f"no mail arrived; worker exit status {worker.poll()}")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
    mail.release.set()
    stuck = [row for row in outbox(db) if row.state == "sending"]
    assert len(stuck) == 1 and stuck[0].attempts == 1
    held = mail.ids()
    assert held == [f"<{stuck[0].id}@worker.test>"]  # it did arrive; the worker never heard so

    worker_pass(db, 22)  # the other mails go; the interrupted one is left alone for now
    worker_pass(db, 25)
    assert [row.state for row in outbox(db) if row.id == stuck[0].id] == ["sending"]
    worker_pass(db, 21 + 11)  # past the grace period: given up, not sent again
    row = next(row for row in outbox(db) if row.id == stuck[0].id)
    assert (row.state, row.error) == ("failed", INTERRUPTED)
    worker_pass(db, 500)
    assert len(mail.ids()) == len(set(mail.ids()))  # nothing twice
    assert sorted(mail.ids()) == Expected().update(db).mail_ids()  # and everything once


def test_failures_are_kept_with_their_reasons_and_listed(url, db, mail, hooks, capsys):
    mail.start()
    mail.refuse.add("max@worker.test")  # 550: refused for good at once
    hooks.answers["desk-teams"] = [400]  # a bad request: failed at once
    hooks.answers["all-json"] = [503] * 1000  # down for good: retried, then given up
    new_ticket(db, "Till 4 frozen")
    minutes = 21.0
    worker_pass(db, minutes)
    for _ in range(MAX_ATTEMPTS + 2):
        minutes += 61  # past the longest pause
        worker_pass(db, minutes)
    rows = outbox(db)
    failed = {(row.channel, row.target, row.user_id): row for row in rows if row.state == "failed"}
    refused = failed[("email", None, reference_id("user", "max"))]
    assert refused.attempts == 1 and "550" in (refused.error or "")
    assert failed[("webhook", "desk-teams", None)].attempts == 1
    given_up = [row for row in rows if row.target == "all-json" and row.created_at == T0 + timedelta(minutes=21)]
    assert given_up and all(row.state == "failed" and row.attempts == MAX_ATTEMPTS for row in given_up)
    assert all(f"gave up after {MAX_ATTEMPTS} attempts" in (row.error or "") for row in given_up)
    assert "ada@worker.test" in [str(m["To"]).split("<")[-1].rstrip(">") for m in mail.mails]

    capsys.readouterr()
    assert cli.run(["--database-url", url, "notifications", "--failed"]) == 0
    listed = capsys.readouterr().out
    assert "550" in listed and "email max" in listed
    assert "webhook desk-teams" in listed and "400" in listed
    assert f"gave up after {MAX_ATTEMPTS} attempts" in listed and "503" in listed
    assert "email ada" not in listed  # delivered ones are not failures
    assert cli.run(["--database-url", url, "notifications", "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


def test_two_deliveries_at_once_take_each_row_once(db, mail, hooks):
    mail.start()
    new_ticket(db, "Till 5 frozen")
    worker = Worker(db, at(21))
    worker.run_once()
    assert {row.state for row in outbox(db)} == {"sent"}
    sent_once = list(mail.ids())
    # a second delivery with the same rows in hand finds them taken and sends nothing
    with db.read() as session:
        spec = worker._reference(session).spec
    again = Delivery(db, spec, T0 + timedelta(minutes=21))
    for row in outbox(db):
        assert again.take(row.id) is None
    assert mail.ids() == sent_once


def test_init_refuses_a_webhook_whose_variable_is_not_set(org_file, monkeypatch):
    from core.orgfile import OrgFileError

    monkeypatch.delenv("BD_TEST_HOOK_TEAMS")
    with pytest.raises(OrgFileError) as refused:
        read_org(str(org_file))
    assert refused.value.problems == [
        "channels.webhook[1].url_env: the environment variable BD_TEST_HOOK_TEAMS is not set "
        "(it holds the address of webhook 'desk-teams')"]


def test_waiting_is_quick_when_nothing_listens(db, hooks):
    """The mail server's port closed: a pass is not held up, and nothing is charged."""
    new_ticket(db, "Till 6 frozen")
    started = time.monotonic()
    worker_pass(db, 21)
    assert time.monotonic() - started < 30
    assert all(row.attempts == 0 for row in outbox(db) if row.channel == "email")
