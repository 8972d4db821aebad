"""The desk's figures over a period, per group and in total (DESIGN §14), computed
in SQL over the stored SLA figures and what core.reports.facts stores of each
ticket's history and clocks: a few grouped queries, never a loop over tickets.
Definitions (the README says the same, word for word; a test checks it):

- A period is whole UTC days, `--from` to `--to` both included; an instant is in it
  when it is at or after its first midnight and before the midnight after its last day.
- `tickets`: tickets created in the period.
- `resolved`: tickets resolved in the period (their last resolution) that are resolved
  or closed now.
- `frt_median_s`: the median business seconds of the response clock, over tickets
  whose response clock stopped in the period.
- `mttr_s`: the mean business seconds of the resolution clock, pauses excluded, over
  the resolved tickets.
- `mttr_wall_s`: the mean wall-clock seconds from creation to resolution, over the
  resolved tickets.
- `response_met_pct`, `resolution_met_pct`: met / (met + breached) of the clock,
  over clocks decided in the period: a met clock when it stopped, a breached one
  when it passed its target.
- `fcr_pct`: of the resolved tickets, those on tier 1, never handed from one team to
  another nor from one person to another, resolved by their assignee (or, unassigned,
  by whoever resolved them) and never reopened.
- `reopen_pct`: of the resolved tickets, those reopened at least once.
- `repeat_pct`: of the tickets created in the period, those whose site and category
  had another ticket resolved in the 7 days before their creation.
- `ola_response_met_pct`, `ola_resolution_met_pct`: met / (met + breached) of the
  operational level clocks of teams with an OLA, over those decided in the period:
  the response one counts the business time the ticket waited with the team before
  work started, the resolution one all the time it spent with the team.
- `supplier_response_met_pct`, `supplier_resolution_met_pct`: the same of the
  suppliers' contract clocks: the response one from the first time the ticket waits
  on the supplier to the first time it stops, the resolution one every wait summed.
- `backlog`: tickets open (new, assigned, in progress or pending) at the end of the
  period; `backlog_lt_1d`, `backlog_1_3d`, `backlog_3_7d`, `backlog_gt_7d` split them
  by their age then (under 1 day, 1 to 3 days, 3 to 7 days, over 7 days).
- `csat_avg`, `csat_count`, `effort_avg`: over the requesters' ratings given (or last
  changed) in the period, the mean satisfaction score (1 to 5), their number, and the
  mean effort score (1 to 5, 5 the easiest; over the ratings that give one), with two
  decimals; grouped by the rated ticket, the week by the rating's instant.
- Groups: `site`, `region` and `country` of the ticket's site, its `team` and
  `technician` (assignee) now, its `category`, and the `week` (the UTC date of its
  Monday) of the instant a figure counts the ticket at: creation for tickets, repeats
  and backlog, resolution for resolved, MTTR, FCR and reopens, the clock's stop for
  FRT and its stop or breach for compliance. A ticket without one is in group "-".
  By `team`, an OLA clock counts for the team it measures, whichever team has the
  ticket now. By `supplier`, a ticket is in the group of every supplier it waited on
  and in no group if it waited on none (so the groups need not add up to the total),
  a supplier's clocks count for that supplier, and the OLA figures are not given.
- Percentages are 0 to 100 with one decimal, seconds whole; null where nothing was
  measured. The total counts every ticket once, whatever the grouping.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from core.field_events import sets, value_text
from core.lifecycle import CENTRAL_ROLES
from core.models import Category, HistoryEvent, Rating, Site, Team, Ticket, TicketClock, User
from core.models.base import Instant
from core.models.tickets import OPEN_STATUSES
from core.reference import UserInfo
from core.reports.dialect import DAY, json_text, minus, seconds, week
from core.reports.period import Period, check_grouping
from core.scope import scope_clause

NONE = "-"
AGES = (("backlog_lt_1d", 0, DAY), ("backlog_1_3d", DAY, 3 * DAY), ("backlog_3_7d", 3 * DAY, 7 * DAY),
        ("backlog_gt_7d", 7 * DAY, None))
# the OLA and supplier clocks (core.sla.figures.clock_rows): their kind, and the figure
CLOCKS = (("ola-response", "ola_response_met_pct"), ("ola", "ola_resolution_met_pct"),
          ("supplier-response", "supplier_response_met_pct"), ("supplier", "supplier_resolution_met_pct"))
OLA_KINDS = ("ola-response", "ola")
SUPPLIER_KINDS = ("supplier-response", "supplier")
# groupings where a ticket may count in several groups, so their total is counted anew
OVERLAPPING = ("supplier",)
FIGURES = ("tickets", "resolved", "frt_median_s", "mttr_s", "mttr_wall_s", "response_met_pct",
           "resolution_met_pct", *(c[1] for c in CLOCKS), "fcr_pct", "reopen_pct", "repeat_pct", "backlog",
           *(a[0] for a in AGES),
           "csat_avg", "csat_count", "effort_avg")
REPEAT_WINDOW = timedelta(days=7)


@dataclass
class KpiReport:
    period: Period
    by: str
    rows: list[dict[str, Any]]
    total: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"from": self.period.first.isoformat(), "to": self.period.last.isoformat(), "by": self.by,
                "rows": self.rows, "total": self.total}


@dataclass
class _Sums:
    """What one group adds up to, before the figures are derived from it."""

    counts: dict[str, int] = field(default_factory=dict)
    frt_median: float | None = None

    def add(self, name: str, value: Any) -> None:
        self.counts[name] = self.counts.get(name, 0) + int(value or 0)


def report_scope(user: UserInfo, home_site: uuid.UUID | None = None) -> ColumnElement[bool]:
    """The tickets a report may count: the central desk all it sees; anyone else only
    their own sites' (or the store's site's), so a branch report never counts another site."""
    seen = scope_clause(user)
    if user.role in CENTRAL_ROLES or user.role == "system":
        return seen
    sites = set(user.site_ids) | ({user.site_id} if user.site_id else set()) | ({home_site} if home_site else set())
    return and_(seen, Ticket.site_id.in_(sites)) if sites else seen


