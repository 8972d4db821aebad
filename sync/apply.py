"""The server's side of push: applying a batch of change entries (DESIGN §6 Push,
Merge, and §6a).

The rules live in core: each pushed command runs again through the service
function that made it on the device, as the entry's actor at the instant the
device recorded (core.commands, over sync.replay's outbox), so a refusal is worded
as a local command words it and a merged ticket satisfies every rule a local
command keeps. What is here is the merge policy and the bookkeeping only:

- a command is one unit: its first entry carries the command, the later ones
  (part_of) are its other changes, and all of them get the command's answer;
- an entry already answered (same client id and sequence) gets its first answer
  again; one applied from another device (same entry id) is applied already;
- base versions: a field the entry changed whose version on the server is not the
  one the device saw was changed concurrently. The later arrival runs over the
  current state ("later arrival"); the value that lost, either way, is kept as a
  conflict record, shown to the people involved until acknowledged;
- the first answer: concurrent first responses keep the earlier instant;
- the answer is "applied" when the server's run made exactly the changes the
  device made over the state the device saw, "merged" when something changed
  meanwhile or the run made other changes (the device takes the server's), and
  "rejected" with the service layer's reason when the command was refused.

A batch is one database transaction; each command runs in a savepoint, so a
rejected one never blocks the ones after it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm import Session

from core.commands import SYSTEM_COMMANDS, run
from core.errors import BranchdeskError
from core.field_events import sets, setting_event
from core.ids import SYSTEM_USER_ID, new_id
from core.lifecycle import STATUS_UNIT
from core.models import Conflict, HistoryEvent, Ticket
from core.models.tickets import REPLICATED_FIELDS, version_of
from core.reference import SYSTEM_USER, Reference, UserInfo
from core.scope import SCOPE_FIELDS, can_see_ticket
from core.uow import Effect, UnitOfWork, sla_entry_id, sla_event_id, sla_event_note
from sync.buckets import BUCKET_COLUMNS, Scope, stamp
from sync.feed import article_visible
from sync.models import SyncCounter, SyncEntry, SyncRecord
from sync.protocol import EntryIn, EntryResult, PushRequest
from sync.records import MODELS, chunks, own_events, row_to_dict, ticket_field_value, to_json, uuid_or_none
from sync.replay import ReplayOutbox, merged_instant

# How far ahead of the server's clock a device instant may be before it is refused.
FUTURE_TOLERANCE = timedelta(minutes=5)
# Fields whose concurrent values merge to the earliest rather than the later arrival.
EARLIEST_WINS = frozenset({"first_response_at"})
CHILD_KINDS = ("comment", "attachment", "worklog", "link", "article_link", "rating")

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


# A mark among the records to number: a ticket whose scope moved, standing for its tasks
MOVED = "moved"


class Sequencer:
    """Numbers record changes from the counter row, locked for the whole transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._counter: SyncCounter | None = None
        # While a batch is applied, what its commands wrote is numbered at its end, in
        # one statement (None: numbered at once)
        self.held: list[tuple[str, uuid.UUID, uuid.UUID | None]] | None = None
        # the buckets the batch's new tickets were created with (sync.buckets.stamp)
        self.made: dict[uuid.UUID, Scope] = {}

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
        self.touch_all([(kind, record_id, ticket_id)])

    def touch_all(self, records: list[tuple[str, uuid.UUID, uuid.UUID | None]]) -> None:
        """Number these records' latest change, in this order, in one statement. Every
        number is above any a record holds, so moving one never meets another on the
        unique index. While the sequencer holds (hold), they wait for release."""
        if self.held is not None:
            self.held += records
            return
        latest: dict[tuple[str, uuid.UUID], uuid.UUID | None] = {}
        for kind, record_id, ticket_id in self._tasks_of_moved(records):
            latest.pop((kind, record_id), None)  # a record touched twice goes by its last touch
            latest[(kind, record_id)] = ticket_id
        if not latest:
            return
        rows = [{"kind": kind, "record_id": record_id, "seq": self.next(), "ticket_id": ticket_id}
                for (kind, record_id), ticket_id in latest.items()]
        self.session.flush()  # the counter
        stamp(self.session, rows, self.made)
        table: Table = SyncRecord.__table__  # type: ignore[assignment]
        insert = postgresql_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.kind, table.c.record_id],
            set_={name: statement.excluded[name] for name in ("seq", *BUCKET_COLUMNS, "internal")})
        self.session.execute(statement, rows)


    def _tasks_of_moved(self, records: list[tuple[str, uuid.UUID, uuid.UUID | None]],
                        ) -> list[tuple[str, uuid.UUID, uuid.UUID | None]]:
        """The records with each MOVED mark replaced by the parent's tasks, read in one
        query for all the marks (a batch moves hundreds of tickets)."""
        parents = [record_id for kind, record_id, _ in records if kind == MOVED]
        if not parents:
            return records
        tasks: dict[uuid.UUID | None, list[uuid.UUID]] = {}
        for chunk in chunks(sorted(set(parents))):
            for task, parent in self.session.execute(
                    select(Ticket.id, Ticket.parent_id).where(Ticket.parent_id.in_(chunk))):
                tasks.setdefault(parent, []).append(task)
        return [touched for record in records for touched in (
            [("ticket", task, task) for task in tasks.get(record[1], [])] if record[0] == MOVED else [record])]

    def hold(self) -> None:
        """Keep what is touched from here on, to be numbered together by release()."""
        self.held = []

    def created(self, ticket_id: uuid.UUID, scope: Scope) -> None:
        """A ticket the held batch created, with the buckets it was created in."""
        if self.held is not None:
            self.made[ticket_id] = scope

    def release(self) -> None:
        held, self.held = self.held, None
        if held:
            self.touch_all(held)
        self.made = {}


