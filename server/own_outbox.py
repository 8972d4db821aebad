"""What the server's own commands leave besides their records (the demo generator's,
the worker's automatic actions): no change log, since no device will send them;
ticket and article numbers that go on from the highest the server has given; the clock they
run on; and, when a sequencer is given, feed numbers for every record written, so
that devices pull them like everything else."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.blobs import BlobFolder
from core.clock import utcnow
from core.ids import new_id
from core.models import Article, Ticket
from core.uow import Effect
from sync.apply import Sequencer, number_written

# The device code in the numbers of tickets the server makes itself, and in the
# history of what it does by itself.
SERVER_DEVICE = "SRV00"


class OwnOutbox:
    def __init__(self, counters: dict[str, int], now: Callable[[], datetime] = utcnow,
                 sequencer: Sequencer | None = None) -> None:
        self._counters = counters
        self._now = now
        self._sequencer = sequencer
        self._written: list[tuple[str, uuid.UUID, uuid.UUID | None]] = []
        self._effects: list[Effect] = []

    @property
    def device(self) -> str:
        return SERVER_DEVICE

    def now(self, session: Session) -> datetime:
        return self._now()

    def counter(self, session: Session, key: str) -> int:
        if key not in self._counters:  # go on from the highest the server has given
            self._counters[key] = highest_number(session, key)
        self._counters[key] += 1
        return self._counters[key]

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        if self._sequencer is not None:
            self._effects.append(effect)
        return entry_id or new_id(), f"{int(effect.at.timestamp() * 1000):013d}-00000-{SERVER_DEVICE}"

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID | None) -> None:
        if self._sequencer is not None:
            self._written.append((kind, record_id, ticket_id))

    def finish(self, session: Session) -> None:
        # Without a sequencer (the demo), records are numbered once, at the end (sync.catalogue).
        if self._sequencer is not None:
            number_written(session, self._sequencer, self._written, self._effects)
        self._written, self._effects = [], []

    def blobs(self) -> BlobFolder | None:
        return None

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        return "the server's own commands carry no attachments"


NUMBERED = {"ticket_number": Ticket.number, "article_number": Article.number}


def highest_number(session: Session, key: str) -> int:
    """The last of the numbers of this kind (ticket_number, article_number) the server
    gave itself; other counters (a team's round robin) start from nothing."""
    column = NUMBERED.get(key)
    if column is None:
        return 0
    numbers = session.scalars(select(column).where(column.like(f"%-{SERVER_DEVICE}-%"))).all()
    return max((int(n.rsplit("-", 1)[1]) for n in numbers), default=0)
