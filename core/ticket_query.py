"""The one read side for lists of tickets (DESIGN §8, §9, §10): which tickets a
queue and its filters hold for one person, in which order, how many, and their
rows. The window's table, the command line's `ticket list` and the server's
`GET /tickets` all ask a TicketQuery, so a queue, a filter or a sort means the
same everywhere.

Each sort key orders by the value its column shows: site by code, category by
path, assignee by name, status in lifecycle order, priority by rank, "SLA due" by
the very instant the row shows (TicketRow.sla_due, one SQL expression for both).
Tickets with nothing to show in the sorted column come last in either direction.

Two ways to read the order: `page` (offset and limit, ties by number; any
database) and `row_ids` (every matching ticket's SQLite rowid, ties by rowid; the
local store's table, which keeps only ids in memory and reads rows by id)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from core.clock import iso, utcnow
from core.errors import InvalidInput
from core.models import Ticket
from core.models.tickets import DONE_STATUSES, OPEN_STATUSES
from core.orgspec import STATUSES
from core.reference import Reference, UserInfo
from core.scope import scope_clause
from core.ticket_walks import ROWID, ordered_rowids
from core.ticket_words import words_match

QUEUES = ("mine", "requests", "team", "triage", "breached", "due_soon", "major", "site", "all")
# older queue names the command line and the API still take: "breaching", open tickets
# whose next warning or breach falls within `within` (breached and soon-due together)
QUEUE_ALIASES = ("breaching",)
# "due_soon": open tickets, none of whose clocks has breached, with a running clock due
# within this many seconds
DUE_SOON_WITHIN = 2 * 3600
BREACHING_WITHIN = 3600  # the older "breaching" queue's horizon
# the order a queue reads in unless asked otherwise: (sort key, descending). The SLA
# queues read most urgent first: the longest overdue, or the one due soonest.
QUEUE_SORT = {"breached": ("sla_due", False), "due_soon": ("sla_due", False), "breaching": ("sla_due", False),
              # resolved ones waiting for the requester's word first, then the open ones
              "requests": ("status", True)}
SORT_KEYS = ("number", "title", "status", "priority", "site", "category", "assignee", "sla_due", "updated",
             "created")
# older names the command line and the API still take
SORT_ALIASES = {"due": "sla_due"}


@dataclass(frozen=True)
class TicketFilter:
    """Which tickets: a queue, narrowed by status, priority, words typed and the API's
    site, team, category (with its sub-categories), assignee and requester."""

    queue: str = "all"
    status: str | None = None
    priority: str | None = None
    text: str = ""
    site: str | None = None
    team: str | None = None
    category: str | None = None
    assignee: str | None = None
    requester: str | None = None
    within: int = DUE_SOON_WITHIN  # the due-soon queue's horizon, in seconds

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TicketFilter:
        return cls(**{f.name: data[f.name] for f in fields(cls) if data.get(f.name) is not None})


@dataclass(frozen=True)
class TicketRow:
    """One ticket in a list. Instants are ISO 8601 UTC with a Z, as printed and served."""

    id: uuid.UUID
    number: str
    title: str
    status: str
    priority: str
    site: str | None
    category: str | None
    team: str | None
    assignee: str | None  # the username
    assignee_name: str | None
    created_at: str | None
    updated_at: str | None
    response_due_at: str | None = None
    response_state: str | None = None
    resolution_due_at: str | None = None
    resolution_state: str | None = None
    sla_next_at: str | None = None  # the next warning or breach, while a clock runs
    # What the "SLA due" column shows, and what it sorts by: a breached clock's breach,
    # else the running clock due first; None for a finished ticket or no running clock.
    sla_due: str | None = None
    sla_state: str | None = None  # breached | warning | running | paused | None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "id": str(self.id)}


def _earlier(a: Any, b: Any) -> Any:
    """The earlier of two instants, ignoring a missing one (LEAST differs between databases)."""
    return case((or_(b.is_(None), a <= b), a), else_=b)


def _sla_due() -> Any:
    response, resolution = Ticket.response_due_at, Ticket.resolution_due_at
    r_state, s_state = Ticket.response_state, Ticket.resolution_state
    return case(
        (Ticket.status.in_(DONE_STATUSES), None),
        ((r_state == "breached") & (s_state == "breached"), _earlier(response, resolution)),
        (r_state == "breached", response),
        (s_state == "breached", resolution),
        ((r_state == "running") & (s_state == "running"), _earlier(response, resolution)),
        (r_state == "running", response),
        (s_state == "running", resolution),
        else_=None,
    )


def _breached(now: datetime) -> Any:
    """A clock has breached: recorded so, or running past its due instant (before the
    SLA sweep records it)."""
    r_state, s_state = Ticket.response_state, Ticket.resolution_state
    return (r_state == "breached") | (s_state == "breached") | (
        (r_state == "running") & (Ticket.response_due_at <= now)) | (
        (s_state == "running") & (Ticket.resolution_due_at <= now))

SLA_DUE: Any = _sla_due().label("sla_due")
ROW_COLUMNS = (
    Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id, Ticket.category_id,
    Ticket.team_id, Ticket.assignee_id, Ticket.created_at, Ticket.updated_at, Ticket.response_due_at,
    Ticket.response_state, Ticket.resolution_due_at, Ticket.resolution_state, Ticket.sla_next_at, SLA_DUE,
)


def _sla_state(r: Sequence[Any], now: datetime) -> str | None:
    clocks = ((r[11], r[12]), (r[13], r[14]))
    if any(state == "breached" for _due, state in clocks):
        return "breached"
    if any(state == "running" and due is not None for due, state in clocks):
        # sla_next_at is the next warning or breach; once it is past, a warning has passed
        return "warning" if r[15] is not None and r[15] <= now else "running"
    if any(state == "paused" for _due, state in clocks):
        return "paused"
    return None


def _row(ref: Reference, r: Sequence[Any], now: datetime) -> TicketRow:
    assignee = ref.users.get(r[8]) if r[8] is not None else None
    return TicketRow(
        id=r[0], number=r[1], title=r[2], status=r[3], priority=r[4], site=ref.site_code_of(r[5]),
        category=ref.category_path_of(r[6]), team=ref.team_code_of(r[7]),
        assignee=assignee.username if assignee else None, assignee_name=assignee.name if assignee else None,
        created_at=iso(r[9]), updated_at=iso(r[10]), response_due_at=iso(r[11]), response_state=r[12],
        resolution_due_at=iso(r[13]), resolution_state=r[14], sla_next_at=iso(r[15]), sla_due=iso(r[16]),
        sla_state=_sla_state(r, now),
    )


# Columns shown as words but stored as ids or codes are sorted by the rank of the
# words people read (site code, category path, assignee name, lifecycle order,
# priority level).
RANKED = {
    "status": Ticket.status, "priority": Ticket.priority, "site": Ticket.site_id,
    "category": Ticket.category_id, "assignee": Ticket.assignee_id,
}
PLAIN = {"number": Ticket.number, "title": Ticket.title, "updated": Ticket.updated_at, "created": Ticket.created_at}


def _ranks(ref: Reference, sort: str) -> list[Any]:
    """The column's known values in the order people expect."""
    if sort == "status":
        return list(STATUSES)
    if sort == "priority":
        return list(ref.spec.priority.levels)
    if sort == "site":
        return [s.id for s in sorted(ref.sites.values(), key=lambda s: s.code)]
    if sort == "category":
        return [c.id for c in sorted(ref.categories.values(), key=lambda c: c.path.casefold())]
    return [u.id for u in sorted(ref.users.values(), key=lambda u: (u.name.casefold(), u.username))]


