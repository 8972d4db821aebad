"""A snapshot of a caller's scope at one cursor, for a device that starts from
nothing (DESIGN §6 First sync, §6b): one compact stream instead of a record at a
time through the feed.

The stream is NDJSON, gzip on the wire. Its first line is a header:

    {"format": 3, "cursor": V, "server_time": "...Z", "answered_through": N,
     "counts": {"ticket": n, ...}}

then, for each kind in KIND_ORDER (parents before children), one line naming the
columns and which of them hold ids, `{"kind": "ticket", "columns": [...], "ids": [...]}`,
and lines of up to BATCH records as column arrays, `{"n": n, "c": [column, ...]}`, in
those columns' order; last `{"end": true, "rows": total}`, so a stream cut short is
never taken for a whole one.

Values are in the form a store keeps them, so that a device writes them as they come,
without a conversion per value in Python: an id column is one base64 string of its
ids' 16 bytes end to end (a missing id as 16 zero bytes), which the device cuts into
the BLOBs it keeps; instants as 'YYYY-MM-DD HH:MM:SS' in UTC (format 2, before
store 0013, sent six digits of microseconds more), booleans as 0 or 1, JSON columns
as JSON text. Tickets carry their SLA figures as the server computed
them.

What is sent is what a pull from cursor 0 leaves on a device: the tickets the
caller sees, a parent the caller does not see named as none, links whose two ends
the caller sees, and for a person who does not see internal notes only public
comments and no work logs. Everything is read in one repeatable-read transaction,
at the cursor read in it: every record numbered up to V is in, and what changes
after comes with the pull after V."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    LargeBinary,
    String,
    Text,
    Uuid,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.types import JSON, TypeDecorator

from core.clock import iso
from core.lifecycle import CENTRAL_ROLES, sees_internal
from core.models import Ticket, TicketLink
from core.models.base import Instant
from core.reference import UserInfo
from core.scope import scope_clause
from sync.feed import answered_through
from sync.models import SyncCounter
from sync.records import table

FORMAT = 3
# an id the record does not have (a ticket without assignee), in an id column
NO_ID = bytes(16)
# Parents before children: a ticket comes before what hangs on it.
KIND_ORDER = ("ticket", "history", "comment", "attachment", "worklog", "link", "conflict", "article", "article_link",
              "rating")
BATCH = 2000  # rows per line: one json.dumps and one json.loads each, on either side
CHUNK_BYTES = 1 << 18  # compressed bytes gathered before they are sent


def snapshot_columns(kind: str) -> list[str]:
    """Every column of the kind's table, the SLA figures of tickets included."""
    return [c.key for c in table(kind).columns]


def id_columns(kind: str) -> list[str]:
    """The kind's columns that hold ids, sent as bytes (see the module's docstring)."""
    return [c.key for c in table(kind).columns if isinstance(c.type, Uuid)]


def _ids(values: tuple[Any, ...]) -> str:
    return base64.b64encode(b"".join(NO_ID if v is None else bytes(v) for v in values)).decode("ascii")


def _batch(rows: Sequence[Any], ids: frozenset[int]) -> bytes:
    columns = [_ids(values) if i in ids else values for i, values in enumerate(zip(*rows, strict=True))]
    return json.dumps({"n": len(rows), "c": columns}, separators=(",", ":")).encode() + b"\n"


def _wire(column: Any, dialect: str) -> ColumnElement[Any]:
    """A column as the stream carries it (see the module's docstring), typed so that
    SQLAlchemy hands each value on as the driver gave it. SQLite keeps every value in
    that form already; PostgreSQL is asked to write it so."""
    kind: TypeEngine[Any] = column.type
    number = isinstance(kind, (Boolean, Integer))
    if isinstance(kind, Uuid):
        # its 16 bytes: SQLite keeps them so (core.models.base.SqliteId)
        return type_coerce(func.uuid_send(column) if dialect == "postgresql" else column, LargeBinary())
    if dialect == "postgresql":
        if isinstance(kind, Instant):
            column = func.to_char(column, "YYYY-MM-DD HH24:MI:SS")
        elif isinstance(kind, Boolean):
            column = cast(column, Integer)
        elif isinstance(kind, JSON) or isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, JSON):
            column = cast(column, Text)  # (Ticket.versions too: JSON kept in a form of its own)
    return type_coerce(column, Integer() if number else String())


