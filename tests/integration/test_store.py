"""The local store file (core.store): how it is opened, what it refuses, and ticket
numbers that stay unique across stores made from one organisation (DESIGN §3 Numbers, §5)."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from core.errors import StoreError
from core.models import Ticket
from core.services import tickets as service
from core.store import _CROCKFORD, APPLICATION_ID, Store, new_device_code
from core.uow import unit_of_work


def make_tickets(store: Store, count: int, who: str = "anna") -> list[str]:
    numbers = []
    with unit_of_work(store) as uow:
        actor = uow.ref.user(who)
        for i in range(count):
            cmd = service.NewTicket(title=f"Till {i} frozen", category="Access/Password reset", impact="low",
                                    urgency="low")
            numbers.append(service.create(uow, actor, cmd).number)
    return numbers


def test_numbers_are_unique_across_two_stores_of_one_organisation(store_factory: Any) -> None:
    first, second = store_factory("branch-a"), store_factory("branch-b")
    assert first.device_code != second.device_code
    assert first.client_id != second.client_id
    made = {store.device_code: make_tickets(store, 60) + make_tickets(store, 60, who="vip")
            for store in (first, second)}
    everything = [n for numbers in made.values() for n in numbers]
    assert len(set(everything)) == len(everything) == 240
    for device, numbers in made.items():
        assert numbers == [f"PL-POZ-001-{device}-{i:05d}" for i in range(1, 121)]
    # numbers survive reopening and the sequence goes on where it stopped
    path = first.path
    first.close()
    again = Store.open(path)
    try:
        assert make_tickets(again, 1) == [f"PL-POZ-001-{again.device_code}-00121"]
    finally:
        again.close()


def test_a_number_names_the_tickets_site(fresh_store: Store) -> None:
    store = fresh_store
    with unit_of_work(store) as uow:
        cmd = service.NewTicket(title="Router down", category="Network/Router", impact="high", urgency="high",
                                requester="ola")
        number = service.create(uow, uow.ref.user("ada"), cmd).number
    assert re.fullmatch(rf"PL-WAW-002-{store.device_code}-00001", number)


def test_device_codes() -> None:
    codes = {new_device_code() for _ in range(2000)}
    assert len(codes) > 1990
    assert all(len(c) == 5 and set(c) <= set(_CROCKFORD) for c in codes)
    assert not set("ILOU") & set(_CROCKFORD)


def test_store_pragmas_keep_committed_work(fresh_store: Store) -> None:
    with fresh_store.write() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with closing(sqlite3.connect(fresh_store.path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_large_transaction_leaves_no_large_write_ahead_log(monkeypatch: pytest.MonkeyPatch,
                                                               store_factory: Any) -> None:
    """The log one large transaction grew (a snapshot, a demo batch) is cut back to
    WAL_KEPT_BYTES once checkpointed, rather than keeping its size on disk."""
    import core.store

    monkeypatch.setattr(core.store, "WAL_KEPT_BYTES", 256 * 1024)
    store = store_factory("branch-wal")
    wal = Path(f"{store.path}-wal")
    make_tickets(store, 400)  # one transaction of some megabytes
    grown = wal.stat().st_size
    with closing(sqlite3.connect(store.path)) as conn:  # (a log past 1,000 pages is checkpointed as it commits)
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    make_tickets(store, 1)  # the next write starts the log again, cut back to the limit
    assert grown > 1024 * 1024
    assert wal.stat().st_size <= 256 * 1024


def test_committed_tickets_survive_closing_and_reopening(fresh_store: Store) -> None:
    numbers = make_tickets(fresh_store, 3)
    path = fresh_store.path
    fresh_store.close()
    again = Store.open(path)
    try:
        with again.read() as session:
            assert sorted(session.scalars(select(Ticket.number))) == numbers
    finally:
        again.close()


def test_opening_no_store_without_create_makes_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no Branchdesk store at .*branchdesk init"):
        Store.open(tmp_path / "nowhere" / "branchdesk.sqlite3")
    assert list(tmp_path.iterdir()) == []


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
        conn.commit()


def _foreign_empty(path: Path) -> None:
    # another program's database, marked as its own, with no tables yet
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA application_id = 1234")
        conn.commit()


def _text(path: Path) -> None:
    path.write_text("[organisation]\nname = 'not a store'\n", encoding="utf-8")


def _truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 3])


def _garbled(path: Path, good: bytes) -> None:
    path.write_bytes(good[:100] + bytes(range(256)) * ((len(good) - 100) // 256))


def _garbled_first_page(path: Path, good: bytes) -> None:
    path.write_bytes(good[:16] + b"\xff" * 4080 + good[4096:])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(("make", "message"), [
    (_foreign, "an SQLite database of another program, not a Branchdesk store"),
    (_foreign_empty, "an SQLite database of another program, not a Branchdesk store"),
    (_text, "is not a Branchdesk store \\(not an SQLite database\\)"),
    (_truncated, "is damaged and cannot be opened"),
    (_garbled, "is damaged and cannot be opened"),
    (_garbled_first_page, "is damaged and cannot be opened"),
    (_empty, "no Branchdesk store at"),
])
def test_files_that_are_not_stores_are_refused_and_left_as_they_were(
    tmp_path: Path, template_store: Path, make: Any, message: str
) -> None:
    path = tmp_path / "data" / "branchdesk.sqlite3"
    path.parent.mkdir()
    if make.__code__.co_argcount == 2:
        make(path, template_store.read_bytes())
    else:
        make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        Store.open(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["branchdesk.sqlite3"]  # no -wal, -shm or backup left


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "branchdesk.sqlite3"
    folder.mkdir()
    for create in (False, True):
        with pytest.raises(StoreError, match="is a folder, not a Branchdesk store"):
            Store.open(folder, create=create)
    assert list(folder.iterdir()) == []


def test_an_empty_file_may_become_a_new_store_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "branchdesk.sqlite3"
    path.write_bytes(b"")
    store = Store.open(path, create=True)
    try:
        assert len(store.device_code) == 5
    finally:
        store.close()
