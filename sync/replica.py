"""The client's side of sync inside its store: taking in what the server confirmed,
recording the server's answers, and rebasing the store's own pending changes on
top (DESIGN §6 Rebase). Every page and every batch of answers is one transaction
together with the cursor or the entries' states."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from core.commands import run
from core.errors import BranchdeskError
from core.ids import derived_id
from core.models import ChangeEntry, Ticket
from core.reference import SYSTEM_USER
from core.reports.facts import store_clocks
from core.sla_sweep import crossings_since_change
from core.store import Store, new_device_code, set_meta
from core.uow import ChangeSet, UnitOfWork, unit_of_work
from sync.protocol import EntryResult, PullResponse
from sync.records import chunks, dict_to_row, figures_of, own_events, table
from sync.replay import ReplayOutbox, merged_instant

CHILD_KINDS = ("comment", "attachment", "worklog", "link", "article_link", "rating")
# Parents before children, so that foreign keys hold within a page.
# Records that come again changed (the rest come once, or rarely again): see _what_changed.
REWRITTEN = ("ticket",)
KIND_ORDER = ("ticket", "history", "comment", "attachment", "worklog", "link", "conflict", "article", "article_link",
              "rating")


def upsert(session: Session, kind: str, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite these rows; each statement sets the columns its rows carry
    (tickets come with their figures or without)."""
    target = table(kind)
    changed: list[tuple[tuple[str, ...], list[dict[str, Any]]]] = []
    if kind in REWRITTEN and rows:
        rows, changed = _what_changed(session, target, rows)
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        shapes.setdefault(tuple(row), []).append(row)
    for keys, same in shapes.items():
        statement = sqlite_insert(target)
        statement = statement.on_conflict_do_update(
            index_elements=[target.c.id], set_={key: statement.excluded[key] for key in keys if key != "id"}
        )
        session.connection().execute(statement, same)
    # after the inserts: a task held may now name a parent new to this store
    for names, same in changed:
        setting = update(target).where(target.c.id == bindparam("held_id"))
        session.connection().execute(setting.values({n: bindparam(f"to_{n}") for n in names}), same)


def _what_changed(session: Session, target: Table, rows: list[dict[str, Any]],
                  ) -> tuple[list[dict[str, Any]], list[tuple[tuple[str, ...], list[dict[str, Any]]]]]:
    """Of these rows, those this store does not hold, and the changes to those it holds
    (the columns whose values changed, with the rows that change them alike). A column
    set, even to the value it holds, rewrites its entry in every index over it (and a
    ticket's title or description its search entry): a pulled status change set every
    column of the ticket, 18 indexes, where it changes a few."""
    held: dict[Any, Any] = {}
    for chunk in chunks([row["id"] for row in rows]):
        held.update((row.id, row) for row in session.execute(select(target).where(target.c.id.in_(chunk))))
    fresh: list[dict[str, Any]] = []
    changes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        old = held.get(row["id"])
        if old is None:
            fresh.append(row)
            continue
        names = tuple(name for name, value in row.items() if getattr(old, name) != value)
        if names:
            changes.setdefault(names, []).append({"held_id": row["id"], **{f"to_{n}": row[n] for n in names}})
    return fresh, list(changes.items())


def drop_ticket(session: Session, ticket_id: uuid.UUID) -> None:
    """Remove a ticket this store may no longer hold, with everything hanging off it."""
    conn = session.connection()
    for kind in ("history", "comment", "attachment", "worklog", "conflict", "article_link", "rating"):
        children = table(kind)
        conn.execute(delete(children).where(children.c.ticket_id == ticket_id))
    links = table("link")
    conn.execute(delete(links).where(or_(links.c.ticket_id == ticket_id, links.c.other_id == ticket_id)))
    tickets = table("ticket")
    conn.execute(update(tickets).where(tickets.c.parent_id == ticket_id).values(parent_id=None))
    conn.execute(delete(tickets).where(tickets.c.id == ticket_id))
    ticket = session.identity_map.get(session.identity_key(Ticket, ticket_id))
    if ticket is not None:
        session.expunge(ticket)


