"""The local store: one SQLite file, opened with the pragmas that keep committed
work through a power cut, and migrated to the code's schema when opened.

Writes take the database lock at BEGIN (BEGIN IMMEDIATE), so two writers queue
instead of failing half way; reads use a second engine with plain deferred
transactions, so a long read never holds up a write."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import StoreError
from core.models import StoreMeta

# PRAGMA application_id marks a file as a Branchdesk store ("BDK1").
APPLICATION_ID = 0x42444B31
SQLITE_HEADER = b"SQLite format 3\x00"
# Less room than this on a store's disk, with SQLite failing, is a full disk.
FULL_BELOW = 1024 * 1024


# A write-ahead log that one large transaction grew (a snapshot, a demo batch) is cut
# back to this once checkpointed, instead of keeping that size on disk.
WAL_KEPT_BYTES = 64 * 1024 * 1024


# A bulk writer's page cache (a demo): its large transactions insert into indexes
# keyed by random ids, a page each, which SQLite's 2 MB default read again and again
# (a server demo of 20,000 tickets spent 16 s in the kernel; 7 s with this). Only bulk
# writers take it: a running server or client keeps the default, so its memory stays
# flat whatever it writes.
BULK_CACHE_KB = 64 * 1024


def configure_sqlite(engine: Engine, immediate: bool) -> None:
    """The pragmas every connection of a Branchdesk SQLite database opens with (the
    store's and the server's), and how its transactions begin."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event decide how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Pages of 8 KiB for a new database (an existing one keeps its own, which WAL
        # fixes at its first write): a device's first sync takes a tenth less time than
        # with 4 KiB, writing and indexing rows of some 200 bytes in half as many pages.
        cursor.execute("PRAGMA page_size = 8192")
        cursor.execute("PRAGMA busy_timeout = 15000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA journal_size_limit = {WAL_KEPT_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def bulk_cache(session: Session, kb: int = BULK_CACHE_KB) -> None:
    """Give the session's SQLite connection a page cache of `kb` KiB for the rest of its
    life (nothing on PostgreSQL, whose cache is the server's)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kb)}")


def _engine(path: Path, immediate: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    configure_sqlite(engine, immediate)
    return engine


def _check_file(path: Path) -> None:
    """Refuse what is plainly not a Branchdesk store before SQLite touches it."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a Branchdesk store")
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a Branchdesk store (not an SQLite database)")
    # closing(): a connection's own context manager only ends a transaction, and one left
    # open keeps the file (and its -wal and -shm beside it) in use.
    with closing(sqlite3.connect(path)) as conn:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            full = disk_full(path)
            if full is not None:
                raise StoreError(full) from exc
            raise StoreError(f"{path} is damaged and cannot be opened: {exc}") from exc
    if app_id != APPLICATION_ID and (tables or app_id != 0):
        raise StoreError(f"{path} is an SQLite database of another program, not a Branchdesk store")


def disk_full(path: Path) -> str | None:
    """The message for a store whose disk has no room left (SQLite then says only "disk
    I/O error" or "database or disk is full"), or None when there is room."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return None
    if free >= FULL_BELOW:
        return None
    return (f"the disk holding {path.parent} is full ({free // 1024} KiB free): free some space and try again; "
            "nothing was changed and what was saved before is kept")


def _is_blank(path: Path) -> bool:
    """An empty file with no write-ahead log beside it: nothing was ever committed to it."""
    wal = Path(f"{path}-wal")
    return path.is_file() and path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0)


def remove_database(path: Path) -> None:
    """Remove an SQLite file that was made and never finished, with its -wal and -shm."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def backup_copy(path: Path, suffix: str) -> Path:
    """A consistent copy of the store beside it (SQLite's backup API, so WAL content is included)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{suffix}-{stamp}.bak")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


class Store:
    """An open local store. Use `write()` for a command (one transaction) and
    `read()` for queries."""

    def __init__(self, path: Path, engine: Engine, read_engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.read_engine = read_engine
        self._write_sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)
        self._meta_cache: dict[str, str] = {}
        self.reference_cache: Any = None

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        from core.migrate import upgrade_store

        path = Path(path)
        if not path.exists() or (not create and _is_blank(path)):
            if not create:
                raise StoreError(f"no Branchdesk store at {path}; make one with 'branchdesk init', "
                                 "'branchdesk demo' or 'branchdesk login'")
            path.parent.mkdir(parents=True, exist_ok=True)
        _check_file(path)
        engine = _engine(path, immediate=True)
        try:
            upgrade_store(engine, path)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                _ensure_identity(conn)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            raise StoreError(disk_full(path) or f"{path} cannot be used as a Branchdesk store: {exc.orig}") from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(path, engine, _engine(path, immediate=False))

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed as a whole when the block ends, or rolled back.
        A full disk rolls it back and says so (StoreError), whatever SQLite called it."""
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            full = disk_full(self.path)
            if full is not None:
                raise StoreError(full) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session:
            yield session

    def meta(self, key: str, default: str | None = None) -> str | None:
        if key in self._meta_cache:
            return self._meta_cache[key]
        with self.read() as session:
            value = session.scalar(select(StoreMeta.value).where(StoreMeta.key == key))
        if value is None:
            return default
        if key in IMMUTABLE_META:
            self._meta_cache[key] = value
        return value

    def set_meta(self, session: Session, key: str, value: str) -> None:
        set_meta(session, key, value)
        self._meta_cache.pop(key, None)

    def forget_meta(self) -> None:
        self._meta_cache.clear()

    @property
    def client_id(self) -> uuid.UUID:
        value = self.meta("client_id")
        assert value is not None
        return uuid.UUID(value)

    @property
    def device_code(self) -> str:
        value = self.meta("device_code")
        assert value is not None
        return value


# Values fixed for the store's life (until a restore from backup), safe to cache.
IMMUTABLE_META = frozenset({"client_id", "device_code"})

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_device_code() -> str:
    """Five Crockford base-32 characters: part of every ticket number this store gives."""
    value = uuid.uuid4().int
    return "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in range(5))


def _ensure_identity(conn: Any) -> None:
    rows = dict(conn.execute(text("SELECT key, value FROM store_meta WHERE key IN ('client_id', 'device_code')")).all())
    if "client_id" not in rows:
        conn.execute(text("INSERT INTO store_meta (key, value) VALUES ('client_id', :v)"), {"v": str(uuid.uuid4())})
    if "device_code" not in rows:
        conn.execute(text("INSERT INTO store_meta (key, value) VALUES ('device_code', :v)"), {"v": new_device_code()})


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(StoreMeta, key)
    if row is None:
        session.add(StoreMeta(key=key, value=value))
    else:
        row.value = value


def get_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(StoreMeta.value).where(StoreMeta.key == key))


