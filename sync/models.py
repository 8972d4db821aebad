"""The server's sync bookkeeping: the entries it has answered, the order in which
records changed, and the counter that orders them.

Kept in a MetaData of their own (the server's migrations include it); a client
store has none of these tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, MetaData, String, Text, Uuid, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from core.models.base import NAMING, Instant


class SyncBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {uuid.UUID: Uuid(), datetime: Instant(), dict[str, Any]: JSON()}


class SyncCounter(SyncBase):
    """One row. Every writer updates it inside its transaction, so record numbers
    commit in the order they were given and a reader never skips one that
    commits late (a plain PostgreSQL sequence would allow that)."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncEntry(SyncBase):
    """An entry a client pushed and the answer it got: a replay gets the same answer."""

    __tablename__ = "sync_entries"
    __table_args__ = (Index("ix_sync_entries_entry", "entry_id"),)

    client_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entry_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    actor_id: Mapped[uuid.UUID]
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]
    hlc: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)


class SyncRecord(SyncBase):
    """The last change of each replicated record, numbered: what pull pages over.

    Each row also holds the buckets its record sits in now (DESIGN §6b): the site,
    team and assignee of its ticket, and whether it is internal (a requester's
    device never gets it). A pull of a branch device is one indexed query over
    (bucket, number) for the caller's buckets; a central device's bucket is
    everything, the plain number order."""

    __tablename__ = "sync_records"
    __table_args__ = (
        Index("ix_sync_records_seq", "seq", unique=True),
        Index("ix_sync_records_site_seq", "site_id", "seq"),
        Index("ix_sync_records_team_seq", "team_id", "seq"),
        Index("ix_sync_records_assignee_seq", "assignee_id", "seq"),
        Index("ix_sync_records_ticket", "ticket_id"),
    )

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    ticket_id: Mapped[uuid.UUID | None]
    site_id: Mapped[uuid.UUID | None]
    team_id: Mapped[uuid.UUID | None]
    assignee_id: Mapped[uuid.UUID | None]
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SyncMove(SyncBase):
    """A ticket leaving one bucket for another: which of its site, team or assignee
    changed and what it was before, numbered with the change. A pull works out from
    these whether the device held the ticket at its cursor (and, if it no longer may,
    drops it) or did not (and gets all of it)."""

    __tablename__ = "sync_moves"
    __table_args__ = (Index("ix_sync_moves_ticket", "ticket_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    ticket_id: Mapped[uuid.UUID]
    old: Mapped[uuid.UUID | None]