@dataclass(frozen=True)
class TicketQuery:
    """One person's question about tickets: which (`filter`), in which order (`sort`,
    `descending`). Checked when made: an unknown queue, status, sort, priority, site,
    team, category or user is an InvalidInput naming the field."""

    ref: Reference
    user: UserInfo
    filter: TicketFilter = field(default_factory=TicketFilter)
    sort: str = "updated"
    descending: bool = True
    home_site: uuid.UUID | None = None  # the store's site, for the site queue of someone without one
    now: datetime | None = None  # the breaching queue's and the SLA state's now (default: the real now)
    # the caller's scope when it is stricter than core.scope's (the server refuses inactive accounts)
    scope: ColumnElement[bool] | None = None

    def __post_init__(self) -> None:
        sort = SORT_ALIASES.get(self.sort, self.sort)
        if sort not in SORT_KEYS:
            raise InvalidInput(f"sort must be one of {', '.join(SORT_KEYS)}, not {self.sort!r}", "sort")
        object.__setattr__(self, "sort", sort)
        self.where()  # refuse a bad filter now, not at the first read

    # -- which tickets ---------------------------------------------------------------
    def where(self) -> ColumnElement[bool]:
        flt, ref = self.filter, self.ref
        conditions: list[Any] = [scope_clause(self.user) if self.scope is None else self.scope]
        queue = self._queue_clause()
        if queue is not None:
            conditions.append(queue)
        if flt.status is not None:
            if flt.status not in STATUSES:
                raise InvalidInput(f"status must be one of {', '.join(STATUSES)}, not {flt.status!r}", "status")
            conditions.append(Ticket.status == flt.status)
        if flt.priority is not None:
            levels = ref.spec.priority.levels
            if flt.priority not in levels:
                raise InvalidInput(f"priority must be one of {', '.join(levels)}, not {flt.priority!r}",
                                   "priority")
            conditions.append(Ticket.priority == flt.priority)
        if flt.site is not None:
            conditions.append(Ticket.site_id == ref.site(flt.site).id)
        if flt.team is not None:
            conditions.append(Ticket.team_id == ref.team(flt.team).id)
        if flt.category is not None:
            top = ref.category(flt.category).path
            conditions.append(Ticket.category_id.in_(
                [c.id for c in ref.categories.values() if c.path == top or c.path.startswith(top + "/")]))
        if flt.assignee is not None:
            conditions.append(Ticket.assignee_id == ref.user(flt.assignee, "assignee").id)
        if flt.requester is not None:
            conditions.append(Ticket.requester_id == ref.user(flt.requester, "requester").id)
        text = flt.text.strip()
        if text:
            conditions.append(self._text_clause(text))
        return and_(*conditions)

    def _queue_clause(self) -> Any:
        queue, user, ref = self.filter.queue, self.user, self.ref
        if queue == "breached":
            return Ticket.status.in_(OPEN_STATUSES) & _breached(self.now or utcnow())
        if queue == "due_soon":
            now = self.now or utcnow()
            horizon = now + timedelta(seconds=self.filter.within)
            due = ((Ticket.response_state == "running") & (Ticket.response_due_at <= horizon)) | (
                (Ticket.resolution_state == "running") & (Ticket.resolution_due_at <= horizon))
            return Ticket.status.in_(OPEN_STATUSES) & ~_breached(now) & due
        if queue == "breaching":
            horizon = (self.now or utcnow()) + timedelta(seconds=self.filter.within)
            return Ticket.status.in_(OPEN_STATUSES) & (Ticket.sla_next_at <= horizon)
        if queue == "requests":
            # what a person asked for: open ones, and resolved ones waiting for their word
            return (Ticket.requester_id == user.id) & Ticket.status.in_((*OPEN_STATUSES, "resolved"))
        if queue == "major":
            # open major incidents (DESIGN §12): the incidents others are linked to
            return (Ticket.type == "incident") & Ticket.major_incident.is_(True) & Ticket.status.in_(OPEN_STATUSES)
        if queue == "mine":
            return (Ticket.assignee_id == user.id) & Ticket.status.in_(OPEN_STATUSES)
        if queue == "team":
            return Ticket.team_id.in_(user.team_ids) & Ticket.status.in_(OPEN_STATUSES)
        if queue == "triage":
            triage = ref.team_codes.get(ref.spec.triage_team or "")
            untriaged: Any = Ticket.team_id.is_(None)
            if triage is not None:
                untriaged = untriaged | (Ticket.team_id == triage.id)
            return (Ticket.status == "new") & untriaged
        if queue == "site":
            site = user.site_id or self.home_site
            return (Ticket.site_id == site) & Ticket.status.in_(OPEN_STATUSES) if site else false()
        if queue == "all":
            return None
        raise InvalidInput(f"queue must be one of {', '.join(QUEUES)}, not {queue!r}", "queue")


    @staticmethod
    def _text_clause(text: str) -> Any:
        """Every word as a prefix of the title or description (the local store's word
        index), or a piece of the number."""
        conditions: list[Any] = []
        match = words_match(text)
        if match:
            fts = sql_text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :match").bindparams(match=match)
            conditions.append(ROWID.in_(fts))
        if any(ch.isdigit() for ch in text) and " " not in text:
            conditions.append(Ticket.number.contains(text.upper(), autoescape=True))
        return or_(*conditions) if conditions else false()

    def count(self, session: Session) -> int:
        return session.scalar(select(func.count()).select_from(Ticket).where(self.where())) or 0

    def count_by(self, session: Session, column: Any) -> dict[Any, int]:
        """How many of the tickets have each value of `column`."""
        rows = session.execute(select(column, func.count()).where(self.where()).group_by(column))
        return {value: n for value, n in rows}

    # -- in which order ---------------------------------------------------------------
    def sort_key(self) -> tuple[Any, Any]:
        """(key, missing): the SQL value the sorted column shows, and whether a row has
        none to show (those come last in either direction)."""
        if self.sort in PLAIN:
            return PLAIN[self.sort], None
        if self.sort == "sla_due":
            key = _sla_due()
            return key, key.is_(None)
        column, known = RANKED[self.sort], _ranks(self.ref, self.sort)
        rank = case({value: i for i, value in enumerate(known)}, value=column, else_=len(known))
        return rank, rank == len(known)

    def _ordered(self, query: Select[Any], tie: Any) -> Select[Any]:
        key, missing = self.sort_key()
        direction = (lambda c: c.desc()) if self.descending else (lambda c: c.asc())
        if missing is not None:
            query = query.order_by(missing.asc())
        return query.order_by(direction(key), direction(tie))

    def page(self, session: Session, offset: int = 0, limit: int = 50) -> list[TicketRow]:
        """A page of rows in order, ties broken by number (works on any database)."""
        query = self._ordered(select(*ROW_COLUMNS).where(self.where()), Ticket.number)
        now = self.now or utcnow()
        return [_row(self.ref, r, now) for r in session.execute(query.offset(offset).limit(limit))]

    def row_ids(self, session: Session) -> list[int]:
        """Every matching ticket's rowid in order, ties in rowid order (the local store
        only). The same keys as `page`, read by index walks where one serves."""
        key, missing = self.sort_key()
        ranked = (RANKED[self.sort], _ranks(self.ref, self.sort)) if self.sort in RANKED else None
        return ordered_rowids(session, self.where(), key, missing, self.descending, ranked=ranked,
                              dated_only_open=self.sort == "sla_due")

    def rows(self, session: Session, rowids: Sequence[int]) -> dict[int, TicketRow]:
        return ticket_rows(session, self.ref, rowids, self.now)


def ticket_rows(
    session: Session, ref: Reference, rowids: Sequence[int], now: datetime | None = None,
) -> dict[int, TicketRow]:
    """The rows for these rowids (those that still exist), keyed by rowid."""
    if not rowids:
        return {}
    query = select(ROWID, *ROW_COLUMNS).select_from(Ticket).where(ROWID.in_(list(rowids)))
    now = now or utcnow()
    return {r[0]: _row(ref, r[1:], now) for r in session.execute(query)}


def rowid_of(session: Session, number: str) -> int | None:
    return session.scalar(select(ROWID).where(Ticket.number == number))


