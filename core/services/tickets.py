"""Ticket commands. Each runs inside one unit of work (one transaction), checks the
actor's role and scope and the lifecycle first, then writes the change, its history
and its change-log entries through the unit of work."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import inspect, select

from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from core.fields import validate_fields
from core.ids import derived_id, new_id
from core.lifecycle import RESOLUTION_CODES, MoveContext, check_move, is_support, left_behind
from core.models import Comment, Ticket, TicketLink, WorkLog
from core.models.tickets import OPEN_STATUSES
from core.orgspec import PENDING_REASONS, TICKET_TYPES
from core.priority import check_impact_urgency, compute_priority
from core.reference import SYSTEM_USER, Reference, UserInfo
from core.routing import escalation_team, route
from core.scope import can_see, can_see_ticket
from core.uow import UnitOfWork

CHANNELS = ("portal", "phone", "email", "walk_in", "chat", "monitoring")
LINK_KINDS = ("relates", "duplicates", "follows_up", "caused_by")
TITLE_MAX = 300


@dataclass
class NewTicket:
    title: str
    category: str
    impact: str
    urgency: str
    type: str = "incident"
    description: str = ""
    channel: str = "portal"
    requester: str | None = None
    site: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    asset_tag: str | None = None
    parent: str | None = None
    major_incident: bool = False


@dataclass(frozen=True)
class Made:
    """What creating a ticket drew where it was made: its id, its number and where
    routing sent it. Run again elsewhere (the server, a rebase), the command takes
    these as they were, so a ticket is the same ticket on every replica."""

    id: uuid.UUID
    number: str
    team_id: uuid.UUID | None
    assignee_id: uuid.UUID | None
    # the priority the routing rule set (None: computed from impact and urgency), and the rule
    priority: str | None = None
    rule: str | None = None


@dataclass
class TicketEdit:
    title: str | None = None
    description: str | None = None
    impact: str | None = None
    urgency: str | None = None
    category: str | None = None
    type: str | None = None
    priority: str | None = None
    priority_reason: str | None = None
    asset_tag: str | None = None
    major_incident: bool | None = None
    fields: dict[str, str] | None = None


# -- lookups ------------------------------------------------------------------

def find_ticket(uow: UnitOfWork, actor: UserInfo, number: str) -> Ticket:
    """The ticket by number, as this actor may see it. One outside the actor's scope
    is reported as not found, so that numbers cannot be probed."""
    ticket = uow.tickets_by_number.get(number)
    if ticket is None:
        with uow.session.no_autoflush:
            ticket = uow.session.scalar(select(Ticket).where(Ticket.number == number))
        if ticket is not None:
            uow.tickets_by_number[number] = ticket
    if ticket is None or not can_see_ticket(actor, ticket):
        raise NotFound(f"no ticket {number}")
    return ticket


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("a ticket needs a title", "title")
    if len(title) > TITLE_MAX:
        raise InvalidInput(f"the title is {len(title)} characters; at most {TITLE_MAX}", "title")
    return title


def _require_support(actor: UserInfo, what: str) -> None:
    if not is_support(actor.role) and actor.role != "system":
        raise NotAllowed(f"only support staff may {what}; you are a {actor.role}")


def _require_open_for_change(ticket: Ticket) -> None:
    if ticket.status in ("closed", "cancelled"):
        raise InvalidTransition(
            f"ticket {ticket.number} is {ticket.status}; open a follow-up ticket linked to it instead"
        )


def _priority_for(ref: Reference, ticket: Ticket, changes: dict[str, Any] | None = None) -> str:
    """The computed priority of the ticket as it stands, or as it would with `changes`."""
    def value(name: str) -> Any:
        return (changes or {}).get(name, getattr(ticket, name))

    requester = ref.users.get(value("requester_id"))
    return compute_priority(
        ref.spec.priority, value("impact"), value("urgency"),
        vip_or_critical=bool(requester and requester.vip) or ref.sites[value("site_id")].critical,
        security=ref.categories[value("category_id")].security,
    )


def _number(uow: UnitOfWork, site_code: str) -> str:
    # Site, device and the device's own sequence: unique across devices without asking anyone.
    return f"{site_code}-{uow.device}-{uow.counter('ticket_number'):05d}"


# -- commands -----------------------------------------------------------------

def create(
    uow: UnitOfWork, actor: UserInfo, cmd: NewTicket, at: datetime | None = None, made: Made | None = None,
    *, fields_required: bool = True,
) -> Ticket:
    ref = uow.ref
    now = uow.now(at)
    title = _check_title(cmd.title)
    if cmd.type not in TICKET_TYPES:
        raise InvalidInput(f"type must be one of {', '.join(TICKET_TYPES)}, not {cmd.type!r}", "type")
    if cmd.channel not in CHANNELS:
        raise InvalidInput(f"channel must be one of {', '.join(CHANNELS)}, not {cmd.channel!r}", "channel")
    category = ref.category(cmd.category)
    check_impact_urgency(ref.spec.priority, cmd.impact, cmd.urgency)
    values = validate_fields(category.fields, cmd.fields, required=fields_required)

    if actor.role == "requester":
        if cmd.requester not in (None, actor.username):
            raise NotAllowed("a requester logs tickets for themselves only")
        if cmd.major_incident:
            raise NotAllowed("only support staff may flag a major incident")
        requester = actor
    elif cmd.requester:
        requester = ref.user(cmd.requester, "requester")
    else:
        requester = actor
    if actor.role == "integration" and cmd.major_incident:
        raise NotAllowed("only support staff may flag a major incident")
    if not requester.active:
        raise InvalidInput(f"user {requester.username!r} is disabled", "requester")

    parent = None
    if cmd.parent:
        parent = find_ticket(uow, actor, cmd.parent)
        if not parent.is_open:
            raise InvalidInput(f"ticket {parent.number} is {parent.status}; tasks go under open tickets", "parent")
    elif cmd.type == "task":
        raise InvalidInput("a task belongs under a parent ticket; name it with --parent", "parent")
    parent_id = parent.id if parent is not None else None

    if cmd.site:
        site = ref.site(cmd.site)
    elif parent is not None:
        site = ref.sites[parent.site_id]  # work under a ticket is done where the ticket is
    elif requester.site_id is not None:
        site = ref.sites[requester.site_id]
    else:
        raise InvalidInput(f"{requester.username} has no home site; say which site with --site", "site")
    if actor.role == "requester" and site.id != actor.site_id:
        raise NotAllowed("a requester logs tickets for their own site only")
    if cmd.major_incident and cmd.type != "incident":
        raise InvalidInput("only an incident can be a major incident", "major_incident")

    if made is None:
        where = route(uow.session, ref, uow.counter, type=cmd.type, category=category.path, site=site.code,
                      title=title, answers=values)
        made = Made(new_id(), _number(uow, site.code), where.team_id, where.assignee_id, where.priority,
                    where.rule)
    else:
        _check_made(uow, made, site.code)
    team = ref.teams.get(made.team_id) if made.team_id else None
    # an integration (monitoring) logs tickets for any site; it reads back only what it logged
    if actor.role != "integration" and not can_see(actor, site.id, made.team_id, made.assignee_id):
        # the ticket would vanish from the actor's own view at the next sync
        raise NotAllowed(f"the ticket would go to {team.code if team else 'triage'} at {site.code}, outside "
                         "the tickets you work on; ask the central desk to log it")
    ticket = Ticket(
        id=made.id, number=made.number, type=cmd.type, title=title,
        description=cmd.description.strip(), status="assigned" if made.assignee_id else "new",
        major_incident=cmd.major_incident, channel=cmd.channel, requester_id=requester.id, site_id=site.id,
        asset_tag=(cmd.asset_tag or None), category_id=category.id, impact=cmd.impact, urgency=cmd.urgency,
        priority="", priority_reason=None, team_id=made.team_id, assignee_id=made.assignee_id,
        tier=team.tier if team else 1, pending_reason=None, pending_supplier_id=None,
        resolution_code=None, resolution_note=None, fields=values, parent_id=parent_id,
        created_at=now, created_by_id=actor.id, updated_at=now,
        first_response_at=None, resolved_at=None, closed_at=None, versions={},
    )
    ticket.priority = _priority_for(ref, ticket)
    if made.priority is not None:
        # the routing rule's priority, recorded as an override (as an agent's is)
        ticket.priority, ticket.priority_reason = made.priority, f"routing rule {made.rule or ''}".strip()
    note = None
    if made.rule is not None:
        note = f"routed by rule {made.rule}"
        if made.priority is not None:
            note += f", which set priority {made.priority}"
    # the routing fields appear only when a rule drew them: a command as recorded before them reads the same
    recorded = {k: v for k, v in asdict(made).items() if v is not None or k not in ("priority", "rule")}
    with uow.command("create", {"ticket": asdict(cmd), "made": recorded}):
        uow.create_ticket(actor, ticket, now, note=note)
    return ticket


def _check_made(uow: UnitOfWork, made: Made, site_code: str) -> None:
    """A ticket made elsewhere keeps its id, number and routing, if they hold here."""
    parts = made.number.rsplit("-", 2)
    if len(parts) != 3 or parts[0] != site_code or not parts[1].isalnum() or not parts[2].isdigit():
        raise InvalidInput(f"ticket number {made.number!r} is not a number of site {site_code}", "number")
    taken = uow.session.scalar(select(Ticket.id).where((Ticket.number == made.number) | (Ticket.id == made.id)))
    if taken is not None:
        raise InvalidInput(f"ticket number {made.number} is taken", "number")
    team = uow.ref.teams.get(made.team_id) if made.team_id is not None else None
    if made.team_id is not None and team is None:
        raise InvalidInput("the ticket was routed to a team this organisation does not have", "team")
    if made.assignee_id is not None:
        assignee = uow.ref.users.get(made.assignee_id)
        if assignee is None or not is_support(assignee.role) or team is None or team.id not in assignee.team_ids:
            raise InvalidInput("the ticket was routed to someone who does not work for its team", "to")
    if made.priority is not None and made.priority not in uow.ref.spec.priority.levels:
        raise InvalidInput(f"the ticket was routed with priority {made.priority!r}, not a level of this "
                           "organisation", "priority")


def edit(uow: UnitOfWork, actor: UserInfo, number: str, cmd: TicketEdit, at: datetime | None = None) -> Ticket:
    ref = uow.ref
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    _require_support(actor, "edit a ticket")
    _require_open_for_change(ticket)
    values: dict[str, object] = {}
    if cmd.title is not None:
        values["title"] = _check_title(cmd.title)
    if cmd.description is not None:
        values["description"] = cmd.description.strip()
    if cmd.type is not None:
        if cmd.type not in TICKET_TYPES:
            raise InvalidInput(f"type must be one of {', '.join(TICKET_TYPES)}, not {cmd.type!r}", "type")
        if cmd.type == "task" and ticket.parent_id is None:
            raise InvalidInput("a task belongs under a parent ticket", "type")
        values["type"] = cmd.type
    impact = cmd.impact if cmd.impact is not None else ticket.impact
    urgency = cmd.urgency if cmd.urgency is not None else ticket.urgency
    check_impact_urgency(ref.spec.priority, impact, urgency)
    values["impact"], values["urgency"] = impact, urgency
    category = ref.categories[ticket.category_id]
    if cmd.category is not None:
        category = ref.category(cmd.category)
        values["category_id"] = category.id
    if cmd.fields is not None or cmd.category is not None:
        merged = {**{k: str(v) for k, v in ticket.fields.items()}, **(cmd.fields or {})}
        known = {f.key for f in category.fields}
        values["fields"] = validate_fields(category.fields, {k: v for k, v in merged.items() if k in known})
    if cmd.asset_tag is not None:
        values["asset_tag"] = cmd.asset_tag or None
    major = cmd.major_incident if cmd.major_incident is not None else ticket.major_incident
    if major and (values.get("type") or ticket.type) != "incident":
        raise InvalidInput("only an incident can be a major incident", "major_incident")
    if cmd.major_incident is not None:
        values["major_incident"] = cmd.major_incident

    if cmd.priority is not None:
        if actor.role not in ("agent", "manager", "admin"):
            raise NotAllowed("only agents and managers may override the priority")
        if cmd.priority not in ref.spec.priority.levels:
            levels = ", ".join(ref.spec.priority.levels)
            raise InvalidInput(f"priority must be one of {levels}, not {cmd.priority!r}", "priority")
        if not (cmd.priority_reason or "").strip():
            raise InvalidInput("overriding the priority needs a reason (--reason)", "reason")
        values["priority"] = cmd.priority
        values["priority_reason"] = cmd.priority_reason.strip() if cmd.priority_reason else None
    elif cmd.priority_reason is not None:
        raise InvalidInput("a reason goes with a priority override (--priority)", "reason")

    elif ticket.priority_reason is None:
        # A computed priority follows impact, urgency, category and requester, in the same change.
        values["priority"] = _priority_for(ref, ticket, values)
    note = cmd.priority_reason.strip() if cmd.priority and cmd.priority_reason else None
    with uow.command("edit", {"number": number, "edit": asdict(cmd)}):
        if not uow.update_ticket(actor, ticket, values, now, note=note):
            raise InvalidInput("nothing to change: every value given is the ticket's current one")
    return ticket


def assign(
    uow: UnitOfWork, actor: UserInfo, number: str, *, team: str | None = None, to: str | None = None,
    at: datetime | None = None, note: str | None = None,
) -> Ticket:
    """Give the ticket to a team and/or a person. A new ticket becomes assigned; an
    assigned one is reassigned; one in progress is handed over (back to assigned)."""
    ref = uow.ref
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    _require_support(actor, "assign tickets")
    if team is None and to is None:
        raise InvalidInput("say whom to assign to: --team CODE and/or --to USERNAME")
    new_team = ref.team(team) if team else (ref.teams.get(ticket.team_id) if ticket.team_id else None)
    assignee = ref.user(to, "to") if to else None
    if assignee is not None:
        if not is_support(assignee.role):
            raise InvalidInput(f"{assignee.username} is a {assignee.role} and cannot work tickets", "to")
        if not assignee.active:
            raise InvalidInput(f"user {assignee.username!r} is disabled", "to")
        if new_team is None or new_team.id not in assignee.team_ids:
            if team:
                raise InvalidInput(f"{assignee.username} is not in team {new_team.code if new_team else team}", "to")
            homes = [ref.teams[t] for t in sorted(assignee.team_ids, key=str)]
            new_team = homes[0] if homes else new_team
    target = "assigned"
    if ticket.status in ("pending", "resolved", "closed", "cancelled"):
        raise InvalidTransition(f"a {ticket.status} ticket cannot be assigned; move it back to in_progress first")
    check_move(_move_context(uow, actor, ticket, now), target)
    values: dict[str, object] = {
        "status": target,
        "team_id": new_team.id if new_team else None,
        "assignee_id": assignee.id if assignee else (ticket.assignee_id if not team else None),
    }
    if new_team is not None:
        values["tier"] = new_team.tier
    if values["assignee_id"] is not None and ticket.assignee_id == values["assignee_id"] and team is None:
        raise InvalidInput(f"ticket {number} is already assigned to {to}")
    with uow.command("assign", {"number": number, "team": team, "to": to, "note": note}):
        uow.update_ticket(actor, ticket, values, now, note=note)
    return ticket


def escalate(uow: UnitOfWork, actor: UserInfo, number: str, at: datetime | None = None,
             note: str | None = None) -> Ticket:
    """Hand the ticket to the team its current team escalates to (the next tier): for the
    country of the ticket's site, if the team names one there, else its escalates_to."""
    ticket = find_ticket(uow, actor, number)
    _require_support(actor, "escalate tickets")
    ref = uow.ref
    team = ref.teams.get(ticket.team_id) if ticket.team_id else None
    target = escalation_team(ref, team.code, ref.sites[ticket.site_id].code) if team is not None else None
    if team is None or target is None:
        raise InvalidTransition(f"ticket {number} has no team to escalate to")
    with uow.command("escalate", {"number": number, "note": note}):
        return assign(uow, actor, number, team=target.code, at=at, note=note or f"escalated from {team.code}")