class ServerOutbox(ReplayOutbox):
    """A replay on the server: every record it writes is numbered for the feed."""

    def __init__(self, device: str, entries: list[EntryIn], now: datetime, sequencer: Sequencer,
                 content_missing: BlobCheck) -> None:
        super().__init__(device, entries, now, content_missing)
        self.sequencer = sequencer

    def finish(self, session: Session) -> None:
        number_written(session, self.sequencer, self.written_records, [m.effect for m in self.made])
        self.written_records = []


def number_written(session: Session, sequencer: Sequencer,
                   written: list[tuple[str, uuid.UUID, uuid.UUID | None]],
                   effects: list[Effect]) -> None:
    """Number for the feed every record a command on the server wrote."""
    session.flush()
    for effect in effects:
        if effect.kind == "ticket" and effect.op == "create":
            site, team, assignee = (uuid_or_none(effect.data.get(f)) for f in BUCKET_COLUMNS)
            sequencer.created(effect.record_id, (site, team, assignee))
    touched: list[tuple[str, uuid.UUID, uuid.UUID | None]] = list(written)
    # A device is sent a task's parent only when it may see the parent: the tasks go
    # out again, with their parent or without, to every device whose view of the
    # parent changes with this (the sequencer reads them when it numbers).
    touched += [(MOVED, e.record_id, e.record_id) for e in effects
                if e.kind == "ticket" and e.op == "update" and SCOPE_FIELDS & set(e.data)]
    sequencer.touch_all(touched)


def _groups(entries: list[EntryIn]) -> list[list[EntryIn]]:
    """The batch cut into commands: an entry that is part of the command before it
    joins that one's group."""
    groups: list[list[EntryIn]] = []
    for entry in sorted(entries, key=lambda e: e.seq):
        if entry.part_of is not None and groups and groups[-1][0].id == entry.part_of:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


class _Refused(Exception):
    """A command of a batch applied in one piece was refused: the batch goes again,
    each command in a savepoint of its own."""


def push(
    session: Session, ref: Reference, user: UserInfo, request: PushRequest, device: str, now: datetime,
    blob_missing: BlobCheck = no_blobs,
) -> list[EntryResult]:
    answered = {prior.seq: prior for prior in session.scalars(select(SyncEntry).where(
        SyncEntry.client_id == request.client_id, SyncEntry.seq.in_([e.seq for e in request.entries])))}
    # A command is nearly always applied: the batch first goes in one savepoint, with
    # none of each command's own (two statements a command, a round trip each on
    # PostgreSQL). Once one is refused, that savepoint is rolled back and the batch goes
    # again with a savepoint for each command, so that the refused one leaves nothing.
    session.flush()
    try:
        with session.begin_nested():
            return _push(session, ref, user, request, device, now, blob_missing, answered, one_piece=True)
    except _Refused:
        # The savepoint's rollback expunges the objects the ORM itself inserted, but not
        # those loaded from rows written there in SQL (a ticket the batch created, as
        # the next command found it): the second time starts from the database alone.
        session.expunge_all()
        return _push(session, ref, user, request, device, now, blob_missing, answered, one_piece=False)