@dataclass(frozen=True)
class _ClockRows:
    """The ticket's OLA and supplier clocks as rows (ticket_clocks, core.reports.facts)
    joined to each ticket, and their fields by the keys of Ticket.sla_clocks."""

    dialect: str
    name: str = "clk"

    @functools.cached_property
    def table(self) -> Any:
        return aliased(TicketClock, name=self.name)

    @property
    def on(self) -> ColumnElement[bool]:
        # a ticket the backfill has not reached counts no clock (README, Reports)
        return and_(self.table.ticket_id == Ticket.id, Ticket.sla_clocks.is_not(None))

    def text(self, key: str) -> ColumnElement[Any]:
        column: ColumnElement[Any] = {"k": self.table.kind, "of": self.table.code, "state": self.table.state,
                                      "at": self.table.decided_at}[key]
        return column

    def number(self, key: str) -> ColumnElement[Any]:
        return self.text(key)

    def week(self) -> ColumnElement[Any]:
        at = self.number("at")
        if self.dialect == "sqlite":
            return func.date(at, "unixepoch", "weekday 0", "-6 days")
        return func.to_char(func.date_trunc("week", func.timezone("UTC", func.to_timestamp(at))), "YYYY-MM-DD")


# -- the figures' conditions: the same for the numbers and for the tickets behind them