def _open_tasks(uow: UnitOfWork, parent: Ticket) -> int:
    """Tasks under the ticket that are still open, as this command sees them, without
    flushing the whole session first: rows read from the store, overridden by the
    tasks this work holds in memory, the ones it made included."""
    session = uow.session
    # Core, not the ORM: this runs for every resolve, and plain rows are all it needs.
    # A ticket this work made is not stored yet, and neither is any task under it.
    tickets = Ticket.__table__.c
    stored = [] if inspect(parent).pending else session.connection().execute(
        select(tickets.id, tickets.status).where(tickets.parent_id == parent.id)
    ).all()
    statuses = {}
    for task_id, status in stored:
        held = session.identity_map.get(session.identity_key(Ticket, task_id))
        statuses[task_id] = held.status if held is not None else status
    # every ticket a command makes or finds is in tickets_by_number
    for task in uow.tickets_by_number.values():
        if task.parent_id == parent.id:
            statuses[task.id] = task.status
    return sum(1 for status in statuses.values() if status in OPEN_STATUSES)


def _move_context(uow: UnitOfWork, actor: UserInfo, ticket: Ticket, now: datetime) -> MoveContext:
    return MoveContext(
        status=ticket.status, role=actor.role, is_requester=ticket.requester_id == actor.id,
        resolved_at=ticket.resolved_at, auto_close_days=uow.ref.spec.auto_close_days, now=now,
    )


