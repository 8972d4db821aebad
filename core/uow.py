"""The unit of work: one transaction in which a command writes its domain change,
the history events that describe it and the change-log entries sync will send,
or nothing at all (DESIGN §2 and §6 Outbox)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from core.clock import iso, to_utc, utcnow
from core.hlc import next_stamp
from core.ids import derived_id, new_id
from core.models import ChangeEntry, HistoryEvent, Ticket
from core.models.tickets import ALL_FIELDS, REPLICATED_FIELDS, version_of
from core.reference import SYSTEM_USER, Reference, UserInfo, reference_for
from core.store import Store, get_meta, set_meta


@dataclass
class ChangeSet:
    """What a committed command changed, for whoever shows it (one signal in the desktop)."""

    tickets: set[uuid.UUID] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)

    def merge(self, other: ChangeSet) -> None:
        self.tickets |= other.tickets
        self.kinds |= other.kinds

    def __bool__(self) -> bool:
        return bool(self.tickets or self.kinds)


def jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


class UnitOfWork:
    def __init__(self, store: Store, session: Session) -> None:
        self.store = store
        self.session = session
        self.ref: Reference = reference_for(store, session)
        self.client_id = store.client_id
        self.device = store.device_code
        self.changes = ChangeSet()
        self._seq: int | None = None
        self._hlc: str | None = None
        self._history_rows: list[dict[str, Any]] = []
        self._entry_rows: list[dict[str, Any]] = []
        self._child_rows: dict[Any, list[dict[str, Any]]] = {}
        self._counters: dict[str, int] = {}
        self._sla_done: set[uuid.UUID] = set()
        self._offset: int | None = None
        # tickets this command has in hand, by number: saves a query and a flush each time
        self.tickets_by_number: dict[str, Ticket] = {}

    def counter(self, key: str) -> int:
        """The next value of a counter kept in store_meta, written back when the command ends."""
        if key not in self._counters:
            self._counters[key] = int(get_meta(self.session, key) or 0)
        self._counters[key] += 1
        return self._counters[key]

    # -- the change log -------------------------------------------------
    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = int(get_meta(self.session, "change_seq") or 0)
            self._hlc = get_meta(self.session, "hlc")
        self._seq += 1
        self._hlc = next_stamp(self._hlc, self.client_id.hex)
        return self._seq

    def _entry(
        self, *, kind: str, record_id: uuid.UUID, op: str, data: dict[str, Any], base: dict[str, Any],
        actor: UserInfo, at: datetime, entry_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        seq = self._next_seq()
        entry_id = entry_id or new_id()
        assert self._hlc is not None
        # Buffered and written in one executemany when the command ends.
        self._entry_rows.append({
            "id": entry_id, "client_id": self.client_id, "seq": seq, "kind": kind, "record_id": record_id,
            "op": op, "data": jsonable(data), "base": base, "actor_id": actor.id, "occurred_at": at,
            "hlc": self._hlc, "state": "pending", "answer": None, "acknowledged_at": None,
        })
        return entry_id

    def _history(
        self, entry_id: uuid.UUID, ticket_id: uuid.UUID, actor: UserInfo, at: datetime, kind: str,
        field_name: str | None = None, old: Any = None, new: Any = None, note: str | None = None,
    ) -> None:
        # The event's id is derived from its change entry, so the server, applying the
        # same entry, records the very same event rather than a second one.
        self._history_rows.append({
            "id": derived_id(entry_id, kind, field_name or ""), "ticket_id": ticket_id, "actor_id": actor.id,
            "device": self.device, "occurred_at": at, "stamp": self._hlc, "kind": kind, "field": field_name,
            "old": jsonable(old), "new": jsonable(new), "note": note,
        })

    # -- what commands call ------------------------------------------------
    def now(self, at: datetime | None = None) -> datetime:
        """The instant a command happened: the given device instant, or now on this
        device's clock corrected by the offset the last sync measured against the server."""
        if at is not None:
            return to_utc(at)
        if self._offset is None:
            self._offset = int(get_meta(self.session, "clock_offset") or 0)
        return utcnow() + timedelta(seconds=self._offset)

    def create_ticket(self, actor: UserInfo, ticket: Ticket, at: datetime) -> None:
        entry_id = new_id()
        ticket.versions = {ALL_FIELDS: str(entry_id)}
        self.session.add(ticket)
        self.tickets_by_number[ticket.number] = ticket
        data = {name: getattr(ticket, name) for name in REPLICATED_FIELDS}
        self._entry(kind="ticket", record_id=ticket.id, op="create", data=data, base={}, actor=actor,
                    at=at, entry_id=entry_id)
        self._history(entry_id, ticket.id, actor, at, "created", new=ticket.number)
        self.changes.tickets.add(ticket.id)
        self.changes.kinds.add("ticket")

    def update_ticket(
        self, actor: UserInfo, ticket: Ticket, values: dict[str, Any], at: datetime,
        note: str | None = None, entry_id: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        """Set the fields that really change, with one history event each and one
        change entry for them all; returns the fields changed."""
        changed = {k: v for k, v in values.items() if getattr(ticket, k) != v}
        if not changed:
            return {}
        base = {k: version_of(ticket.versions, k) for k in changed}
        entry_id = self._entry(kind="ticket", record_id=ticket.id, op="update", data=changed, base=base,
                               actor=actor, at=at, entry_id=entry_id)
        for name, value in changed.items():
            self._history(entry_id, ticket.id, actor, at, "field", name, getattr(ticket, name), value, note)
            setattr(ticket, name, value)
        ticket.versions = {**ticket.versions, **{k: str(entry_id) for k in changed}}
        ticket.updated_at = max(ticket.updated_at, at)
        self.changes.tickets.add(ticket.id)
        self.changes.kinds.add("ticket")
        return changed

    def insert_child(
        self, actor: UserInfo, kind: str, row: Any, ticket: Ticket, at: datetime,
        history_note: str | None = None,
    ) -> None:
        """An insert-only child record (comment, work log, link): never conflicts.
        Buffered like the change entries, and written after the tickets it hangs on."""
        data = {c.key: getattr(row, c.key) for c in row.__table__.columns}
        self._child_rows.setdefault(row.__table__, []).append(data)
        entry_id = self._entry(kind=kind, record_id=row.id, op="insert", data=data, base={}, actor=actor, at=at)
        if history_note is not None:
            self._history(entry_id, ticket.id, actor, at, kind, note=history_note)
        ticket.updated_at = max(ticket.updated_at, at)
        self.changes.tickets.add(ticket.id)
        self.changes.kinds.add(kind)

    def record_change(
        self, actor: UserInfo, kind: str, record_id: uuid.UUID, values: dict[str, Any], at: datetime,
        ticket_id: uuid.UUID,
    ) -> None:
        """A change to a record other than a ticket (such as a conflict's acknowledgement)."""
        self._entry(kind=kind, record_id=record_id, op="update", data=values, base={}, actor=actor, at=at)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add(kind)

    def record_sla_event(
        self, ticket_id: uuid.UUID, clock: str, label: str, at: datetime, recorded: set[uuid.UUID]
    ) -> bool:
        """A warning or breach as an automatic action of the system. Its change entry's
        id derives from ticket, clock and threshold, so two replicas that compute the
        same crossing record one event between them."""
        kind = "sla_breach" if label == "breach" else "sla_warning"
        entry_id = derived_id("sla", ticket_id, clock, label)
        if derived_id(entry_id, kind, clock) in recorded:
            return False
        data = {"ticket_id": ticket_id, "clock": clock, "threshold": label, "at": at}
        self._entry(kind="sla_event", record_id=ticket_id, op="insert", data=data, base={}, actor=SYSTEM_USER,
                    at=at, entry_id=entry_id)
        what = "breached its target" if label == "breach" else f"passed {float(label.split()[1]):.0%} of its target"
        self._history(entry_id, ticket_id, SYSTEM_USER, at, kind, clock, None, label, f"{clock} clock {what}")
        if ticket_id not in self.changes.tickets:
            # Its figures were just computed (as of the caller's now); don't redo them at commit.
            self._sla_done.add(ticket_id)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add("sla")
        return True

    def pending_children(self, table: Any) -> list[dict[str, Any]]:
        """Child rows this command has added but not written yet."""
        return self._child_rows.get(table, [])

    def flush_history(self) -> None:
        """Write the buffered children, change entries and history events (Core
        executemany: the ORM's per-row work is not needed for rows never read back)."""
        if not (self._entry_rows or self._history_rows or self._child_rows):
            return
        self.session.flush()
        connection = self.session.connection()
        for table, rows in self._child_rows.items():
            connection.execute(table.insert(), rows)
        self._child_rows = {}
        if self._entry_rows:
            connection.execute(insert(ChangeEntry), self._entry_rows)
            self._entry_rows = []
        if self._history_rows:
            connection.execute(insert(HistoryEvent), self._history_rows)
            self._history_rows = []

    def finish(self) -> None:
        from core.sla.figures import refresh

        self.flush_history()
        if self.changes.tickets - self._sla_done:
            # SLA figures follow every change that could move them, in the same transaction.
            todo = self.changes.tickets - self._sla_done
            self._sla_done |= todo
            refresh(self, todo, self.now())
            self.flush_history()
        for key, value in self._counters.items():
            set_meta(self.session, key, str(value))
        if self._seq is not None:
            set_meta(self.session, "change_seq", str(self._seq))
            assert self._hlc is not None
            set_meta(self.session, "hlc", self._hlc)


@contextmanager
def unit_of_work(store: Store) -> Iterator[UnitOfWork]:
    """A command's transaction. Commits when the block ends without error; any
    exception rolls back every write the command made."""
    with store.write() as session:
        uow = UnitOfWork(store, session)
        yield uow
        uow.finish()