def _visible_ids(user: UserInfo) -> Any:
    # correlate(None): a subquery of its own over tickets, inside queries that read tickets too
    return select(Ticket.id).where(scope_clause(user)).correlate(None)


def queries(user: UserInfo, dialect: str) -> dict[str, Any]:
    """The SELECT of each kind for this caller, its columns in snapshot_columns' order."""
    central = user.role in CENTRAL_ROLES
    found: dict[str, Any] = {}
    tickets = table("ticket")
    columns: list[ColumnElement[Any]] = []
    for name in snapshot_columns("ticket"):
        column = tickets.c[name]
        wired = _wire(column, dialect)
        if name == "parent_id" and not central:
            wired = case((column.in_(_visible_ids(user)), wired), else_=None)
        columns.append(wired.label(name))
    found["ticket"] = select(*columns).where(scope_clause(user)) if not central else select(*columns)
    for kind in KIND_ORDER[1:]:
        rows = table(kind)
        query = select(*(_wire(rows.c[name], dialect).label(name) for name in snapshot_columns(kind)))
        if kind == "article":
            # hangs on no ticket: published ones for everyone, drafts for support staff
            if not sees_internal(user.role):
                query = query.where(or_(rows.c.status == "published", rows.c.author_id == user.id))
            found[kind] = query
            continue
        if not central:  # (a central role sees every ticket: no join to ask)
            query = query.join(Ticket, Ticket.id == rows.c.ticket_id).where(scope_clause(user))
        if kind == "link" and not central:
            query = query.where(TicketLink.other_id.in_(_visible_ids(user)))
        if not sees_internal(user.role):
            if kind == "worklog":
                query = query.where(literal(False))
            elif kind == "comment":
                query = query.where(rows.c.public.is_(True))
        found[kind] = query
    return found


def _counts(session: Session, built: dict[str, Any]) -> dict[str, int]:
    return {kind: int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
            for kind, query in built.items()}


def begin(session: Session) -> None:
    """Make the session's transaction one consistent view (PostgreSQL's READ COMMITTED
    would let each query see later commits); call before its first query."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def lines(session: Session, user: UserInfo, client_id: Any, now: datetime) -> Iterator[bytes]:
    """The stream's lines, uncompressed, read in the session's transaction (see begin)."""
    dialect = session.get_bind().dialect.name
    cursor = int(session.scalar(select(SyncCounter.value).where(SyncCounter.id == 1)) or 0)
    built = queries(user, dialect)
    counts = _counts(session, built)
    header = {"format": FORMAT, "cursor": cursor, "server_time": iso(now),
              "answered_through": answered_through(session, client_id), "counts": counts}
    yield json.dumps(header).encode() + b"\n"
    total = 0
    connection = session.connection()
    for kind in KIND_ORDER:
        names, ids = snapshot_columns(kind), id_columns(kind)
        yield json.dumps({"kind": kind, "columns": names, "ids": ids}).encode() + b"\n"
        if not counts[kind]:
            continue
        at = frozenset(names.index(name) for name in ids)
        result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(built[kind])
        try:
            for part in result.partitions(BATCH):
                total += len(part)
                yield _batch(part, at)
        finally:
            result.close()
    yield json.dumps({"end": True, "rows": total}).encode() + b"\n"


def gzipped(parts: Iterator[bytes]) -> Iterator[bytes]:
    """gzip of the lines, in chunks of a useful size."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    pending: list[bytes] = []
    size = 0
    for part in parts:
        packed = packer.compress(part)
        if packed:
            pending.append(packed)
            size += len(packed)
            if size >= CHUNK_BYTES:
                yield b"".join(pending)
                pending, size = [], 0
    pending.append(packer.flush())
    yield b"".join(pending)
