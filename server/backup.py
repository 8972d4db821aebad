"""`branchdesk-server backup --out FILE` and `branchdesk-server restore FILE`.

A backup is consistent while the server serves: SQLite's online backup API copies
the database page by page under a read transaction (writers go on; the copy is the
database as of one instant); on PostgreSQL pg_dump reads in one snapshot.

A restore puts the database back as it was at the backup and gives it a new epoch
(server_epoch). Every sync request of a device names the epoch it last saw; a device
that synced past the restored point is answered 412 with the new one and how far the
server now holds its own changes, marks what the server lost as unsent, takes a new
snapshot keeping its unsent changes, and sends them again (sync.client). Run the
restore with the server processes and the worker stopped."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from core.errors import InvalidInput, StoreError
from server.blobstore import insert_new
from server.db import Database
from server.models import ServerEpoch

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


def epoch_of(session: Session) -> str | None:
    """The database's epoch (None in a database from before epochs)."""
    return session.scalar(select(ServerEpoch.epoch).where(ServerEpoch.id == 1))


def ensure_epoch(session: Session) -> str:
    """The epoch, made if the row is missing (a writer racing this one keeps its own)."""
    insert_new(session, ServerEpoch, id=1, epoch=str(uuid.uuid4()), restored_at=None)
    epoch = epoch_of(session)
    assert epoch is not None
    return epoch


def new_epoch(session: Session, now: datetime) -> str:
    epoch = str(uuid.uuid4())
    insert_new(session, ServerEpoch, id=1, epoch=epoch, restored_at=now)
    session.execute(update(ServerEpoch).where(ServerEpoch.id == 1).values(epoch=epoch, restored_at=now))
    return epoch


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)),
                                       None)
    if not found:
        raise StoreError(f"{name} is not installed; it comes with the PostgreSQL client tools")
    return found


def _libpq(url: str) -> tuple[str, list[str]]:
    """The URL as libpq takes it, and pg_dump's --schema for a search_path in its options."""
    parsed = make_url(url)
    options = str(parsed.query.get("options", ""))
    schemas = [part.split("=", 1)[1] for part in options.split() if part.startswith("-csearch_path=")]
    plain = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    return plain, [f"--schema={s}" for s in schemas]


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=6 * 3600)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise StoreError(f"{what} failed: {lines[-1] if lines else f'exit status {done.returncode}'}")


def backup(url: str, out: Path) -> int:
    """Write a consistent copy of the database at `url` to `out`; returns its size."""
    if out.exists():
        raise InvalidInput(f"{out} exists; name a new file for the backup", "out")
    if not out.parent.is_dir():
        raise InvalidInput(f"no folder {out.parent} to write the backup in", "out")
    db = Database(url)  # refuses a missing SQLite file
    db.dispose()
    part = out.with_name(out.name + ".part")
    try:
        if db.dialect == "sqlite":
            assert db.path is not None
            source = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
            target = sqlite3.connect(part)
            try:
                source.backup(target, pages=1024)
            finally:
                target.close()
                source.close()
        else:
            plain, schemas = _libpq(url)
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={part}", *schemas, plain],
                 "pg_dump")
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        part.replace(out)
    except sqlite3.Error as exc:
        raise StoreError(f"the backup could not be written: {exc}") from None
    except OSError as exc:
        raise StoreError(f"the backup could not be written to {out}: {exc.strerror or exc}") from None
    finally:
        part.unlink(missing_ok=True)
    return out.stat().st_size


def restore(url: str, source: Path, now: datetime) -> str:
    """Put the database at `url` back as `source` holds it; returns its new epoch."""
    if not source.is_file():
        raise InvalidInput(f"no backup file at {source}", "file")
    with source.open("rb") as handle:
        head = handle.read(16)
    dialect = make_url(url).get_backend_name()
    if dialect == "sqlite":
        if head != SQLITE_MAGIC:
            raise InvalidInput(f"{source} is not an SQLite backup of a Branchdesk server", "file")
        _check_sqlite_backup(source)
        target_path = Path(make_url(url).database or "")
        target_path.parent.mkdir(parents=True, exist_ok=True)
        from_backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        target = sqlite3.connect(target_path)
        try:
            from_backup.backup(target)
        except sqlite3.Error as exc:
            raise StoreError(f"the restore could not write {target_path}: {exc}") from None
        finally:
            target.close()
            from_backup.close()
    else:
        if not head.startswith(PG_MAGIC):
            raise InvalidInput(f"{source} is not a pg_dump backup (made by 'branchdesk-server backup')", "file")
        plain, _schemas = _libpq(url)
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={plain}", str(source)], "pg_restore")
    db = Database(url)
    try:
        with db.write() as session:
            return new_epoch(session, now)
    finally:
        db.dispose()


def _check_sqlite_backup(source: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            ok = connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise InvalidInput(f"{source} cannot be read as a backup: {exc}", "file") from None
    if not {"tickets", "sync_counter", "accounts"} <= names:
        raise InvalidInput(f"{source} is an SQLite file but not a Branchdesk server backup", "file")
    if not ok:
        raise InvalidInput(f"{source} is damaged (its integrity check failed)", "file")