def allowed_moves(uow: UnitOfWork, actor: UserInfo, ticket: Ticket) -> list[str]:
    from core.lifecycle import allowed_targets

    return allowed_targets(_move_context(uow, actor, ticket, uow.now()))


def move(
    uow: UnitOfWork, actor: UserInfo, number: str, status: str, *, reason: str | None = None,
    supplier: str | None = None, code: str | None = None, note: str | None = None,
    at: datetime | None = None,
) -> Ticket:
    ref = uow.ref
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    if status == "assigned":
        raise InvalidInput("use 'ticket assign' to assign a ticket to a team or a person")
    check_move(_move_context(uow, actor, ticket, now), status)
    values: dict[str, object] = {"status": status, **left_behind(ticket.status, status)}
    if status == "pending":
        if reason not in PENDING_REASONS:
            raise InvalidInput(f"putting a ticket on hold needs --reason, one of {', '.join(PENDING_REASONS)}",
                               "reason")
        values["pending_reason"] = reason
        if reason == "supplier":
            if not supplier:
                raise InvalidInput("waiting on a supplier needs --supplier CODE", "supplier")
            values["pending_supplier_id"] = ref.supplier(supplier).id
        elif supplier:
            raise InvalidInput("--supplier goes with --reason supplier", "supplier")
    elif reason or supplier:
        raise InvalidInput("--reason and --supplier go with a move to pending", "reason")
    if status == "resolved":
        if code not in RESOLUTION_CODES:
            raise InvalidInput(f"resolving needs --code, one of {', '.join(RESOLUTION_CODES)}", "code")
        if not (note or "").strip():
            raise InvalidInput("resolving needs a resolution note (--note)", "note")
        open_tasks = _open_tasks(uow, ticket)
        if open_tasks:
            raise InvalidTransition(f"ticket {number} still has {open_tasks} open task(s); finish them first")
        values["resolution_code"], values["resolution_note"] = code, (note or "").strip()
        values["resolved_at"] = now
    elif code:
        raise InvalidInput("--code goes with a move to resolved", "code")
    if status == "in_progress" and ticket.status != "resolved" and ticket.assignee_id is None \
            and is_support(actor.role):
        values["assignee_id"] = actor.id
        if ticket.team_id is None or ticket.team_id not in actor.team_ids:
            teams = sorted(actor.team_ids, key=str)
            if teams:
                values["team_id"] = teams[0]
    if status in ("in_progress", "resolved") and ticket.first_response_at is None and ticket.status != "resolved":
        values["first_response_at"] = now
    if status == "closed":
        values["closed_at"] = now
    history_note = note if status != "resolved" else None
    args = {"number": number, "status": status, "reason": reason, "supplier": supplier, "code": code, "note": note}
    with uow.command("move", args):
        uow.update_ticket(actor, ticket, values, now, note=history_note)
        if status == "resolved" and ticket.major_incident:
            from core.services.major import resolve_linked  # major imports this module

            resolve_linked(uow, actor, ticket, str(code), str(values["resolution_note"]), now)
    return ticket