@dataclass(frozen=True)
class _Sql:
    dialect: str
    period: Period

    def within(self, instant: Any) -> ColumnElement[bool]:
        return and_(instant >= literal(self.period.start, Instant()), instant < literal(self.period.end, Instant()))

    @property
    def end(self) -> Any:
        return literal(self.period.end, Instant())

    def created(self) -> ColumnElement[bool]:
        return self.within(Ticket.created_at)

    def resolved(self) -> ColumnElement[bool]:
        # the status as an expression (status || ''), so that SQLite walks the period on
        # ix_tickets_resolved rather than every resolved ticket ever on the status index
        return and_((Ticket.status + literal("")).in_(("resolved", "closed")), self.within(Ticket.resolved_at))

    def frt(self) -> ColumnElement[bool]:
        return and_(Ticket.response_elapsed_s.is_not(None), self.within(Ticket.response_stopped_at))

    def decided_at(self, clock: str) -> Any:
        state, due, stopped = (getattr(Ticket, f"{clock}_{n}") for n in ("state", "due_at", "stopped_at"))
        return case((state == "met", stopped), (state == "breached", due), else_=None)

    def decided(self, clock: str, state: str) -> ColumnElement[bool]:
        return and_(getattr(Ticket, f"{clock}_state") == state, self.within(self.decided_at(clock)))

    def reopened(self) -> ColumnElement[bool]:
        # stored from the history with the SLA figures (core.reports.facts)
        return Ticket.reopened.is_(True)

    def first_contact(self) -> ColumnElement[bool]:
        return and_(Ticket.tier == 1, Ticket.handed_over.is_(False), Ticket.reopened.is_(False),
                    Ticket.resolved_by_assignee.is_(True))

    def repeat(self) -> Any:
        # Per ticket created, one look along ix_tickets_site_category_resolved for a
        # resolution of its site and category in the window before its creation (a
        # resolution at the same instant does not count).
        other = aliased(Ticket, name="earlier")
        return exists().where(other.site_id == Ticket.site_id, other.category_id == Ticket.category_id,
                              other.resolved_at >= minus(self.dialect, Ticket.created_at, REPEAT_WINDOW),
                              other.resolved_at < Ticket.created_at)

    def backlog(self) -> ColumnElement[bool]:
        # The status at the end: the current one if nothing changed since (updated_at
        # passes every change), else the one the first status change after it left.
        left = (
            select(value_text(HistoryEvent.old, "status"))
            .where(HistoryEvent.ticket_id == Ticket.id, sets("status"), HistoryEvent.occurred_at >= self.end)
            .order_by(HistoryEvent.occurred_at, HistoryEvent.stamp).limit(1).scalar_subquery()
        )
        open_json = [json_text(s) for s in OPEN_STATUSES]
        return and_(Ticket.created_at < self.end, or_(
            and_(Ticket.updated_at < self.end, Ticket.status.in_(OPEN_STATUSES)),
            and_(Ticket.updated_at >= self.end,
                 func.coalesce(left, literal('"') + Ticket.status + literal('"')).in_(open_json)),
        ))

    def rated(self) -> ColumnElement[bool]:
        # the ticket's rating, given or last changed in the period (one a ticket)
        return and_(Rating.ticket_id == Ticket.id, self.within(Rating.updated_at))

    def age(self) -> ColumnElement[Any]:
        return seconds(self.dialect, Ticket.created_at, self.end)

    def clock_decided(self, rows: _ClockRows, kinds: Iterable[str], states: Iterable[str]) -> ColumnElement[bool]:
        """An OLA or supplier clock of these kinds decided in the period in one of these
        states. A done ticket's clocks stopped by the change that made it done, so
        only open tickets and those changed since the period began can hold one."""
        at = rows.number("at")
        return and_(
            Ticket.created_at < self.end,
            or_(Ticket.status.in_(OPEN_STATUSES), Ticket.updated_at >= literal(self.period.start, Instant())),
            rows.text("k").in_(tuple(kinds)), rows.text("state").in_(tuple(states)),
            at >= int(self.period.start.timestamp()), at < int(self.period.end.timestamp()),
        )


