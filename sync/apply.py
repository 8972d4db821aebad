"""The server's side of push: applying a batch of change entries (DESIGN §6 Push, Merge).

A batch is one database transaction; each entry runs in a savepoint, so a rejected
entry never blocks the ones after it. An entry already answered (same client id
and sequence) gets its first answer again. Field-level merge: an entry whose base
version is the field's current version applies; otherwise two people changed the
field concurrently — `status` goes through the lifecycle from the current status
and is applied if allowed (else the entry is rejected), other fields take the
later arrival, and the losing value is kept as a conflict record either way."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session
from sqlalchemy.types import Boolean, Integer, String, Uuid

from core.blobs import MAX_ATTACHMENT_BYTES, attachment_note, is_sha256
from core.errors import BranchdeskError
from core.ids import SYSTEM_USER_ID, derived_id, new_id
from core.lifecycle import MoveContext, check_move, is_support
from core.models import Conflict, HistoryEvent, Ticket
from core.models.base import Instant
from core.models.tickets import ALL_FIELDS, OPEN_STATUSES, REPLICATED_FIELDS, version_of
from core.orgspec import PENDING_REASONS, STATUSES, TICKET_TYPES
from core.reference import Reference, UserInfo
from core.scope import SCOPE_FIELDS, can_see, can_see_ticket
from sync.models import SyncCounter, SyncEntry, SyncRecord
from sync.protocol import EntryIn, EntryResult, PushRequest
from sync.records import MODELS, dict_to_row, row_to_dict, ticket_field_value, to_json, uuid_or_none

# How far ahead of the server's clock a device instant may be before it is refused.
FUTURE_TOLERANCE = timedelta(minutes=5)
IMMUTABLE = frozenset({"number", "created_at", "created_by_id"})
REQUESTER_FIELDS = frozenset({"status", "closed_at", "resolved_at", "resolution_code", "resolution_note"})
OVERRIDE_ROLES = frozenset({"agent", "manager", "admin"})
# Fields whose concurrent values merge to the earliest rather than the later arrival.
EARLIEST_WINS = frozenset({"first_response_at"})
CHILD_KINDS = ("comment", "attachment", "worklog", "link")

# Why an attachment's content cannot be accepted yet (None: it is all there). The
# server's blob store answers; sync knows no table of it, so the server passes this in.
BlobCheck = Callable[[Session, str, int], str | None]


def no_blobs(_session: Session, _sha: str, _size: int) -> str | None:
    return "this server keeps no attachment content"


class Rejected(Exception):
    def __init__(self, reason: str, conflict: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.conflict = conflict


class ClientIdReused(BranchdeskError):
    """A store restored from a backup is replaying sequence numbers it already used."""


class Sequencer:
    """Numbers record changes from the counter row, locked for the whole transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._counter: SyncCounter | None = None

    def next(self) -> int:
        if self._counter is None:
            self._counter = self.session.scalar(select(SyncCounter).where(SyncCounter.id == 1).with_for_update())
            if self._counter is None:
                self._counter = SyncCounter(id=1, value=0)
                self.session.add(self._counter)
        self._counter.value += 1
        return self._counter.value

    def lock(self) -> None:
        """Take the counter's lock before reading anything the batch depends on."""
        if self._counter is None:
            self.next()
            assert self._counter is not None
            self._counter.value -= 1

    def touch(self, kind: str, record_id: uuid.UUID, ticket_id: uuid.UUID | None) -> None:
        seq = self.next()
        row = self.session.get(SyncRecord, (kind, record_id))
        if row is None:
            self.session.add(SyncRecord(kind=kind, record_id=record_id, seq=seq, ticket_id=ticket_id))
        else:
            row.seq = seq
        # Two touches of one record in a batch must not collide on the unique seq index.
        self.session.flush()