def comment(
    uow: UnitOfWork, actor: UserInfo, number: str, text: str, *, internal: bool = False,
    at: datetime | None = None, id: uuid.UUID | None = None,
) -> Comment:
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    body = text.strip()
    if not body:
        raise InvalidInput("a comment needs some text", "text")
    if internal and not is_support(actor.role):
        raise NotAllowed("only support staff may add internal notes")
    if ticket.status in ("closed", "cancelled"):
        raise InvalidTransition(f"ticket {number} is {ticket.status}; open a follow-up ticket linked to it")
    row = Comment(id=id or new_id(), ticket_id=ticket.id, author_id=actor.id, body=body, public=not internal,
                  created_at=now, device=uow.device)
    with uow.command("comment", {"number": number, "text": text, "internal": internal, "id": row.id}):
        uow.insert_child(actor, "comment", row, ticket, now)
        if not internal and is_support(actor.role) and ticket.first_response_at is None:
            uow.update_ticket(actor, ticket, {"first_response_at": now}, now)
    return row


def log_work(
    uow: UnitOfWork, actor: UserInfo, number: str, minutes: int, note: str = "", at: datetime | None = None,
    id: uuid.UUID | None = None,
) -> WorkLog:
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    _require_support(actor, "log work")
    _require_open_for_change(ticket)
    if not 0 < minutes <= 24 * 60:
        raise InvalidInput("work is logged in minutes, from 1 to 1440", "minutes")
    row = WorkLog(id=id or new_id(), ticket_id=ticket.id, author_id=actor.id, minutes=minutes, note=note.strip(),
                  occurred_at=now, device=uow.device)
    with uow.command("log_work", {"number": number, "minutes": minutes, "note": note, "id": row.id}):
        uow.insert_child(actor, "worklog", row, ticket, now)
    return row


