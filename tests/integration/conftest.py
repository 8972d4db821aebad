"""Integration fixtures: a ready store per test, copied from one made per session
(making a store hashes passwords and runs every migration, half a second each time),
and a small helper that runs service commands the way the command line does."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from core.uow import unit_of_work

SMALL_ORG = Path(__file__).resolve().parent.parent / "fixtures" / "small-org.toml"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store of the small organisation for PL-POZ-001, never used directly. It keeps
    a change log, as a store signed in to a server does (a standalone one keeps none)."""
    from desktop.cli.setup import init_store

    path = tmp_path_factory.mktemp("template") / "branchdesk.sqlite3"
    store, _ = init_store(path, str(SMALL_ORG), "PL-POZ-001")
    with store.write() as session:
        store.set_meta(session, "mode", "server")
    store.close()
    return path


def copy_store(template: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{target}{suffix}"))
    return target


@pytest.fixture
def fresh_store(template_store: Path, tmp_path: Path) -> Iterator[Any]:
    """A store on disk in tmp_path, as `init --org small-org.toml --site PL-POZ-001` leaves it."""
    from core.store import Store

    store = Store.open(copy_store(template_store, tmp_path / "store" / "branchdesk.sqlite3"))
    yield store
    store.close()


@pytest.fixture
def desk(fresh_store: Any) -> Desk:
    return Desk(fresh_store)


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """This file's helpers for test modules (conftest files are not importable by name)."""
    return SimpleNamespace(Desk=Desk, copy_store=copy_store, dump_db=dump_db)


Row = tuple[Any, ...]


@pytest.fixture(name="dump_db")
def dump_db_fixture() -> Callable[..., dict[str, list[Row]]]:
    return dump_db


def dump_db(path: Path, row: Callable[[list[str], Row], Row] | None = None) -> dict[str, list[Row]]:
    """Every row of every table (search index included), sorted, to compare before and after;
    `row` (given the table's column names and a row) makes what is compared of each."""
    with closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        result = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            result[name] = sorted((row(columns, r) for r in rows) if row else rows, key=repr)
        return result


class Desk:
    """Runs service commands on a store, each in its own unit of work, as people."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def user(self, username: str) -> Any:
        from core.reference import reference_for

        with self.store.read() as session:
            return reference_for(self.store, session).user(username)

    def run(self, fn: Callable[..., Any], who: str | None, *args: Any, **kwargs: Any) -> Any:
        """fn(uow, actor, *args, **kwargs) in one transaction; `who` None runs fn(uow, ...)."""
        with unit_of_work(self.store) as uow:
            if who is None:
                return fn(uow, *args, **kwargs)
            return fn(uow, uow.ref.user(who), *args, **kwargs)

    def new(self, who: str = "anna", at: datetime | None = None, **fields: Any) -> str:
        from core.services import tickets as service

        values: dict[str, Any] = {"title": "Receipt printer jammed", "category": "Hardware", "impact": "low",
                                  "urgency": "low"}
        values.update(fields)
        return str(self.run(service.create, who, service.NewTicket(**values), at=at).number)

    def assign(self, who: str, number: str, **kwargs: Any) -> Any:
        from core.services import tickets as service

        return self.run(service.assign, who, number, **kwargs)

    def move(self, who: str, number: str, status: str, **kwargs: Any) -> Any:
        from core.services import tickets as service

        return self.run(service.move, who, number, status, **kwargs)

    def edit(self, who: str, number: str, at: datetime | None = None, **kwargs: Any) -> Any:
        from core.services import tickets as service

        return self.run(service.edit, who, number, service.TicketEdit(**kwargs), at=at)

    def comment(self, who: str, number: str, text: str, **kwargs: Any) -> Any:
        from core.services import tickets as service

        return self.run(service.comment, who, number, text, **kwargs)

    def prepare(self, status: str, count: int = 1, at: datetime | None = None, **fields: Any) -> list[str]:
        """`count` tickets requested by anna, brought to `status` in one transaction (one commit
        costs a few milliseconds of fsync on a real disk; tests make many)."""
        from core.services import tickets as service

        values: dict[str, Any] = {"title": "Receipt printer jammed", "category": "Hardware", "impact": "low",
                                  "urgency": "low"}
        values.update(fields)
        numbers = []
        with unit_of_work(self.store) as uow:
            ref = uow.ref
            anna, ada, tom = ref.user("anna"), ref.user("ada"), ref.user("tom")
            for _ in range(count):
                number = service.create(uow, anna, service.NewTicket(**values), at=at).number
                numbers.append(number)
                if status == "cancelled":
                    service.move(uow, anna, number, "cancelled", at=at)
                    continue
                if status == "new":
                    continue
                service.assign(uow, ada, number, to="tom", at=at)
                if status == "assigned":
                    continue
                service.move(uow, tom, number, "in_progress", at=at)
                if status == "pending":
                    service.move(uow, tom, number, "pending", reason="customer", at=at)
                elif status in ("resolved", "closed"):
                    service.move(uow, tom, number, "resolved", code="fixed", note="Replaced the roller.", at=at)
                    if status == "closed":
                        service.move(uow, anna, number, "closed", at=at)
        return numbers

    def to_status(self, number: str, status: str, at: datetime | None = None) -> None:
        """Bring a new ticket requested by anna to `status` the usual way (tom works it)."""
        if status == "new":
            return
        if status == "cancelled":
            self.move("anna", number, "cancelled", at=at)
            return
        self.assign("ada", number, to="tom", at=at)
        if status == "assigned":
            return
        self.move("tom", number, "in_progress", at=at)
        if status == "in_progress":
            return
        if status == "pending":
            self.move("tom", number, "pending", reason="customer", at=at)
            return
        self.move("tom", number, "resolved", code="fixed", note="Replaced the roller.", at=at)
        if status == "closed":
            self.move("anna", number, "closed", at=at)

    def ticket(self, number: str) -> Any:
        from core.models import Ticket

        with self.store.read() as session:
            return session.scalar(select(Ticket).where(Ticket.number == number))

    def history(self, number: str) -> list[Any]:
        """The ticket's history events, a change's `field` event as one per field it set
        (core.field_events), its notices on the first."""
        from core.field_events import changes
        from core.models import HistoryEvent

        ticket = self.ticket(number)
        with self.store.read() as session:
            events = list(session.scalars(
                select(HistoryEvent).where(HistoryEvent.ticket_id == ticket.id).order_by(HistoryEvent.occurred_at, HistoryEvent.stamp)
            ))
        found: list[Any] = []
        for event in events:
            if event.kind != "field":
                found.append(event)
                continue
            columns = {c.key: getattr(event, c.key) for c in HistoryEvent.__table__.columns}
            found += [SimpleNamespace(**{**columns, "field": name, "old": old, "new": new,
                                         "notices": event.notices if n == 0 else None})
                      for n, (name, old, new) in enumerate(changes(event.field, event.old, event.new))]
        return found

    def entries(self, after_seq: int = 0) -> list[Any]:
        from core.models import ChangeEntry

        with self.store.read() as session:
            return list(session.scalars(
                select(ChangeEntry).where(ChangeEntry.seq > after_seq).order_by(ChangeEntry.seq)
            ))

    def last_seq(self) -> int:
        from core.models import ChangeEntry

        with self.store.read() as session:
            return int(session.scalar(select(func.max(ChangeEntry.seq))) or 0)

    def count(self, model: Any) -> int:
        with self.store.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def meta(self, key: str) -> str | None:
        from core.store import get_meta

        with self.store.read() as session:
            return get_meta(session, key)

    def user_id(self, username: str) -> uuid.UUID:
        return self.user(username).id
