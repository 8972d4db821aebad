"""Demo tickets in the server database, made by core's demo generator through the
service layer, as commands run on the server itself (DESIGN §6a): numbered with the
server's own device code, their history and SLA figures written as any command
writes them, and every record numbered for the feed, so that devices pull them
like everything else."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.blobs import BlobFolder
from core.clock import utcnow
from core.demo import generate
from core.errors import StoreError
from core.ids import new_id
from core.models import Organisation, Ticket
from core.reference import load_reference
from core.uow import Effect, UnitOfWork
from server.db import Database
from sync.catalogue import register_unlisted

# The device code in the numbers of tickets the server makes itself.
SERVER_DEVICE = "SRV00"


class DemoOutbox:
    """What the server's own commands leave besides their records: nothing for a
    change log (no device will send them), ticket numbers that go on from the
    highest the server has given, and the clock the demo runs on."""

    def __init__(self, counters: dict[str, int]) -> None:
        self._counters = counters

    @property
    def device(self) -> str:
        return SERVER_DEVICE

    def now(self, session: Session) -> datetime:
        return utcnow()

    def counter(self, session: Session, key: str) -> int:
        self._counters[key] = self._counters.get(key, 0) + 1
        return self._counters[key]

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        return entry_id or new_id(), f"{int(effect.at.timestamp() * 1000):013d}-00000-{SERVER_DEVICE}"

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID) -> None:
        pass

    def finish(self, session: Session) -> None:
        # Records are numbered for the feed once, at the end (sync.catalogue).
        pass

    def blobs(self) -> BlobFolder | None:
        return None

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        return "demo tickets carry no attachments"


def _highest_number(session: Session) -> int:
    numbers = session.scalars(select(Ticket.number).where(Ticket.number.like(f"%-{SERVER_DEVICE}-%"))).all()
    return max((int(n.rsplit("-", 1)[1]) for n in numbers), default=0)


def load_demo(
    db: Database, count: int, *, seed: int = 42, progress: Callable[[int, int], None] | None = None,
) -> int:
    with db.read() as session:
        if session.get(Organisation, 1) is None:
            raise StoreError("the server database holds no organisation; run 'branchdesk-server init' first")
        ref = load_reference(session)
        counters = {"ticket_number": _highest_number(session)}
    outbox = DemoOutbox(counters)

    @contextmanager
    def work() -> Iterator[UnitOfWork]:
        with db.write() as session:
            uow = UnitOfWork(session, ref, outbox)
            yield uow
            uow.finish()

    made = generate(work, count, seed=seed, progress=progress)
    with db.write() as session:
        register_unlisted(session.connection())
    return made
