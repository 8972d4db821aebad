"""`branchdesk-server notifications [--failed]`: the notification outbox as an admin
reads it, one line a row, newest first; a failed row, or one waiting to be tried
again, says why."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Ticket, User
from server.models import Notification


def outbox_lines(session: Session, failed_only: bool = False, limit: int = 50) -> list[str]:
    query = (
        select(Notification, Ticket.number, User.username)
        .join(Ticket, Ticket.id == Notification.ticket_id, isouter=True)
        .join(User, User.id == Notification.user_id, isouter=True)
        .order_by(Notification.created_at.desc(), Notification.id)
        .limit(limit)
    )
    if failed_only:
        query = query.where(Notification.state == "failed")
    lines = []
    for row, number, username in session.execute(query):
        to = f"{row.channel} {username}" if row.user_id is not None else f"{row.channel} {row.target}"
        when = row.sent_at if row.state == "sent" and row.sent_at else row.created_at
        tries = f"{row.attempts} attempt{'s' if row.attempts != 1 else ''}"
        line = f"{when:%Y-%m-%d %H:%M}Z  {row.state:<7}  {number or '?':<12}  {row.reason:<14}  {to}  ({tries})"
        if row.state == "queued" and row.attempts:
            line += f"  next try {row.next_attempt_at:%Y-%m-%d %H:%M}Z"
        if row.error and row.state != "sent":
            line += f"  - {row.error}"
        lines.append(line)
    return lines
