"""Tickets and what hangs off them: comments, attachments, work logs, history events and links."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from core.ids import from_short_id, short_id
from core.models.base import Base

OPEN_STATUSES = ("new", "assigned", "in_progress", "pending")
DONE_STATUSES = ("resolved", "closed", "cancelled")

# The ticket fields a change entry may set; each has a version (the id of the
# change entry that last set it) in Ticket.versions, which sync merges on.
REPLICATED_FIELDS = (
    "number", "type", "title", "description", "status", "major_incident", "channel",
    "requester_id", "site_id", "asset_tag", "category_id", "impact", "urgency",
    "priority", "priority_reason", "team_id", "assignee_id", "tier", "pending_reason",
    "pending_supplier_id", "resolution_code", "resolution_note", "fields", "parent_id",
    "created_at", "created_by_id", "first_response_at", "resolved_at", "closed_at",
)

# Ticket.versions maps a field to the id of the change entry that last set it; the
# entry that created the ticket stands for every field not listed (key "*").
ALL_FIELDS = "*"


def version_of(versions: dict[str, Any], field: str) -> str | None:
    return versions.get(field) or versions.get(ALL_FIELDS)


class Versions(TypeDecorator[dict[str, Any]]):
    """Ticket.versions, kept by version: each change entry's id once, in 22 characters
    (core.ids.short_id), with the fields it last set, `{"<id>": ["status", "closed_at"]}`,
    where field by field with the id's text it took twice the room (some 430 bytes a
    ticket). Reads back field by field, as a map kept before store 0013 and server
    0016 also does; a map whose versions are not all ids is kept as it is."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> dict[str, Any] | None:
        if value is None:
            return None
        grouped: dict[str, list[str]] = {}
        for name, version in value.items():
            try:
                key = short_id(uuid.UUID(str(version)))
            except ValueError:
                return value
            grouped.setdefault(key, []).append(name)
        return grouped

    def process_result_value(self, value: dict[str, Any] | None, dialect: Dialect) -> dict[str, Any] | None:
        if not value or not all(isinstance(names, list) for names in value.values()):
            return value
        return {name: str(from_short_id(key)) for key, names in value.items() for name in names}


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_assignee", "status", "assignee_id"),
        Index("ix_tickets_team_status", "team_id", "status"),
        Index("ix_tickets_site_status", "site_id", "status"),
        Index("ix_tickets_requester", "requester_id"),
        Index("ix_tickets_updated", "updated_at"),
        Index("ix_tickets_created", "created_at"),
        Index("ix_tickets_parent", "parent_id"),
        Index("ix_tickets_sla_next", "sla_next_at"),
        Index("ix_tickets_resolution_due", "resolution_due_at"),
        # narrow indexes that let a sorted page of 100,000 tickets walk an index
        Index("ix_tickets_title", "title"),
        Index("ix_tickets_priority", "priority"),
        Index("ix_tickets_category", "category_id"),
        Index("ix_tickets_assignee", "assignee_id"),
        # the period filters of reports (core.reports.kpis; store 0009, server 0011)
        Index("ix_tickets_resolved", "resolved_at"),
        Index("ix_tickets_response_stopped", "response_stopped_at"),
        # repeats: a site and category's resolutions before an instant (store 0010, server 0012)
        Index("ix_tickets_site_category_resolved", "site_id", "category_id", "resolved_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    major_incident: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(20), default="portal")
    requester_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"))
    asset_tag: Mapped[str | None] = mapped_column(String(100))
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    impact: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(20))
    # set when support staff overrode the computed priority; None means computed
    priority_reason: Mapped[str | None] = mapped_column(Text)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    tier: Mapped[int] = mapped_column(Integer, default=1)
    pending_reason: Mapped[str | None] = mapped_column(String(20))
    pending_supplier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("suppliers.id"))
    resolution_code: Mapped[str | None] = mapped_column(String(40))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict[str, Any]]
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    versions: Mapped[dict[str, Any]] = mapped_column(Versions)

    # SLA figures, derived from the history by core.sla and stored so that queues
    # such as "breaching soon" are one indexed query. Never synced: every replica
    # computes the same values from the same history.
    sla_policy: Mapped[str | None] = mapped_column(String(200))
    response_due_at: Mapped[datetime | None]
    response_state: Mapped[str | None] = mapped_column(String(10))
    resolution_due_at: Mapped[datetime | None]
    resolution_state: Mapped[str | None] = mapped_column(String(10))
    # the next instant a warning or a breach falls due (a past one while breached and open)
    sla_next_at: Mapped[datetime | None]
    # a stopped clock's business seconds and the instant it stopped (both None while
    # it runs or is paused): what reports take medians and means of, in SQL
    response_elapsed_s: Mapped[int | None]
    response_stopped_at: Mapped[datetime | None]
    resolution_elapsed_s: Mapped[int | None]
    resolution_stopped_at: Mapped[datetime | None]
    # the OLA and supplier clocks (core.sla.figures.clock_rows): None until computed,
    # which marks a ticket the backfill has still to reach; [] when it has none
    sla_clocks: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    # what reports need of the history (core.reports.facts), kept with the SLA figures:
    # reopened (resolved, then opened again); handed from one team or person to
    # another; resolved by its assignee (unassigned: by whoever resolved it)
    reopened: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    handed_over: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    resolved_by_assignee: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class TicketClock(Base):
    """One of the ticket's OLA and supplier clocks (Ticket.sla_clocks) as a row, for
    reports to filter and group in SQL; written with the SLA figures, never synced."""

    __tablename__ = "ticket_clocks"
    __table_args__ = (Index("ix_ticket_clocks_decided", "decided_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # ola-response | ola | supplier-response | supplier
    kind: Mapped[str] = mapped_column(String(20))
    # the team's or the supplier's code
    code: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(10))
    elapsed_s: Mapped[int | None]
    target_s: Mapped[int | None]
    # the epoch second it was decided (stopped when met, passed its target when breached)
    decided_at: Mapped[int | None] = mapped_column(BigInteger)


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_ticket", "ticket_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(40))


