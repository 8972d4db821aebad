"""A branch store's outbox port (DESIGN §6 Outbox): each change a command makes becomes
a change-log entry with this store's client id, the next number of its sequence and a
hybrid logical clock stamp, written in the command's transaction. Ticket numbers and
round-robin turns count in store_meta, and "now" is this device's clock corrected
by the offset the last sync measured against the server.

A standalone store (made from an organisation file, never signed in) sends nothing
to anybody, so it keeps no change log: a standalone store cannot join a server
(sign-in says so), and its entries would only grow the file."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from core.blobs import BlobFolder
from core.clock import utcnow
from core.hlc import next_stamp
from core.ids import new_id
from core.models import ChangeEntry
from core.store import Store, get_meta, set_meta
from core.uow import Effect


class StoreOutbox:
    def __init__(self, store: Store, session: Session) -> None:
        self.client_id = store.client_id
        self._path = store.path
        self._device = store.device_code
        self.keeps_log = get_meta(session, "mode") != "standalone"
        self._seq: int | None = None
        self._hlc: str | None = None
        self._rows: list[dict[str, Any]] = []
        self._counters: dict[str, int] = {}
        self._offset: int | None = None

    @property
    def device(self) -> str:
        return self._device

    def now(self, session: Session) -> datetime:
        if self._offset is None:
            self._offset = int(get_meta(session, "clock_offset") or 0)
        return utcnow() + timedelta(seconds=self._offset)

    def counter(self, session: Session, key: str) -> int:
        """The next value of a counter kept in store_meta, written back when the command ends."""
        if key not in self._counters:
            self._counters[key] = int(get_meta(session, key) or 0)
        self._counters[key] += 1
        return self._counters[key]

    def _stamp(self, session: Session) -> str:
        if self._seq is None:
            self._seq = int(get_meta(session, "change_seq") or 0)
            self._hlc = get_meta(session, "hlc")
        self._hlc = next_stamp(self._hlc, self.client_id.hex)
        return self._hlc

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        entry_id = entry_id or new_id()
        stamp = self._stamp(session)
        if not self.keeps_log:
            return entry_id, stamp
        assert self._seq is not None
        self._seq += 1
        command: dict[str, Any] | None = effect.command
        if effect.part_of is not None:
            command = {"part_of": str(effect.part_of)}
        # Buffered and written in one executemany when the command ends.
        self._rows.append({
            "id": entry_id, "client_id": self.client_id, "seq": self._seq, "kind": effect.kind,
            "record_id": effect.record_id, "op": effect.op, "data": effect.data, "base": effect.base,
            "actor_id": effect.actor.id, "occurred_at": effect.at, "hlc": stamp, "command": command,
            "state": "pending", "answer": None, "acknowledged_at": None,
        })
        return entry_id, stamp

    def blobs(self) -> BlobFolder:
        return BlobFolder.beside(self._path)

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        # attach copies the content in before it writes the record
        return None

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID | None) -> None:
        pass

    def finish(self, session: Session) -> None:
        if self._rows:
            session.connection().execute(insert(ChangeEntry), self._rows)
            self._rows = []
        for key, value in self._counters.items():
            set_meta(session, key, str(value))
        if self._hlc is not None:
            set_meta(session, "hlc", self._hlc)
        if self._seq is not None and self.keeps_log:
            set_meta(session, "change_seq", str(self._seq))
