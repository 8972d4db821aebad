"""Demo tickets in the server database.

core.demo makes tickets through the service layer, which works on a client
store (its unit of work numbers tickets with the store's device code and
writes the store's change log). So the tickets are made exactly as a branch PC
would make them, in a throwaway store holding the server's organisation, and
then copied, with their history, comments, work logs and links, into the
server database, as a fully synced client would have sent them. Reference ids
derive from codes, so every foreign key lines up."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select

from core.demo import generate
from core.errors import StoreError
from core.models import Comment, HistoryEvent, Organisation, Ticket, TicketLink, WorkLog
from core.orgfile import parse_org
from core.orgimport import import_org
from core.store import Store
from server.db import Database
from server.orgsource import public_source
from sync.catalogue import register_unlisted

COPIED: tuple[Table, ...] = tuple(
    m.__table__ for m in (Ticket, Comment, WorkLog, HistoryEvent, TicketLink)  # type: ignore[misc]
)
CHUNK = 1000


def load_demo(
    db: Database, count: int, *, seed: int = 42, progress: Callable[[int, int], None] | None = None,
) -> int:
    with db.read() as session:
        org = session.get(Organisation, 1)
        if org is None:
            raise StoreError("the server database holds no organisation; run 'branchdesk-server init' first")
        # Passwords stay out of the throwaway store (and hashing them would only cost time).
        source = public_source(org.source)
    with tempfile.TemporaryDirectory(prefix="branchdesk-demo-") as folder:
        store = Store.open(Path(folder) / "demo.sqlite3", create=True)
        try:
            with store.write() as session:
                import_org(session, parse_org(source), source)
            generate(store, count, seed=seed, progress=progress)
            with store.read() as source_session:
                for table in COPIED:
                    _copy(source_session, db, table)
            with db.write() as session:
                # Copied rows never went through push: list them for pull.
                register_unlisted(session.connection())
        finally:
            store.close()
    return count


def _copy(source_session: Any, db: Database, table: Table) -> None:
    rows = [dict(r._mapping) for r in source_session.execute(select(table))]
    if table.name == "tickets":  # parents before their tasks
        rows.sort(key=lambda r: r["parent_id"] is not None)
    columns = set(table.columns.keys())
    for start in range(0, len(rows), CHUNK):
        with db.write() as session:
            session.execute(insert(table), [{k: v for k, v in r.items() if k in columns} for r in rows[start: start + CHUNK]])
