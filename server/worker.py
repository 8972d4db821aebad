"""`branchdesk-server worker`: the organisation's automation, run on the server whether
or not anybody has a window open (DESIGN §12).

A pass runs core.automation's jobs (SLA warnings and breaches, escalation rules,
closing resolved tickets) through the service layer as the system, then hands the
notices written since the last pass (by them, by pushes, by `serve`) to the
notification outbox, and delivers what is due there (server.delivery). Several workers and `serve`
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
from core.models import HistoryEvent, Team, Ticket, User
from core.notices import carried, carrying, notice_id
from core.orgspec import NOTIFY_CHANNELS
from core.reference import Reference, load_reference
from core.uow import UnitOfWork
from server import store_image, sweep_mark
from server.db import Database
from server.delivery import Delivery, DeliveryReport
from server.models import Notification, WorkerMark
from server.own_outbox import OwnOutbox
from sync.apply import Sequencer
from sync.models import SyncRecord

log = logging.getLogger("branchdesk.worker")

# The first key of every advisory lock Branchdesk takes ("Brdk"); the second is the job's.
LOCK_SPACE = 0x4272646B
NOTICE_BATCH = 1000
MAX_BACKOFF = 300  # seconds between attempts to reach a database that is down
# what a team's chat channel hears of: what the team itself is told (DESIGN §13)
TEAM_REASONS = frozenset({"assigned", "sla_warning", "sla_breach", "escalation", "major", "major_resolved"})


class Worker:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock
        self._ref: Reference | None = None
        self._counters: dict[str, int] = {}
        # what the last pass's "deliver" job did (None when another worker had the job)
        self.delivered: DeliveryReport | None = None
        # the store image the last pass made (None: none was due, or another worker had the job)
        self.imaged: store_image.Made | None = None
        self.image_min_tickets = store_image.MIN_TICKETS
        self.image_stale_share = store_image.STALE_SHARE

    def _reference(self, session: Session) -> Reference:
        from core.models import Organisation

        version = session.scalar(select(Organisation.version).where(Organisation.id == 1))
        if self._ref is None or self._ref.version != version:
            self._ref = load_reference(session)
            self._counters = {}
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
        with self.db.engine.connect() as connection:
            # Advisory locks belong to the whole PostgreSQL database: the key names the
            # schema too, so that Branchdesk databases kept as schemas of one database
            # (a test server beside production) never hold up each other's workers.
            schema = connection.scalar(text("SELECT current_schema()")) or ""
            key = zlib.crc32(f"{schema}:{job}".encode()) & 0x7FFFFFFF
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
        """One pass; returns what it did and how many notifications it queued. What it
        delivered is in `delivered`."""
        now = self.clock()
        with self.db.read() as session:
            since = sweep_mark.recorded_through(session)
        report = run_pass(self.work(now), now, self.claim, since=since)
        if report.swept_through is not None:
            with self.db.write() as session:
                sweep_mark.keep(session, report.swept_through)
        queued = 0
        with self.claim("notifications") as taken:
            if taken:
                queued = self.queue_notifications(now)
            else:
                report.skipped.append("notifications")
        self.delivered = None
        with self.claim("deliver") as taken:
            if taken:
                self.delivered = self.deliver(now)
            else:
                report.skipped.append("deliver")
        # last: making an image takes a while at 100,000 tickets, and nothing above waits on it
        self.imaged = None
        with self.claim("store_image") as taken:
            if not taken:
                report.skipped.append("store_image")
            else:
                with self.db.read() as session:
                    due = store_image.due(session, self.image_min_tickets, self.image_stale_share)
                if due:
                    self.imaged = store_image.make(self.db, now)
        return report, queued

    def deliver(self, now: datetime) -> DeliveryReport:
        """Send what is due in the outbox (server.delivery)."""
        with self.db.read() as session:
            spec = self._reference(session).spec
        return Delivery(self.db, spec, now).run()

    def swept_through(self) -> datetime | None:
        with self.db.read() as session:
            return sweep_mark.swept_through(session)

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
        """Rows for the channels the server delivers: a mail to each person told who has
        an address and wants mail (when the organisation has a mail server), and a post
        to each chat webhook of the ticket's team for what a team hears of. The desktop
        channel needs no row: windows show the notices from the history they pull."""
        events = session.execute(
            select(HistoryEvent.id, HistoryEvent.ticket_id, HistoryEvent.kind, HistoryEvent.field, HistoryEvent.new,
                   HistoryEvent.note, HistoryEvent.notices, Ticket.team_id)
            .join(SyncRecord, (SyncRecord.record_id == HistoryEvent.id) & (SyncRecord.kind == "history"))
            .join(Ticket, Ticket.id == HistoryEvent.ticket_id)
            .where(SyncRecord.seq > after, SyncRecord.seq <= upto, carrying())
        ).all()
        if not events:
            return 0
        spec = self._reference(session).spec
        mail_to: set[uuid.UUID] = set()
        if spec.email is not None:
            wants = {u.username: "email" in u.notify for u in spec.users}  # people added since: the default
            mail_to = {user_id for user_id, username in session.execute(
                select(User.id, User.username).where(User.email.is_not(None), User.email != "", User.active.is_(True)))
                if wants.get(username, "email" in NOTIFY_CHANNELS)}
        team_codes = {team_id: code for team_id, code in session.execute(select(Team.id, Team.code))}
        rows: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, str, uuid.UUID | None, str, str | None]] = []
        for event_id, ticket_id, kind, field, new, note, notices, team_id in events:
            team = team_codes.get(team_id)
            for told in carried(kind, field, new, note, notices):
                named = notice_id(event_id, notices, told.reason)
                for person in told.people:
                    user_id = uuid.UUID(person)
                    if user_id in mail_to:
                        rows.append((derived_id(named, user_id, "email"), event_id, ticket_id, told.reason, user_id,
                                     "email", None))
                if told.reason in TEAM_REASONS and team is not None:
                    for hook in spec.webhooks:
                        if team in hook.teams:
                            rows.append((derived_id(named, "webhook", hook.name), event_id, ticket_id, told.reason,
                                         None, "webhook", hook.name))
        if not rows:
            return 0
        ids = [r[0] for r in rows]
        known = {found for i in range(0, len(ids), 500) for found in session.scalars(
            select(Notification.id).where(Notification.id.in_(ids[i:i + 500])))}
        queued = 0
        for row_id, event_id, ticket_id, reason, recipient, channel, target in rows:
            if row_id in known:
                continue
            known.add(row_id)
            session.add(Notification(
                id=row_id, event_id=event_id, ticket_id=ticket_id, user_id=recipient, channel=channel, target=target,
                reason=reason, state="queued", attempts=0, next_attempt_at=now, created_at=now, sent_at=None,
                error=None,
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
            log.info("pass done", extra={"fields": pass_fields(report, queued, self.delivered, self.imaged)})
            stop.wait(interval)
        log.info("worker stopped")


def pass_fields(report: PassReport, queued: int, delivered: DeliveryReport | None = None,
                imaged: store_image.Made | None = None) -> dict[str, object]:
    fields: dict[str, object] = {
        "sla_events": report.sla_events, "escalations": report.escalations, "closed": report.closed,
        "notifications_queued": queued, "failed": len(report.failed), "skipped": report.skipped}
    if delivered is not None:
        fields.update({"notifications_sent": delivered.sent, "notifications_to_retry": delivered.retried,
                       "notifications_failed": delivered.failed, "notifications_interrupted": delivered.interrupted,
                       "channels_resting": sorted(delivered.resting)})
    if imaged is not None:
        fields.update({"store_image_cursor": imaged.image.cursor, "store_image_records": imaged.image.records})
    return fields

