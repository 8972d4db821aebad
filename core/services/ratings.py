"""Requesters rate their resolved tickets (DESIGN §15): satisfaction 1-5, effort 1-5
("how easy was it to get this solved", 5 the easiest) and an optional comment.

The rules: only the ticket's requester rates it; a ticket has one rating (its id
derives from the ticket's), which she may change while the ticket is resolved and
no longer once it is closed (a closed ticket not yet rated may still be rated once);
an open or cancelled ticket is not rated. One command, `rate`, replayed by sync as
every other."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import iso
from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from core.ids import derived_id
from core.models import Rating, Ticket
from core.reference import Reference, UserInfo
from core.scope import can_see_ticket
from core.services.tickets import find_ticket
from core.uow import UnitOfWork

SCALE = range(1, 6)
COMMENT_MAX = 2000


@dataclass(frozen=True)
class RatingInfo:
    number: str
    score: int
    effort: int | None
    comment: str
    rater: str | None
    created_at: datetime
    updated_at: datetime
    # whether the requester may still change it (the ticket is resolved, not closed)
    changeable: bool

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "score": self.score, "effort": self.effort, "comment": self.comment,
                "rater": self.rater, "created_at": iso(self.created_at), "updated_at": iso(self.updated_at),
                "changeable": self.changeable}


def rating_id(ticket_id: uuid.UUID) -> uuid.UUID:
    return derived_id("rating", ticket_id)


def check_score(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in SCALE:
        raise InvalidInput(f"{what} is a whole number from 1 to 5, not {value!r}", what)
    return value


def refusal(user: UserInfo, ticket: Ticket, rated: bool) -> str | None:
    """Why this user may not rate (or re-rate) this ticket now; None when she may."""
    if ticket.requester_id != user.id:
        return f"only the ticket's requester may rate ticket {ticket.number}"
    if ticket.status in ("new", "assigned", "in_progress", "pending"):
        return (f"ticket {ticket.number} is {ticket.status.replace('_', ' ')}; a ticket is rated once it is "
                "resolved")
    if ticket.status == "cancelled":
        return f"ticket {ticket.number} was cancelled; there is nothing to rate"
    if ticket.status == "closed" and rated:
        return f"ticket {ticket.number} is closed; its rating can no longer be changed"
    return None


def rate(
    uow: UnitOfWork, actor: UserInfo, number: str, score: int, effort: int | None = None, comment: str = "",
    at: datetime | None = None,
) -> RatingInfo:
    """Rate or re-rate; returns the rating as it now stands (a new one is written with
    the work's buffered rows, so it is not read back within the work)."""
    now = uow.now(at)
    score = check_score(score, "score")
    if effort is not None:
        effort = check_score(effort, "effort")
    if not isinstance(comment, str):
        raise InvalidInput("the comment must be text", "comment")
    text = comment.strip()
    if len(text) > COMMENT_MAX:
        raise InvalidInput(f"the comment is {len(text)} characters; at most {COMMENT_MAX}", "comment")
    ticket = find_ticket(uow, actor, number)
    row_id = rating_id(ticket.id)
    # One this work wrote is among its pending rows; a stored one is read without
    # flushing first (a pushed or demo batch rates hundreds of tickets in one work).
    written = next((r for r in uow.pending_children(Rating.__table__) if r["id"] == row_id), None)
    with uow.session.no_autoflush:
        stored = uow.session.get(Rating, row_id) if written is None else None
    why = refusal(actor, ticket, written is not None or stored is not None)
    if why is not None:
        raise NotAllowed(why) if ticket.requester_id != actor.id else InvalidTransition(why)
    values = {"score": score, "effort": effort, "comment": text}
    if stored is not None:
        for name, value in values.items():
            setattr(stored, name, value)
        stored.updated_at = max(stored.updated_at, now)
        data = {c.key: getattr(stored, c.key) for c in Rating.__table__.columns}
    elif written is not None:
        written.update(values, updated_at=max(written["updated_at"], now))
        data = written
    else:
        data = {"id": row_id, "ticket_id": ticket.id, "rater_id": actor.id, **values, "created_at": now,
                "updated_at": now}
        uow.write_row(Rating.__table__, data)
    with uow.command("rate", {"number": number, "score": score, "effort": effort, "comment": comment}):
        uow.replicate(actor, "rating", row_id, "set", dict(data), now, ticket.id)
    return RatingInfo(number=ticket.number, score=score, effort=effort, comment=text,
                      rater=uow.ref.username_of(data["rater_id"]), created_at=data["created_at"],
                      updated_at=data["updated_at"], changeable=ticket.status == "resolved")


def rating_of(session: Session, ref: Reference, user: UserInfo, number: str) -> RatingInfo | None:
    """The ticket's rating, for anyone who sees the ticket; None when it has none."""
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    row = session.get(Rating, rating_id(ticket.id))
    if row is None:
        return None
    return RatingInfo(number=ticket.number, score=row.score, effort=row.effort, comment=row.comment,
                      rater=ref.username_of(row.rater_id), created_at=row.created_at, updated_at=row.updated_at,
                      changeable=ticket.status == "resolved")


def may_rate(session: Session, user: UserInfo, ticket: Ticket) -> bool:
    """Whether the window should offer this user the rating bar on this ticket."""
    return refusal(user, ticket, session.get(Rating, rating_id(ticket.id)) is not None) is None


def awaiting_rating(session: Session, user: UserInfo, limit: int = 50) -> list[str]:
    """Numbers of this user's resolved tickets she has not rated yet, newest first
    (for the notifications list)."""
    rated = select(Rating.ticket_id)
    return list(session.scalars(
        select(Ticket.number).where(Ticket.requester_id == user.id, Ticket.status == "resolved",
                                    Ticket.id.not_in(rated))
        .order_by(Ticket.resolved_at.desc()).limit(limit)))
