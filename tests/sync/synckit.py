"""Helpers of the sync tests (a module of its own name, so pytest imports it once).

In-process: the server is the FastAPI app behind starlette's TestClient, and each
client is a real store on disk with a real SyncClient whose HTTP goes through a
small requests-like adapter (`Routed`) into that TestClient. Out of process: real
`branchdesk-server serve` and `branchdesk` processes, and a loopback proxy that can
hold an answer back so that a client can be killed while it waits for it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.schema import sort_tables

from core.errors import BranchdeskError
from core.invariants import store_problems
from core.lifecycle import STATUS_UNIT
from core.models import Base, ChangeEntry, Conflict, HistoryEvent, Ticket
from core.models.tickets import version_of
from core.reference import UserInfo, load_reference, reference_for
from core.scope import can_see
from core.services import tickets as svc
from core.services.conflicts import acknowledge
from core.sla.figures import reports
from core.store import Store
from core.uow import unit_of_work
from server.app import create_app
from server.config import Settings
from server.db import Database
from server.models import ServerBase
from sync.apply import EARLIEST_WINS
from sync.client import SyncClient
from sync.models import SyncBase, SyncEntry
from sync.protocol import EntryResult, PullResponse
from sync.records import MODELS, columns, row_to_dict, uuid_or_none
from sync.replica import apply_pull
from tests.support.databases import PG_URL, cheap_hashing, pg_schema  # noqa: F401 (the sync tests take them from here)

ROOT = Path(__file__).resolve().parents[2]
SMALL_ORG = ROOT / "tests" / "fixtures" / "small-org.toml"
BIN = Path(sys.executable).parent
BASE = "http://testserver"
STARTUP_LIMIT = 90  # seconds a process may take to come up before a test gives up on it
PASSWORDS = {
    "anna": "pw-anna", "ola": "pw-ola", "vip": "pw-vip-1", "tom": "pw-tom-1", "nina": "pw-nina-1",
    "ada": "pw-ada", "max": "pw-max-1", "root": "pw-root-1",
}
KINDS = tuple(MODELS)  # ticket, comment, attachment, worklog, link, history, conflict


def org_text() -> str:
    """small-org.toml with a password for every person, so that each can sign in."""
    source = SMALL_ORG.read_text(encoding="utf-8")
    for user, password in PASSWORDS.items():
        line = f'username = "{user}"\n'
        if f'password = "{password}"' not in source:
            source = source.replace(line, f'{line}password = "{password}"\n', 1)
    return source


# -- databases ------------------------------------------------------------------

ALL_TABLES = sort_tables([*Base.metadata.tables.values(), *ServerBase.metadata.tables.values(),
                          *SyncBase.metadata.tables.values()])


def reset_database(url: str, org_file: Path) -> None:
    """Empty every table of a migrated database and import the organisation afresh."""
    from server.accounts import import_organisation
    from server.migrate import VERSION_TABLE, head_revision
    from server.setup import read_org

    database = Database(url)
    try:
        with database.write() as session:
            for table in reversed(ALL_TABLES):
                session.execute(table.delete())
            session.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = :head"), {"head": head_revision()})
        spec, source = read_org(str(org_file))
        with cheap_hashing(), database.write() as session:
            import_organisation(session, spec, source, datetime.now(UTC).replace(microsecond=0))
    finally:
        database.dispose()


def init_database(url: str, org_file: Path) -> None:
    from server.setup import init_database as init
    from server.setup import read_org

    spec, source = read_org(str(org_file))
    with cheap_hashing():
        init(url, spec, source, datetime.now(UTC).replace(microsecond=0))


# -- time -------------------------------------------------------------------------

class ShiftedClock:
    """The server's clock: real time moved by a shift that tests advance, so that
    simulated hours pass while time still only ever goes forward."""

    def __init__(self, shift: timedelta = timedelta(0)) -> None:
        self.shift = shift

    def __call__(self) -> datetime:
        return (datetime.now(UTC) + self.shift).replace(microsecond=0)

    def advance(self, **kwargs: float) -> None:
        self.shift += timedelta(**kwargs)


# -- in-process HTTP ------------------------------------------------------------------

class Dropped(requests.ConnectionError):
    """The server answered, but the answer never reached the client."""


@dataclass
class PushRecord:
    body: str
    headers: dict[str, str]
    answer: dict[str, Any] | None


class Streamed:
    """A TestClient answer as SyncClient reads a streamed one (requests' iter_content)."""

    def __init__(self, answer: httpx.Response) -> None:
        self.answer = answer
        self.status_code = answer.status_code
        self.headers = answer.headers

    def iter_content(self, chunk_size: int) -> Iterator[bytes]:
        body = self.answer.content  # (httpx has taken the gzip off)
        for start in range(0, len(body), chunk_size):
            yield body[start: start + chunk_size]

    def json(self) -> Any:
        return self.answer.json()

    def close(self) -> None:
        self.answer.close()


class Routed:
    """What SyncClient needs of a requests.Session, routed into a TestClient.

    `drop_pushes` makes the next pushes reach the server and lose the answer on the
    way back; `repeat_pushes` sends the next pushes twice (the client sees the second
    answer). Every push sent is kept in `pushes`, to be replayed later."""

    def __init__(self, http: TestClient) -> None:
        self.http = http
        self.headers: dict[str, str] = {}
        self.drop_pushes = 0
        self.repeat_pushes = 0
        self.pushes: list[PushRecord] = []

    def request(self, method: str, url: str, *, timeout: Any = None, data: Any = None,
                headers: dict[str, str] | None = None, params: dict[str, Any] | None = None,
                stream: bool = False) -> Any:
        sent = {**self.headers, **(headers or {})}
        answer = self.http.request(method, url, content=data, headers=sent, params=params)
        if stream:
            return Streamed(answer)
        if method == "POST" and url.endswith("/sync/push"):
            record = PushRecord(data, sent, answer.json() if answer.status_code == 200 else None)
            self.pushes.append(record)
            if self.repeat_pushes:
                self.repeat_pushes -= 1
                answer = self.http.request(method, url, content=data, headers=sent, params=params)
            if self.drop_pushes:
                self.drop_pushes -= 1
                raise Dropped("the answer was lost on the way back")
        return answer

    def replay(self, record: PushRecord) -> Any:
        return self.http.request("POST", f"{BASE}/sync/push", content=record.body, headers=record.headers)


# -- replicas --------------------------------------------------------------------------

def reset_identity(path: Path) -> None:
    """A copied store is a new installation: a client id and device code of its own."""
    from core.store import new_device_code

    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'client_id'", (str(uuid.uuid4()),))
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'device_code'", (new_device_code(),))


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file, write-ahead log included (SQLite's backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@dataclass
class Replica:
    name: str
    username: str
    store: Store
    client: SyncClient
    http: Any

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def user(self) -> UserInfo:
        with self.store.read() as session:
            return reference_for(self.store, session).user(self.username)

    def run(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A service command as this person, in one unit of work (as the command line runs it)."""
        with unit_of_work(self.store) as uow:
            return command(uow, uow.ref.user(self.username), *args, **kwargs)

    def attempt(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """The command if the person may do it here and now; False (and nothing written) if not."""
        try:
            self.run(command, *args, **kwargs)
        except BranchdeskError:
            return False
        return True

    def sync(self) -> Any:
        return self.client.sync()

    def pull_page(self, limit: int) -> PullResponse:
        """One page of pull, applied as SyncClient applies each page."""
        cursor = int(self.store.meta("sync_cursor") or 0)
        answer = self.client._call("GET", "/sync/pull", params={"cursor": cursor, "limit": limit, "wait": 0,
                                                                "client": str(self.store.client_id)})
        assert answer.status_code == 200, answer.text
        page = PullResponse.model_validate_json(answer.content)
        apply_pull(self.store, page)
        return page

    def numbers(self) -> list[str]:
        with self.store.read() as session:
            return list(session.scalars(select(Ticket.number).order_by(Ticket.number)))

    def ticket(self, number: str) -> Ticket | None:
        with self.store.read() as session:
            return session.scalar(select(Ticket).where(Ticket.number == number))

    def entries(self) -> list[ChangeEntry]:
        with self.store.read() as session:
            return list(session.scalars(select(ChangeEntry).order_by(ChangeEntry.seq)))

    def pending(self) -> int:
        return self.client.pending()

    def open_conflicts(self) -> list[Conflict]:
        with self.store.read() as session:
            return list(session.scalars(
                select(Conflict).where(Conflict.acknowledged_at.is_(None)).order_by(Conflict.id)))

    def state(self) -> dict[str, dict[str, dict[str, Any]]]:
        return store_state(self.store)


def store_state(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    with store.read() as session:
        return {kind: {str(r.id): row_to_dict(kind, r) for r in session.execute(select(*columns(kind)))}
                for kind in KINDS}


class Replicas:
    """A server and the replicas signed in to it; how each talks to the server is the subclass's."""

    base = BASE

    def __init__(self, url: str, root: Path, clock: Callable[[], datetime], template: Path | None) -> None:
        self.url = url
        self.root = root
        self.clock = clock
        self.db = Database(url)
        self.replicas: list[Replica] = []
        self.template = template

    def close(self) -> None:
        for replica in self.replicas:
            replica.store.close()
        self.db.dispose()

    def token(self, username: str) -> str:
        raise NotImplementedError

    def session(self) -> Any:
        raise NotImplementedError

    def replica(self, username: str, name: str | None = None, *, first_sync: bool = True,
                base: str | None = None, keyring_file: Path | None = None) -> Replica:
        """A store signed in as `username`, as `branchdesk login` leaves it: to the
        server at `base` (this one's by default), with its token in `keyring_file` (the
        test keyring that `branchdesk` processes read) when one is named."""
        name = name or username
        base = base or self.base
        path = self.root / name / "branchdesk.sqlite3"
        fresh = self.template is None or not self.template.exists()
        if not fresh:
            assert self.template is not None
            sqlite_copy(self.template, path)
            reset_identity(path)
        store = Store.open(path, create=True)
        http = self.session()
        token = self.token(username)
        client = SyncClient(store, base, token, http=http)
        user = self.user(username)
        store_key = str(uuid.uuid4())
        if keyring_file is not None:
            save_in_keyring(keyring_file, base, username, store_key, token)
        with store.write() as session:
            store.set_meta(session, "token_key", store_key)
            store.set_meta(session, "mode", "server")
            store.set_meta(session, "server_url", base)
            store.set_meta(session, "signed_in_user", username)
            site = self.site_code(user.site_id)
            if site:
                store.set_meta(session, "home_site", site)
        if fresh:
            client.fetch_reference()
            if self.template is not None:
                sqlite_copy(path, self.template)
        replica = Replica(name, username, store, client, http)
        self.replicas.append(replica)
        if first_sync:
            replica.sync()
        return replica

    def user(self, username: str) -> UserInfo:
        with self.db.read() as session:
            return load_reference(session).user(username)

    def site_code(self, site_id: uuid.UUID | None) -> str | None:
        if site_id is None:
            return None
        with self.db.read() as session:
            return load_reference(session).site_code_of(site_id)

    def settle(self, replicas: list[Replica] | None = None, rounds: int = 12) -> None:
        settle(replicas or self.replicas, rounds)

    def check(self, replicas: list[Replica] | None = None) -> None:
        replicas = replicas or self.replicas
        assert_converged(self.db, replicas)
        assert_invariants(self.db, replicas, self.clock())
        assert_sla_equal(self.db, replicas, self.clock())
        assert_fates(self.db, replicas)


class Cluster(Replicas):
    """The server in process (the app behind a TestClient) and the replicas signed in to it."""

    def __init__(self, url: str, root: Path, clock: Callable[[], datetime] | None = None,
                 template: Path | None = None) -> None:
        super().__init__(url, root, clock or ShiftedClock(), template)
        # sessions outlive the hours and days the tests make pass
        settings = Settings(database_url=url, session_ttl=timedelta(days=3650))
        self.app = create_app(settings, database=self.db, clock=self.clock)
        self.http = TestClient(self.app, base_url=BASE)
        self.http.__enter__()

    def close(self) -> None:
        super().close()
        self.http.__exit__(None, None, None)

    def token(self, username: str) -> str:
        answer = self.http.post("/auth/login", json={"username": username, "password": PASSWORDS[username]})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["token"])

    def session(self) -> Routed:
        return Routed(self.http)


class RecordingSession(requests.Session):
    """A requests.Session (with SyncClient's retries) that keeps every push it sends
    and can lose the answers of the next `drop_pushes`."""

    def __init__(self) -> None:
        super().__init__()
        from sync.client import http_session

        template = http_session(retries=2)
        self.adapters = template.adapters
        self.pushes: list[PushRecord] = []
        self.drop_pushes = 0

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        answer = super().request(method, url, *args, **kwargs)
        if method == "POST" and str(url).endswith("/sync/push"):
            sent = {**self.headers, **(kwargs.get("headers") or {})}
            self.pushes.append(PushRecord(kwargs.get("data"), {k: str(v) for k, v in sent.items()},
                                          answer.json() if answer.status_code == 200 else None))
            if self.drop_pushes:
                self.drop_pushes -= 1
                raise Dropped("the answer was lost on the way back")
        return answer

    def replay(self, record: PushRecord, base: str) -> requests.Response:
        return requests.post(f"{base}/sync/push", data=record.body, headers=record.headers, timeout=60)


class Remote(Replicas):
    """A real server process (or several on one database) and replicas that talk HTTP to it."""

    def __init__(self, url: str, base: str, root: Path, template: Path | None = None) -> None:
        super().__init__(url, root, ShiftedClock(), template)
        self.base = base

    def token(self, username: str) -> str:
        answer = requests.post(f"{self.base}/auth/login", timeout=60,
                               json={"username": username, "password": PASSWORDS[username]})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["token"])

    def session(self) -> RecordingSession:
        return RecordingSession()


def save_in_keyring(keyring_file: Path, server: str, username: str, store_key: str, token: str) -> None:
    """What `branchdesk login` leaves in the test keyring (tests.support.keyring_file)."""
    from sync.credentials import SERVICE, token_key

    data = json.loads(keyring_file.read_text()) if keyring_file.exists() else {}
    data[f"{SERVICE}\x00{token_key(server, username, store_key)}"] = token
    keyring_file.write_text(json.dumps(data))


def do_work(replica: Replica, action: tuple[Any, ...], titles: Iterator[int]) -> None:
    """One piece of offline work by a replica's person, described as the convergence
    tests draw it; work the person may not do (here and now) changes nothing."""
    what, *args = action
    staff = replica.username in STAFF
    if what == "create":
        category, impact, urgency, requester = args
        command = svc.NewTicket(title=f"Problem {next(titles)}", category=category, impact=impact,
                                urgency=urgency, fields=dict(CATEGORIES[category]),
                                requester=(requester or "anna") if staff else None)
        replica.attempt(svc.create, command)
        return
    if what == "auto_close":
        with contextlib.suppress(BranchdeskError), unit_of_work(replica.store) as uow:
            svc.close_expired(uow)
        return
    if what == "acknowledge":
        conflicts = replica.open_conflicts()
        if conflicts:
            replica.attempt(acknowledge, conflicts[args[0] % len(conflicts)].id.hex)
        return
    numbers = replica.numbers()
    if not numbers:
        return
    number = numbers[args[0] % len(numbers)]
    if what == "edit":
        _, title, impact, description = args
        change = svc.TicketEdit(title=f"Renamed {next(titles)}" if title else None, impact=impact,
                                description=description)
        replica.attempt(svc.edit, number, change)
    elif what == "assign":
        replica.attempt(svc.assign, number, **args[1])
    elif what == "move":
        status, extra = args[1]
        replica.attempt(svc.move, number, status, **extra)
    elif what == "comment":
        replica.attempt(svc.comment, number, f"note {next(titles)}", internal=args[1] and staff)
    elif what == "log_work":
        replica.attempt(svc.log_work, number, args[1], "worked")
    elif what == "task":
        replica.attempt(svc.create, svc.NewTicket(title=f"Task {next(titles)}", category=args[1], impact="low",
                                                  urgency="low", type="task", parent=number,
                                                  fields=dict(CATEGORIES[args[1]])))
    elif what == "link":
        replica.attempt(svc.link, number, numbers[args[1] % len(numbers)], args[2])


STAFF = ("tom", "nina", "ada")
CATEGORIES: dict[str, dict[str, str]] = {
    "Hardware/POS terminal": {"terminal_id": "T-7"},
    "Network/Router": {},
    "Access/Password reset": {},
    "Security/Suspicious activity": {},
}
ASSIGNMENTS = (
    {"team": "DESK"}, {"team": "FIELD"}, {"team": "NET"}, {"to": "tom"}, {"to": "nina"}, {"to": "ada"},
    {"team": "NET", "to": "nina"}, {"team": "FIELD", "to": "tom"},
)
MOVES = (
    ("in_progress", {}), ("pending", {"reason": "customer"}), ("pending", {"reason": "supplier", "supplier": "POSCO"}),
    ("resolved", {"code": "fixed", "note": "done"}), ("closed", {}), ("cancelled", {}),
)
LEVELS = ("high", "medium", "low")
LINKS = ("relates", "duplicates", "follows_up", "caused_by")


def random_action(rng: random.Random) -> tuple[Any, ...]:
    """A piece of work drawn with `rng` (for the tests whose threads race, where
    hypothesis cannot draw)."""
    pick = rng.randrange(10_000)
    return rng.choice([
        ("create", rng.choice(sorted(CATEGORIES)), rng.choice(LEVELS), rng.choice(LEVELS), rng.choice(("anna", "ola"))),
        ("edit", pick, rng.random() < 0.5, rng.choice((None, *LEVELS)), rng.choice((None, "", "seen twice"))),
        ("assign", pick, rng.choice(ASSIGNMENTS)),
        ("move", pick, rng.choice(MOVES)),
        ("comment", pick, rng.random() < 0.3),
        ("log_work", pick, rng.randint(1, 240)),
        ("acknowledge", pick),
        ("task", pick, rng.choice(sorted(CATEGORIES))),
        ("link", pick, rng.randrange(10_000), rng.choice(LINKS)),
    ])


def settle(replicas: list[Replica], rounds: int = 12) -> None:
    """Sync every replica in turn until a whole round moves nothing either way."""
    for _ in range(rounds):
        moved = 0
        for replica in replicas:
            summary = replica.sync()
            moved += summary.pushed + summary.pulled
        if not moved:
            return
    raise AssertionError(f"the replicas did not settle in {rounds} rounds of sync")


# -- what a replica must hold ---------------------------------------------------------

def visible(user: UserInfo, ticket: dict[str, Any]) -> bool:
    return can_see(user, uuid_or_none(ticket["site_id"]), uuid_or_none(ticket["team_id"]),  # type: ignore[arg-type]
                   uuid_or_none(ticket["assignee_id"]))


def child_visible(user: UserInfo, kind: str, row: dict[str, Any]) -> bool:
    """Requesters see public comments, attachments, history, links and conflicts; staff see everything."""
    if user.role != "requester":
        return True
    if kind == "comment":
        return bool(row["public"])
    return kind in ("history", "link", "conflict", "attachment", "article_link", "rating")


def server_state(db: Database) -> dict[str, dict[str, dict[str, Any]]]:
    with db.read() as session:
        return {kind: {str(r.id): row_to_dict(kind, r) for r in session.execute(select(*columns(kind)))}
                for kind in KINDS}


def expected_state(full: dict[str, dict[str, dict[str, Any]]], user: UserInfo) -> dict[str, dict[str, dict[str, Any]]]:
    """What a replica of `user` must hold of the server's state: the tickets in scope,
    with what hangs off them that the user may see."""
    tickets = {i: dict(t) for i, t in full["ticket"].items() if visible(user, t)}
    for ticket in tickets.values():
        if ticket["parent_id"] is not None and ticket["parent_id"] not in tickets:
            ticket["parent_id"] = None
    result: dict[str, dict[str, dict[str, Any]]] = {"ticket": tickets}
    # articles hang on no ticket: published ones for everyone, drafts for support staff
    result["article"] = {i: r for i, r in full["article"].items()
                         if r["status"] == "published" or user.role != "requester"}
    for kind in KINDS:
        if kind in ("ticket", "article"):
            continue
        result[kind] = {
            i: r for i, r in full[kind].items()
            if r["ticket_id"] in tickets and child_visible(user, kind, r)
            and (kind != "link" or r["other_id"] in tickets)
        }
    return result


def describe_difference(kind: str, want: dict[str, dict[str, Any]], got: dict[str, dict[str, Any]]) -> str:
    lines = []
    for key in sorted(set(want) - set(got))[:5]:
        lines.append(f"  missing {kind} {key}: {want[key]}")
    for key in sorted(set(got) - set(want))[:5]:
        lines.append(f"  extra {kind} {key}: {got[key]}")
    for key in sorted(set(want) & set(got)):
        if want[key] != got[key]:
            fields = {f: (want[key].get(f), got[key].get(f)) for f in want[key] if want[key].get(f) != got[key].get(f)}
            lines.append(f"  {kind} {key} differs (server, replica): {fields}")
            if len(lines) > 12:
                break
    return "\n".join(lines)


def assert_converged(db: Database, replicas: list[Replica]) -> None:
    full = server_state(db)
    problems = []
    for replica in replicas:
        want = expected_state(full, replica.user())
        got = replica.state()
        for kind in KINDS:
            if want[kind] != got[kind]:
                problems.append(f"{replica.name} ({replica.username}) {kind}:\n"
                                f"{describe_difference(kind, want[kind], got[kind])}")
    assert not problems, "replicas differ from the server:\n" + "\n".join(problems)


def assert_invariants(db: Database, replicas: list[Replica], now: datetime) -> None:
    """Every ticket on the server and on every replica satisfies every rule a local
    command keeps (core.invariants), whatever merged into it."""
    problems = []
    with db.read() as session:
        for number, broken in store_problems(session, load_reference(session), now).items():
            problems.append(f"server {number}: {'; '.join(broken)}")
    for replica in replicas:
        with replica.store.read() as session:
            found = store_problems(session, reference_for(replica.store, session), now)
        for number, broken in found.items():
            problems.append(f"{replica.name} {number}: {'; '.join(broken)}")
    assert not problems, "tickets break the rules:\n" + "\n".join(problems)


def assert_sla_equal(db: Database, replicas: list[Replica], now: datetime) -> None:
    """Every replica computes the server's SLA figures, with the same now, for each ticket it holds."""
    with db.read() as session:
        ref = load_reference(session)
        ids = list(session.scalars(select(Ticket.id)))
        on_server = reports(session, ref, ids, now)
    for replica in replicas:
        with replica.store.read() as session:
            ref = reference_for(replica.store, session)
            mine = list(session.scalars(select(Ticket.id)))
            computed = reports(session, ref, mine, now)
        for ticket_id in mine:
            assert computed[ticket_id] == on_server[ticket_id], (
                f"{replica.name}: SLA of ticket {ticket_id} differs:\n{computed[ticket_id]}\n{on_server[ticket_id]}")


def assert_fates(db: Database, replicas: list[Replica]) -> None:
    """Every change each replica made was answered, and is either in the server's
    state (applied, or knowingly replaced by a later change based on it), or shown to
    its author: rejected in their change log, or overridden in a conflict record."""
    entries: dict[str, tuple[Replica, ChangeEntry]] = {}
    for replica in replicas:
        for entry in replica.entries():
            entries[str(entry.id)] = (replica, entry)
    with db.read() as session:
        answered: dict[str, list[str]] = {}
        for entry_id, outcome in session.execute(select(SyncEntry.entry_id, SyncEntry.outcome)):
            answered.setdefault(str(entry_id), []).append(outcome)
        tickets = {str(t.id): t for t in session.scalars(select(Ticket))}
        lost = {(str(c.lost_entry_id), c.field) for c in session.scalars(select(Conflict))}
        acknowledged = {str(c.id) for c in session.scalars(select(Conflict).where(Conflict.acknowledged_at.isnot(None)))}
        children = {kind: set(str(i) for i in session.scalars(select(MODELS[kind].id)))
                    for kind in ("comment", "attachment", "worklog", "link")}
    problems: list[str] = []
    for entry_id, (replica, entry) in entries.items():
        where = f"{replica.name} entry {entry.seq} ({entry.kind} {entry.op} {entry.data})"
        if entry.state == "pending":
            problems.append(f"{where} is still pending")
            continue
        if entry.state not in (answered.get(entry_id) or []):
            problems.append(f"{where} is {entry.state} here, the server answered {answered.get(entry_id)}")
        if entry.state == "rejected":
            if not entry.answer:
                problems.append(f"{where} was rejected without a reason")
            continue
        if entry.kind == "ticket" and entry.op == "create":
            if entry_id and str(entry.record_id) not in tickets:
                problems.append(f"{where} applied, but the server has no such ticket")
        elif entry.kind in children:
            if str(entry.record_id) not in children[entry.kind]:
                problems.append(f"{where} applied, but the server has no such {entry.kind}")
        elif entry.kind == "conflict":
            if str(entry.record_id) not in acknowledged:
                problems.append(f"{where} applied, but the conflict is not acknowledged on the server")
        elif entry.kind == "sla_event":
            pass  # an automatic action; its event's id is the same on every replica that computes it
        elif entry.kind == "ticket" and entry.op == "update":
            ticket = tickets[str(entry.record_id)]
            for name, value in entry.data.items():
                if _kept_or_shown(ticket, name, value, entry_id, entries, lost):
                    continue
                problems.append(f"{where}: {name}={value!r} is neither on the server "
                                f"({row_to_dict('ticket', ticket)[name]!r}) nor in a conflict record\n"
                                + _field_story(db, ticket, name, entries))
    assert not problems, "changes lost without a word:\n" + "\n".join(problems[:20])


def _field_story(db: Database, ticket: Ticket, name: str, entries: dict[str, tuple[Replica, ChangeEntry]]) -> str:
    """The changes of one field as the server applied them, to explain a failure."""
    from core.field_events import changes, event_ids, sets

    by_event = {event_id: (r, e) for r, e in entries.values() for event_id in event_ids(e.id, [name])}
    lines = [f"    versions[{name}] = {version_of(ticket.versions, name)}"]
    with db.read() as session:
        events = session.scalars(select(HistoryEvent).where(HistoryEvent.ticket_id == ticket.id, sets(name)))
        for event in events:
            replica, entry = by_event.get(event.id, (None, None))
            old, new = next((o, n) for f, o, n in changes(event.field, event.old, event.new) if f == name)
            lines.append(f"    {event.occurred_at} {old} -> {new} by {replica.name if replica else '?'}"
                         f" entry {entry.id if entry else '?'} {entry.state if entry else ''}"
                         f" base {entry.base.get(name) if entry else ''}")
    return "\n".join(lines)


def _kept_or_shown(ticket: Ticket, name: str, value: Any, entry_id: str,
                   entries: dict[str, tuple[Replica, ChangeEntry]], lost: set[tuple[str, str]],
                   seen: frozenset[str] = frozenset()) -> bool:
    if row_to_dict("ticket", ticket)[name] == value or (entry_id, name) in lost:
        return True
    if name in STATUS_UNIT and (entry_id, "status") in lost:
        return True  # the fields that go with a status went with it, told by its conflict
    kept = row_to_dict("ticket", ticket)[name]
    if name in EARLIEST_WINS and kept is not None and value is not None and kept <= value:
        return True  # an earlier first response was kept, as the merge rule says
    # Walk back from the field's current version along the versions each change was
    # based on: meeting this change (or its very value) means a later change replaced
    # it knowingly; not meeting it means it was overridden, which needs a conflict record.
    version = version_of(ticket.versions, name)
    walked: set[str] = set()
    while version is not None and version not in walked:
        walked.add(version)
        if version == entry_id:
            return True
        found = entries.get(version)
        if found is None:
            break
        later = found[1]
        if later.data.get(name, object()) == value:
            return True
        version = later.base.get(name)
    # Or a later change carries it on, and that one was kept, or overridden in plain
    # sight: one made on top of this one (knowing it), or one made beside it, on the
    # same base, with the same value (the server keeps either; the values agree, so
    # there is no conflict to record).
    seen = seen | {entry_id}
    base = entries[entry_id][1].base.get(name) if entry_id in entries else None
    return any(
        _kept_or_shown(ticket, name, later.data[name], str(later.id), entries, lost, seen)
        for _replica, later in entries.values()
        if later.record_id == ticket.id and later.state != "rejected" and name in later.data
        and str(later.id) not in seen
        and (later.base.get(name) == entry_id or (later.data[name] == value and later.base.get(name) == base))
    )


# -- the state of the server's bookkeeping ----------------------------------------------

def counts(db: Database) -> dict[str, int]:
    from sqlalchemy import func

    with db.read() as session:
        result = {kind: session.scalar(select(func.count()).select_from(MODELS[kind])) or 0 for kind in KINDS}
        result["sync_entries"] = session.scalar(select(func.count()).select_from(SyncEntry)) or 0
        return result


def results_of(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return [EntryResult.model_validate(r).model_dump(mode="json") for r in answer["results"]]


# -- processes ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def process_env(keyring_file: Path, backend: str = "tests.support.keyring_file.FileKeyring") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_") and k != "PYTHON_KEYRING_BACKEND"}
    env.update(PYTHON_KEYRING_BACKEND=backend, BRANCHDESK_TEST_KEYRING=str(keyring_file), PYTHONPATH=str(ROOT))
    return env


class ServerProcess:
    """`branchdesk-server serve` on a free loopback port (or the one given)."""

    def __init__(self, url: str, log: Path, port: int | None = None) -> None:
        self.url = url
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
        env["PYTHONPATH"] = str(ROOT)
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--database-url", self.url, "serve", "--port", str(self.port),
             "--log-level", "warning"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
        )
        deadline = time.monotonic() + STARTUP_LIMIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log_path.read_text()}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"the server on port {self.port} did not answer /health")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            self.log.close()
            self.process = None


