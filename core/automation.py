"""One pass of the organisation's automation (DESIGN §12): record the SLA warnings and
breaches every open ticket has passed, fire the escalation rules that are due, and
close resolved tickets whose reopen period has ended. The server's worker runs it
for everyone; a standalone store, which has no server, runs it itself.

Each job works in small batches, one unit of work each, so a pass never holds the
database for long; a batch that fails is tried again ticket by ticket, and a ticket
that fails on its own is logged and left for the next pass while the others go on.
Every change is made by the system with an id derived from what caused it, so a pass
done twice, or by two workers at once, changes nothing twice."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from core import escalation
from core.models import Ticket
from core.models.tickets import OPEN_STATUSES
from core.reference import SYSTEM_USER
from core.sla.figures import backfill, refresh
from core.sla_sweep import crossings_due
from core.uow import UnitOfWork

log = logging.getLogger("branchdesk.automation")

BATCH = 200
JOBS = ("sla", "escalation", "auto_close")

# A unit of work in a transaction of its own, committed when the block ends.
Work = Callable[[], AbstractContextManager[UnitOfWork]]
# Takes a job for the length of the block, yielding False when another worker has it.
Claim = Callable[[str], AbstractContextManager[bool]]


@dataclass
class PassReport:
    sla_events: int = 0
    escalations: int = 0
    closed: int = 0
    failed: list[str] = field(default_factory=list)  # "job ticket: why", one per ticket left for later
    skipped: list[str] = field(default_factory=list)  # jobs another worker was doing
    # the instant through which every crossing is recorded, when this pass's SLA job
    # did all it had to (the next pass may start from it: run_pass's `since`)
    swept_through: datetime | None = None

    def summary(self) -> str:
        text = (f"{self.sla_events} SLA warnings and breaches recorded, {self.escalations} escalation rules fired, "
                f"{self.closed} tickets closed")
        if self.skipped:
            text += f"; left to another worker: {', '.join(self.skipped)}"
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text


@contextmanager
def no_claim(_job: str) -> Iterator[bool]:
    yield True


def run_pass(work: Work, now: datetime, claim: Claim = no_claim, since: datetime | None = None) -> PassReport:
    """`since`: an instant through which an earlier pass recorded every crossing (its
    `swept_through`); the SLA job then takes only the tickets whose next crossing came
    after it (core.sla_sweep), instead of every open ticket whose breach has passed
    (at 100,000 demo tickets, 3,800 computed again every pass)."""
    report = PassReport()
    if since is not None and since >= now:
        since = None  # a pass run as if at an earlier instant (--now) takes everything
    for job in JOBS:
        with claim(job) as taken:
            if not taken:
                report.skipped.append(job)
                continue
            if job == "sla":
                _record_crossings(work, now, since, report)
            elif job == "escalation":
                report.escalations += _batched(work, job, _open_tickets(work),
                                               lambda uow, ids: _escalate(uow, ids, now), report)
            else:
                report.closed += _batched(work, job, _closable(work, now),
                                          lambda uow, ids: _close(uow, ids, now), report)
    return report


def record_crossings(work: Work, now: datetime) -> PassReport:
    """The SLA job of a pass alone, from nothing: every warning and breach open tickets
    have passed by `now` recorded (a server's demo ends with it, so that the worker's
    first pass starts from its mark)."""
    report = PassReport()
    _record_crossings(work, now, None, report)
    return report


def _record_crossings(work: Work, now: datetime, since: datetime | None, report: PassReport) -> None:
    failed = len(report.failed)
    report.sla_events += _batched(work, "sla", _crossings_due(work, since, now),
                                  lambda uow, ids: refresh(uow, ids, now), report)
    if len(report.failed) == failed:
        report.swept_through = now
    # tickets made before their figures were stored as now, a batch a pass
    _in_work(work, [], lambda uow, _ids: backfill(uow, now))


def _open_tickets(work: Work) -> list[uuid.UUID]:
    with work() as uow:
        return list(uow.session.scalars(select(Ticket.id).where(Ticket.status.in_(OPEN_STATUSES))
                                        .order_by(Ticket.id)))


def _crossings_due(work: Work, since: datetime | None, now: datetime) -> list[uuid.UUID]:
    with work() as uow:
        return crossings_due(uow.session, since, now)


def _closable(work: Work, now: datetime) -> list[uuid.UUID]:
    with work() as uow:
        cutoff = now - timedelta(days=uow.ref.spec.auto_close_days)
        return list(uow.session.scalars(select(Ticket.id).where(Ticket.status == "resolved",
                                                                 Ticket.resolved_at <= cutoff)))


def _batched(work: Work, job: str, ids: list[uuid.UUID], step: Callable[[UnitOfWork, list[uuid.UUID]], int],
             report: PassReport) -> int:
    done = 0
    for i in range(0, len(ids), BATCH):
        batch = ids[i: i + BATCH]
        try:
            done += _in_work(work, batch, step)
        except Exception:  # noqa: BLE001 - one ticket's trouble must not stop the others
            for ticket_id in batch:
                try:
                    done += _in_work(work, [ticket_id], step)
                except Exception as exc:  # noqa: BLE001
                    log.exception("%s: ticket %s failed; it is tried again next pass", job, ticket_id)
                    report.failed.append(f"{job} {ticket_id}: {exc}")
    return done


def _in_work(work: Work, ids: Sequence[uuid.UUID], step: Callable[[UnitOfWork, list[uuid.UUID]], int]) -> int:
    with work() as uow:
        return step(uow, list(ids))


def _escalate(uow: UnitOfWork, ids: list[uuid.UUID], now: datetime) -> int:
    return sum(escalation.fire(uow, firing, now) for firing in escalation.due(uow.session, uow.ref, ids, now))


def _close(uow: UnitOfWork, ids: list[uuid.UUID], now: datetime) -> int:
    from core.services.tickets import auto_close

    closed = 0
    for ticket in uow.session.scalars(select(Ticket).where(Ticket.id.in_(ids), Ticket.status == "resolved")):
        uow.tickets_by_number[ticket.number] = ticket
        auto_close(uow, SYSTEM_USER, ticket.number, now)
        closed += 1
    return closed


def run_here(uow: UnitOfWork, now: datetime) -> PassReport:
    """The whole pass in the caller's one unit of work: a standalone store's, which holds
    one site's tickets and has no server to do it for it."""
    session = uow.session
    report = PassReport()
    report.sla_events = refresh(uow, crossings_due(session, None, now), now)
    uow.flush_history()
    report.escalations = _escalate(uow, list(session.scalars(select(Ticket.id).where(
        Ticket.status.in_(OPEN_STATUSES)))), now)
    cutoff = now - timedelta(days=uow.ref.spec.auto_close_days)
    report.closed = _close(uow, list(session.scalars(select(Ticket.id).where(
        Ticket.status == "resolved", Ticket.resolved_at <= cutoff))), now)
    return report
