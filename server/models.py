"""Tables only the server has: accounts (lockout, who made the user), login
sessions, registered devices and attachment content (blobs). They live in their own MetaData, apart from
core's, because core's migrations are checked against core's metadata alone;
the server's migrations (server/migrations) cover both.

Room is left for sync: its applied-change log, cursor counter and snapshots
come as the server's next migration, beside these tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from core.models import Site, User
from core.models.base import NAMING, Instant

USERS_ID = User.__table__.c.id
SITES_ID = Site.__table__.c.id


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        uuid.UUID: Uuid(),
        datetime: Instant(),
        dict[str, Any]: JSON(),
    }


class Account(ServerBase):
    """The server's side of a user: how they came to exist, whether an
    administrator disabled them, and the count of failed logins in a row."""

    __tablename__ = "accounts"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(USERS_ID), primary_key=True)
    # org: named in the organisation file; api: created by an administrator through the API
    origin: Mapped[str] = mapped_column(String(10))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class Device(ServerBase):
    """A client installation (its store's client id), registered at its first login."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(SITES_ID))
    registered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(USERS_ID))
    registered_at: Mapped[datetime]
    last_login_at: Mapped[datetime]
    last_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(USERS_ID))


class AuthSession(ServerBase):
    """A login. The token itself is never stored, only its SHA-256."""

    __tablename__ = "auth_sessions"
    __table_args__ = (Index("ix_auth_sessions_user", "user_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(USERS_ID))
    device_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("devices.id"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Blob(ServerBase):
    """The complete content of attachments, by SHA-256. Kept in the database rather
    than on one machine's disk, so that every server process on one PostgreSQL
    answers for every blob."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    # small content written whole (mail attachments); None: the content is in blob_parts
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime]


class BlobUpload(ServerBase):
    """An upload under way: how much has arrived (in blob_parts), for the client to resume after."""

    __tablename__ = "blob_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]


class BlobPart(ServerBase):
    """Content as it was uploaded, one row per chunk at its offset: a chunk is
    appended, never rewritten with what came before it."""

    __tablename__ = "blob_parts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LoginThrottle(ServerBase):
    """Failed logins from one address in the current window, beside each account's
    own count: one address trying many accounts is slowed down too."""

    __tablename__ = "login_throttle"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime]
    blocked_until: Mapped[datetime | None]


class ServerEpoch(ServerBase):
    """One row: a value made anew whenever the database is restored from a backup,
    sent with every sync answer, so that devices that synced past the restored point
    notice it and send again what the server lost."""

    __tablename__ = "server_epoch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    restored_at: Mapped[datetime | None]


class Notification(ServerBase):
    """The durable outbox of notifications (DESIGN §13): one row per (notice event,
    person, channel) — or per (notice event, webhook) for a team's chat channel —
    expanded by the worker from the `notice` history events (themselves written in the
    transaction of the change that caused them), delivered with retries until sent.
    Its id derives from event, recipient and channel, so it is written once."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_due", "state", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # the person told (None for a webhook, which tells a team's channel)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(USERS_ID))
    # email | webhook
    channel: Mapped[str] = mapped_column(String(20))
    # the webhook's name, for a webhook row
    target: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(40))
    # queued | sent | failed (gave up after its retries)
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))


class WorkerMark(ServerBase):
    """How far a worker job has read a stream (the feed numbers of notice events
    already handed to the outbox), so that a pass reads only what is new."""

    __tablename__ = "worker_marks"

    job: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class StoreImage(ServerBase):
    """A store image (sync.image): a store file holding every ticket at one cursor, made
    by the worker (server.store_image) for new central devices to start from. Its content,
    the file compressed (zstd), is a blob (blobs, blob_parts) named by its SHA-256, kept in the
    database so that every server process serves it."""

    __tablename__ = "store_images"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    # the store schema (core/migrations) the file is at: only a store at the same takes it
    revision: Mapped[str] = mapped_column(String(40))
    # the feed cursor it holds every record up to, and how many records those are
    cursor: Mapped[int] = mapped_column(BigInteger)
    records: Mapped[int] = mapped_column(BigInteger)
    size: Mapped[int] = mapped_column(BigInteger)
    built_at: Mapped[datetime]