# Each figure's tickets, for drilling down: (condition, the instant a week groups on).
def _behind(sql: _Sql) -> dict[str, tuple[Callable[[], Any], Any]]:
    resolved = (sql.resolved, Ticket.resolved_at)
    rated = (sql.rated, Rating.updated_at)
    return {
        "tickets": (sql.created, Ticket.created_at),
        "repeat_pct": (lambda: and_(sql.created(), sql.repeat()), Ticket.created_at),
        "resolved": resolved, "mttr_s": resolved, "mttr_wall_s": resolved,
        "fcr_pct": (lambda: and_(sql.resolved(), sql.first_contact()), Ticket.resolved_at),
        "reopen_pct": (lambda: and_(sql.resolved(), sql.reopened()), Ticket.resolved_at),
        "frt_median_s": (sql.frt, Ticket.response_stopped_at),
        "response_met_pct": (lambda: or_(sql.decided("response", "met"), sql.decided("response", "breached")),
                             sql.decided_at("response")),
        "resolution_met_pct": (lambda: or_(sql.decided("resolution", "met"),
                                           sql.decided("resolution", "breached")), sql.decided_at("resolution")),
        "backlog": (sql.backlog, Ticket.created_at),
        **{name: (_aged(sql, low, high), Ticket.created_at) for name, low, high in AGES},
        # the rated tickets, as _sums counts their ratings (the week: the rating's instant)
        "csat_avg": rated, "csat_count": rated,
        "effort_avg": (lambda: and_(sql.rated(), Rating.effort.is_not(None)), Rating.updated_at),
    }


def _ages(sql: _Sql, low: int, high: int | None) -> ColumnElement[bool]:
    age = sql.age()
    return and_(age >= low, true() if high is None else age < high)


def _aged(sql: _Sql, low: int, high: int | None) -> Callable[[], Any]:
    return lambda: and_(sql.backlog(), _ages(sql, low, high))


def _group(by: str, dialect: str, instant: Any) -> tuple[Any, Callable[[Any], Any]]:
    """The group's label as an SQL expression, and what joins it needs."""
    if by == "week":
        return week(dialect, instant), lambda q: q
    if by in ("site", "region", "country"):
        column = {"site": Site.code, "region": Site.region, "country": Site.country}[by]
        return column, lambda q: q.join(Site, Site.id == Ticket.site_id)
    if by == "team":
        return Team.code, lambda q: q.outerjoin(Team, Team.id == Ticket.team_id)
    if by == "category":
        return Category.path, lambda q: q.join(Category, Category.id == Ticket.category_id)
    if by == "supplier":  # every supplier the ticket waited on: its resolution clock is there
        rows = _ClockRows(dialect, "waited")
        return rows.text("of"), lambda q: q.join(rows.table, rows.on).where(rows.text("k") == "supplier")
    return User.username, lambda q: q.outerjoin(User, User.id == Ticket.assignee_id)


def _clock_group(by: str | None, dialect: str, rows: _ClockRows) -> tuple[Any, Callable[[Any], Any], tuple[str, ...]]:
    """The group an OLA or supplier clock counts in, its joins, and the kinds of clock
    the grouping gives figures of."""
    kinds = tuple(k for k, _ in CLOCKS)
    if by is None:
        return literal("total"), lambda q: q, kinds
    if by == "week":
        return rows.week(), lambda q: q, kinds
    if by == "supplier":
        return rows.text("of"), lambda q: q, SUPPLIER_KINDS
    if by == "team":
        label = case((rows.text("k").in_(OLA_KINDS), rows.text("of")), else_=Team.code)
        return label, lambda q: q.outerjoin(Team, Team.id == Ticket.team_id), kinds
    label, joined = _group(by, dialect, Ticket.created_at)
    return label, joined, kinds


CLOCK_PAIRS = tuple((k, s) for k, _ in CLOCKS for s in ("met", "breached"))


def _clocks_per_ticket(by: str | None, sql: _Sql) -> Any:
    """Met and breached of each kind of OLA and supplier clock decided in the period, per
    ticket (and per group of the clocks' own: the week they were decided in, an OLA's
    team, the supplier), so that a ticket is read once rather than once a clock."""
    rows = _ClockRows(sql.dialect)
    _label, _joined, kinds = _clock_group(by, sql.dialect, rows)
    kind, state, at = rows.text("k"), rows.text("state"), rows.number("at")
    own: Any = {"week": rows.week(), "supplier": rows.text("of"),
                "team": case((kind.in_(OLA_KINDS), rows.text("of")), else_=None)}.get(by or "")
    grouping = [rows.table.ticket_id] + ([own] if own is not None else [])
    return select(rows.table.ticket_id.label("tid"), *([own.label("own")] if own is not None else []),
                  *(_count_if(and_(kind == k, state == s)).label(f"n{i}") for i, (k, s) in enumerate(CLOCK_PAIRS))
                  ).where(kind.in_(kinds), state.in_(("met", "breached")),
                          at >= int(sql.period.start.timestamp()), at < int(sql.period.end.timestamp())
                          ).group_by(*grouping).subquery()


