"""The ticket API's bodies: the read side's answers, built from its own types
(core.ticket_query.TicketRow, core.ticket_detail.TicketDetail) by their attributes,
and a new ticket as an integration sends it."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from core.orgspec import TICKET_TYPES
from core.services.tickets import CHANNELS
from core.sla.engine import SlaReport
from server.schemas.common import Body, Code, Username


class FromCore(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TicketRowOut(FromCore):
    id: uuid.UUID
    number: str
    title: str
    status: str
    priority: str
    site: str | None
    category: str | None
    team: str | None
    assignee: str | None = Field(description="username")
    assignee_name: str | None = None
    created_at: str | None = None
    updated_at: str | None = Field(description="ISO 8601 UTC, e.g. 2026-03-01T08:15:00Z")
    response_due_at: str | None = None
    response_state: str | None = None
    resolution_due_at: str | None = None
    resolution_state: str | None = None
    sla_next_at: str | None = Field(default=None, description="the next SLA warning or breach, if a clock runs")
    sla_due: str | None = Field(default=None, description="a breached clock's breach, else the running clock due "
                                                          "first; what sort=sla_due orders by")
    sla_state: str | None = Field(default=None, description="breached, warning, running or paused")


class TicketPage(BaseModel):
    total: int = Field(description="tickets matching the filters, in the caller's scope")
    skip: int
    limit: int
    items: list[TicketRowOut]


class HistoryOut(FromCore):
    at: str | None
    actor: str | None
    device: str
    kind: str
    field: str | None
    old: Any = None
    new: Any = None
    note: str | None


class CommentOut(FromCore):
    id: str
    at: str | None
    author: str | None
    public: bool
    body: str


class WorkLogOut(FromCore):
    at: str | None
    author: str | None
    minutes: int
    note: str


class LinkOut(FromCore):
    kind: str = Field(description="relates, duplicates, follows_up or caused_by, as the ticket that made it says")
    ticket: str = Field(description="the other ticket's number")
    at: str | None
    direction: str = Field(description="outgoing: this ticket made the link (this ticket caused_by the other); "
                                        "incoming: the other ticket made it")
    title: str | None = Field(default=None, description="the other ticket's; null outside the caller's scope")
    status: str | None = Field(default=None, description="the other ticket's; null outside the caller's scope")


class RelatedTicketOut(FromCore):
    number: str
    title: str | None = Field(description="null outside the caller's scope")
    status: str | None = Field(description="null outside the caller's scope")


class AttachmentOut(FromCore):
    id: str
    at: str | None
    author: str | None
    name: str
    size: int
    sha256: str = Field(description="the content's SHA-256; GET /blobs/{sha256} downloads it")
    media_type: str


class ConflictOut(FromCore):
    id: str
    field: str | None
    kept: Any = None
    lost: Any = None
    outcome: str | None
    kept_by: str | None
    lost_by: str | None
    at: str | None
    acknowledged_at: str | None


class TicketDetailOut(FromCore):
    """One ticket as `branchdesk ticket show --json` prints it (DESIGN §9)."""

    id: str
    number: str
    type: str
    title: str
    description: str
    status: str
    major_incident: bool
    pending_reason: str | None
    pending_supplier: str | None
    priority: str
    priority_reason: str | None
    impact: str
    urgency: str
    category: str | None
    site: str | None
    team: str | None
    tier: int
    assignee: str | None
    requester: str | None
    channel: str
    asset_tag: str | None
    fields: dict[str, Any]
    parent: str | None
    tasks: list[str]
    resolution_code: str | None
    resolution_note: str | None
    created_at: str | None
    updated_at: str | None
    first_response_at: str | None
    resolved_at: str | None
    closed_at: str | None
    sla: dict[str, Any] | None = Field(description="policy, calendar and clocks, as `sla explain --json` prints them")
    history: list[HistoryOut]
    comments: list[CommentOut] = Field(description="internal comments only for support staff")
    work_log: list[WorkLogOut]
    links: list[LinkOut] = Field(description="outgoing and incoming links")
    attachments: list[AttachmentOut]
    conflicts: list[ConflictOut]
    parent_ticket: RelatedTicketOut | None = Field(default=None, description="the parent, with title and status")
    task_tickets: list[RelatedTicketOut] = Field(default=[], description="the tasks, with titles and statuses")

    @field_validator("sla", mode="before")
    @classmethod
    def _sla_as_printed(cls, value: Any) -> Any:
        return value.as_dict() if isinstance(value, SlaReport) else value


class TicketCountsOut(BaseModel):
    """Counts of the tickets in the caller's scope; every status is listed, even at 0."""

    total: int
    by_status: dict[str, int]
    by_site: dict[str, int]
    by_category: dict[str, int]


FieldValue = Annotated[str, StringConstraints(strict=True, max_length=2000)] | bool | int | float


class TicketCreate(Body):
    """A ticket logged by a monitoring system or another tool, with the same values and
    the same checks as `branchdesk ticket new`."""

    title: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
    category: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)] = Field(
        description="category path as the organisation file names it, e.g. 'Hardware/Printer'")
    impact: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40)] = Field(
        description="one of the organisation's impact levels")
    urgency: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40)] = Field(
        description="one of the organisation's urgency levels")
    type: Literal[TICKET_TYPES] = "incident"  # type: ignore[valid-type]
    description: Annotated[str, StringConstraints(strict=True, max_length=100_000)] = ""
    channel: Literal[CHANNELS] = "monitoring"  # type: ignore[valid-type]
    site: Code | None = Field(default=None, description="site code; default the requester's home site")
    requester: Username | None = Field(default=None, description="username; default the calling account")
    fields: Annotated[dict[Annotated[str, StringConstraints(max_length=100)], FieldValue],
                      Field(max_length=100, description="the category's fields, by key; true/false for yes/no")] = {}
    asset_tag: Annotated[str, StringConstraints(strict=True, max_length=100)] | None = None
    parent: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=100)] | None = Field(
        default=None, description="for a task: the number of a ticket this account logged")


class TicketCreated(BaseModel):
    id: uuid.UUID
    number: str = Field(description="the ticket's number, e.g. WAW01-SRV00-00042; GET /tickets/{number} reads it")
    status: str
    priority: str
    site: str
    team: str | None = Field(description="the team routing gave it; null for the triage queue")