def push(
    session: Session, ref: Reference, user: UserInfo, request: PushRequest, device: str, now: datetime,
    blob_missing: BlobCheck = no_blobs,
) -> list[EntryResult]:
    sequencer = Sequencer(session)
    sequencer.lock()
    applier = Applier(session, ref, user, device, sequencer, now, blob_missing)
    results = []
    for entry in sorted(request.entries, key=lambda e: e.seq):
        prior = session.get(SyncEntry, (request.client_id, entry.seq))
        if prior is not None:
            if prior.entry_id != entry.id:
                raise ClientIdReused(
                    f"client {request.client_id} already sent entry {entry.seq}; this store was restored "
                    "from a copy and must take a new client id"
                )
            # The same answer again, with the record as it now stands, whatever the
            # outcome: the client never saw the first answer, may since have pulled
            # changes made after this entry, and replayed it over them in its view.
            record = applier.snapshot(entry)
            results.append(EntryResult(id=entry.id, seq=entry.seq, outcome=prior.outcome,  # type: ignore[arg-type]
                                       reason=prior.reason, record=record))
            continue
        conflict = None
        try:
            with session.begin_nested():
                outcome, reason = applier.apply(entry)
        except Rejected as exc:
            outcome, reason, conflict = "rejected", str(exc), exc.conflict
        except StatementError as exc:
            # A value the checks above let through and the database's own rules refuse
            # (batches are applied one at a time, under the counter's lock, so this is
            # never a race with another writer): this entry is refused, not the batch.
            problem = str(getattr(exc, "orig", exc)).strip().splitlines()
            outcome, reason = "rejected", f"the database refused a value of the change: {problem[0] if problem else ''}"
        if conflict is not None:
            applier.conflict(**conflict)
        session.add(SyncEntry(
            client_id=request.client_id, seq=entry.seq, entry_id=entry.id, kind=entry.kind,
            record_id=entry.record_id, actor_id=entry.actor_id, occurred_at=entry.occurred_at,
            received_at=now, hlc=entry.hlc, outcome=outcome, reason=reason,
        ))
        record = applier.snapshot(entry) if outcome == "rejected" else None
        results.append(EntryResult(id=entry.id, seq=entry.seq, outcome=outcome,  # type: ignore[arg-type]
                                   reason=reason, record=record))
    session.flush()
    return results


