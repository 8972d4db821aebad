"""The ticket table's read side (DESIGN §8, §10): the ordered row ids of a queue
with its filters, sorted and filtered in SQL, and the rows themselves fetched by
id a page at a time. A table of 100,000 tickets keeps only the ids in memory.

Row ids are the tickets table's SQLite rowids: small integers, stable because
the store never runs a plain VACUUM (see the FTS note in the initial migration)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, case, func, literal_column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.errors import InvalidInput
from core.models import Category, Site, Ticket, User
from core.orgspec import STATUSES
from core.queries import tickets_query
from core.reference import Reference, UserInfo

SORT_KEYS = ("number", "title", "status", "priority", "site", "category", "assignee", "sla_due", "updated",
             "created")
ROWID = literal_column("tickets.rowid")


@dataclass(frozen=True)
class TableFilter:
    """What a table shows: a queue, narrowed by status, priority and words typed."""

    queue: str = "all"
    status: str | None = None
    priority: str | None = None
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableFilter:
        return cls(**{k: data[k] for k in ("queue", "status", "priority", "text") if data.get(k) is not None})


@dataclass(frozen=True)
class TableRow:
    rowid: int
    id: uuid.UUID
    number: str
    title: str
    status: str
    priority: str
    site: str | None
    category: str | None
    team: str | None
    assignee: str | None
    updated_at: datetime
    # the clock that matters most now: a breached one, else the running one due first,
    # else a paused one (no due instant); None when no clock runs or all were met
    sla_due: datetime | None = None
    sla_state: str | None = None  # running | warning | paused | breached


def _sla_cell(
    clocks: Sequence[tuple[datetime | None, str | None]], next_at: datetime | None, now: datetime,
) -> tuple[datetime | None, str | None]:
    breached = [due for due, state in clocks if state == "breached"]
    if breached:
        return min((d for d in breached if d is not None), default=None), "breached"
    running = [due for due, state in clocks if state == "running" and due is not None]
    if running:
        # sla_next_at is the next warning or breach; once it is past, a warning has passed
        warned = next_at is not None and next_at <= now
        return min(running), "warning" if warned else "running"
    if any(state == "paused" for _due, state in clocks):
        return None, "paused"
    return None, None


def _words_match(text: str) -> str | None:
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " ".join(f'"{w}"*' for w in words) or None


def filtered_query(ref: Reference, user: UserInfo, flt: TableFilter, home_site: uuid.UUID | None) -> Select[Any]:
    query = tickets_query(ref, user, queue=flt.queue, status=flt.status, home_site=home_site)
    if flt.priority is not None:
        if flt.priority not in ref.spec.priority.levels:
            raise InvalidInput(f"unknown priority {flt.priority!r}", "priority")
        query = query.where(Ticket.priority == flt.priority)
    text = flt.text.strip()
    if text:
        conditions = []
        match = _words_match(text)
        if match:
            fts = sql_text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :match").bindparams(match=match)
            conditions.append(ROWID.in_(fts))
        if any(ch.isdigit() for ch in text) and " " not in text:
            conditions.append(Ticket.number.contains(text.upper(), autoescape=True))
        query = query.where(or_(*conditions))
    return query


def _order(ref: Reference, sort: str) -> Any:
    levels = {level: i for i, level in enumerate(ref.spec.priority.levels)}
    statuses = {status: i for i, status in enumerate(STATUSES)}
    keys: dict[str, Any] = {
        "number": Ticket.number,
        "title": Ticket.title,
        "status": case(statuses, value=Ticket.status, else_=len(statuses)),
        "priority": case(levels, value=Ticket.priority, else_=len(levels)),
        "site": select(Site.code).where(Site.id == Ticket.site_id).scalar_subquery(),
        "category": select(Category.path).where(Category.id == Ticket.category_id).scalar_subquery(),
        "assignee": select(User.name).where(User.id == Ticket.assignee_id).scalar_subquery(),
        # the next warning or breach first; tickets with no running clock last
        "sla_due": func.coalesce(Ticket.sla_next_at, datetime(9999, 1, 1, tzinfo=UTC)),
        "updated": Ticket.updated_at,
        "created": Ticket.created_at,
    }
    if sort not in keys:
        raise InvalidInput(f"sort must be one of {', '.join(keys)}, not {sort!r}", "sort")
    return keys[sort]


def ticket_ids(
    session: Session, ref: Reference, user: UserInfo, flt: TableFilter, *, sort: str = "updated",
    descending: bool = True, home_site: uuid.UUID | None = None,
) -> list[int]:
    """Every matching ticket's row id, in the order asked (ties broken by number)."""
    key = _order(ref, sort)
    query = filtered_query(ref, user, flt, home_site).with_only_columns(ROWID, maintain_column_froms=True).order_by(
        key.desc() if descending else key.asc(), Ticket.number.desc() if descending else Ticket.number.asc()
    )
    return list(session.execute(query).scalars())


def count_filtered(
    session: Session, ref: Reference, user: UserInfo, flt: TableFilter, home_site: uuid.UUID | None = None,
) -> int:
    query = filtered_query(ref, user, flt, home_site).with_only_columns(func.count(), maintain_column_froms=True)
    return session.scalar(query) or 0


def ticket_rows(
    session: Session, ref: Reference, rowids: Sequence[int], now: datetime | None = None,
) -> dict[int, TableRow]:
    """The rows for these ids (those that still exist), keyed by row id."""
    if not rowids:
        return {}
    query = select(
        ROWID, Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority, Ticket.site_id,
        Ticket.category_id, Ticket.team_id, Ticket.assignee_id, Ticket.updated_at,
        Ticket.response_due_at, Ticket.response_state, Ticket.resolution_due_at, Ticket.resolution_state,
        Ticket.sla_next_at,
    ).select_from(Ticket).where(ROWID.in_(list(rowids)))
    now = now or utcnow()
    result = {}
    for r in session.execute(query):
        assignee = ref.users.get(r[9]) if r[9] is not None else None
        due, state = _sla_cell(((r[11], r[12]), (r[13], r[14])), r[15], now)
        result[r[0]] = TableRow(
            rowid=r[0], id=r[1], number=r[2], title=r[3], status=r[4], priority=r[5],
            site=ref.site_code_of(r[6]), category=ref.category_path_of(r[7]), team=ref.team_code_of(r[8]),
            assignee=assignee.name if assignee else None, updated_at=r[10], sla_due=due, sla_state=state,
        )
    return result


def rowid_of(session: Session, number: str) -> int | None:
    return session.scalar(select(ROWID).where(Ticket.number == number))