def _push(
    session: Session, ref: Reference, user: UserInfo, request: PushRequest, device: str, now: datetime,
    blob_missing: BlobCheck, answered: dict[int, SyncEntry], *, one_piece: bool,
) -> list[EntryResult]:
    sequencer = Sequencer(session)
    sequencer.lock()
    # Set-based where the rules allow: the batch's tickets, earlier answers and entries
    # applied from other devices are read once; answers are written in one statement,
    # and the records the batch wrote are numbered together at its end.
    sequencer.hold()
    merger = Merger(session, ref, user, device, sequencer, now, blob_missing)
    merger.preload(request.entries)
    results: list[EntryResult] = []
    answers: list[dict[str, Any]] = []
    for group in _groups(request.entries):
        priors = [answered.get(e.seq) for e in group]
        for entry, prior in zip(group, priors, strict=True):
            if prior is not None and prior.entry_id != entry.id:
                raise ClientIdReused(
                    f"client {request.client_id} already sent entry {entry.seq}; this store was restored "
                    "from a copy and must take a new client id"
                )
        if priors[0] is not None:
            # The same answer again, with the record as it now stands, whatever the
            # outcome: the client never saw the first answer, may since have pulled
            # changes made after this entry, and replayed it over them in its view.
            for entry, prior in zip(group, priors, strict=True):
                outcome, reason = (prior.outcome, prior.reason) if prior else (priors[0].outcome, priors[0].reason)
                results.append(EntryResult(id=entry.id, seq=entry.seq, outcome=outcome,  # type: ignore[arg-type]
                                           reason=reason, record=merger.snapshot(entry),
                                           events=merger.held_events(entry, outcome)))
            continue
        conflicts: list[dict[str, Any]] = []
        assert sequencer.held is not None
        numbered = len(sequencer.held)
        try:
            with nullcontext() if one_piece else session.begin_nested():
                outcome, reason, conflicts = merger.apply(group)
        except Rejected as exc:
            if one_piece:
                raise _Refused from exc
            outcome, reason, conflicts = "rejected", str(exc), [exc.conflict] if exc.conflict else []
        except OperationalError:
            raise  # the database cannot go on (a full disk, a lost connection): the batch fails, never this change
        except StatementError as exc:
            # A value the checks let through and the database's own rules refuse
            # (batches are applied one at a time, under the counter's lock, so this is
            # never a race with another writer): this command is refused, not the batch.
            if one_piece:
                raise _Refused from exc
            problem = str(getattr(exc, "orig", exc)).strip().splitlines()
            outcome, reason = "rejected", f"the database refused a value of the change: {problem[0] if problem else ''}"
        if outcome == "rejected":
            del sequencer.held[numbered:]  # rolled back with its savepoint: nothing to number
        for conflict in conflicts:
            merger.conflict(**conflict)
        for entry in group:
            answers.append(dict(
                client_id=request.client_id, seq=entry.seq, entry_id=entry.id, kind=entry.kind,
                record_id=entry.record_id, actor_id=entry.actor_id, occurred_at=entry.occurred_at,
                received_at=now, hlc=entry.hlc, outcome=outcome, reason=reason,
            ))
            record = merger.snapshot(entry) if outcome == "rejected" else None
            results.append(EntryResult(id=entry.id, seq=entry.seq, outcome=outcome,  # type: ignore[arg-type]
                                       reason=reason, record=record, events=merger.held_events(entry, outcome)))
    if request.entries:
        merger.refresh_sla(request.entries[-1])
    sequencer.release()
    if answers:
        session.execute(insert(SyncEntry), answers)
    session.flush()
    return results