class Attachment(Base):
    """A file added to a ticket. The row names the content by its SHA-256; the bytes
    live apart (core.blobs on a device, the server's blob table), so a row syncs at
    once and its content travels separately, resumably."""

    __tablename__ = "attachments"
    # by sha256: who may fetch a content is decided by the tickets that hold it
    __table_args__ = (Index("ix_attachments_ticket", "ticket_id"), Index("ix_attachments_sha256", "sha256"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(40))


class WorkLog(Base):
    __tablename__ = "work_logs"
    __table_args__ = (Index("ix_work_logs_ticket", "ticket_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    minutes: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(40))


class HistoryEvent(Base):
    """One change of one field (or one event such as creation), never edited."""

    __tablename__ = "history"
    __table_args__ = (
        # A ticket's events, and its changes of one field, which reports look up per
        # ticket (store 0009, server 0011). The one index by ticket since store 0011,
        # server 0014: a ticket's few dozen events are read whole and sorted.
        Index("ix_history_ticket_field", "ticket_id", "field"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    device: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[datetime]
    # the change entry's hybrid logical clock stamp: orders events within one second
    stamp: Mapped[str | None] = mapped_column(String(40))
    # created | field | comment | worklog | link | sla_warning | sla_breach | ...
    kind: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(40))
    old: Mapped[Any | None] = mapped_column(JSON)
    new: Mapped[Any | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    # The notices the change sent (core.notices), on the first event it wrote on the
    # ticket, or on a `notice` event of their own when it wrote none (a reply):
    # [[reason, [person, ...], note], ...], each person as core.ids.short_id gives
    # it. Before store 0013 and server 0016, each notice was a `notice` event of its
    # own (reason in field, people in new).
    notices: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))


class TicketLink(Base):
    __tablename__ = "ticket_links"
    __table_args__ = (Index("ix_ticket_links_ticket", "ticket_id"), Index("ix_ticket_links_other", "other_id"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    other_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    # relates | duplicates | follows_up | caused_by
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))


class Conflict(Base):
    """A value that lost a concurrent change of one field (DESIGN §6 Merge).

    Made by the server when it merges, synced to every replica that holds the
    ticket, and shown to the people involved until one of them acknowledges it."""

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_ticket", "ticket_id"), Index("ix_conflicts_open", "acknowledged_at"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    field: Mapped[str] = mapped_column(String(40))
    kept: Mapped[Any | None] = mapped_column(JSON)
    lost: Mapped[Any | None] = mapped_column(JSON)
    # rejected: the losing change was refused (a status the lifecycle no longer allowed);
    # overridden: a later change replaced it
    outcome: Mapped[str] = mapped_column(String(12))
    kept_actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    lost_actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    lost_entry_id: Mapped[uuid.UUID]
    occurred_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