def rebase(uow: UnitOfWork, ticket_ids: Iterable[uuid.UUID], answered_through: int = 0) -> None:
    """Run this store's pending commands again over the server's state just taken in,
    in their order, with the same service functions (Replicache's rebase): the view
    is then what the server will make of them if nothing else comes between. A
    command the rules now refuse leaves the server's state in view; the server's
    answer to it will say why."""
    ids = set(ticket_ids)
    if not ids:
        return
    session = uow.session
    pending = session.scalars(
        select(ChangeEntry).where(ChangeEntry.state == "pending").order_by(ChangeEntry.seq)
    ).all()
    for group in command_groups(pending):
        lead = group[0]
        if lead.seq <= answered_through:
            continue  # the server has it: what it made of it is in the state just taken in
        if not lead.command or "name" not in lead.command or lead.op == "create":
            continue  # a ticket this store made is the server's once it comes back from it
        if not ids & {_ticket_of(e) for e in group}:
            continue
        _undo(session, group)
        actor = uow.ref.users.get(lead.actor_id, SYSTEM_USER)
        at = merged_instant(session, group, lead.occurred_at)
        replay = UnitOfWork(session, uow.ref, ReplayOutbox(uow.device, group, at))
        try:
            with session.begin_nested():
                run(replay, actor, lead.command, at)
                replay.finish(refresh_sla=False)
        except BranchdeskError:
            pass
        uow.changes.merge(replay.changes)


def command_groups(entries: Iterable[ChangeEntry]) -> list[list[ChangeEntry]]:
    """Entries cut into the commands that made them, in order."""
    groups: list[list[ChangeEntry]] = []
    for entry in entries:
        part_of = (entry.command or {}).get("part_of")
        if part_of is not None and groups and str(groups[-1][0].id) == part_of:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def _ticket_of(entry: ChangeEntry) -> uuid.UUID | None:
    if entry.kind == "ticket":
        return entry.record_id
    value = entry.data.get("ticket_id")
    return uuid.UUID(str(value)) if value else None


def _undo(session: Session, group: list[ChangeEntry]) -> None:
    """Take a pending command's own traces out of the view before it runs again: its
    history events and the records it added (the ticket's fields are the server's already).
    Its events are those its entries' ids give, and those that carry its entries' stamps
    on its tickets: a run over another state may have changed fields the entries do not
    name (an assignment that now also clears the assignee), under the same stamp."""
    events = table("history")
    tickets = {t for t in (_ticket_of(e) for e in group) if t is not None}
    session.execute(delete(events).where(or_(
        events.c.id.in_([i for e in group for i in own_events(e)]),
        and_(events.c.ticket_id.in_(tickets), events.c.stamp.in_({e.hlc for e in group})))))
    for entry in group:
        if entry.op == "insert" and entry.kind in CHILD_KINDS:
            children = table(entry.kind)
            session.execute(delete(children).where(children.c.id == entry.record_id))
    session.expire_all()


def _take_in(uow: UnitOfWork, records: list[tuple[str, uuid.UUID, dict[str, Any] | None]],
             ) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """Write the records; returns the tickets they touched, and those of them that came
    with the figures the server computed (kept as they are, their clocks as rows too)."""
    session = uow.session
    session.flush()
    touched: set[uuid.UUID] = set()
    figured: dict[uuid.UUID, list[dict[str, Any]] | None] = {}
    grouped: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KIND_ORDER}
    for kind, record_id, data in records:
        if data is None:
            drop_ticket(session, record_id)
            figured.pop(record_id, None)
            uow.changes.kinds.add("ticket")
            continue
        row = dict_to_row(kind, data)
        if kind == "ticket" and (figures := figures_of(data)) is not None:
            row.update(figures)
            figured[record_id] = figures["sla_clocks"]
        grouped[kind].append(row)
        if kind != "article":  # an article hangs on no ticket
            touched.add(record_id if kind == "ticket" else row["ticket_id"])
    for kind in KIND_ORDER:
        upsert(session, kind, grouped[kind])
        if grouped[kind]:
            uow.changes.kinds.add(kind)
    store_clocks(session, figured)
    # Objects this session loaded before must be read afresh.
    for ticket_id in touched:
        ticket = session.identity_map.get(session.identity_key(Ticket, ticket_id))
        if ticket is not None:
            session.expire(ticket)
    return touched, set(figured)


