"""An in-memory unit of work for unit tests: the core schema in a private in-memory
SQLite database, the small organisation imported into it, and an outbox port that
keeps what commands leave behind in lists a test can read. Every service function
runs over it exactly as over a branch store or the server (core.uow), with no file
on disk and a clock the test sets.

    desk = MemoryDesk()
    with desk.work() as uow:
        tickets.create(uow, desk.user("ada"), NewTicket(...))
    desk.effects[-1].command  # {"name": "create", "args": {...}}
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

import core.orgimport
from core.blobs import BlobFolder
from core.clock import to_utc
from core.hlc import next_stamp
from core.ids import new_id
from core.models import Base
from core.orgfile import parse_org
from core.orgspec import OrgSpec
from core.reference import Reference, UserInfo, load_reference
from core.uow import Effect, UnitOfWork

SMALL_ORG = Path(__file__).resolve().parent.parent / "fixtures" / "small-org.toml"
# A Wednesday morning, inside every calendar of the small organisation.
START = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
# Password hashes are never verified here; argon2 at its cheapest keeps the import fast.
_CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass
class Clock:
    """The outbox's "now", which the test moves."""

    now: datetime = START

    def set(self, value: datetime) -> None:
        self.now = to_utc(value)

    def advance(self, **delta: float) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class Entry:
    """One change a committed command made: the id the outbox gave it, the stamp its
    history events carry, and the effect itself (with the command it carried)."""

    id: uuid.UUID
    stamp: str
    effect: Effect

    @property
    def command(self) -> dict[str, Any] | None:
        return self.effect.command

    @property
    def part_of(self) -> uuid.UUID | None:
        return self.effect.part_of


@dataclass
class MemoryOutbox:
    """The Outbox port (core.uow.Outbox) in memory. What a command leaves is kept in
    hand until its transaction commits, and dropped if it rolls back, as a store's
    change log and counters are."""

    clock: Clock
    device_code: str = "MEM01"
    client: str = field(default_factory=lambda: uuid.uuid4().hex)
    # None: every attachment's content is here; otherwise the reason it is not
    missing_content: str | None = None
    entries: list[Entry] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    written_records: list[tuple[str, uuid.UUID, uuid.UUID]] = field(default_factory=list)
    finished: int = 0
    _entries: list[Entry] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)
    _written: list[tuple[str, uuid.UUID, uuid.UUID]] = field(default_factory=list)
    _stamp: str | None = None

    @property
    def device(self) -> str:
        return self.device_code

    def now(self, session: Session) -> datetime:
        return self.clock.now

    def counter(self, session: Session, key: str) -> int:
        value = self._counters.get(key, self.counters.get(key, 0)) + 1
        self._counters[key] = value
        return value

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        made = entry_id or new_id()
        millis = int(self.clock.now.timestamp() * 1000)
        self._stamp = next_stamp(self._stamp, self.client, now_millis=millis)
        self._entries.append(Entry(made, self._stamp, effect))
        return made, self._stamp

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID) -> None:
        self._written.append((kind, record_id, ticket_id))

    def finish(self, session: Session) -> None:
        self.finished += 1

    def blobs(self) -> BlobFolder | None:
        return None

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        return self.missing_content

    # -- the transaction's end (called by MemoryDesk.work) --------------------
    def commit(self) -> None:
        self.entries.extend(self._entries)
        self.counters.update(self._counters)
        self.written_records.extend(self._written)
        self.discard()

    def discard(self) -> None:
        self._entries, self._counters, self._written = [], {}, []


def _foreign_keys_on(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


@cache
def _org(path: Path) -> tuple[OrgSpec, str]:
    source = path.read_text(encoding="utf-8")
    return parse_org(source), source


def memory_engine() -> Engine:
    """One private in-memory database (one connection, no file) with the core schema.
    The full-text search tables and triggers the migrations add are left out: they
    serve searches only, and no service function reads or needs them."""
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _foreign_keys_on)
    Base.metadata.create_all(engine)
    return engine


class MemoryDesk:
    """An organisation's data in memory and the unit of work that changes it."""

    def __init__(self, org: Path = SMALL_ORG, *, device: str = "MEM01", start: datetime = START) -> None:
        self.clock = Clock(to_utc(start))
        self.engine = memory_engine()
        self.outbox = MemoryOutbox(self.clock, device_code=device)
        spec, source = _org(org)
        saved = core.orgimport._hasher
        core.orgimport._hasher = _CHEAP_HASHER
        try:
            with Session(self.engine) as session, session.begin():
                core.orgimport.import_org(session, spec, source)
        finally:
            core.orgimport._hasher = saved
        with Session(self.engine) as session:
            self.ref: Reference = load_reference(session)

    @property
    def effects(self) -> list[Entry]:
        """Every change committed commands made, in order."""
        return self.outbox.entries

    def user(self, username: str) -> UserInfo:
        return self.ref.usernames[username]

    @contextmanager
    def work(self) -> Iterator[UnitOfWork]:
        """One command's transaction: committed when the block ends without error,
        rolled back as a whole (with what the outbox kept) on any exception."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            with session.begin():
                uow = UnitOfWork(session, self.ref, self.outbox)
                yield uow
                uow.finish()
        except BaseException:
            self.outbox.discard()
            raise
        finally:
            session.close()
        self.outbox.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
