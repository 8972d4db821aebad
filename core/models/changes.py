"""The change log (outbox) and the store's own settings.

Every command that changes a replicated record writes change entries here in the
same transaction (DESIGN §6 Outbox); sync sends the pending ones to the server."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base


class ChangeEntry(Base):
    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("client_id", "seq"),
        Index("ix_change_log_state_seq", "state", "seq"),
        Index("ix_change_log_record", "record_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    client_id: Mapped[uuid.UUID]
    seq: Mapped[int]
    # ticket | comment | worklog | link | history
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    # create | update | insert (an insert-only child)
    op: Mapped[str] = mapped_column(String(10))
    # the fields set (only those), or the whole child row
    data: Mapped[dict[str, Any]]
    # for updates: the version of each field the change was based on
    base: Mapped[dict[str, Any]]
    actor_id: Mapped[uuid.UUID]
    occurred_at: Mapped[datetime]
    hlc: Mapped[str] = mapped_column(String(40))
    # On the first change a command made: {"name", "args"}, what the server (and this
    # store, rebasing) runs again; on its later changes: {"part_of": first change's id}.
    command: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    # pending | applied | merged | rejected
    state: Mapped[str] = mapped_column(String(10), default="pending")
    answer: Mapped[str | None] = mapped_column(Text)
    # when the author saw a rejection (rejected entries stay listed until then)
    acknowledged_at: Mapped[datetime | None]


class StoreMeta(Base):
    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