def apply_pull(store: Store, page: PullResponse, *, offset: int | None = None,
               deferred: set[uuid.UUID] | None = None, refresh_all: bool = False, snapshot: bool = False) -> ChangeSet:
    """Take in one page, with its cursor, in one transaction.

    On the last page of a pull, a ticket that comes with the figures the server
    computed keeps them: this store then holds the history they were computed from.
    Only those of tickets this store's pending commands were replayed over (rebase),
    and of tickets touched without their record, are computed here.

    With `deferred` (a set the caller keeps across the pages of one pull), warnings
    and breaches of what a page touched wait for the last page: until then a ticket
    can stand here without the rest of its history, and crossings found in part of
    it would be wrong, and would travel to every replica. The figures themselves
    follow every page (they are what the history held here makes them, never ahead
    of it), except in a first pull from nothing, where the last page computes them
    all once. A pull cut short leaves a mark, so that the next one (`refresh_all`)
    computes every ticket's figures again."""
    with unit_of_work(store) as uow:
        if offset is not None:  # first: this work's instants (the figures' too) go by it
            set_meta(uow.session, "clock_offset", str(offset))
        touched, given = _take_in(uow, [(r.kind, r.id, r.data) for r in page.records])
        rebase(uow, touched, page.answered_through)
        if deferred is not None and page.more:
            deferred |= touched
            set_meta(uow.session, "sla_refresh_due", "1")
            changes = ChangeSet(tickets=set(touched), kinds=set(uow.changes.kinds))
            if snapshot:
                uow.changes.tickets.clear()
            else:
                uow.changes.tickets |= touched
                uow.record_events = False
        else:
            if page.more:
                given.clear()  # a page taken on its own with more to come: its history may lag
            given -= uow.changes.tickets  # those the rebase changed are computed again
            uow.changes.tickets |= touched | (deferred or set())
            if refresh_all:
                uow.changes.tickets |= set(uow.session.scalars(select(Ticket.id)))
            elif given:
                # the server's figures as of when it computed them, no earlier than the
                # ticket's last change: those whose next warning or breach may have come
                # since are computed now, recording it
                uow.figures_given(given - set(crossings_since_change(uow.session, uow.now(), given)))
            if deferred is not None or refresh_all:
                set_meta(uow.session, "sla_refresh_due", "0")
            changes = uow.changes
        if any(r.kind == "attachment" for r in page.records):
            # their content comes after the pull; the mark outlives a pull cut short
            set_meta(uow.session, "blob_downloads_due", "1")
        set_meta(uow.session, "sync_cursor", str(page.cursor))
        set_meta(uow.session, "last_pull_at", page.server_time.isoformat())
        return changes