class Merger:
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
        # tickets the batch's applied commands changed, whose SLA figures follow at its end
        self.touched: set[uuid.UUID] = set()
        # entries of the batch another device's push applied already; the batch's tickets,
        # held here so that the session keeps them for every get of the batch
        self.elsewhere: set[uuid.UUID] = set()
        self.tickets: list[Ticket] = []
        # the same, by number: each command finds its ticket here instead of asking again
        self.by_number: dict[str, Ticket] = {}

    def preload(self, entries: list[EntryIn]) -> None:
        """Read the batch's tickets and the entries applied from elsewhere, once."""
        ids = {e.record_id for e in entries if e.kind == "ticket"}
        ids |= {t for e in entries if (t := uuid_or_none(e.data.get("ticket_id"))) is not None}
        ids |= {t for e in entries if (t := uuid_or_none(e.data.get("other_id"))) is not None}
        wanted, leads = sorted(ids), [e.id for e in entries]
        for chunk in chunks(wanted):
            self.tickets += self.session.scalars(select(Ticket).where(Ticket.id.in_(chunk)))
        self.by_number.update((t.number, t) for t in self.tickets)
        for chunk in chunks(leads):
            self.elsewhere.update(self.session.scalars(select(SyncEntry.entry_id).where(
                SyncEntry.entry_id.in_(chunk), SyncEntry.outcome != "rejected")))

    def refresh_sla(self, last: EntryIn) -> None:
        """The SLA figures of every ticket the batch changed, and the warnings and breaches
        they passed, recorded by the system as on any replica."""
        if self.touched:
            uow = UnitOfWork(self.session, self.ref, ServerOutbox(self.device, [last], self.now, self.seq,
                                                                  self.blob_missing))
            uow.changes.tickets |= self.touched
            uow.finish()
            self.touched = set()

    # -- one command -------------------------------------------------------------
    def apply(self, group: list[EntryIn]) -> tuple[str, str | None, list[dict[str, Any]]]:
        lead = group[0]
        if lead.occurred_at > self.now + FUTURE_TOLERANCE:
            raise Rejected(f"the change says it happened at {lead.occurred_at:%Y-%m-%d %H:%M:%S}Z, "
                           "later than the server's clock allows; check the device's clock")
        if lead.part_of is not None:
            raise Rejected("the change belongs to a command whose first change is not in the batch")
        if any(e.actor_id != lead.actor_id for e in group):
            raise Rejected("the changes of one command name different people")
        if lead.id in self.elsewhere:
            return "applied", "already applied from another device", []
        if lead.kind == "sla_event":
            return self._sla_event(lead)
        if lead.command is None:
            raise Rejected("the change does not say which command made it; update Branchdesk on that device")
        actor = self._actor(lead)
        concurrent = self._concurrent(group)
        before = self._before(group)
        outbox = ServerOutbox(self.device, group, self.now, self.seq, self.blob_missing)
        uow = UnitOfWork(self.session, self.ref, outbox)
        uow.tickets_by_number.update(self.by_number)
        try:
            run(uow, actor, lead.command.model_dump(), merged_instant(self.session, group, lead.occurred_at))
            self._first_answer(uow, actor, group, lead.occurred_at)
            # SLA figures once for the whole batch (refresh_sla): they follow from the
            # history whenever they are computed
            uow.finish(refresh_sla=False)
        except BranchdeskError as exc:
            raise Rejected(self._refusal(concurrent, str(exc)), self._status_conflict(lead, concurrent)) from None
        self.touched |= uow.changes.tickets
        conflicts = self._conflicts(lead, concurrent) + self._overrun(lead, group, outbox, before)
        if outbox.same_as(group) and not concurrent:
            return "applied", None, conflicts
        return "merged", "changed concurrently; the server's rules decided the outcome", conflicts

    def _actor(self, lead: EntryIn) -> UserInfo:
        assert lead.command is not None
        if lead.actor_id == SYSTEM_USER_ID and lead.command.name in SYSTEM_COMMANDS:
            return SYSTEM_USER
        if lead.actor_id != self.user.id:
            raise Rejected("a change may only be sent by the person who made it")
        return self.user

    def _concurrent(self, group: list[EntryIn]) -> dict[tuple[uuid.UUID, str], tuple[Any, Any, str | None]]:
        """The ticket fields the command set whose value changed since the device saw
        them: (ticket, field) -> (the value now, the value the device set, its version now)."""
        found: dict[tuple[uuid.UUID, str], tuple[Any, Any, str | None]] = {}
        for entry in group:
            if entry.kind != "ticket" or entry.op != "update":
                continue
            ticket = self.session.get(Ticket, entry.record_id)
            if ticket is None:
                continue
            for name, wanted in entry.data.items():
                if name not in Ticket.__table__.c:
                    continue
                current = version_of(ticket.versions, name)
                if entry.base.get(name, current) != current:
                    try:
                        value = ticket_field_value(name, wanted)
                    except (ValueError, TypeError):
                        value = wanted
                    found[(ticket.id, name)] = (getattr(ticket, name), value, current)
        return found

    @staticmethod
    def _refusal(concurrent: dict[tuple[uuid.UUID, str], Any], reason: str) -> str:
        status = [before for (_t, name), (before, _w, _v) in concurrent.items() if name == "status"]
        return f"meanwhile the ticket became {status[0]}; {reason}" if status else reason

    def _status_conflict(self, lead: EntryIn, concurrent: dict[tuple[uuid.UUID, str], Any]) -> dict[str, Any] | None:
        for (ticket_id, name), (before, wanted, version) in concurrent.items():
            if name == "status":
                return dict(ticket_id=ticket_id, field="status", kept=before, lost=wanted, outcome="rejected",
                            kept_actor=self._author(version, ticket_id, name), lost_actor=lead.actor_id,
                            lost_entry=lead.id, at=lead.occurred_at)
        return None

    def _first_answer(self, uow: UnitOfWork, actor: UserInfo, group: list[EntryIn], at: datetime) -> None:
        """Two people answered concurrently: the first answer is the earlier one, whichever
        arrives last, and nobody lost anything."""
        for entry in group:
            if entry.kind != "ticket" or "first_response_at" not in entry.data:
                continue
            ticket = self.session.get(Ticket, entry.record_id)
            wanted = ticket_field_value("first_response_at", entry.data["first_response_at"])
            if ticket is not None and wanted is not None and ticket.first_response_at is not None \
                    and wanted < ticket.first_response_at:
                uow.update_ticket(actor, ticket, {"first_response_at": wanted}, at)

    def _conflicts(self, lead: EntryIn, concurrent: dict[tuple[uuid.UUID, str], Any]) -> list[dict[str, Any]]:
        """A conflict record for each concurrently changed field whose losing value differs."""
        found = []
        for (ticket_id, name), (before, wanted, version) in concurrent.items():
            ticket = self.session.get(Ticket, ticket_id)
            if ticket is None or name in EARLIEST_WINS or before == wanted:
                continue
            final = getattr(ticket, name)
            if final == wanted:
                # the later arrival kept its value over the one set meanwhile
                found.append(dict(ticket_id=ticket_id, field=name, kept=final, lost=before, outcome="overridden",
                                  kept_actor=lead.actor_id,
                                  lost_actor=self._author(version, ticket_id, name) or lead.actor_id,
                                  lost_entry=uuid.UUID(version) if version else lead.id, at=lead.occurred_at))
            else:
                # the rules, run over what was set meanwhile, came to another value
                found.append(dict(ticket_id=ticket_id, field=name, kept=final, lost=wanted, outcome="overridden",
                                  kept_actor=self._author(version_of(ticket.versions, name), ticket_id, name),
                                  lost_actor=lead.actor_id, lost_entry=lead.id, at=lead.occurred_at))
        return found

    def _before(self, group: list[EntryIn]) -> dict[uuid.UUID, tuple[dict[str, Any], dict[str, Any]]]:
        """The tickets the command changes, as they stand before it runs: values and versions."""
        found = {}
        for entry in group:
            if entry.kind == "ticket" and entry.op == "update" and entry.record_id not in found:
                ticket = self.session.get(Ticket, entry.record_id)
                if ticket is not None:
                    found[ticket.id] = ({f: getattr(ticket, f) for f in REPLICATED_FIELDS}, dict(ticket.versions))
        return found

    def _overrun(self, lead: EntryIn, group: list[EntryIn], outbox: ReplayOutbox,
                 before: dict[uuid.UUID, tuple[dict[str, Any], dict[str, Any]]]) -> list[dict[str, Any]]:
        """Values set meanwhile that the command, run over them, replaced though its author
        never touched them (a reassignment to a team clears the person set meanwhile):
        kept as conflicts, so the person who set them sees what became of it. The fields
        that go with a status are told by the status's own conflict."""
        device = {(e.record_id, name) for e in group if e.kind == "ticket" for name in e.data}
        found = []
        for made in outbox.made:
            effect = made.effect
            if effect.kind != "ticket" or effect.op != "update" or effect.record_id not in before:
                continue
            values, versions = before[effect.record_id]
            for name in effect.data:
                if (effect.record_id, name) in device or name in STATUS_UNIT or name in EARLIEST_WINS:
                    continue
                lost, version = values[name], version_of(versions, name)
                ticket = self.session.get(Ticket, effect.record_id)
                if ticket is None or lost == getattr(ticket, name) or lost is None:
                    continue
                found.append(dict(ticket_id=ticket.id, field=name, kept=getattr(ticket, name), lost=lost,
                                  outcome="overridden", kept_actor=lead.actor_id,
                                  lost_actor=self._author(version, ticket.id, name) or lead.actor_id,
                                  lost_entry=uuid.UUID(version) if version else lead.id, at=lead.occurred_at))
        return found

    def _author(self, version: str | None, ticket_id: uuid.UUID, field: str) -> uuid.UUID | None:
        """Who set a field's value: the author of the change its version names (found by
        the history event that change wrote, whose id derives from it). Device clocks
        differ, so the latest event by its instant need not be that one."""
        event = setting_event(self.session, version, field) if version is not None else None
        if event is not None:
            return event.actor_id
        return self.session.scalar(
            select(HistoryEvent.actor_id)
            .where(HistoryEvent.ticket_id == ticket_id, sets(field))
            .order_by(HistoryEvent.occurred_at.desc(), HistoryEvent.stamp.desc()).limit(1)
        )

    def _sla_event(self, entry: EntryIn) -> tuple[str, str | None, list[dict[str, Any]]]:
        """A warning or breach a device computed: the server computes the ticket's figures
        itself; the event stands if the server finds the same crossing."""
        if entry.actor_id != SYSTEM_USER_ID:
            raise Rejected("SLA events are the system's")
        data = entry.data
        ticket_id = uuid_or_none(data.get("ticket_id"))
        clock, label = str(data.get("clock")), str(data.get("threshold"))
        if ticket_id is None or entry.id != sla_entry_id(ticket_id, clock, label):
            raise Rejected("an SLA event names its ticket, clock and threshold, and takes the id they give")
        try:
            sla_event_note(clock, label)
        except ValueError:
            raise Rejected(f"unknown SLA threshold {label!r}") from None
        ticket = self.session.get(Ticket, ticket_id)
        if ticket is None or not can_see_ticket(self.user, ticket):
            raise Rejected("no such ticket within your scope")
        outbox = ServerOutbox(self.device, [entry], self.now, self.seq, self.blob_missing)
        uow = UnitOfWork(self.session, self.ref, outbox)
        uow.changes.tickets.add(ticket_id)
        uow.finish()
        if self.session.get(HistoryEvent, sla_event_id(ticket_id, clock, label)) is None:
            raise Rejected(f"the ticket's {clock} clock has not passed {label} by the server's figures")
        return "applied", None, []

    def held_events(self, entry: EntryIn, outcome: str) -> list[uuid.UUID]:
        """Of the history events the device wrote for its entry, those the server holds."""
        if outcome != "merged":
            return []  # applied: all of them; rejected: none
        ids = own_events(entry)
        held = set(self.session.scalars(select(HistoryEvent.id).where(HistoryEvent.id.in_(ids))))
        return [e for e in ids if e in held]

    # -- records -------------------------------------------------------------------
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
        kind: str = entry.kind
        record_id: uuid.UUID | None = entry.record_id
        if kind == "sla_event":
            kind, record_id = "ticket", uuid_or_none(entry.data.get("ticket_id"))
        model = MODELS.get(kind)
        row: Any = self.session.get(model, record_id) if model is not None and record_id is not None else None
        if row is None and kind in CHILD_KINDS:
            parent_id = uuid_or_none(entry.data.get("ticket_id"))
            kind, row = "ticket", self.session.get(Ticket, parent_id) if parent_id is not None else None
        if row is None:
            return None
        if kind == "article":
            data = row_to_dict(kind, row)
            return {"kind": kind, "data": data} if article_visible(self.user, data) else None
        ticket = row if kind == "ticket" else self.session.get(Ticket, row.ticket_id)
        if ticket is None or not can_see_ticket(self.user, ticket):
            return None
        data = row_to_dict(kind, row)
        if kind == "ticket" and row.parent_id is not None:
            parent = self.session.get(Ticket, row.parent_id)
            if parent is None or not can_see_ticket(self.user, parent):
                data["parent_id"] = None  # as pull sends it: the parent is outside the caller's scope
        return {"kind": kind, "data": data}
