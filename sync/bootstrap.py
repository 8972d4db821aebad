"""Taking in a snapshot (sync.snapshot) on a device: the whole stream in one
transaction, with its cursor, or nothing.

The rows go in with executemany as they arrive, straight from the stream (it
carries values in the form the store keeps them: an id column's bytes end to end,
cut into ids here). The tables' secondary indexes
and full-text triggers are set aside for the load and made again at its end, and
the full-text indexes rebuilt once; foreign keys are checked at commit. Tickets
keep the SLA figures the server computed; only those whose next warning or
breach has fallen due are computed here, as the store's sweep does, recording
what they passed. A device killed part way keeps nothing of it and starts again."""

from __future__ import annotations

import base64
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from core.clock import parse_iso
from core.models import ChangeEntry, Ticket
from core.models.base import Instant
from core.sla_sweep import sweep
from core.store import Store, bulk_cache, set_meta
from core.uow import ChangeSet, UnitOfWork, unit_of_work
from sync.records import table
from sync.replica import rebase
from sync.snapshot import FORMAT, KIND_ORDER, id_columns

# Tables a snapshot fills, and the full-text indexes kept over three of them.
TABLES = tuple(table(kind).name for kind in KIND_ORDER)
FTS = ("ticket_fts", "comment_fts", "article_fts")
LOAD_CACHE_KB = 256 * 1024
# A server before format 3 sends instants with six digits of microseconds, always zero.
FORMATS = (2, FORMAT)

Progress = Callable[[int, int], None]


class SnapshotError(Exception):
    """The stream is not a whole snapshot this store can take (cut short, or another format)."""


@dataclass
class Taken:
    cursor: int
    rows: int
    server_time: datetime
    changes: ChangeSet = field(default_factory=ChangeSet)


def set_aside(raw: sqlite3.Connection, tables: tuple[str, ...] = TABLES, *, indexes: bool = True) -> list[str]:
    """Drop the tables' triggers and (with `indexes`) secondary indexes; returns the SQL
    that makes them again (exactly as the migrations made them). Unique indexes stay: an
    upsert needs them, and they are what keeps two records from one number."""
    names = ",".join("?" * len(tables))
    rows = raw.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({names}) AND sql IS NOT NULL "
        "AND type IN ('index', 'trigger')", tables).fetchall()
    kept = []
    for kind, name, sql in rows:
        if kind == "index" and (not indexes or "UNIQUE" in sql.upper().split("INDEX")[0]):
            continue
        raw.execute(f'DROP {kind.upper()} "{name}"')
        kept.append(sql)
    return kept


def _statement(kind: str, columns: list[str], ids: list[str], upsert: bool, trim: bool) -> str:
    """The INSERT of one kind's rows; `trim`: to the second, instants that come with
    microseconds (core.models.base.SqliteInstant)."""
    known, known_ids = {c.key for c in table(kind).columns}, set(id_columns(kind))
    differ = sorted(set(columns) ^ known) + [f"{name} (as an id)" for name in sorted(set(ids) ^ known_ids)]
    if differ:
        raise SnapshotError(f"the snapshot's {kind} columns are not this store's: {', '.join(differ)}; "
                            "update Branchdesk")
    names = ", ".join(columns)
    instants = {c.key for c in table(kind).columns if isinstance(c.type, Instant)} if trim else set()
    # an id the record does not have comes as 16 zero bytes
    values = ", ".join("nullif(?, zeroblob(16))" if c in ids else "substr(?, 1, 19)" if c in instants else "?"
                       for c in columns)
    sql = f"INSERT INTO {table(kind).name} ({names}) VALUES ({values})"
    if upsert:
        sql += " ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    return sql


def _rows(batch: dict[str, Any], ids: frozenset[int]) -> Iterator[tuple[Any, ...]]:
    """A batch's column arrays as rows, each id column's base64 cut into its ids' bytes."""
    columns = batch["c"]
    for i in ids:
        data = base64.b64decode(columns[i])
        columns[i] = [data[at: at + 16] for at in range(0, len(data), 16)]
    if any(len(values) != batch["n"] for values in columns):
        raise SnapshotError("the snapshot sends a batch whose columns do not hold as many values as it says")
    return zip(*columns, strict=True)


