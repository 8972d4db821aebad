"""What one notification says, read from the database when it is sent, and how a
delivery went. The channels (server.mail_out, server.webhooks) turn a `Notice` into
their own format; server.delivery decides what an `Outcome` means for the row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Notice:
    notification_id: uuid.UUID
    event_id: uuid.UUID  # the notice's own id (core.notices.notice_id)
    reason: str  # assigned | reply | status | resolved | sla_warning | ... (core.notices.REASONS)
    note: str  # what happened, in words: a resolution note, a rule's name and what it did
    occurred_at: datetime
    ticket_id: uuid.UUID
    number: str
    title: str
    priority: str
    status: str
    site_code: str
    site_name: str
    team: str | None
    organisation: str
    # the person told (None for a chat channel)
    name: str | None = None
    email: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class Outcome:
    """sent; retry (the other side answered "later", or the transfer broke: counts as
    an attempt); refused (it will never take this one); unreachable (nothing reached
    the other side: the row waits, no attempt counted, the channel rests this pass)."""

    kind: str
    reason: str = ""

    @classmethod
    def sent(cls) -> Outcome:
        return cls("sent")

    @classmethod
    def retry(cls, reason: str) -> Outcome:
        return cls("retry", reason)

    @classmethod
    def refused(cls, reason: str) -> Outcome:
        return cls("refused", reason)

    @classmethod
    def unreachable(cls, reason: str) -> Outcome:
        return cls("unreachable", reason)