class Applier:
    def __init__(
        self, session: Session, ref: Reference, user: UserInfo, device: str, sequencer: Sequencer, now: datetime,
        blob_missing: BlobCheck = no_blobs,
    ) -> None:
        self.session = session
        self.ref = ref
        self.user = user
        self.device = device
        self.seq = sequencer
        self.now = now
        self.blob_missing = blob_missing

    # -- helpers -------------------------------------------------------------
    def _visible_ticket(self, ticket_id: uuid.UUID) -> Ticket:
        ticket = self.session.get(Ticket, ticket_id)
        if ticket is None or not can_see_ticket(self.user, ticket):
            raise Rejected("no such ticket within your scope")
        return ticket

    def _history(self, entry: EntryIn, ticket_id: uuid.UUID, kind: str, field: str | None = None,
                 old: Any = None, new: Any = None, note: str | None = None, actor: uuid.UUID | None = None) -> None:
        event_id = derived_id(entry.id, kind, field or "")
        if self.session.get(HistoryEvent, event_id) is not None:
            return
        self.session.add(HistoryEvent(
            id=event_id, ticket_id=ticket_id, actor_id=actor or entry.actor_id, device=self.device,
            occurred_at=entry.occurred_at, stamp=entry.hlc, kind=kind, field=field,
            old=to_json(old), new=to_json(new), note=note,
        ))
        self.session.flush()
        self.seq.touch("history", event_id, ticket_id)

    def conflict(self, *, ticket_id: uuid.UUID, field: str, kept: Any, lost: Any, outcome: str,
                 kept_actor: uuid.UUID | None, lost_actor: uuid.UUID, lost_entry: uuid.UUID,
                 at: datetime) -> None:
        row = Conflict(
            id=new_id(), ticket_id=ticket_id, field=field, kept=to_json(kept), lost=to_json(lost), outcome=outcome,
            kept_actor_id=kept_actor, lost_actor_id=lost_actor, lost_entry_id=lost_entry, occurred_at=at,
            acknowledged_at=None, acknowledged_by_id=None,
        )
        self.session.add(row)
        self.session.flush()
        self.seq.touch("conflict", row.id, ticket_id)

    def snapshot(self, entry: EntryIn) -> dict[str, Any] | None:
        """What the client holds instead of its refused change: the record as the server
        has it, or, for a refused child, the ticket it hangs on (the client touched that
        too); None when the server has nothing the caller may see."""
        kind, record_id = entry.kind, entry.record_id
        if kind == "sla_event":
            kind, record_id = "ticket", uuid_or_none(entry.data.get("ticket_id"))
        model = MODELS.get(kind)
        row = self.session.get(model, record_id) if model is not None and record_id is not None else None
        if row is None and kind in CHILD_KINDS:
            parent = uuid_or_none(entry.data.get("ticket_id"))
            kind, row = "ticket", self.session.get(Ticket, parent) if parent is not None else None
        if row is None:
            return None
        ticket = row if kind == "ticket" else self.session.get(Ticket, row.ticket_id)
        if ticket is None or not can_see_ticket(self.user, ticket):
            return None
        data = row_to_dict(kind, row)
        if kind == "ticket" and row.parent_id is not None:
            parent = self.session.get(Ticket, row.parent_id)
            if parent is None or not can_see_ticket(self.user, parent):
                data["parent_id"] = None  # as pull sends it: the parent is outside the caller's scope
        return {"kind": kind, "data": data}

    # -- entries ---------------------------------------------------------------
    def apply(self, entry: EntryIn) -> tuple[str, str | None]:
        if entry.occurred_at > self.now + FUTURE_TOLERANCE:
            raise Rejected(f"the change says it happened at {entry.occurred_at:%Y-%m-%d %H:%M:%S}Z, "
                           "later than the server's clock allows; check the device's clock")
        system = self._system_entry(entry)
        if entry.actor_id != self.user.id and not system:
            raise Rejected("a change may only be sent by the person who made it")
        duplicate = self.session.scalar(
            select(SyncEntry.outcome).where(SyncEntry.entry_id == entry.id, SyncEntry.outcome != "rejected").limit(1)
        )
        if duplicate is not None:
            return "applied", "already applied from another device"
        if entry.kind == "ticket" and entry.op == "create":
            return self._create_ticket(entry)
        if entry.kind == "ticket" and entry.op == "update":
            return self._update_ticket(entry, system)
        if entry.kind in CHILD_KINDS and entry.op == "insert":
            return self._insert_child(entry)
        if entry.kind == "sla_event" and entry.op == "insert":
            return self._sla_event(entry)
        if entry.kind == "conflict" and entry.op == "update":
            return self._acknowledge(entry)
        raise Rejected(f"a {entry.kind} change cannot be a {entry.op}")

    def _system_entry(self, entry: EntryIn) -> bool:
        """Automatic actions of the system: their ids derive from what they are, so a
        device can only send the very change every replica would compute."""
        if entry.actor_id != SYSTEM_USER_ID:
            return False
        if entry.kind == "sla_event":
            data = entry.data
            return entry.id == derived_id("sla", data.get("ticket_id"), data.get("clock"), data.get("threshold"))
        if entry.kind == "ticket" and entry.op == "update" and set(entry.data) == {"status", "closed_at"}:
            ticket = self.session.get(Ticket, entry.record_id)
            return (
                ticket is not None and ticket.resolved_at is not None
                and entry.id == derived_id("auto-close", ticket.id, ticket.resolved_at.isoformat())
            )
        return False

    def _fields(self, entry: EntryIn, allowed: frozenset[str] | tuple[str, ...]) -> dict[str, Any]:
        unknown = set(entry.data) - set(allowed)
        if unknown:
            raise Rejected(f"a ticket change cannot set {', '.join(sorted(unknown))}")
        try:
            values = {k: ticket_field_value(k, v) for k, v in entry.data.items()}
        except (ValueError, TypeError) as exc:
            raise Rejected(f"a value in the change is malformed: {exc}") from None
        self._check_values(values)
        return values

    def _check_values(self, values: dict[str, Any]) -> None:
        ref = self.ref
        checks = {
            "status": lambda v: v in STATUSES,
            "type": lambda v: v in TICKET_TYPES,
            "priority": lambda v: v in ref.spec.priority.levels,
            "impact": lambda v: v in ref.spec.priority.impact,
            "urgency": lambda v: v in ref.spec.priority.urgency,
            "site_id": lambda v: v in ref.sites,
            "category_id": lambda v: v in ref.categories,
            "requester_id": lambda v: v in ref.users,
            "created_by_id": lambda v: v in ref.users,
            "team_id": lambda v: v is None or v in ref.teams,
            "assignee_id": lambda v: v is None or v in ref.users,
            "pending_supplier_id": lambda v: v is None or v in ref.suppliers,
            "pending_reason": lambda v: v is None or v in PENDING_REASONS,
            "title": lambda v: isinstance(v, str) and 0 < len(v) <= 300,
            "description": lambda v: isinstance(v, str),
            "fields": lambda v: isinstance(v, dict),
            "major_incident": lambda v: isinstance(v, bool),
            "tier": lambda v: isinstance(v, int) and 1 <= v <= 3,
        }
        for name, value in values.items():
            check = checks.get(name)
            if check is not None and not check(value):
                raise Rejected(f"{name} {value!r} is not valid here")
            _check_column(Ticket.__table__.c[name], value, name)
        parent = values.get("parent_id")
        if parent is not None:
            self._visible_ticket(parent)

    def _create_ticket(self, entry: EntryIn) -> tuple[str, str | None]:
        if self.session.get(Ticket, entry.record_id) is not None:
            return "applied", "already applied"
        values = self._fields(entry, REPLICATED_FIELDS)
        missing = {"number", "type", "title", "status", "requester_id", "site_id", "category_id", "impact",
                   "urgency", "priority", "created_at", "created_by_id"} - set(values)
        if missing:
            raise Rejected(f"a new ticket needs {', '.join(sorted(missing))}")
        user = self.user
        if values["status"] not in ("new", "assigned"):
            raise Rejected("a ticket starts as new or assigned")
        if user.role == "requester" and (values["requester_id"] != user.id or values["site_id"] != user.site_id):
            raise Rejected("a requester logs tickets for themselves at their own site only")
        if not can_see(user, values["site_id"], values.get("team_id"), values.get("assignee_id")):
            raise Rejected("the ticket would be outside your scope")
        if self.session.scalar(select(Ticket.id).where(Ticket.number == values["number"])) is not None:
            raise Rejected(f"ticket number {values['number']} is taken")
        defaults = {"description": "", "major_incident": False, "channel": "portal", "fields": {}, "tier": 1}
        ticket = Ticket(
            id=entry.record_id, **{**defaults, **values}, updated_at=values["created_at"],
            versions={ALL_FIELDS: str(entry.id)},
        )
        self.session.add(ticket)
        self.session.flush()
        self.seq.touch("ticket", ticket.id, ticket.id)
        self._history(entry, ticket.id, "created", new=ticket.number)
        return "applied", None

    def _update_ticket(self, entry: EntryIn, system: bool) -> tuple[str, str | None]:
        ticket = self._visible_ticket(entry.record_id)
        values = self._fields(entry, tuple(f for f in REPLICATED_FIELDS if f not in IMMUTABLE))
        above = values.get("parent_id")
        while above is not None:  # a ticket is never above itself, however far up
            if above == ticket.id:
                raise Rejected("a ticket cannot be a task of itself")
            above = self.session.scalar(select(Ticket.parent_id).where(Ticket.id == above))
        user = self.user
        if not system:
            if not is_support(user.role) and set(values) - REQUESTER_FIELDS:
                raise Rejected("only support staff may change this ticket's "
                               + ", ".join(sorted(set(values) - REQUESTER_FIELDS)))
            if values.get("priority_reason") is not None and user.role not in OVERRIDE_ROLES:
                raise Rejected("only agents and managers may override the priority")
        conflicts: list[dict[str, Any]] = []
        status = values.get("status")
        if status is not None and status != ticket.status:
            concurrent = entry.base.get("status") != version_of(ticket.versions, "status")
            ctx = MoveContext(
                status=ticket.status, role="agent" if system else user.role,
                is_requester=ticket.requester_id == user.id, resolved_at=ticket.resolved_at,
                auto_close_days=self.ref.spec.auto_close_days, now=entry.occurred_at,
            )
            try:
                check_move(ctx, status)
            except BranchdeskError as exc:
                conflict = None
                if concurrent:
                    conflict = dict(ticket_id=ticket.id, field="status", kept=ticket.status, lost=status,
                                    outcome="rejected", kept_actor=self._last_actor(ticket, "status"),
                                    lost_actor=entry.actor_id, lost_entry=entry.id, at=entry.occurred_at)
                raise Rejected(f"{'meanwhile the ticket became ' + ticket.status + '; ' if concurrent else ''}"
                               f"{exc}", conflict) from None
            if status == "resolved":
                open_tasks = self.session.scalar(
                    select(func.count()).select_from(Ticket)
                    .where(Ticket.parent_id == ticket.id, Ticket.status.in_(OPEN_STATUSES))
                )
                if open_tasks:
                    raise Rejected(f"the ticket still has {open_tasks} open task(s)")
        merged = False
        scope_moved = any(getattr(ticket, name) != values[name] for name in SCOPE_FIELDS & set(values))
        for name, value in values.items():
            current = getattr(ticket, name)
            if entry.base.get(name, version_of(ticket.versions, name)) != version_of(ticket.versions, name):
                merged = True
                if name in EARLIEST_WINS and current is not None and value is not None:
                    # two people answered concurrently: the first answer is the earlier
                    # one, whichever arrives last, and nobody lost anything
                    value = min(current, value)
                elif current != value:
                    conflicts.append(dict(
                        ticket_id=ticket.id, field=name, kept=value, lost=current, outcome="overridden",
                        kept_actor=entry.actor_id, lost_actor=self._last_actor(ticket, name) or entry.actor_id,
                        lost_entry=uuid.UUID(version_of(ticket.versions, name) or str(entry.id)),
                        at=entry.occurred_at,
                    ))
            # One event per field of the entry, even one that sets the value the field
            # already has (a concurrent change to the same value): the device that made
            # the change recorded exactly these events, under the same ids.
            self._history(entry, ticket.id, "field", name, current, value,
                          actor=SYSTEM_USER_ID if system else None)
            if current != value:
                setattr(ticket, name, value)
            ticket.versions = {**ticket.versions, name: str(entry.id)}
        ticket.updated_at = max(ticket.updated_at, entry.occurred_at)
        self.session.flush()
        self.seq.touch("ticket", ticket.id, ticket.id)
        if scope_moved and SCOPE_FIELDS & set(values):
            # A device is sent a task's parent only when it may see the parent: the tasks
            # go out again, with their parent or without, to every device whose view of
            # the parent changes with this.
            for task in self.session.scalars(select(Ticket.id).where(Ticket.parent_id == ticket.id)):
                self.seq.touch("ticket", task, task)
        for conflict in conflicts:
            self.conflict(**conflict)
        return ("merged", "changed concurrently; the later change was kept") if merged else ("applied", None)

    def _last_actor(self, ticket: Ticket, field: str) -> uuid.UUID | None:
        """Who set the field's current value: the author of the change its version names
        (found by the history event that change wrote, whose id derives from it). Device
        clocks differ, so the latest event by its instant need not be that one."""
        version = version_of(ticket.versions, field)
        if version is not None:
            for kind, name in (("field", field), ("created", "")):
                event = self.session.get(HistoryEvent, derived_id(version, kind, name))
                if event is not None:
                    return event.actor_id
        return self.session.scalar(
            select(HistoryEvent.actor_id)
            .where(HistoryEvent.ticket_id == ticket.id, HistoryEvent.field == field)
            .order_by(HistoryEvent.occurred_at.desc(), HistoryEvent.stamp.desc()).limit(1)
        )

    def _insert_child(self, entry: EntryIn) -> tuple[str, str | None]:
        model = MODELS[entry.kind]
        try:
            row = dict_to_row(entry.kind, entry.data)
        except (ValueError, TypeError) as exc:
            raise Rejected(f"the {entry.kind} is malformed: {exc}") from None
        if row["id"] != entry.record_id:
            raise Rejected("the record's id does not match the change")
        for column in model.__table__.columns:
            _check_column(column, row[column.key], f"the {entry.kind}'s {column.key}")
        if self.session.get(model, row["id"]) is not None:
            return "applied", "already applied"
        ticket = self._visible_ticket(row["ticket_id"])
        author = row.get("author_id", row.get("actor_id"))
        if author != self.user.id:
            raise Rejected(f"a {entry.kind} may only be added in its author's name")
        support = is_support(self.user.role)
        if entry.kind == "comment":
            if not isinstance(row["body"], str) or not row["body"].strip():
                raise Rejected("a comment needs some text")
            if not row["public"] and not support:
                raise Rejected("only support staff may add internal notes")
            if ticket.status in ("closed", "cancelled"):
                raise Rejected(f"the ticket is {ticket.status}; open a follow-up ticket linked to it")
        elif entry.kind == "attachment":
            self._check_attachment(row, ticket)
        elif not support:
            raise Rejected(f"only support staff may add a {entry.kind}")
        if entry.kind == "worklog" and not (isinstance(row["minutes"], int) and 0 < row["minutes"] <= 1440):
            raise Rejected("work is logged in minutes, from 1 to 1440")
        if entry.kind == "link":
            other = self._visible_ticket(row["other_id"])
            self.session.add(model(**row))
            self.session.flush()
            self._history(entry, ticket.id, "link", note=f"{row['kind']} {other.number}")
        elif entry.kind == "attachment":
            self.session.add(model(**row))
            self.session.flush()
            self._history(entry, ticket.id, "attachment", note=attachment_note(row["name"], row["size"]))
        else:
            self.session.add(model(**row))
            self.session.flush()
        self.seq.touch(entry.kind, row["id"], ticket.id)
        ticket.updated_at = max(ticket.updated_at, entry.occurred_at)
        self.seq.touch("ticket", ticket.id, ticket.id)
        return "applied", None

    def _check_attachment(self, row: dict[str, Any], ticket: Ticket) -> None:
        """Anyone who sees the ticket may attach to it while it is open to change; the
        row is taken only once all of its content has been uploaded."""
        if ticket.status in ("closed", "cancelled"):
            raise Rejected(f"the ticket is {ticket.status}; open a follow-up ticket linked to it")
        if not row["name"].strip() or "/" in row["name"] or "\\" in row["name"]:
            raise Rejected("an attachment needs a file name without folders")
        if not is_sha256(row["sha256"]):
            raise Rejected("an attachment's sha256 must be 64 lowercase hex digits")
        if not 0 < row["size"] <= MAX_ATTACHMENT_BYTES:
            raise Rejected(f"an attachment's size must be from 1 to {MAX_ATTACHMENT_BYTES} bytes")
        missing = self.blob_missing(self.session, row["sha256"], row["size"])
        if missing is not None:
            raise Rejected(missing)

    def _sla_event(self, entry: EntryIn) -> tuple[str, str | None]:
        if entry.actor_id != SYSTEM_USER_ID:
            raise Rejected("SLA events are the system's")
        data = entry.data
        ticket_id = uuid_or_none(data.get("ticket_id"))
        if ticket_id is None:
            raise Rejected("an SLA event names its ticket")
        ticket = self._visible_ticket(ticket_id)
        clock, label = str(data.get("clock")), str(data.get("threshold"))
        kind = "sla_breach" if label == "breach" else "sla_warning"
        if label == "breach":
            what = "breached its target"
        else:
            # worded as the device that computed it words it (core.uow), so both hold one event
            try:
                what = f"passed {float(label.split()[1]):.0%} of its target"
            except (IndexError, ValueError):
                raise Rejected(f"unknown SLA threshold {label!r}") from None
        self._history(entry, ticket.id, kind, clock, None, label, f"{clock} clock {what}")
        return "applied", None

    def _acknowledge(self, entry: EntryIn) -> tuple[str, str | None]:
        conflict = self.session.get(Conflict, entry.record_id)
        if conflict is None:
            raise Rejected("no such conflict")
        self._visible_ticket(conflict.ticket_id)
        if set(entry.data) != {"acknowledged_at", "acknowledged_by_id"}:
            raise Rejected("only the acknowledgement of a conflict can change")
        if str(entry.data["acknowledged_by_id"]) != str(self.user.id):
            raise Rejected("a conflict is acknowledged in your own name")
        if conflict.acknowledged_at is None:
            conflict.acknowledged_at = ticket_field_value("created_at", entry.data["acknowledged_at"])
            conflict.acknowledged_by_id = self.user.id
            self.session.flush()
            self.seq.touch("conflict", conflict.id, conflict.ticket_id)
        return "applied", None



def _check_column(column: Any, value: Any, what: str) -> None:
    """A value fit for its column, whatever the database: SQLite would keep a number in
    a text column or text longer than the column; PostgreSQL would refuse both."""
    if value is None:
        if not column.nullable:
            raise Rejected(f"{what} is missing")
        return
    kind = column.type
    expected: Any = {Boolean: bool, Integer: int, String: str, Uuid: uuid.UUID, Instant: datetime}
    for base, python in expected.items():
        if isinstance(kind, base) and (not isinstance(value, python) or (python is int and isinstance(value, bool))):
            raise Rejected(f"{what} must be a {python.__name__}, not {type(value).__name__}")
    length = getattr(kind, "length", None)
    if length is not None and isinstance(value, str) and len(value) > length:
        raise Rejected(f"{what} is longer than {length} characters")