def link(
    uow: UnitOfWork, actor: UserInfo, number: str, other: str, kind: str = "relates",
    at: datetime | None = None, id: uuid.UUID | None = None,
) -> TicketLink:
    now = uow.now(at)
    if kind not in LINK_KINDS:
        raise InvalidInput(f"link kind must be one of {', '.join(LINK_KINDS)}, not {kind!r}", "kind")
    ticket = find_ticket(uow, actor, number)
    target = find_ticket(uow, actor, other)
    _require_support(actor, "link tickets")
    _require_open_for_change(ticket)
    if ticket.id == target.id:
        raise InvalidInput("a ticket cannot be linked to itself", "other")
    existing = uow.session.scalar(
        select(TicketLink.id).where(TicketLink.ticket_id == ticket.id, TicketLink.other_id == target.id,
                                    TicketLink.kind == kind)
    ) is not None or any(
        r["ticket_id"] == ticket.id and r["other_id"] == target.id and r["kind"] == kind
        for r in uow.pending_children(TicketLink.__table__)
    )
    if existing:
        raise InvalidInput(f"{number} is already linked to {other} as {kind}")
    row = TicketLink(id=id or new_id(), ticket_id=ticket.id, other_id=target.id, kind=kind, created_at=now,
                     actor_id=actor.id)
    with uow.command("link", {"number": number, "other": other, "kind": kind, "id": row.id}):
        uow.insert_child(actor, "link", row, ticket, now, history_note=f"{kind} {target.number}")
    return row