class Cli:
    """`branchdesk` as a person runs it, in processes of its own."""

    def __init__(self, keyring_file: Path, backend: str = "tests.support.keyring_file.FileKeyring") -> None:
        self.env = process_env(keyring_file, backend)
        self.started: list[subprocess.Popen[bytes]] = []

    def command(self, data_dir: Path, *args: str) -> list[str]:
        return [str(BIN / "branchdesk"), "--data-dir", str(data_dir), *args]

    def run(self, data_dir: Path, *args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(self.command(data_dir, *args), input=stdin, capture_output=True, text=True,
                              env=self.env, cwd=ROOT, timeout=300)
        if check and done.returncode != 0:
            raise AssertionError(f"branchdesk {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
        return done

    def json(self, data_dir: Path, *args: str) -> Any:
        return json.loads(self.run(data_dir, *args, "--json").stdout)

    def login(self, data_dir: Path, server: str, username: str) -> subprocess.CompletedProcess[str]:
        return self.run(data_dir, "login", "--server", server, "--username", username, "--password-stdin",
                        stdin=PASSWORDS[username] + "\n")

    def start(self, data_dir: Path, *args: str, log: Path | None = None) -> subprocess.Popen[bytes]:
        out = log.open("ab") if log else subprocess.DEVNULL
        process = subprocess.Popen(self.command(data_dir, *args), stdout=out, stderr=subprocess.STDOUT,
                                   env=self.env, cwd=ROOT)
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait()


# -- a loopback proxy that can hold an answer back ------------------------------------

class HoldingProxy:
    """Forwards loopback connections to a server. Armed with `hold(marker, nth)`, it
    lets the nth request whose head holds `marker` through to the server but keeps
    the server's answer (after passing on `partial` bytes of it): the server has done
    its work, and the client waits for an answer that never comes."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.rule: tuple[bytes, int, int] | None = None
        self.seen = 0
        self.held = threading.Event()
        self.sockets: list[socket.socket] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def hold(self, marker: bytes, nth: int = 1, partial: int = 0) -> None:
        with self.lock:
            self.rule, self.seen = (marker, nth, partial), 0
            self.held.clear()

    def pass_through(self) -> None:
        with self.lock:
            self.rule = None

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            armed: dict[str, Any] = {"on": False, "partial": 0}
            threading.Thread(target=self._requests, args=(client, upstream, armed), daemon=True).start()
            threading.Thread(target=self._answers, args=(upstream, client, armed), daemon=True).start()

    def _requests(self, source: socket.socket, target: socket.socket, armed: dict[str, Any]) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    if self.rule is not None and self.rule[0] in data:
                        self.seen += 1
                        if self.seen == self.rule[1]:
                            armed["on"], armed["partial"] = True, self.rule[2]
                target.sendall(data)
        except OSError:
            pass
        finally:
            _shut(target)

    def _answers(self, source: socket.socket, target: socket.socket, armed: dict[str, Any]) -> None:
        try:
            while data := source.recv(65536):
                if armed["on"]:
                    passed, armed["partial"] = data[: armed["partial"]], max(0, armed["partial"] - len(data))
                    if passed:
                        target.sendall(passed)
                    self.held.set()
                    continue
                target.sendall(data)
        except OSError:
            pass
        finally:
            _shut(target)

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                _shut(sock)
                sock.close()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


# -- keyring ---------------------------------------------------------------------

TOKEN_SHAPE = re.compile(rb"[A-Za-z0-9_-]{43,}")


def tokens_in(folder: Path, hashes: set[str]) -> list[str]:
    """Files under `folder` holding, anywhere in their bytes, a token whose SHA-256 the server knows."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for match in TOKEN_SHAPE.finditer(data):
                for offset in range(len(match.group()) - 42):
                    candidate = match.group()[offset: offset + 43]
                    if hashlib.sha256(candidate).hexdigest() in hashes:
                        found.append(str(path))
    return found


def wait_until(predicate: Callable[[], Any], limit: float, what: str, step: float = 0.1) -> Any:
    """Poll until `predicate` returns something true; `limit` is a guard against a
    hang, never the thing under test."""
    deadline = time.monotonic() + limit
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {limit} s")
        time.sleep(step)


# fixtures the sync and chaos suites share (their conftest files import them)
@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"


@pytest.fixture
def cli(keyring_file: Path) -> Iterator[Cli]:
    runner = Cli(keyring_file)
    yield runner
    runner.stop_all()
