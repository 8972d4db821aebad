"""The unit of work: one transaction in which a command writes its domain change,
the history events that describe it and what sync needs to know of it, or nothing
at all (DESIGN §2, §6 Outbox and §6a).

It is not tied to a client store. It holds a session, the reference data and an
outbox port, which decides what a command's changes leave behind besides the
records themselves: on a branch store, change-log entries stamped with the
store's clock (core.store_outbox); on the server, or when a store replays its
own pending commands over what the server confirmed, the ids of the entries
being replayed and record numbers for the feed (sync.replay). The service
functions in core.services run unchanged over any of them: one rulebook."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Boolean, Integer, String, Table, Uuid, bindparam, insert, update
from sqlalchemy.orm import Session

from core.clock import iso, to_utc
from core.errors import InvalidInput
from core.ids import derived_id, short_id
from core.models import HistoryEvent, Ticket
from core.models.base import Instant
from core.models.tickets import ALL_FIELDS, REPLICATED_FIELDS, version_of
from core.notices import Source, tell
from core.reference import SYSTEM_USER, Reference, UserInfo

if TYPE_CHECKING:
    from core.blobs import BlobFolder
    from core.store import Store


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
    if value is None or type(value) in _PLAIN:
        return value  # most values are; checked first, as every change and event passes here
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


_PLAIN = frozenset({str, int, float, bool})


@dataclass(frozen=True)
class Effect:
    """One change a command made to a replicated record, as the outbox sees it."""

    kind: str
    record_id: uuid.UUID
    op: str  # create | update | insert
    data: dict[str, Any]
    base: dict[str, Any]
    actor: UserInfo
    at: datetime
    # the command that made it, on the first change of a command: {"name", "args"}
    command: dict[str, Any] | None
    # the first change of the command this one belongs to, on every later one
    part_of: uuid.UUID | None


class Outbox(Protocol):
    """What a unit of work leaves for sync besides the records it writes."""

    @property
    def device(self) -> str:
        """The device a change is recorded as made on."""

    def now(self, session: Session) -> datetime:
        """The instant of a command that names none."""

    def counter(self, session: Session, key: str) -> int:
        """The next value of a named counter (ticket numbers, round robin turns)."""

    def entry(self, session: Session, effect: Effect, entry_id: uuid.UUID | None) -> tuple[uuid.UUID, str]:
        """Take note of one change; returns the change's id and the stamp its history
        events carry. `entry_id` is the id the command derived for it, if any."""

    def written(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID | None) -> None:
        """A replicated record was written (the server numbers it for the feed); a
        record that hangs on no ticket (a knowledge article) names none."""

    def finish(self, session: Session) -> None:
        """The command is done: write what was kept in hand."""

    def blobs(self) -> BlobFolder | None:
        """Where attached files are copied to, on a store that attaches files."""

    def content_missing(self, session: Session, sha256: str, size: int) -> str | None:
        """Why an attachment's content is not all here yet (None: it is)."""


