"""Delivering the notification outbox (DESIGN §13): the worker's "deliver" job.

Each due row (queued, its next attempt due) is taken on its own:

1. in one transaction it becomes "sending" with one more attempt — only if it is
   still queued, so two workers never both take it — and what it says is read;
2. it is sent, with no transaction open;
3. in a second transaction it becomes "sent", or on a definite failure goes back to
   "queued" with a growing pause (1, 2, 4 … minutes, at most an hour), or "failed"
   with the reason when the other side refuses it for good or after MAX_ATTEMPTS.

At most once: a row still "sending" after SENDING_GRACE belonged to a worker that
stopped between steps 1 and 3; it may have arrived, so it is never sent again but
marked failed with that reason, for an admin to see (`notifications --failed`).

A channel that cannot be reached at all (the mail server down, a webhook's host not
answering, a secret missing from the environment) rests for the rest of the pass:
its rows wait, queued, with no attempt counted, so an outage delays mail and loses
none. These transactions touch only the outbox, never the feed, so they take no feed
lock; the state checks in their UPDATEs are what keeps two workers apart."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.models import HistoryEvent, Site, Team, Ticket, User
from core.notices import carried, notice_id
from core.orgspec import OrgSpec, WebhookSpec
from server import webhooks
from server.db import Database
from server.mail_out import Mailer, build_message
from server.models import Notification
from server.notice_data import Notice, Outcome

log = logging.getLogger("branchdesk.delivery")

BATCH = 20
MAX_ATTEMPTS = 8
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)
SENDING_GRACE = timedelta(minutes=10)
INTERRUPTED = "interrupted while sending; it may have arrived"
ERROR_LENGTH = 500  # the outbox's error column


def backoff(attempts: int) -> timedelta:
    """The pause after the `attempts`-th attempt failed: 1 minute, then twice as long each time."""
    return min(MAX_DELAY, FIRST_DELAY * 2 ** max(attempts - 1, 0))


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    interrupted: int = 0
    # channels that rested this pass, with why ("email", "webhook field-pl")
    resting: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        text = f"{self.sent} sent, {self.retried} to retry, {self.failed} failed"
        if self.interrupted:
            text += f", {self.interrupted} interrupted"
        return text


Poster = Callable[[str, str, Notice], Outcome]


class Delivery:
    def __init__(self, db: Database, spec: OrgSpec, now: datetime, environ: Mapping[str, str] | None = None,
                 poster: Poster = webhooks.post) -> None:
        self.db = db
        self.spec = spec
        self.now = now
        self.environ = os.environ if environ is None else environ
        self.poster = poster
        self.report = DeliveryReport()
        self.mailer: Mailer | None = None
        self.hooks = {hook.name: hook for hook in spec.webhooks}
        self.languages = {user.username: user.language for user in spec.users}

    def run(self) -> DeliveryReport:
        self.give_up_interrupted()
        done: set[uuid.UUID] = set()
        try:
            while True:
                due = [row for row in self.due() if row[0] not in done]
                if not due:
                    break
                for row_id, channel, target in due:
                    done.add(row_id)
                    if self.channel_key(channel, target) not in self.report.resting:
                        self.deliver_one(row_id, channel, target)
        finally:
            if self.mailer is not None:
                self.mailer.close()
        return self.report

    @staticmethod
    def channel_key(channel: str, target: str | None) -> str:
        return channel if channel == "email" else f"webhook {target}"

    def rest(self, key: str, reason: str) -> None:
        self.report.resting[key] = reason
        log.warning("channel unavailable; its notifications wait", extra={"fields": {"channel": key,
                                                                                      "reason": reason}})

    def give_up_interrupted(self) -> None:
        with self.db.write() as session:
            result = session.execute(
                update(Notification)
                .where(Notification.state == "sending", Notification.next_attempt_at <= self.now - SENDING_GRACE)
                .values(state="failed", error=INTERRUPTED)
            )
            self.report.interrupted = result.rowcount or 0  # type: ignore[attr-defined]
        if self.report.interrupted:
            log.warning("notifications interrupted while sending marked failed",
                        extra={"fields": {"count": self.report.interrupted}})

    def due(self) -> list[tuple[uuid.UUID, str, str | None]]:
        query = (select(Notification.id, Notification.channel, Notification.target)
                 .where(Notification.state == "queued", Notification.next_attempt_at <= self.now))
        if "email" in self.report.resting:
            query = query.where(Notification.channel != "email")
        resting_hooks = [key.removeprefix("webhook ") for key in self.report.resting if key.startswith("webhook ")]
        if resting_hooks:
            query = query.where((Notification.channel != "webhook") | Notification.target.not_in(resting_hooks))
        with self.db.read() as session:
            rows = session.execute(
                query.order_by(Notification.next_attempt_at, Notification.created_at, Notification.id).limit(BATCH)
            ).all()
        return [(row_id, channel, target) for row_id, channel, target in rows]

    def deliver_one(self, row_id: uuid.UUID, channel: str, target: str | None) -> None:
        key = self.channel_key(channel, target)
        send: Callable[[Notice], Outcome]
        if channel == "email":
            email = self.spec.email
            if email is None:
                self.fail_unsent(row_id, "no [channels.email] in the organisation file any more")
                return
            if self.mailer is None:
                password = None
                if email.password_env:
                    password = self.environ.get(email.password_env)
                    if not password:
                        self.rest(key, f"the environment variable {email.password_env} is not set")
                        return
                mailer = Mailer(email, password)
                problem = mailer.open()
                if problem is not None:
                    self.rest(key, problem.reason)
                    return
                self.mailer = mailer
            if not self.mailer.connected:  # the connection broke earlier in this pass
                self.rest(key, "the connection to the mail server broke")
                return
            mailer, reply_to = self.mailer, self.spec.mail_in.address if self.spec.mail_in else None
            send = lambda notice: mailer.send(build_message(notice, email, reply_to))  # noqa: E731
        elif channel == "webhook":
            hook: WebhookSpec | None = self.hooks.get(target or "")
            if hook is None:
                self.fail_unsent(row_id, f"no webhook named {target!r} in the organisation file any more")
                return
            url = self.environ.get(hook.url_env)
            if not url:
                self.rest(key, f"the environment variable {hook.url_env} is not set")
                return
            kind = hook.kind
            send = lambda notice: self.poster(url, kind, notice)  # noqa: E731
        else:
            self.fail_unsent(row_id, f"no such channel {channel!r}")
            return
        taken = self.take(row_id)
        if taken is None:
            return
        notice, attempts = taken
        try:
            outcome = send(notice)
        except Exception as exc:  # a bug must not leave the row "sending" with the pass going on
            log.exception("sending a notification failed", extra={"fields": {"notification": str(row_id)}})
            outcome = Outcome.retry(f"unexpected {type(exc).__name__}: {exc}")
        self.finish(row_id, outcome, attempts)
        if outcome.kind == "unreachable":
            self.rest(key, outcome.reason)

    def take(self, row_id: uuid.UUID) -> tuple[Notice, int] | None:
        """The row, now "sending", and what it says; None if another worker has it or it
        cannot be sent (then it is failed with the reason)."""
        with self.db.write() as session:
            result = session.execute(
                update(Notification)
                .where(Notification.id == row_id, Notification.state == "queued",
                       Notification.next_attempt_at <= self.now)
                .values(state="sending", attempts=Notification.attempts + 1, next_attempt_at=self.now)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = session.get(Notification, row_id)
            assert row is not None
            notice, problem = self.read_notice(session, row)
            if notice is None:
                row.state, row.error = "failed", problem[:ERROR_LENGTH]
                self.report.failed += 1
                return None
            return notice, row.attempts

    def read_notice(self, session: Session, row: Notification) -> tuple[Notice | None, str]:
        event = session.get(HistoryEvent, row.event_id)
        ticket = session.get(Ticket, row.ticket_id)
        told = next((t for t in carried(event.kind, event.field, event.new, event.note, event.notices)
                     if t.reason == row.reason), None) if event is not None else None
        if event is None or told is None or ticket is None:
            return None, "its ticket or event is no longer there"
        site = session.get(Site, ticket.site_id)
        team = session.get(Team, ticket.team_id) if ticket.team_id else None
        name = email = None
        language = "en"
        if row.user_id is not None:
            user = session.get(User, row.user_id)
            if user is None or not user.email:
                return None, "the person has no e-mail address any more"
            if not user.active:
                return None, "the person's account is no longer active"
            name, email = user.name, user.email
            language = self.languages.get(user.username, "en")
        return Notice(
            notification_id=row.id, event_id=notice_id(event.id, event.notices, row.reason), reason=row.reason,
            note=told.note,
            occurred_at=event.occurred_at, ticket_id=ticket.id, number=ticket.number, title=ticket.title,
            priority=ticket.priority, status=ticket.status, site_code=site.code if site else "",
            site_name=site.name if site else "", team=team.code if team else None,
            organisation=self.spec.name, name=name, email=email, language=language,
        ), ""

    def finish(self, row_id: uuid.UUID, outcome: Outcome, attempts: int) -> None:
        values: dict[str, object]
        if outcome.kind == "sent":
            values = {"state": "sent", "sent_at": self.now, "error": None}
            self.report.sent += 1
        elif outcome.kind == "refused" or (outcome.kind == "retry" and attempts >= MAX_ATTEMPTS):
            reason = outcome.reason if outcome.kind == "refused" else \
                f"gave up after {attempts} attempts: {outcome.reason}"
            values = {"state": "failed", "error": reason[:ERROR_LENGTH]}
            self.report.failed += 1
        elif outcome.kind == "retry":
            values = {"state": "queued", "next_attempt_at": self.now + backoff(attempts),
                      "error": outcome.reason[:ERROR_LENGTH]}
            self.report.retried += 1
        else:  # unreachable: nothing reached the other side; no attempt counted
            values = {"state": "queued", "attempts": attempts - 1, "next_attempt_at": self.now,
                      "error": outcome.reason[:ERROR_LENGTH]}
        if outcome.kind != "sent":
            log.info("notification not delivered", extra={"fields": {
                "notification": str(row_id), "outcome": outcome.kind, "attempts": attempts,
                "reason": outcome.reason}})
        with self.db.write() as session:
            session.execute(update(Notification)
                            .where(Notification.id == row_id, Notification.state == "sending").values(**values))

    def fail_unsent(self, row_id: uuid.UUID, reason: str) -> None:
        with self.db.write() as session:
            session.execute(update(Notification)
                            .where(Notification.id == row_id, Notification.state == "queued")
                            .values(state="failed", error=reason[:ERROR_LENGTH]))
        self.report.failed += 1