def _clocks_counted(sql: _Sql) -> ColumnElement[bool]:
    """The ticket's clocks count: the backfill reached it (README, Reports), and, as
    _Sql.clock_decided says, it can hold a clock decided in the period."""
    return and_(Ticket.sla_clocks.is_not(None), Ticket.created_at < sql.end,
                or_(Ticket.status.in_(OPEN_STATUSES), Ticket.updated_at >= literal(sql.period.start, Instant())))


def _clock_counts(session: Session, by: str | None, sql: _Sql, scope: Any) -> Iterable[tuple[Any, ...]]:
    """Per group, met and breached of each kind of OLA and supplier clock decided in the
    period, grouped as _clock_group says."""
    per_ticket = _clocks_per_ticket(by, sql)
    label: Any
    joined: Callable[[Any], Any] = lambda q: q  # noqa: E731
    if by is None:
        label = literal("total")
    elif by in ("week", "supplier"):
        label = per_ticket.c.own
    elif by == "team":
        label = func.coalesce(per_ticket.c.own, Team.code)
        joined = lambda q: q.outerjoin(Team, Team.id == Ticket.team_id)  # noqa: E731
    else:
        label, joined = _group(by, sql.dialect, Ticket.created_at)
    key = func.coalesce(cast(label, String), NONE).label("g")
    query = joined(select(key, *(func.sum(per_ticket.c[f"n{i}"]) for i in range(len(CLOCK_PAIRS))))
                   .select_from(per_ticket).join(Ticket, Ticket.id == per_ticket.c.tid)).where(
        scope, _clocks_counted(sql)).group_by(key)
    return session.execute(query).all()


def _ticket_counts(session: Session, by: str | None, sql: _Sql, scope: Any) -> tuple[tuple[str, ...], Any]:
    """The figures counted per ticket (created, repeats, resolved and what is measured
    over them, the SLA clocks decided, the backlog and its ages) for any grouping but
    the week, in one pass over the tickets instead of one a figure: each figure's
    condition is the one _grouped would take."""
    resolved, created, backlog = sql.resolved(), sql.created(), sql.backlog()

    def when(condition: Any, value: Any) -> Any:
        return case((condition, value), else_=None)

    named: list[tuple[str, Any]] = [
        ("tickets", _count_if(created)), ("repeats", _count_if(and_(created, sql.repeat()))),
        ("resolved", _count_if(resolved)), ("mttr_sum", func.sum(when(resolved, Ticket.resolution_elapsed_s))),
        ("mttr_n", func.count(when(resolved, Ticket.resolution_elapsed_s))),
        ("wall_sum", func.sum(when(resolved, seconds(sql.dialect, Ticket.created_at, Ticket.resolved_at)))),
        ("fcr", _count_if(and_(resolved, sql.first_contact()))), ("reopens", _count_if(and_(resolved, sql.reopened()))),
    ]
    conditions = [created, resolved, backlog]
    for clock in ("response", "resolution"):
        met, breached = sql.decided(clock, "met"), sql.decided(clock, "breached")
        named += [(f"{clock}_met", _count_if(met)), (f"{clock}_breached", _count_if(breached))]
        conditions += [met, breached]
    named += [("backlog", _count_if(backlog)),
              *((name, _count_if(and_(backlog, _ages(sql, low, high)))) for name, low, high in AGES)]
    if by is None:
        label: Any = literal("total")
        joined: Callable[[Any], Any] = lambda q: q  # noqa: E731
    else:
        label, joined = _group(by, sql.dialect, Ticket.created_at)
    query = select(func.coalesce(cast(label, String), NONE).label("g")).select_from(Ticket)
    query = joined(query.add_columns(*(value for _, value in named))).where(scope, or_(*conditions))
    return tuple(name for name, _ in named), session.execute(query.group_by(query.selected_columns[0])).all()