class UnitOfWork:
    def __init__(self, session: Session, ref: Reference, outbox: Outbox) -> None:
        self.session = session
        self.ref = ref
        self.outbox = outbox
        self.changes = ChangeSet()
        self._history_rows: list[dict[str, Any]] = []
        # the event that carries each change's notices on each ticket (core.notices),
        # and those of them written already, whose notices are set again when flushed
        self._carriers: dict[tuple[uuid.UUID, uuid.UUID], dict[str, Any]] = {}
        self._buffered: set[uuid.UUID] = set()
        self._carried_late: dict[uuid.UUID, dict[str, Any]] = {}
        self._child_rows: dict[Any, list[dict[str, Any]]] = {}
        self._sla_done: set[uuid.UUID] = set()
        self._command: dict[str, Any] | None = None
        self._command_lead: uuid.UUID | None = None
        self._command_depth = 0
        # the last change entry made, which a notice made in the same command hangs on
        self._last_entry: tuple[uuid.UUID, str] | None = None
        # False while a pull is half taken in: figures follow, crossings wait for the rest
        self.record_events = True
        # tickets this command has in hand, by number: saves a query and a flush each time
        self.tickets_by_number: dict[str, Ticket] = {}
        # what this work did that may be news to someone (core.notices), and who was
        # told of which change
        self._sources: list[Source] = []
        self._told: set[tuple[uuid.UUID, uuid.UUID]] = set()

    @property
    def device(self) -> str:
        return self.outbox.device

    def counter(self, key: str) -> int:
        return self.outbox.counter(self.session, key)

    # -- commands ---------------------------------------------------------------
    @contextmanager
    def command(self, name: str, args: dict[str, Any]) -> Iterator[None]:
        """Name the command whose changes follow, with the arguments that make it again
        anywhere (ids and numbers it drew included): the server, and this store when it
        rebases, run the very same function with them. A command that calls another
        (escalate calls assign) is recorded as the outer one."""
        outer = self._command_depth == 0
        if outer:
            self._command, self._command_lead = {"name": name, "args": jsonable(args)}, None
        self._command_depth += 1
        try:
            yield
        finally:
            self._command_depth -= 1
            if outer:
                self._command, self._command_lead = None, None

    # -- the change log -------------------------------------------------------
    def _entry(
        self, *, kind: str, record_id: uuid.UUID, op: str, data: dict[str, Any], base: dict[str, Any],
        actor: UserInfo, at: datetime, entry_id: uuid.UUID | None = None,
    ) -> tuple[uuid.UUID, str]:
        lead = self._command_lead
        effect = Effect(kind=kind, record_id=record_id, op=op, data=jsonable(data), base=base, actor=actor, at=at,
                        command=self._command if lead is None else None, part_of=lead)
        made, stamp = self.outbox.entry(self.session, effect, entry_id)
        if self._command is not None and lead is None:
            self._command_lead = made
        self._last_entry = (made, stamp)
        return made, stamp

    def _history(
        self, entry_id: uuid.UUID, stamp: str, ticket_id: uuid.UUID, actor: UserInfo, at: datetime, kind: str,
        field_name: str | None = None, old: Any = None, new: Any = None, note: str | None = None,
    ) -> None:
        # The event's id is derived from its change entry, so the server, applying the
        # same entry, records the very same event rather than a second one.
        event_id = derived_id(entry_id, kind, field_name or "")
        row = {
            "id": event_id, "ticket_id": ticket_id, "actor_id": actor.id,
            "device": self.device, "occurred_at": at, "stamp": stamp, "kind": kind, "field": field_name,
            "old": jsonable(old), "new": jsonable(new), "note": note, "notices": None,
        }
        self._history_rows.append(row)
        self._buffered.add(event_id)
        carrier = self._carriers.get((entry_id, ticket_id))
        if carrier is None or carrier["id"] == event_id:  # (the same event written again: the row now)
            self._carriers[(entry_id, ticket_id)] = row
            self._carried_late.pop(event_id, None)
        self.outbox.written("history", event_id, ticket_id)

    # -- what commands call ------------------------------------------------
    def now(self, at: datetime | None = None) -> datetime:
        """The instant a command happened: the given instant, or now as the outbox tells it."""
        if at is not None:
            return to_utc(at)
        return self.outbox.now(self.session)

    def create_ticket(self, actor: UserInfo, ticket: Ticket, at: datetime, note: str | None = None) -> None:
        data = {name: getattr(ticket, name) for name in REPLICATED_FIELDS}
        check_columns(Ticket.__table__, data)
        entry_id, stamp = self._entry(kind="ticket", record_id=ticket.id, op="create", data=data, base={},
                                      actor=actor, at=at)
        ticket.versions = {ALL_FIELDS: str(entry_id)}
        self.session.add(ticket)
        self.tickets_by_number[ticket.number] = ticket
        self._history(entry_id, stamp, ticket.id, actor, at, "created", new=ticket.number, note=note)
        self._sources.append(Source(entry_id, stamp, ticket.id, actor, at, "created",
                                    new={"team_id": ticket.team_id, "assignee_id": ticket.assignee_id}))
        self._touched(ticket, "ticket")

    def update_ticket(
        self, actor: UserInfo, ticket: Ticket, values: dict[str, Any], at: datetime,
        note: str | None = None, entry_id: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        """Set the fields that really change, with one change entry and one history
        event for them all (core.field_events); returns the fields changed."""
        changed = {k: v for k, v in values.items() if getattr(ticket, k) != v}
        if not changed:
            return {}
        check_columns(Ticket.__table__, changed)
        base = {k: version_of(ticket.versions, k) for k in changed}
        entry_id, stamp = self._entry(kind="ticket", record_id=ticket.id, op="update", data=changed, base=base,
                                      actor=actor, at=at, entry_id=entry_id)
        before = {name: getattr(ticket, name) for name in changed}
        self._history(entry_id, stamp, ticket.id, actor, at, "field", None, before, changed, note)
        for name, value in changed.items():
            self._sources.append(Source(entry_id, stamp, ticket.id, actor, at, "field", name, value, note))
            setattr(ticket, name, value)
        ticket.versions = {**ticket.versions, **{k: str(entry_id) for k in changed}}
        ticket.updated_at = max(ticket.updated_at, at)
        self._touched(ticket, "ticket")
        return changed

    def insert_child(
        self, actor: UserInfo, kind: str, row: Any, ticket: Ticket, at: datetime,
        history_note: str | None = None,
    ) -> None:
        """An insert-only child record (comment, work log, link): never conflicts.
        Buffered like the history, and written after the tickets it hangs on."""
        data = {c.key: getattr(row, c.key) for c in row.__table__.columns}
        check_columns(row.__table__, data)
        self._child_rows.setdefault(row.__table__, []).append(data)
        entry_id, stamp = self._entry(kind=kind, record_id=row.id, op="insert", data=data, base={}, actor=actor,
                                      at=at)
        self.outbox.written(kind, row.id, ticket.id)
        if history_note is not None:
            self._history(entry_id, stamp, ticket.id, actor, at, kind, note=history_note)
        if kind == "comment" and data.get("public"):
            self._sources.append(Source(entry_id, stamp, ticket.id, actor, at, "comment", text=data.get("body")))
        elif kind == "link":
            self._sources.append(Source(entry_id, stamp, ticket.id, actor, at, "link", data.get("kind"),
                                        data.get("other_id")))
        ticket.updated_at = max(ticket.updated_at, at)
        self._touched(ticket, kind)

    def write_row(self, table: Any, data: dict[str, Any]) -> None:
        """A row of a record the caller replicates itself (a new rating), buffered like
        the children and written after the tickets it hangs on."""
        check_columns(table, data)
        self._child_rows.setdefault(table, []).append(data)

    def record_change(
        self, actor: UserInfo, kind: str, record_id: uuid.UUID, values: dict[str, Any], at: datetime,
        ticket_id: uuid.UUID,
    ) -> None:
        """A change to a record other than a ticket (such as a conflict's acknowledgement)."""
        self._entry(kind=kind, record_id=record_id, op="update", data=values, base={}, actor=actor, at=at)
        self.outbox.written(kind, record_id, ticket_id)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add(kind)

    def replicate(
        self, actor: UserInfo, kind: str, record_id: uuid.UUID, op: str, data: dict[str, Any], at: datetime,
        ticket_id: uuid.UUID | None = None,
    ) -> None:
        """A change to a replicated record other than a ticket or its history (a knowledge
        article, a rating): one change entry with the values set; the caller writes the
        row itself. `ticket_id` is the ticket it hangs on, if any."""
        self._entry(kind=kind, record_id=record_id, op=op, data=data, base={}, actor=actor, at=at)
        self.outbox.written(kind, record_id, ticket_id)
        if ticket_id is not None:
            self.changes.tickets.add(ticket_id)
        self.changes.kinds.add(kind)

    def record_sla_event(
        self, ticket_id: uuid.UUID, clock: str, label: str, at: datetime, recorded: set[uuid.UUID]
    ) -> bool:
        """A warning or breach as an automatic action of the system. Its change entry's
        id derives from ticket, clock and threshold, so two replicas that compute the
        same crossing record one event between them."""
        kind = sla_event_kind(label)
        entry_id = sla_entry_id(ticket_id, clock, label)
        if not self.record_events or sla_event_id(ticket_id, clock, label) in recorded:
            return False
        data = {"ticket_id": ticket_id, "clock": clock, "threshold": label, "at": at}
        # the event keeps no note: event_note() gives its words from its clock and threshold
        self._automatic("sla_event", data, kind, clock, label, None, at, entry_id, sla_event_note(clock, label))
        if ticket_id not in self.changes.tickets:
            # Its figures were just computed (as of the caller's now); don't redo them at commit.
            self._sla_done.add(ticket_id)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add("sla")
        return True

    def automatic_event(
        self, ticket_id: uuid.UUID, kind: str, field_name: str, value: str, note: str, at: datetime,
        entry_id: uuid.UUID,
    ) -> None:
        """Something the system did to a ticket by a rule (an escalation rule firing), as a
        history event of its own whose change id derives from rule, ticket and threshold."""
        data = {"ticket_id": ticket_id, "field": field_name, "value": value}
        self._automatic(kind, data, kind, field_name, value, note, at, entry_id)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add(kind)

    def _automatic(
        self, entry_kind: str, data: dict[str, Any], kind: str, field_name: str, value: str, note: str | None,
        at: datetime, entry_id: uuid.UUID, told: str | None = None,
    ) -> None:
        """`note`: what the event keeps; `told`: what its notices say, if not that."""
        ticket_id = data["ticket_id"]
        made, stamp = self._entry(kind=entry_kind, record_id=ticket_id, op="insert", data=data, base={},
                                  actor=SYSTEM_USER, at=at, entry_id=entry_id)
        self._history(made, stamp, ticket_id, SYSTEM_USER, at, kind, field_name, None, value, note)
        self._sources.append(Source(made, stamp, ticket_id, SYSTEM_USER, at, kind, field_name, value,
                                    told if told is not None else note))

    def notify(
        self, ticket_id: uuid.UUID, reason: str, recipients: Iterable[uuid.UUID], note: str, *,
        actor: UserInfo, at: datetime,
    ) -> bool:
        """Tell people about something this command did to a ticket, beyond what
        core.notices tells by itself: a notice naming them and why (escalation,
        major_resolved...), carried by the change this command made last. False when
        there is nobody to tell."""
        people = {r for r in recipients if r != actor.id}
        if not people:
            return False
        if self._last_entry is None:
            raise RuntimeError("a notice hangs on a change; make the change first")
        made, stamp = self._last_entry
        self.write_notice(made, stamp, ticket_id, actor, at, reason, people, note)
        self._told.update((made, p) for p in people)
        return True

    def write_notice(
        self, entry_id: uuid.UUID, stamp: str, ticket_id: uuid.UUID, actor: UserInfo, at: datetime, reason: str,
        people: Iterable[uuid.UUID], note: str,
    ) -> None:
        """A notice: desktops show the notices they hold for their person; the server's
        worker hands each to the channels that deliver it (DESIGN §13). It rides on the
        first event the change wrote on the ticket, or on a `notice` event of its own."""
        carrier = self._carriers.get((entry_id, ticket_id))
        if carrier is None:
            self._history(entry_id, stamp, ticket_id, actor, at, "notice")
            carrier = self._history_rows[-1]
        carrier["notices"] = [*(carrier["notices"] or []), [reason, sorted(short_id(p) for p in people), note]]
        if carrier["id"] not in self._buffered:
            self._carried_late[carrier["id"]] = carrier  # written already: its notices follow at the flush
            self.outbox.written("history", carrier["id"], ticket_id)
        self.changes.tickets.add(ticket_id)
        self.changes.kinds.add("notice")

    def _touched(self, ticket: Ticket, kind: str) -> None:
        self.outbox.written("ticket", ticket.id, ticket.id)
        self.changes.tickets.add(ticket.id)
        self.changes.kinds.add(kind)

    def pending_children(self, table: Any) -> list[dict[str, Any]]:
        """Child rows this command has added but not written yet."""
        return self._child_rows.get(table, [])

    def flush_history(self) -> None:
        """Write the buffered children and history events (Core executemany: the ORM's
        per-row work is not needed for rows never read back)."""
        self.session.flush()
        if not (self._history_rows or self._child_rows or self._carried_late):
            return
        connection = self.session.connection()
        for table, rows in self._child_rows.items():
            connection.execute(table.insert(), rows)
        self._child_rows = {}
        if self._history_rows:
            connection.execute(insert(HistoryEvent), self._history_rows)
            self._history_rows = []
            self._buffered = set()
        if self._carried_late:
            events: Table = HistoryEvent.__table__  # type: ignore[assignment]
            connection.execute(update(events).where(events.c.id == bindparam("carrier")).values(
                notices=bindparam("told")), [{"carrier": c["id"], "told": c["notices"]}
                                             for c in self._carried_late.values()])
            self._carried_late = {}

    def figures_given(self, ticket_ids: Iterable[uuid.UUID]) -> None:
        """Tickets whose SLA figures came computed with their history (a pull takes the
        server's): they are not computed again when this work ends."""
        self._sla_done |= set(ticket_ids)

    def refresh_sla(self, now: datetime | None = None) -> None:
        """The SLA figures of every ticket this work touched, and the warnings and breaches
        they passed, computed from history in the same transaction (the events of those
        are written by the next flush_history)."""
        from core.sla.figures import refresh

        self.flush_history()
        todo = self.changes.tickets - self._sla_done
        if todo:
            self._sla_done |= todo
            refresh(self, todo, now or self.now())

    def finish(self, *, refresh_sla: bool = True) -> None:
        # What the commands did is told before their events are written, so that the
        # notices ride on them as they go in; then what the SLA refresh recorded.
        self.send_notices()
        if refresh_sla:
            self.refresh_sla()
        self.send_notices()
        self.flush_history()
        self.outbox.finish(self.session)

    def send_notices(self) -> None:
        """Write the notices for what this work did since it last told (core.notices)."""
        if self._sources:
            sources, self._sources = self._sources, []
            tell(self, sources, self._told)


def check_columns(table: Any, values: dict[str, Any]) -> None:
    """Values fit for their columns, whatever the database: SQLite would keep a number
    in a text column or text longer than the column, where PostgreSQL refuses both."""
    for name, value in values.items():
        nullable, python, length = _column_rule(table.c[name])
        if value is None:
            if not nullable:
                raise InvalidInput(f"{name} is missing", name)
            continue
        if python is not None and (not isinstance(value, python) or (python is int and isinstance(value, bool))):
            raise InvalidInput(f"{name} must be a {python.__name__}, not {type(value).__name__}", name)
        if length is not None and isinstance(value, str) and len(value) > length:
            raise InvalidInput(f"{name} is longer than {length} characters", name)


_COLUMN_TYPES: dict[Any, type] = {Boolean: bool, Integer: int, String: str, Uuid: uuid.UUID, Instant: datetime}
_COLUMN_RULES: dict[Any, tuple[bool, type | None, int | None]] = {}


def _column_rule(column: Any) -> tuple[bool, type | None, int | None]:
    """Whether the column takes None, the Python type its values must be, and its
    length; kept per column, as every change a command makes is checked."""
    rule = _COLUMN_RULES.get(column)
    if rule is None:
        python = next((p for base, p in _COLUMN_TYPES.items() if isinstance(column.type, base)), None)
        rule = _COLUMN_RULES[column] = (column.nullable, python, getattr(column.type, "length", None))
    return rule


SLA_EVENT_KINDS = ("sla_warning", "sla_breach")


def sla_event_kind(label: str) -> str:
    return "sla_breach" if label == "breach" else "sla_warning"


def sla_entry_id(ticket_id: uuid.UUID, clock: str, label: str) -> uuid.UUID:
    """The change entry of a warning or breach, whichever replica records it."""
    return derived_id("sla", ticket_id, clock, label)


def sla_event_id(ticket_id: uuid.UUID, clock: str, label: str) -> uuid.UUID:
    """The history event of a warning or breach (record_sla_event)."""
    return derived_id(sla_entry_id(ticket_id, clock, label), sla_event_kind(label), clock)


def event_note(kind: str, field_name: str | None, new: Any, note: str | None) -> str | None:
    """A history event's note as people read it. An SLA warning or breach keeps none
    since store 0013 and server 0016: its words follow from its clock and threshold."""
    if note is None and kind in SLA_EVENT_KINDS and field_name and isinstance(new, str):
        try:
            return sla_event_note(field_name, new)
        except ValueError:
            return None
    return note


def sla_event_note(clock: str, label: str) -> str:
    """How a warning or breach reads in the history; raises ValueError for a label
    that is neither "breach" nor "warn FRACTION"."""
    kind, _, supplier = clock.partition(":")
    if supplier and kind in ("supplier", "supplier-response"):  # "POSCO response clock ..."
        clock = f"{supplier} {'response' if kind == 'supplier-response' else 'resolution'}"
    if label == "breach":
        return f"{clock} clock breached its target"
    word, fraction = label.split()
    if word != "warn":
        raise ValueError(label)
    return f"{clock} clock passed {float(fraction):.0%} of its target"


def store_work(store: Store, session: Session) -> UnitOfWork:
    """A unit of work on a branch store, in the transaction `session` holds."""
    from core.reference import reference_for
    from core.store_outbox import StoreOutbox

    return UnitOfWork(session, reference_for(store, session), StoreOutbox(store, session))


@contextmanager
def unit_of_work(store: Store) -> Iterator[UnitOfWork]:
    """A command's transaction on a branch store. Commits when the block ends without
    error; any exception rolls back every write the command made."""
    with store.write() as session:
        uow = store_work(store, session)
        yield uow
        uow.finish()