def apply_results(store: Store, results: list[EntryResult], server_time: datetime) -> ChangeSet:
    """Record the server's answer to each pushed entry; undo what it refused."""
    with unit_of_work(store) as uow:
        session = uow.session
        restore: list[tuple[str, uuid.UUID, dict[str, Any] | None]] = []
        entries: dict[uuid.UUID, ChangeEntry] = {}
        for chunk in chunks([r.id for r in results]):  # one read, not a get (and a flush) per answer
            entries.update((e.id, e) for e in session.scalars(select(ChangeEntry).where(ChangeEntry.id.in_(chunk))))
        for result in results:
            entry = entries.get(result.id)
            if entry is None or entry.state != "pending":
                continue
            entry.state = result.outcome
            entry.answer = result.reason
            record = result.record
            if record is not None:
                restore.append((record["kind"], uuid.UUID(record["data"]["id"]), record["data"]))
            if result.outcome == "applied":
                continue
            # A refused change leaves no trace in the history: the server has none of it.
            # A merged one keeps the events the server made too (it names them: this
            # store may have pulled them already) and loses the others; the server's own
            # come with pull.
            held = set(result.events)
            events = table("history")
            session.execute(delete(events).where(events.c.id.in_([e for e in own_events(entry) if e not in held])))
            if result.outcome == "merged":
                continue
            kept = record is not None and record["kind"] == entry.kind
            if entry.kind == "article" and not kept:
                articles = table("article")
                session.execute(delete(articles).where(articles.c.id == entry.record_id))
                uow.changes.kinds.add("article")
            elif entry.kind == "ticket" and not kept:
                restore.append(("ticket", entry.record_id, None))
            elif entry.kind in CHILD_KINDS and not kept:
                children = table(entry.kind)
                session.execute(delete(children).where(children.c.id == entry.record_id))
                uow.changes.tickets.add(uuid.UUID(str(entry.data.get("ticket_id"))))
        touched, _ = _take_in(uow, _held_only(session, restore))
        rebase(uow, touched)
        uow.changes.tickets |= touched
        set_meta(session, "last_push_at", server_time.isoformat())
        return uow.changes


def _held_only(session: Session, records: list[tuple[str, uuid.UUID, dict[str, Any] | None]],
               ) -> list[tuple[str, uuid.UUID, dict[str, Any] | None]]:
    """Of the records an answer gives back, those of tickets this store holds. An answer
    shows a record as it stands when answered, past this store's cursor: a ticket a
    pull dropped (it had left this store's view) and that came back into it since is
    sent whole by a later pull, which also drops it if it leaves again; taken in from
    an answer, nothing would ever drop it."""
    def ticket_of(kind: str, record_id: uuid.UUID, data: dict[str, Any] | None) -> uuid.UUID | None:
        if data is None or kind == "article":  # a removal, or what is not a ticket's
            return None
        return record_id if kind == "ticket" else uuid.UUID(str(data["ticket_id"]))

    wanted = {t for t in (ticket_of(*record) for record in records) if t is not None}
    held: set[uuid.UUID] = set()
    ids = table("ticket").c.id
    for chunk in chunks(sorted(wanted)):
        held.update(session.scalars(select(ids).where(ids.in_(chunk))))
    return [record for record in records if (ticket := ticket_of(*record)) is None or ticket in held]


def take_new_client_id(store: Store) -> uuid.UUID:
    """After a restore from a backup: a new identity, and the pending entries renumbered
    under it, so the server never mistakes them for the ones it already has.

    The device code changes too: the backup's ticket counter is behind, so a ticket
    made since the restore may carry a number the lost store already gave and sent.
    Tickets not yet sent take their number again under the new code."""
    new = uuid.uuid4()
    old_code, code = store.device_code, new_device_code()
    with store.write() as session:
        pending = session.scalars(
            select(ChangeEntry).where(ChangeEntry.state == "pending").order_by(ChangeEntry.seq)
        ).all()
        for number, entry in enumerate(pending, start=1):
            entry.client_id = new
            entry.seq = number
            if entry.kind == "ticket" and entry.op == "create":
                _renumber(session, entry, old_code, code)
        store.set_meta(session, "client_id", str(new))
        store.set_meta(session, "device_code", code)
        set_meta(session, "change_seq", str(len(pending)))
    store.forget_meta()
    return new


def _renumber(session: Session, entry: ChangeEntry, old_code: str, code: str) -> None:
    site, device, counter = str(entry.data["number"]).rsplit("-", 2)
    if device != old_code:
        return
    number = f"{site}-{code}-{counter}"
    entry.data = {**entry.data, "number": number}
    if entry.command and "args" in entry.command:
        args = entry.command["args"]
        entry.command = {**entry.command, "args": {**args, "made": {**args["made"], "number": number}}}
    tickets, events = table("ticket"), table("history")
    session.execute(update(tickets).where(tickets.c.id == entry.record_id).values(number=number))
    session.execute(update(events).where(events.c.id == derived_id(entry.id, "created", "")).values(new=number))
