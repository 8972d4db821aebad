"""Major incidents (DESIGN §12): resolving one resolves the open incidents linked to it.

Which links mean "this incident is affected by the major incident", read from the
major incident's side:

- `caused_by` made by the other incident ("the till is down, caused by the major
  outage"): incoming. A major incident that is itself `caused_by` another incident
  names its cause, not a victim, so an outgoing `caused_by` is left alone;
- `duplicates` made by the other incident (it reports the same outage again):
  incoming only, for the same reason;
- `relates`, in either direction: it says the two are one matter, whoever linked it.

`follows_up` never does: a follow-up is new work opened after the old ticket ended.
Only open incidents are resolved, and only those the actor may see (core.scope, as
find_ticket decides); an incident flagged major is left to its own resolution. Each
affected incident is resolved with the major incident's resolution code and note, by
the same actor at the same instant, its history saying why, and its requester is told
(a `major_resolved` notice). One the lifecycle will not let resolve (it has open
tasks) stays open and is named in an internal note on the major incident: it never
fails the major incident's own resolution.

Everything happens inside the `move` command that resolved the major incident, so the
server and a rebasing store, running that command again, resolve the same incidents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select

from core.clock import iso
from core.errors import InvalidTransition, NotAllowed
from core.ids import derived_id
from core.lifecycle import MoveContext, check_move, left_behind
from core.models import Comment, Ticket, TicketLink
from core.models.tickets import OPEN_STATUSES
from core.reference import UserInfo
from core.scope import can_see_ticket
from core.uow import UnitOfWork

# link kinds that make the other ticket affected by the major incident, by who made the link
AFFECTED_WHEN_MADE_BY_OTHER = ("caused_by", "duplicates", "relates")
AFFECTED_WHEN_MADE_BY_MAJOR = ("relates",)
NOTICE_REASON = "major_resolved"


@dataclass(frozen=True)
class Cascade:
    """What resolving a major incident did to the incidents linked to it."""

    resolved: tuple[str, ...]  # numbers
    skipped: tuple[tuple[str, str], ...]  # (number, why it stays open)


def affected_incidents(uow: UnitOfWork, actor: UserInfo, major: Ticket) -> list[Ticket]:
    """The open incidents linked to `major` by a link that means "affected by", that
    `actor` may see, in number order (major incidents among them included)."""
    made_by_other = and_(TicketLink.other_id == major.id, TicketLink.kind.in_(AFFECTED_WHEN_MADE_BY_OTHER))
    made_by_major = and_(TicketLink.ticket_id == major.id, TicketLink.kind.in_(AFFECTED_WHEN_MADE_BY_MAJOR))
    with uow.session.no_autoflush:
        ends = uow.session.execute(
            select(TicketLink.ticket_id, TicketLink.other_id).where(or_(made_by_other, made_by_major))).all()
        others = {a if b == major.id else b for a, b in ends} - {major.id}
        found = list(uow.session.scalars(
            select(Ticket).where(Ticket.id.in_(others), Ticket.type == "incident",
                                 Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.number)
        )) if others else []
    return [t for t in found if t.is_open and can_see_ticket(actor, t)]


def resolve_linked(
    uow: UnitOfWork, actor: UserInfo, major: Ticket, code: str, note: str, at: datetime,
) -> Cascade:
    """Resolve the open incidents affected by `major`, which this command has just
    resolved with `code` and `note` at `at`; tell each one's requester."""
    from core.services.tickets import _open_tasks

    resolved: list[str] = []
    skipped: list[tuple[str, str]] = []
    for child in affected_incidents(uow, actor, major):
        uow.tickets_by_number[child.number] = child
        why = _why_not(uow, actor, child, at)
        if why is not None:
            skipped.append((child.number, why))
            continue
        tasks = _open_tasks(uow, child)
        if tasks:
            skipped.append((child.number, f"{tasks} open task{'s' if tasks != 1 else ''}"))
            continue
        values: dict[str, object] = {
            "status": "resolved", **left_behind(child.status, "resolved"), "resolution_code": code,
            "resolution_note": note, "resolved_at": at,
        }
        if child.first_response_at is None:
            values["first_response_at"] = at
        uow.update_ticket(actor, child, values, at, note=f"resolved with major incident {major.number}")
        uow.notify(child.id, NOTICE_REASON, [child.requester_id],
                   f"Resolved with major incident {major.number}: {note}", actor=actor, at=at)
        resolved.append(child.number)
    if skipped:
        _note_skipped(uow, actor, major, skipped, at)
    return Cascade(tuple(resolved), tuple(skipped))


def _why_not(uow: UnitOfWork, actor: UserInfo, child: Ticket, at: datetime) -> str | None:
    """Why this incident stays open when its major incident is resolved, or None."""
    if child.major_incident:
        return "a major incident of its own"
    context = MoveContext(status=child.status, role=actor.role, is_requester=child.requester_id == actor.id,
                          resolved_at=child.resolved_at, auto_close_days=uow.ref.spec.auto_close_days, now=at)
    try:
        check_move(context, "resolved")
    except (InvalidTransition, NotAllowed) as exc:
        return str(exc)
    return None


def _note_skipped(
    uow: UnitOfWork, actor: UserInfo, major: Ticket, skipped: list[tuple[str, str]], at: datetime,
) -> None:
    """An internal note on the major incident naming the linked incidents left open.
    Its id derives from the major incident and the instant it was resolved, which the
    command carries wherever it runs, so every replica writes the same note (and one
    resolved again within the same second keeps the note it has)."""
    note_id = derived_id("major-skipped", major.id, iso(at))
    if uow.session.get(Comment, note_id) is not None:
        return
    body = "Still open, not resolved with this major incident: " + "; ".join(
        f"{number} ({why})" for number, why in skipped)
    row = Comment(id=note_id, ticket_id=major.id, author_id=actor.id, body=body, public=False, created_at=at,
                  device=uow.device)
    uow.insert_child(actor, "comment", row, major, at)