def _grouped(session: Session, by: str | None, sql: _Sql, scope: Any, instant: Any, condition: Any,
             *aggregates: Any) -> Iterable[tuple[Any, ...]]:
    if by is None:
        label: Any = literal("total")
        joined: Callable[[Any], Any] = lambda q: q  # noqa: E731
    else:
        label, joined = _group(by, sql.dialect, instant)
    key = func.coalesce(cast(label, String), NONE).label("g")
    query = joined(select(key, *aggregates).select_from(Ticket)).where(scope, condition).group_by(key)
    return session.execute(query).all()


def _count_if(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


TOTAL_MEDIAN = 1  # the row of _median's answer that holds the median over all groups


def _median(session: Session, by: str | None, sql: _Sql, scope: Any,
            with_total: bool = False) -> tuple[dict[str, float], float | None]:
    """Medians per group with window functions (SQLite has no percentile function):
    the middle value, or the mean of the two middle ones; with `with_total`, the
    median over all groups too, from the same values read once."""
    if by is None:
        label: Any = literal("total")
        joined: Callable[[Any], Any] = lambda q: q  # noqa: E731
    else:
        label, joined = _group(by, sql.dialect, Ticket.response_stopped_at)
    key = func.coalesce(cast(label, String), NONE).label("g")
    values = joined(select(key, Ticket.response_elapsed_s.label("v")).select_from(Ticket)).where(
        scope, sql.frt()).cte("frt")

    def middle(which: int, partition: Any) -> Any:
        # both over the same window (the count's frame the whole partition): one sort
        ranked = select(values.c.g, values.c.v,
                        func.row_number().over(partition_by=partition, order_by=values.c.v).label("rn"),
                        func.count().over(partition_by=partition, order_by=values.c.v, rows=(None, None)).label("n"),
                        ).subquery()
        centre = or_(ranked.c.rn == (ranked.c.n + 1) / 2, ranked.c.rn == (ranked.c.n + 2) / 2)
        if which == TOTAL_MEDIAN:
            return select(literal_column(str(which)).label("w"), cast(null(), String).label("g"),
                          func.avg(ranked.c.v)).where(centre)
        return select(literal_column(str(which)).label("w"), ranked.c.g, func.avg(ranked.c.v)).where(
            centre).group_by(ranked.c.g)

    query: Any = middle(0, values.c.g)
    if with_total:
        query = union_all(query, middle(TOTAL_MEDIAN, None))
    medians: dict[str, float] = {}
    total = None
    for which, g, v in session.execute(query):
        if v is None:  # no value over all
            continue
        if which == TOTAL_MEDIAN:
            total = float(v)
        else:
            medians[g] = float(v)
    return medians, total


def _sums(session: Session, by: str | None, sql: _Sql, scope: Any,
          with_total: bool = False) -> tuple[dict[str, _Sums], float | None]:
    """Each group's sums; with `with_total`, the median over all groups as well."""
    groups: dict[str, _Sums] = {}

    def take(rows: Iterable[tuple[Any, ...]], names: tuple[str, ...]) -> None:
        for g, *values in rows:
            sums = groups.setdefault(g, _Sums())
            for name, value in zip(names, values, strict=True):
                sums.add(name, value)

    if by == "week":  # each figure groups by an instant of its own
        take(_grouped(session, by, sql, scope, Ticket.created_at, sql.created(),
                      func.count(), _count_if(sql.repeat())), ("tickets", "repeats"))
        take(_grouped(session, by, sql, scope, Ticket.resolved_at, sql.resolved(),
                      func.count(), func.sum(Ticket.resolution_elapsed_s), func.count(Ticket.resolution_elapsed_s),
                      func.sum(seconds(sql.dialect, Ticket.created_at, Ticket.resolved_at)),
                      _count_if(sql.first_contact()), _count_if(sql.reopened())),
             ("resolved", "mttr_sum", "mttr_n", "wall_sum", "fcr", "reopens"))
        for clock in ("response", "resolution"):
            take(_grouped(session, by, sql, scope, sql.decided_at(clock),
                          or_(sql.decided(clock, "met"), sql.decided(clock, "breached")),
                          _count_if(getattr(Ticket, f"{clock}_state") == "met"),
                          _count_if(getattr(Ticket, f"{clock}_state") == "breached")),
                 (f"{clock}_met", f"{clock}_breached"))
        take(_grouped(session, by, sql, scope, Ticket.created_at, sql.backlog(), func.count(),
                      *(_count_if(_ages(sql, low, high)) for _, low, high in AGES)),
             ("backlog", *(a[0] for a in AGES)))
    else:
        names, rows = _ticket_counts(session, by, sql, scope)
        take(rows, names)
    take(_clock_counts(session, by, sql, scope), tuple(f"{k}_{s}" for k, s in CLOCK_PAIRS))
    take(_grouped(session, by, sql, scope, Rating.updated_at, sql.rated(),
                  func.count(), func.sum(Rating.score), func.sum(Rating.effort), func.count(Rating.effort)),
         ("ratings", "score_sum", "effort_sum", "effort_n"))
    medians, total = _median(session, by, sql, scope, with_total)
    for g, median in medians.items():
        groups.setdefault(g, _Sums()).frt_median = median
    return groups, total


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _average(total: int, count: int) -> float | None:
    return round(total / count, 2) if count else None


def _mean(total: int, count: int) -> int | None:
    return round(total / count) if count else None


def _figures(sums: _Sums) -> dict[str, Any]:
    c = sums.counts.get
    resolved = c("resolved", 0)
    return {
        "tickets": c("tickets", 0),
        "resolved": resolved,
        "frt_median_s": round(sums.frt_median) if sums.frt_median is not None else None,
        "mttr_s": _mean(c("mttr_sum", 0), c("mttr_n", 0)),
        "mttr_wall_s": _mean(c("wall_sum", 0), resolved),
        "response_met_pct": _pct(c("response_met", 0), c("response_met", 0) + c("response_breached", 0)),
        "resolution_met_pct": _pct(c("resolution_met", 0), c("resolution_met", 0) + c("resolution_breached", 0)),
        **{name: _pct(c(f"{kind}_met", 0), c(f"{kind}_met", 0) + c(f"{kind}_breached", 0))
           for kind, name in CLOCKS},
        "fcr_pct": _pct(c("fcr", 0), resolved),
        "reopen_pct": _pct(c("reopens", 0), resolved),
        "repeat_pct": _pct(c("repeats", 0), c("tickets", 0)),
        "backlog": c("backlog", 0),
        **{name: c(name, 0) for name, _, _ in AGES},
        "csat_avg": _average(c("score_sum", 0), c("ratings", 0)),
        "csat_count": c("ratings", 0),
        "effort_avg": _average(c("effort_sum", 0), c("effort_n", 0)),
    }


def kpi_report(
    session: Session, user: UserInfo, period: Period, by: str = "site", *, home_site: uuid.UUID | None = None,
) -> KpiReport:
    """The figures of every group with a ticket in them, sorted by group, and the total."""
    check_grouping(by)
    sql = _Sql(session.get_bind().dialect.name, period)
    scope = report_scope(user, home_site)
    groups, total_median = _sums(session, by, sql, scope, with_total=by not in OVERLAPPING)
    rows = [{"group": g, **_figures(s)} for g, s in sorted(groups.items())]
    if by in OVERLAPPING:
        total = _sums(session, None, sql, scope)[0].get("total", _Sums())
    else:
        # Every count falls in exactly one group: the total adds them up, and only
        # the median is counted again over all.
        total = _Sums()
        for sums in groups.values():
            for name, value in sums.counts.items():
                total.add(name, value)
        total.frt_median = total_median
    return KpiReport(period, by, rows, _figures(total))


def tickets_behind(
    session: Session, user: UserInfo, period: Period, by: str, group: str | None, figure: str, *,
    counted: bool = False, home_site: uuid.UUID | None = None,
) -> list[uuid.UUID]:
    """The ids of the tickets behind a figure in a group (None: in the total), oldest
    first, for a dashboard to list when its bar is clicked. A percentage is taken
    over some tickets (the resolved for FCR, the decided clocks for compliance) and
    counts some of them (the FCR ones, the met clocks): all of the first by default,
    only the counted ones with `counted`."""
    check_grouping(by)
    sql = _Sql(session.get_bind().dialect.name, period)
    behind = _behind(sql)
    if counted:
        behind["response_met_pct"] = (lambda: sql.decided("response", "met"), sql.decided_at("response"))
        behind["resolution_met_pct"] = (lambda: sql.decided("resolution", "met"), sql.decided_at("resolution"))
    else:
        for name, over in (("fcr_pct", "resolved"), ("reopen_pct", "resolved"), ("repeat_pct", "tickets")):
            behind[name] = behind[over]
    clocks = dict((name, kind) for kind, name in CLOCKS)
    if figure in clocks:
        return _behind_clock(session, sql, report_scope(user, home_site), by, group, clocks[figure], counted)
    condition, instant = behind.get(figure) or (false, Ticket.created_at)
    query = select(Ticket.id).where(report_scope(user, home_site), condition())
    if group is not None:
        label, joined = _group(by, sql.dialect, instant)
        query = joined(query).where(func.coalesce(cast(label, String), NONE) == group)
    return list(session.scalars(query.order_by(Ticket.created_at, Ticket.id)))


def _behind_clock(session: Session, sql: _Sql, scope: Any, by: str, group: str | None, kind: str,
                  counted: bool) -> list[uuid.UUID]:
    """The tickets with an OLA or supplier clock of this kind decided in the period in
    the group (met ones only with `counted`), grouped as _clock_counts groups them."""
    rows = _ClockRows(sql.dialect)
    label, joined, kinds = _clock_group(by if group is not None else None, sql.dialect, rows)
    states = ("met",) if counted else ("met", "breached")
    query = joined(select(Ticket.id).select_from(Ticket).join(rows.table, rows.on)).where(
        scope, sql.clock_decided(rows, (kind,) if kind in kinds else (), states))
    if group is not None:
        query = query.where(func.coalesce(cast(label, String), NONE) == group)
    return list(dict.fromkeys(session.scalars(query.order_by(Ticket.created_at, Ticket.id))))


def compliance(
    session: Session, user: UserInfo, period: Period, by: str, *, home_site: uuid.UUID | None = None,
) -> dict[str, dict[str, float | None]]:
    """Only the OLA and supplier figures of each group (a dashboard's chart of them,
    without the cost of the whole report): {group: {figure: percentage}}."""
    check_grouping(by)
    sql = _Sql(session.get_bind().dialect.name, period)
    names = tuple(f"{k}_{s}" for k, _ in CLOCKS for s in ("met", "breached"))
    found: dict[str, dict[str, float | None]] = {}
    for g, *values in _clock_counts(session, by, sql, report_scope(user, home_site)):
        counts = dict(zip(names, (int(v or 0) for v in values), strict=True))
        found[g] = {name: _pct(counts[f"{kind}_met"], counts[f"{kind}_met"] + counts[f"{kind}_breached"])
                    for kind, name in CLOCKS}
    return dict(sorted(found.items()))


def created_counts(
    session: Session, user: UserInfo, period: Period, by: str, *, home_site: uuid.UUID | None = None,
) -> dict[str, int]:
    """Only the `tickets` figure of each group (a trend's earlier period, cheaply)."""
    check_grouping(by)
    sql = _Sql(session.get_bind().dialect.name, period)
    rows = _grouped(session, by, sql, report_scope(user, home_site), Ticket.created_at, sql.created(), func.count())
    return {g: int(n) for g, n in rows}


def resolved_counts(
    session: Session, user: UserInfo, period: Period, by: str, *, home_site: uuid.UUID | None = None,
) -> dict[str, int]:
    """Only the `resolved` figure of each group (a dashboard's weekly line, cheaply)."""
    check_grouping(by)
    sql = _Sql(session.get_bind().dialect.name, period)
    rows = _grouped(session, by, sql, report_scope(user, home_site), Ticket.resolved_at, sql.resolved(), func.count())
    return {g: int(n) for g, n in rows}
