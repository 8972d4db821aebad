"""The sync protocol's messages, shared by the client and the server (DESIGN §6).

Push sends a store's unacknowledged change entries in order; the server answers
each one. Pull returns the records that changed after the client's cursor, as
the server now holds them, in pages."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

PROTOCOL_VERSION = 2
# The version of the replicated records' shape (the columns that travel): both sides
# compare it on every request. It moves only when a replicated column changes, not
# with every local migration: an index or a table only one side keeps does not stop
# a device from syncing.
WIRE_SCHEMA = "4"  # 3: knowledge articles, their links to tickets, and ratings; 4: a change's fields in one history event (core.field_events)
MAX_BATCH = 500
# The server's epoch (server.backup): a device sends the one of its last sync; the
# server answers 412 when it has been restored from a backup since, with how far it
# holds that device's own changes.
EPOCH_HEADER = "X-Branchdesk-Epoch"
ANSWERED_HEADER = "X-Branchdesk-Answered-Through"
# a store image's (GET /sync/image): its compressed content's SHA-256, its cursor, its records
IMAGE_SHA_HEADER = "X-Branchdesk-Image-Sha256"
IMAGE_CURSOR_HEADER = "X-Branchdesk-Image-Cursor"
IMAGE_RECORDS_HEADER = "X-Branchdesk-Image-Records"
MAX_PAGE = 5000

EntryKind = Literal["ticket", "comment", "attachment", "worklog", "link", "conflict", "sla_event", "article",
                    "article_link", "rating"]
RecordKind = Literal["ticket", "comment", "attachment", "worklog", "link", "history", "conflict", "article",
                     "article_link", "rating"]
Outcome = Literal["applied", "merged", "rejected"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CommandIn(Strict):
    """The command that made a change, as core.commands runs it again."""

    name: str = Field(max_length=40)
    args: dict[str, Any]


class EntryIn(Strict):
    id: uuid.UUID
    seq: int = Field(ge=1)
    kind: EntryKind
    record_id: uuid.UUID
    op: Literal["create", "update", "insert", "set"]
    data: dict[str, Any]
    base: dict[str, str | None] = Field(default_factory=dict)
    actor_id: uuid.UUID
    occurred_at: datetime
    hlc: str = Field(max_length=40)
    # On the first change of a command: the command. On its later changes: the first
    # change's id. The server answers the command as one.
    command: CommandIn | None = None
    part_of: uuid.UUID | None = None


class PushRequest(Strict):
    protocol: int
    schema_revision: str = Field(max_length=40)
    client_id: uuid.UUID
    entries: list[EntryIn] = Field(max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _distinct(self) -> PushRequest:
        # Two entries of one batch under one number (or one id) is a malformed batch,
        # not a store restored from a copy.
        if len({e.seq for e in self.entries}) != len(self.entries):
            raise ValueError("two entries of the batch have the same seq")
        if len({e.id for e in self.entries}) != len(self.entries):
            raise ValueError("two entries of the batch have the same id")
        return self


class EntryResult(Strict):
    id: uuid.UUID
    seq: int
    outcome: Outcome
    reason: str | None = None
    # For a rejected entry, and for any entry answered a second time: the record as
    # the server holds it (None when the server has none the caller may see), so the
    # client can undo the change, or drop a stale view of it, at once.
    record: dict[str, Any] | None = None
    # Of the history events the device wrote for this entry, those the server holds too.
    events: list[uuid.UUID] = Field(default_factory=list)


class PushResponse(Strict):
    server_time: datetime
    results: list[EntryResult]


class RecordOut(Strict):
    kind: RecordKind
    id: uuid.UUID
    seq: int
    # None: the record has left the caller's scope; the client removes it
    data: dict[str, Any] | None


class PullResponse(Strict):
    server_time: datetime
    cursor: int
    more: bool
    records: list[RecordOut]
    # The highest sequence number of the asking store's own entries the server has
    # answered (Replicache's last mutation id): what the records already include, and
    # what the store must not run again over them, answered to it or not.
    answered_through: int = 0


class VersionProblem(Strict):
    detail: str
    protocol: int
    schema_revision: str
