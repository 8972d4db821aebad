"""The demo's bulk path (DESIGN §6b, lean storage): `generate` runs the lives of many
tickets in one unit of work, whose rows wait in its buffers and whose tickets it keeps
in hand, so that a large demo writes in few transactions. A store made that way holds
what a store made a ticket per unit of work holds, row for row: tickets and their
figures, history and notices, comments, work logs, ratings and clocks."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.demo import demo_agent, demo_site, generate
from core.orgfile import load_org
from core.store import Store
from desktop.cli.setup import init_store

DEMO_ORG = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)

# Random per store (uuid4 ids, change entries' ids and clock stamps) and so left out;
# a row's ticket is named by its number instead of its id.
RANDOM = {"id", "stamp", "versions", "entry_id", "lost_entry_id"}
TICKET_REFS = {"ticket_id", "parent_id", "other_id"}
# what the store keeps about itself, its change log and its search index (made from
# the rows compared), not the demo's data
SKIPPED = ("store_meta", "alembic_version", "change_log", "sqlite_sequence", "ticket_fts", "comment_fts",
           "article_fts")

Dump = Callable[..., dict[str, list[tuple[Any, ...]]]]


def contents(path: Path, dump_db: Dump) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        number = dict(conn.execute("SELECT id, number FROM tickets").fetchall())

    def row(columns: list[str], values: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(number.get(value, value) if name in TICKET_REFS else value
                     for name, value in zip(columns, values, strict=True) if name not in RANDOM)

    return {table: rows for table, rows in dump_db(path, row).items() if not table.startswith(SKIPPED)}


def test_a_demo_made_in_batches_holds_what_one_made_a_ticket_at_a_time_holds(tmp_path: Path, dump_db: Dump,
                                                                             ) -> None:
    spec = load_org(DEMO_ORG)
    first = tmp_path / "batched" / "branchdesk.sqlite3"
    store, _ = init_store(first, str(DEMO_ORG), demo_site(spec), demo_agent(spec))
    store.close()
    # the same store twice over (its device code is in every ticket's number)
    second = tmp_path / "one-by-one" / "branchdesk.sqlite3"
    second.parent.mkdir()
    shutil.copy(first, second)
    for path, batch in ((first, 250), (second, 1)):
        store = Store.open(path)
        try:
            generate(store, 80, seed=11, now=NOW, batch=batch)
        finally:
            store.close()
    batched, one_by_one = contents(first, dump_db), contents(second, dump_db)
    assert batched.keys() == one_by_one.keys()
    assert len(batched["tickets"]) == 80 and len(batched["history"]) > 80 * 6
    for table in batched:
        assert batched[table] == one_by_one[table], table


def test_the_comparison_sees_a_difference(tmp_path: Path, dump_db: Dump) -> None:
    """The same comparison on two different seeds finds them different (it compares
    something)."""
    spec = load_org(DEMO_ORG)
    paths = []
    for seed in (1, 2):
        path = tmp_path / str(seed) / "branchdesk.sqlite3"
        store, _ = init_store(path, str(DEMO_ORG), demo_site(spec), demo_agent(spec))
        try:
            generate(store, 10, seed=seed, now=NOW)
        finally:
            store.close()
        paths.append(path)
    assert contents(paths[0], dump_db)["history"] != contents(paths[1], dump_db)["history"]
