"""Running a recorded command again (DESIGN §6a): on the server when a device pushes
it, and on the device when it rebases its pending commands over what the server
confirmed. The command runs through the same service function as where it was made;
this outbox gives the changes it makes the ids of the change entries being replayed,
so that the history events they write carry the same ids on every replica.

A change the replay makes that the device did not (the merge took it elsewhere: a
reopen clears the resolution) takes an id derived from the command's first entry,
the same wherever it is replayed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.orm import Session

from core.blobs import BlobFolder
from core.field_events import setting_event
from core.ids import derived_id
from core.models import Ticket
from core.models.tickets import version_of
from core.uow import Effect


class Recorded(Protocol):
    """A change entry as pushed (sync.protocol.EntryIn) or as kept (core ChangeEntry)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> uuid.UUID: ...
    @property
    def op(self) -> str: ...
    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def hlc(self) -> str: ...
    @property
    def base(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Made:
    """A change the replay made, under the id it took."""

    id: uuid.UUID
    effect: Effect


ContentCheck = Callable[[Session, str, int], "str | None"]


def merged_instant(session: Session, entries: Sequence[Recorded], at: datetime) -> datetime:
    """When a command run again over changes made meanwhile takes effect: when it was
    made, unless that is not after the changes it runs over. A history is read in the
    order of its instants (the SLA clocks walk it so), and a technician's offline
    "back to work" that reopens the desk's later resolution must come after it there
    too, or every replica would show the ticket open and compute it resolved. Changes
    that did not meet anything meanwhile keep their instant: a ticket resolved offline
    at 10:00 and synced at 18:00 met a target due at 12:00."""
    latest = at
    for entry in entries:
        if entry.kind != "ticket" or entry.op != "update":
            continue
        ticket = session.get(Ticket, entry.record_id)
        if ticket is None:
            continue
        for name in entry.data:
            current = version_of(ticket.versions, name) if name in Ticket.__table__.c else None
            if current is None or entry.base.get(name, current) == current:
                continue
            event = setting_event(session, current, name)
            if event is not None and event.occurred_at >= latest:
                latest = event.occurred_at + timedelta(seconds=1)
    return latest


class ReplayOutbox:
    def __init__(self, device: str, entries: Sequence[Recorded], now: datetime,
                 content_missing: ContentCheck | None = None) -> None:
        self._device = device
        self._lead = entries[0]
        self._unused = list(entries)
        self._now = now
        self._content_missing = content_missing
        self._counters: dict[str, int] = {}
        self.made: list[Made] = []
        # (kind, record id, ticket id) of every replicated record written, in order
        self.written_records: list[tuple[str, uuid.UUID, uuid.UUID | None]] = []

    @property
    def device(self) -> str:
        return self._device

    def now(self, session: Session) -> datetime:
        return self._now

    def counter(self, session: Session, key: str) -> int:
        # A replayed command takes its number and routing as made; nothing here counts for real.
        self._counters[key] = self._counters.get(key, 0) + 1
        return self._counters[key]

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        if entry_id is None:
            for recorded in self._unused:
                if (recorded.kind, recorded.record_id, recorded.op) == (effect.kind, effect.record_id, effect.op):
                    entry_id = recorded.id
                    self._unused.remove(recorded)
                    break
            else:
                entry_id = derived_id(self._lead.id, "effect", effect.kind, effect.record_id, effect.op,
                                      len(self.made))
        self.made.append(Made(entry_id, effect))
        return entry_id, self._lead.hlc

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID | None) -> None:
        self.written_records.append((kind, record_id, ticket_id))

    def finish(self, session: Session) -> None:
        pass

    def blobs(self) -> BlobFolder | None:
        return None

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        return self._content_missing(session, sha256, size) if self._content_missing else None

    def same_as(self, entries: Sequence[Recorded]) -> bool:
        """Whether the replay made exactly the changes the entries record: then the
        device's view of the command was right, and nothing of it needs replacing."""
        made = {m.id: m.effect for m in self.made if m.effect.kind != "sla_event"}
        if set(made) != {e.id for e in entries}:
            return False
        return all(made[e.id].data == e.data for e in entries)
