"""Commands the server runs for callers who keep no store: a ticket logged through
`POST /tickets` or by mail (`branchdesk-server mail-in`).

Each is one transaction that takes the feed counter's lock first (as a push and the
worker do), so writers queue and nothing read meanwhile goes stale; numbers the
tickets it makes with the server's device code, after the highest the server has
given (read under that lock, so two server processes never give one number twice);
and numbers every record it writes for the feed, so devices pull them by sync.
Attachment content it names must already be in the server's blob table, written in
the same transaction, so a command that fails leaves neither."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from core.reference import Reference
from core.uow import UnitOfWork
from server import blobstore
from server.db import Database
from server.own_outbox import OwnOutbox
from sync.apply import Sequencer


class HeldContentOutbox(OwnOutbox):
    """The server's own outbox, taking attachments whose content the server holds."""

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        return blobstore.missing_reason(session, sha256, size)


@contextmanager
def server_command(
    db: Database, reference: Callable[[Session], Reference], now: datetime,
) -> Iterator[UnitOfWork]:
    """A unit of work on the server, committed when the block ends without error."""
    with db.write() as session:
        sequencer = Sequencer(session)
        sequencer.lock()
        counters: dict[str, int] = {}
        uow = UnitOfWork(session, reference(session), HeldContentOutbox(counters, lambda: now, sequencer))
        yield uow
        uow.finish()
