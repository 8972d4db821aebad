"""A store image (DESIGN §6b): a whole store file holding every ticket at one cursor,
made on the server from a central snapshot (sync.snapshot) by the device's own code
(sync.bootstrap), which a new central device takes in place of the stream.

Taking a snapshot stream costs a device the insertion of every row, one by one, into
tables and indexes, and at 100,000 tickets that is most of half a minute. An image
already holds the rows in SQLite's own pages, indexes made: the device copies each
table from it with `INSERT INTO t SELECT * FROM image.t`, which SQLite carries out by
copying the table's and its indexes' records as they are (its transfer optimisation,
the one VACUUM uses), without decoding a value. That asks for an empty table, no
triggers on it (they are set aside and made again) and foreign keys off for the
copy (they held when the image was made, under the same schema).

A new store nobody else has open (a first sign-in) does better still: the image
becomes its file (adopt), with the store's own few rows (identity, reference data)
copied into the image first. Copying into a store in write-ahead-log mode writes every
page twice, once into the log and once into the file at the checkpoint; adopting
writes none. Whether anybody else has the store open is asked of SQLite itself: it
leaves write-ahead logging only when no other connection, in any process, has it.

The image is taken in one transaction with its cursor, as a stream is; the device
then pulls after the cursor as usual. It keeps the server's SLA figures as they were
when the image was made; the crossings that came since are computed on the device,
as after a stream (the image is made without them: a crossing recorded there would
be an event no device sends), from the instant through which the server had recorded
every crossing, which the image names. An image the device cannot take as it is (another
schema, not a store) is refused with ImageError, and the device takes the stream."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import zstandard
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.clock import parse_iso
from core.migrate import HEAD_REVISION
from core.models import ChangeEntry, Ticket
from core.reports.facts import fill_missing_clocks
from core.store import APPLICATION_ID, Store, set_meta
from core.uow import store_work, unit_of_work
from sync.bootstrap import FTS, TABLES, Taken, finish_load, set_aside, take
from sync.snapshot import KIND_ORDER

# The image's store_meta key for the instant through which the server had recorded
# every SLA crossing (server.sweep_mark); the device's own meta replaces the image's.
RECORDED_THROUGH = "sla_recorded_through"
# ...and for how many records it holds, so that a device adopting it need not count them
RECORDS = "image_records"
# What a device copies from an image: the snapshot's tables, and the rows of the
# tickets' clocks that the store derives from their figures (core.reports.facts).
IMAGE_TABLES = (*TABLES, "ticket_clocks")


class ImageError(Exception):
    """The file is not an image this store can take as it is."""


def build(path: Path, lines: Iterable[bytes], recorded_through: datetime | None = None) -> Taken:
    """Make an image at `path` (a new file) from a snapshot stream: a store that took
    it, with the clocks' rows, in one file (its write-ahead log folded in).
    `recorded_through`: the instant through which the server had recorded every
    crossing, from which a device that takes the image sweeps."""
    store = Store.open(path, create=True)
    try:
        taken = take(store, lines, sweep_due=False)
        with unit_of_work(store) as uow:
            fill_missing_clocks(uow.session)
            set_meta(uow.session, RECORDS, str(taken.rows))
            if recorded_through is not None:
                set_meta(uow.session, RECORDED_THROUGH, recorded_through.isoformat())
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA journal_mode = DELETE")
    return taken


def _columns(raw: sqlite3.Connection, schema: str, name: str) -> list[tuple[object, ...]]:
    return [tuple(row[1:]) for row in raw.execute(f'PRAGMA "{schema}".table_xinfo("{name}")')]


@dataclass(frozen=True)
class Made:
    """What an image says of itself: the cursor and server time it was made at, the
    instant through which the server had recorded every SLA crossing (None when it
    did not say: the device's sweep then looks at every ticket), and how many records
    it holds (None when it did not say)."""
    cursor: int
    server_time: str
    recorded_through: datetime | None
    records: int | None


def _check(raw: sqlite3.Connection, image: str = "image", store: str = "main") -> Made:
    """What the image says of itself, once it is known to be an image of this store's
    schema, table for table and column for column in the same order (a copy goes by
    position)."""
    try:
        application = raw.execute(f'PRAGMA "{image}".application_id').fetchone()[0]
        revision = raw.execute(f'SELECT version_num FROM "{image}".alembic_version').fetchone()
        meta = dict(raw.execute(f'SELECT key, value FROM "{image}".store_meta').fetchall())
    except sqlite3.DatabaseError as exc:
        raise ImageError(f"the image is not a Branchdesk store: {exc}") from None
    if application != APPLICATION_ID or revision is None:
        raise ImageError("the image is not a Branchdesk store")
    if revision[0] != HEAD_REVISION:
        raise ImageError(f"the image is of store schema {revision[0]}, this store's is {HEAD_REVISION}")
    for name in (*IMAGE_TABLES, *FTS):
        if _columns(raw, image, name) != _columns(raw, store, name):
            raise ImageError(f"the image's {name} table is not this store's")
    cursor, server_time = meta.get("sync_cursor", ""), meta.get("last_pull_at")
    if not cursor.isdigit() or not server_time:
        raise ImageError("the image does not say at which cursor it was made")
    try:
        recorded = parse_iso(meta[RECORDED_THROUGH]) if RECORDED_THROUGH in meta else None
    except ValueError:
        recorded = None  # (only a shorter sweep is lost)
    records = meta.get(RECORDS, "")
    return Made(int(cursor), server_time, recorded, int(records) if records.isdigit() else None)


def is_new(session: Session) -> bool:
    """Whether a store has nothing an image would overwrite or miss: no ticket and no
    change of its own (a device that made tickets before its first sync takes the
    stream, which runs its changes again over what it brings)."""
    return session.scalar(select(Ticket.id).limit(1)) is None and not session.scalar(
        select(func.count()).select_from(ChangeEntry))


def pack(path: Path, packed: Path) -> tuple[str, int]:
    """Compress an image for the wire (zstd: at 100,000 tickets it takes a device half a
    second to decompress, where gzip took five); returns its SHA-256 and size."""
    digest, size = hashlib.sha256(), 0
    packer = zstandard.ZstdCompressor(level=3).compressobj()
    with path.open("rb") as source, packed.open("wb") as out:
        while chunk := source.read(1 << 20):
            data = packer.compress(chunk)
            digest.update(data)
            size += len(data)
            out.write(data)
        data = packer.flush()
        digest.update(data)
        out.write(data)
    return digest.hexdigest(), size + len(data)


def unpack(chunks: Iterable[bytes], target: Path, sha256: str) -> None:
    """Write the image the chunks carry (see pack) to `target`, checking that it came
    whole and is the one named (ImageError)."""
    digest = hashlib.sha256()
    unpacker = zstandard.ZstdDecompressor().decompressobj(write_size=1 << 20)
    with target.open("wb") as out:
        try:
            for chunk in chunks:
                digest.update(chunk)
                out.write(unpacker.decompress(chunk))
        except zstandard.ZstdError:
            raise ImageError("the store image came damaged") from None
    if digest.hexdigest() != sha256 or not unpacker.eof:
        raise ImageError("the store image came cut short or changed on the way")


def take_image(store: Store, image: Path, *, offset: int | None = None) -> Taken:
    """Copy an image's tables into a new store, in one transaction with its cursor
    (ImageError, changing nothing, when this store cannot take it). `offset`: this
    device's clock's from the server's."""
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # (neither takes effect inside a transaction: both come before it begins)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            raw.execute("ATTACH DATABASE ? AS image", (str(image),))
        except sqlite3.DatabaseError as exc:
            raw.execute("PRAGMA foreign_keys = ON")
            raise ImageError(f"the image is not a Branchdesk store: {exc}") from None
        try:
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                if not is_new(session):
                    raise ImageError("the store already holds tickets or changes of its own")
                if offset is not None:
                    set_meta(session, "clock_offset", str(offset))
                made = _check(raw)
                remade = set_aside(raw, IMAGE_TABLES, indexes=False)
                copied = {name: raw.execute(f'INSERT INTO main."{name}" SELECT * FROM image."{name}"').rowcount
                          for name in IMAGE_TABLES}
                for sql in remade:
                    raw.execute(sql)
                kinds = _kinds(copied)
                uow = store_work(store, session)
                changes = finish_load(uow, raw, kinds, cursor=made.cursor, server_time=made.server_time,
                                      clocks_held=True, swept_since=made.recorded_through)
                uow.finish()
        finally:
            raw.execute("DETACH DATABASE image")
            raw.execute("PRAGMA foreign_keys = ON")
    store.forget_meta()
    return Taken(made.cursor, sum(copied[name] for name in TABLES), parse_iso(made.server_time), changes)


def _own_tables(raw: sqlite3.Connection, schema: str) -> list[str]:
    """A store's tables that an image does not bring: its identity and settings, the
    reference data, its own changes."""
    names = [row[0] for row in raw.execute(f'SELECT name FROM "{schema}".sqlite_master WHERE type = \'table\'')]
    brought = {*IMAGE_TABLES, *FTS, "alembic_version"}
    return [name for name in names if name not in brought and not name.startswith("sqlite_")
            and not any(name.startswith(f"{fts}_") for fts in FTS)]


def adopt(store: Store, image: Path, *, offset: int | None = None) -> Taken | None:
    """Make the image this new store's file, with the store's own tables copied into it:
    nothing is copied twice, where take_image writes the image's pages into the
    write-ahead log and then again into the file. Only for a store nobody else has
    open (a first sign-in): None, changing nothing, when another connection holds it,
    and the caller takes the image with take_image. ImageError when it cannot be taken."""
    store.close()  # (the engines open new connections when next asked: to the new file)
    with closing(sqlite3.connect(store.path, timeout=0)) as held:
        try:
            # Out of write-ahead logging, which SQLite refuses while any other connection,
            # here or in another process, has the store open; the log is folded in.
            if held.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
                return None
        except sqlite3.OperationalError:
            return None
        if held.execute("SELECT 1 FROM tickets UNION ALL SELECT 1 FROM change_log LIMIT 1").fetchone():
            raise ImageError("the store already holds tickets or changes of its own")
        with closing(sqlite3.connect(image, isolation_level=None)) as raw:
            try:
                raw.execute("ATTACH DATABASE ? AS device", (str(store.path),))
            except sqlite3.DatabaseError as exc:
                raise ImageError(f"the image is not a Branchdesk store: {exc}") from None
            made = _check(raw, "main", "device")
            raw.execute("PRAGMA foreign_keys = OFF")  # (the store's own rows go in after the image's)
            raw.execute("BEGIN IMMEDIATE")
            for name in _own_tables(raw, "device"):
                if _columns(raw, "main", name) != _columns(raw, "device", name):
                    raise ImageError(f"the image's {name} table is not this store's")
                raw.execute(f'DELETE FROM main."{name}"')
                raw.execute(f'INSERT INTO main."{name}" SELECT * FROM device."{name}"')
            raw.execute("COMMIT")
            raw.execute("DETACH DATABASE device")
        taken = _finish_image(image, offset, made)
        held.close()
        for suffix in ("-wal", "-shm"):
            image.with_name(image.name + suffix).unlink(missing_ok=True)
            store.path.with_name(store.path.name + suffix).unlink(missing_ok=True)
        try:
            image.replace(store.path)
        except OSError as exc:  # (a file another program holds open, on Windows)
            raise ImageError(f"the store file cannot be replaced: {exc}") from None
    store.forget_meta()
    store.reference_cache = None
    return taken


def _finish_image(image: Path, offset: int | None, made: Made) -> Taken:
    """What follows the rows, in the image now holding the store's own tables (as in
    take_image, less the full-text indexes, which the image made over the same rows)."""
    adopted = Store.open(image)
    try:
        with unit_of_work(adopted) as uow:
            if offset is not None:
                set_meta(uow.session, "clock_offset", str(offset))
            raw = uow.session.connection().connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            # which tables hold rows, not how many: counting 1.6 million history rows
            # took a fifth of a first sync (an image from before RECORDS is counted)
            held = {name: raw.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0] for name in TABLES}
            rows = made.records if made.records is not None else sum(
                raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in TABLES)
            changes = finish_load(uow, raw, _kinds(held), cursor=made.cursor, server_time=made.server_time,
                                  clocks_held=True, indexed=True, swept_since=made.recorded_through)
    finally:
        adopted.close()
    return Taken(made.cursor, rows, parse_iso(made.server_time), changes)


def _kinds(rows: dict[str, int]) -> set[str]:
    """The kinds of record whose tables hold rows (by table name)."""
    return {kind for kind, name in zip(KIND_ORDER, TABLES, strict=True) if rows[name]}
