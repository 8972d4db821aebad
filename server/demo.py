"""Demo tickets in the server database, made by core's demo generator through the
service layer, as commands run on the server itself (DESIGN §6a): numbered with the
server's own device code, their history and SLA figures written as any command
writes them, and every record numbered for the feed, so that devices pull them
like everything else. The crossings due by the end are recorded, as by a worker's
pass, whose mark the demo sets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import func, select

from core.automation import record_crossings
from core.clock import utcnow
from core.demo import generate
from core.errors import StoreError
from core.models import Organisation
from core.reference import load_reference
from core.uow import UnitOfWork
from server import sweep_mark
from server.db import Database
from server.models import WorkerMark
from server.own_outbox import OwnOutbox
from sync.catalogue import register_unlisted
from sync.models import SyncRecord


def load_demo(
    db: Database, count: int, *, seed: int = 42, progress: Callable[[int, int], None] | None = None,
) -> int:
    with db.read() as session:
        if session.get(Organisation, 1) is None:
            raise StoreError("the server database holds no organisation; run 'branchdesk-server init' first")
        ref = load_reference(session)
    outbox = OwnOutbox({})

    @contextmanager
    def work() -> Iterator[UnitOfWork]:
        with db.write() as session:
            uow = UnitOfWork(session, ref, outbox)
            yield uow
            uow.finish()

    made = generate(work, count, seed=seed, progress=progress)
    # the warnings and breaches the made-up past left due by now, as the worker's first
    # pass would record them; its later passes start from here (server.sweep_mark)
    swept = record_crossings(work, utcnow())
    with db.write() as session:
        if swept.swept_through is not None:
            sweep_mark.keep(session, swept.swept_through)
        register_unlisted(session.connection())
        # the demo's notices are a made-up past, not news: nobody is mailed about them
        top = session.scalar(select(func.max(SyncRecord.seq))) or 0
        mark = session.get(WorkerMark, "notifications")
        if mark is None:
            session.add(WorkerMark(job="notifications", value=top))
        else:
            mark.value = max(mark.value, top)
    return made
