"""`branchdesk-server worker`: the organisation's automation, run on the server whether
or not anybody has a window open (DESIGN §12).

A pass runs core.automation's jobs (SLA warnings and breaches, escalation rules,
closing resolved tickets) through the service layer as the system, then hands the
notices they wrote to the notification outbox. Several workers and `serve`
processes may share one PostgreSQL:

- each job is claimed with a PostgreSQL advisory lock for the length of the job; a
  worker that finds a job taken leaves it to the one that has it;
- every transaction first takes the feed counter's row lock, as a push does, so
  nothing another writer commits meanwhile is overwritten with what was read before;
- every automatic change takes an id derived from its cause and is checked for
  inside that transaction, so a job done twice changes nothing twice.

A worker that loses its database retries with a growing pause and says so in its log."""

from __future__ import annotations

import logging
import threading
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from core.automation import PassReport, Work, run_pass
from core.clock import utcnow
from core.ids import derived_id
from core.models import HistoryEvent, User
from core.reference import Reference, load_reference
from core.uow import UnitOfWork
from server.db import Database
from server.models import Notification, WorkerMark
from server.own_outbox import OwnOutbox, highest_number
from sync.apply import Sequencer
from sync.models import SyncRecord

log = logging.getLogger("branchdesk.worker")

# The first key of every advisory lock Branchdesk takes ("Brdk"); the second is the job's.
LOCK_SPACE = 0x4272646B
NOTICE_BATCH = 1000
MAX_BACKOFF = 300  # seconds between attempts to reach a database that is down


class Worker:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock
        self._ref: Reference | None = None
        self._counters: dict[str, int] = {}

    def _reference(self, session: Session) -> Reference:
        from core.models import Organisation

        version = session.scalar(select(Organisation.version).where(Organisation.id == 1))
        if self._ref is None or self._ref.version != version:
            self._ref = load_reference(session)
            self._counters = {"ticket_number": highest_number(session)}
        return self._ref

    def work(self, now: datetime) -> Work:
        @contextmanager
        def unit() -> Iterator[UnitOfWork]:
            with self.db.write() as session:
                sequencer = Sequencer(session)
                sequencer.lock()
                uow = UnitOfWork(session, self._reference(session), OwnOutbox(self._counters, lambda: now, sequencer))
                yield uow
                uow.finish()

        return unit

    @contextmanager
    def claim(self, job: str) -> Iterator[bool]:
        """The job for this worker alone while the block runs, or False if another has it.
        SQLite has one writer at a time anyway; only PostgreSQL needs the lock."""
        if self.db.dialect != "postgresql":
            yield True
            return
        key = zlib.crc32(job.encode()) & 0x7FFFFFFF
        with self.db.engine.connect() as connection:
            taken = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:space, :key)"),
                                           {"space": LOCK_SPACE, "key": key}))
            connection.commit()  # the lock is the session's: no transaction left open meanwhile
            try:
                yield taken
            finally:
                if taken:
                    connection.execute(text("SELECT pg_advisory_unlock(:space, :key)"),
                                       {"space": LOCK_SPACE, "key": key})
                    connection.commit()

    def run_once(self) -> tuple[PassReport, int]:
        """One pass; returns what it did and how many notifications it queued."""
        now = self.clock()
        report = run_pass(self.work(now), now, self.claim)
        queued = 0
        with self.claim("notifications") as taken:
            if taken:
                queued = self.queue_notifications(now)
            else:
                report.skipped.append("notifications")
        return report, queued

    def queue_notifications(self, now: datetime) -> int:
        """An outbox row per person and channel for every notice written since the last
        look, in feed order; rows are written once (their ids derive from event, person
        and channel) and delivered by the channels."""
        queued = 0
        while True:
            with self.db.write() as session:
                Sequencer(session).lock()  # every feed number below the top is committed
                mark_row = session.get(WorkerMark, "notifications")
                mark = mark_row.value if mark_row else 0
                top = session.scalar(select(func.max(SyncRecord.seq))) or 0
                seqs = list(session.scalars(
                    select(SyncRecord.seq).where(SyncRecord.kind == "history", SyncRecord.seq > mark,
                                                 SyncRecord.seq <= top)
                    .order_by(SyncRecord.seq).limit(NOTICE_BATCH)
                ))
                upto = seqs[-1] if len(seqs) == NOTICE_BATCH else top
                queued += self._queue(session, mark, upto, now)
                if mark_row is None:
                    session.add(WorkerMark(job="notifications", value=upto))
                else:
                    mark_row.value = upto
            if upto >= top:
                return queued

    def _queue(self, session: Session, after: int, upto: int, now: datetime) -> int:
        notices = session.execute(
            select(HistoryEvent.id, HistoryEvent.ticket_id, HistoryEvent.field, HistoryEvent.new)
            .join(SyncRecord, (SyncRecord.record_id == HistoryEvent.id) & (SyncRecord.kind == "history"))
            .where(SyncRecord.seq > after, SyncRecord.seq <= upto, HistoryEvent.kind == "notice")
        ).all()
        if not notices:
            return 0
        emails = {user_id: email for user_id, email in session.execute(
            select(User.id, User.email).where(User.email.is_not(None)))}
        queued = 0
        for event_id, ticket_id, reason, people in notices:
            for person in people or []:
                user_id = uuid.UUID(person)
                if not emails.get(user_id):
                    continue  # desktops show it from the history they pull
                row_id = derived_id(event_id, user_id, "email")
                if session.get(Notification, row_id) is not None:
                    continue
                session.add(Notification(
                    id=row_id, event_id=event_id, ticket_id=ticket_id, user_id=user_id, channel="email", target=None,
                    reason=reason or "", state="queued", attempts=0, next_attempt_at=now, created_at=now,
                    sent_at=None, error=None,
                ))
                queued += 1
        return queued

    def run_forever(self, interval: float, stop: threading.Event) -> None:
        failures = 0
        log.info("worker started", extra={"fields": {"interval_s": interval, "database": self.db.display}})
        while not stop.is_set():
            try:
                report, queued = self.run_once()
            except (OperationalError, DBAPIError) as exc:
                failures += 1
                wait = min(MAX_BACKOFF, 2 ** min(failures, 9))
                reason = str(getattr(exc, "orig", exc)).strip().splitlines()
                log.warning("database unreachable; retrying", extra={"fields": {
                    "error": reason[0] if reason else type(exc).__name__, "retry_in_s": wait, "attempt": failures}})
                stop.wait(wait)
                continue
            if failures:
                log.info("database reachable again", extra={"fields": {"after_attempts": failures}})
            failures = 0
            log.info("pass done", extra={"fields": pass_fields(report, queued)})
            stop.wait(interval)
        log.info("worker stopped")


def pass_fields(report: PassReport, queued: int) -> dict[str, object]:
    return {"sla_events": report.sla_events, "escalations": report.escalations, "closed": report.closed,
            "notifications_queued": queued, "failed": len(report.failed), "skipped": report.skipped}