def close_expired(uow: UnitOfWork, at: datetime | None = None) -> list[uuid.UUID]:
    """Close resolved tickets whose reopen period has ended, as the system."""
    now = uow.now(at)
    cutoff = now - timedelta(days=uow.ref.spec.auto_close_days)
    due = uow.session.scalars(
        select(Ticket).where(Ticket.status == "resolved", Ticket.resolved_at <= cutoff)
    ).all()
    for ticket in due:
        uow.tickets_by_number[ticket.number] = ticket
        auto_close(uow, SYSTEM_USER, ticket.number, now)
    return [t.id for t in due]


def auto_close(uow: UnitOfWork, actor: UserInfo, number: str, at: datetime | None = None) -> Ticket:
    """Close one resolved ticket whose reopen period has ended, as the system, at the
    instant the period ended. The change entry's id derives from the ticket and the
    resolution instant, so two replicas closing the same ticket make one change."""
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    if actor.role != "system":
        raise NotAllowed("only the system closes tickets when their reopen period ends")
    if ticket.status != "resolved" or ticket.resolved_at is None:
        raise InvalidTransition(f"ticket {number} is {ticket.status}, not resolved; it does not close by itself")
    closed_at = ticket.resolved_at + timedelta(days=uow.ref.spec.auto_close_days)
    if closed_at > now:
        raise InvalidTransition(f"ticket {number} can still be reopened until {closed_at:%Y-%m-%d %H:%M}Z")
    with uow.command("auto_close", {"number": number}):
        uow.update_ticket(
            actor, ticket, {"status": "closed", "closed_at": closed_at}, closed_at,
            note="closed automatically after the reopen period",
            entry_id=derived_id("auto-close", ticket.id, ticket.resolved_at.isoformat()),
        )
    return ticket