def split_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Lines of an already decompressed byte stream (a line of rows spans many chunks)."""
    held: list[bytes] = []
    for chunk in chunks:
        if b"\n" not in chunk:
            held.append(chunk)
            continue
        held.append(chunk)
        parts = b"".join(held).split(b"\n")
        held = [parts.pop()]
        yield from parts
    rest = b"".join(held)
    if rest:
        yield rest


def take(store: Store, lines: Iterable[bytes], *, offset_of: Callable[[datetime], int] | None = None,
         progress: Progress | None = None, sweep_due: bool = True) -> Taken:
    """Write a snapshot stream into the store, in one transaction with its cursor.
    `offset_of` gives this device's clock offset from the server's time in the header;
    `sweep_due` False leaves the crossings due since the server's figures uncomputed
    (a store image, sync.image: each device computes them)."""
    stream = iter(lines)
    try:
        header = json.loads(next(stream))
    except (StopIteration, ValueError) as exc:
        raise SnapshotError("the snapshot has no header") from exc
    if header.get("format") not in FORMATS:
        raise SnapshotError(f"snapshot format {header.get('format')} is not this client's ({FORMAT})")
    trim = header["format"] != FORMAT
    expected = sum(int(n) for n in header["counts"].values())
    server_time = parse_iso(header["server_time"])
    with unit_of_work(store) as uow:
        session = uow.session
        if offset_of is not None:
            set_meta(session, "clock_offset", str(offset_of(server_time)))
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        upsert = session.scalar(select(Ticket.id).limit(1)) is not None
        raw.execute("PRAGMA defer_foreign_keys = ON")  # children may name a parent later in the stream
        # a page cache to hold the indexes the rows go into (their ids come in no order)
        cache = raw.execute("PRAGMA cache_size").fetchone()[0]
        bulk_cache(session, LOAD_CACHE_KB)
        remade = set_aside(raw)
        statement: str | None = None
        kinds: set[str] = set()
        done = 0
        ended = False
        ids: frozenset[int] = frozenset()
        for line in stream:
            item = json.loads(line)
            if "c" in item:
                if statement is None:
                    raise SnapshotError("the snapshot sends rows before it names their columns")
                raw.executemany(statement, _rows(item, ids))
                done += int(item["n"])
                if progress:
                    progress(done, expected)
                continue
            if item.get("end"):
                if int(item["rows"]) != done:
                    raise SnapshotError(f"the snapshot ended after {done} of {item['rows']} rows")
                ended = True
                break
            kind = str(item["kind"])
            if kind not in KIND_ORDER:
                raise SnapshotError(f"the snapshot sends records of an unknown kind: {kind}")
            columns = list(item["columns"])
            statement = _statement(kind, columns, list(item["ids"]), upsert, trim)
            ids = frozenset(columns.index(name) for name in item["ids"])
            if header["counts"].get(kind):
                kinds.add(kind)
        if not ended:
            raise SnapshotError(f"the snapshot was cut short after {done} of {expected} rows")
        for sql in remade:
            raw.execute(sql)
        changes = finish_load(uow, raw, kinds, cursor=int(header["cursor"]), server_time=header["server_time"],
                              answered=int(header.get("answered_through") or 0), sweep_due=sweep_due)
        raw.execute(f"PRAGMA cache_size = {int(cache)}")
    return Taken(int(header["cursor"]), done, server_time, changes)


def finish_load(uow: UnitOfWork, raw: sqlite3.Connection, kinds: set[str], *, cursor: int, server_time: str,
                answered: int = 0, sweep_due: bool = True, clocks_held: bool = False,
                indexed: bool = False, swept_since: datetime | None = None) -> ChangeSet:
    """What follows the rows of a snapshot or an image in its transaction: the full-text
    indexes made once (unless `indexed`: made over these very rows), this store's own
    unanswered commands run again over what came, the SLA crossings due since
    (`clocks_held`: the clocks' rows came too; `swept_since`: the instant through which
    the server had recorded every one, if it said), and the cursor to pull after."""
    session = uow.session
    for name in () if indexed else FTS:
        raw.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    session.expire_all()
    uow.changes.kinds |= kinds | {"ticket"}
    # This store's own commands the server had not answered when it read the
    # snapshot run again over it (those it had are in it).
    pending = session.scalars(select(ChangeEntry).where(ChangeEntry.state == "pending")).all()
    mine = {e.record_id if e.kind == "ticket" else uuid.UUID(str(e.data.get("ticket_id")))
            for e in pending if e.kind == "ticket" or e.data.get("ticket_id")}
    rebase(uow, mine, answered)
    if sweep_due:
        # The figures are the server's, as of when it computed them; those whose next
        # warning or breach has come since are computed now, recording what they passed.
        sweep(uow, swept_since, uow.now(), clocks_held=clocks_held)
    if "attachment" in kinds:
        set_meta(session, "blob_downloads_due", "1")
    set_meta(session, "sync_cursor", str(cursor))
    set_meta(session, "last_pull_at", parse_iso(server_time).isoformat())
    set_meta(session, "sla_refresh_due", "0")
    return ChangeSet(tickets=set(uow.changes.tickets), kinds=set(uow.changes.kinds))
