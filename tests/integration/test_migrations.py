"""Schema migrations of the local store (core.migrate, core/migrations): a store made at
any earlier revision opens, is copied aside and upgraded with its data intact (DESIGN §5:
"tested from every earlier schema"); the models and the migrations describe the same
schema; a store from a newer Branchdesk is refused and left alone."""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import closing
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Boolean, Connection, DateTime, Integer, MetaData, Table, create_engine, func, select

from core.errors import StoreError
from core.ids import SYSTEM_USER_ID, reference_id
from core.migrate import alembic_config, current_revision, head_revision, upgrade_to
from core.models import REPLICATED_FIELDS, Base, ChangeEntry, Comment, HistoryEvent, Ticket
from core.orgfile import load_org
from core.queries import search
from core.reference import reference_for
from core.services import tickets as service
from core.store import APPLICATION_ID, Store
from core.ticket_detail import read_ticket
from core.uow import unit_of_work

SMALL_ORG = Path(__file__).resolve().parent.parent / "fixtures" / "small-org.toml"
# base first
REVISIONS = [r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]
OLDER = [r for r in REVISIONS if r != REVISIONS[-1]] or REVISIONS[:1]
WHEN = datetime(2026, 3, 2, 9, 30)  # naive UTC, as the store keeps instants
TICKET_ID = uuid.UUID("11111111-2222-4333-8444-555555555555")
ENTRY_ID = uuid.UUID("66666666-7777-4888-8999-aaaaaaaaaaaa")
CLIENT_ID = uuid.UUID("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff")
NUMBER = "PL-POZ-001-OLD01-00001"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # as core/migrations/env.py: the FTS5 tables are made by hand in the migrations
    return not (type_ == "table" and name is not None and "_fts" in name)


def schema_differences(engine: Any) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        return compare_metadata(context, Base.metadata)


def _filler(column: Any) -> Any:
    if isinstance(column.type, Boolean):
        return False
    if isinstance(column.type, Integer):
        return 0
    if isinstance(column.type, DateTime):
        return WHEN
    if "JSON" in str(column.type).upper():
        return {}
    return ""


def insert(conn: Connection, table: str, **values: Any) -> None:
    """A row in the table as it is at this revision: given values, and a plain value for
    any other column that must have one (a later revision may well have added columns)."""
    reflected = Table(table, MetaData(), autoload_with=conn)
    unknown = set(values) - {c.name for c in reflected.columns}
    assert not unknown, f"{table} has no {unknown} at this revision"
    # ids as SQLAlchemy's Uuid type kept them in SQLite: 32 hex digits, 16 bytes since 0012
    as_bytes = str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()) >= "0012"
    row = {}
    for column in reflected.columns:
        if column.name not in values and column.server_default is not None:
            continue  # the revision's own default (an explicit null would break a NOT NULL one)
        value = values.get(column.name)
        if isinstance(value, uuid.UUID):
            value = value.bytes if as_bytes else value.hex
        if column.name not in values and not column.nullable and column.server_default is None:
            value = _filler(column)
        row[column.name] = value
    conn.execute(reflected.insert().values(**row))


def fill_old_store(conn: Connection, mode: str = "server") -> None:
    """Reference data, a worked ticket with a comment, its history and change entries, and the
    store's own settings, written with nothing but the schema of the old revision."""
    spec = load_org(SMALL_ORG)
    insert(conn, "organisation", id=1, name=spec.name, auto_close_days=spec.auto_close_days, version=1,
           source=SMALL_ORG.read_text(encoding="utf-8"))
    for cal in spec.calendars.values():
        from core.orgimport import _jsonable

        insert(conn, "calendars", id=reference_id("calendar", cal.name), name=cal.name, timezone=cal.timezone,
               always_open=cal.always_open, definition=_jsonable(asdict(cal)))
    for site in spec.sites:
        insert(conn, "sites", id=reference_id("site", site.code), code=site.code, name=site.name,
               calendar=site.calendar, critical=site.critical)
    for team in spec.teams:
        insert(conn, "teams", id=reference_id("team", team.code), code=team.code, name=team.name, tier=team.tier,
               escalates_to_id=reference_id("team", team.escalates_to) if team.escalates_to else None,
               calendar=team.calendar)
    for supplier in spec.suppliers:
        insert(conn, "suppliers", id=reference_id("supplier", supplier.code), code=supplier.code,
               name=supplier.name, calendar=supplier.calendar, response_s=supplier.response,
               resolution_s=supplier.resolution)
    for cat in spec.categories:
        insert(conn, "categories", id=reference_id("category", cat.path), path=cat.path,
               name=cat.path.rsplit("/", 1)[-1], team_id=reference_id("team", cat.team) if cat.team else None,
               security=cat.security, description=cat.description,
               fields=[{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(f).items()} for f in cat.fields])
    insert(conn, "users", id=SYSTEM_USER_ID, username="system", name="Branchdesk", role="system", active=True)
    for user in spec.users:
        uid = reference_id("user", user.username)
        insert(conn, "users", id=uid, username=user.username, name=user.name, role=user.role, vip=user.vip,
               site_id=reference_id("site", user.site) if user.site else None, active=True)
        for team in user.teams:
            insert(conn, "user_teams", user_id=uid, team_id=reference_id("team", team))

    anna, tom = reference_id("user", "anna"), reference_id("user", "tom")
    insert(conn, "tickets", id=TICKET_ID, number=NUMBER, type="incident", title="Forecourt canopy light flickers",
           description="Since the storm on Sunday", status="in_progress", major_incident=False, channel="phone",
           requester_id=anna, site_id=reference_id("site", "PL-POZ-001"),
           category_id=reference_id("category", "Hardware"), impact="low", urgency="low", priority="P5",
           team_id=reference_id("team", "FIELD"), assignee_id=tom, tier=2, fields={}, created_at=WHEN,
           created_by_id=anna, updated_at=WHEN, first_response_at=WHEN,
           versions={f: str(ENTRY_ID) for f in REPLICATED_FIELDS})
    insert(conn, "comments", id=uuid.uuid4(), ticket_id=TICKET_ID, author_id=tom,
           body="Ordered a replacement ballast", public=True, created_at=WHEN, device="OLD01")
    insert(conn, "history", id=uuid.uuid4(), ticket_id=TICKET_ID, actor_id=anna, device="OLD01", occurred_at=WHEN,
           kind="created", new=NUMBER)
    insert(conn, "change_log", id=ENTRY_ID, client_id=CLIENT_ID, seq=1, kind="ticket", record_id=TICKET_ID,
           op="create", data={"number": NUMBER}, base={}, actor_id=anna, occurred_at=WHEN,
           hlc="1772443800000-00000-bbbbbbbb", state="pending")
    for key, value in {"client_id": str(CLIENT_ID), "device_code": "OLD01", "home_site": "PL-POZ-001",
                       "mode": mode, "ticket_number": "1", "change_seq": "1",
                       "hlc": "1772443800000-00000-bbbbbbbb"}.items():
        insert(conn, "store_meta", key=key, value=value)


@pytest.mark.parametrize("revision", [r for r in OLDER if r < "0006"])
def test_a_standalone_store_upgraded_drops_the_change_log_it_would_never_send(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "branchdesk.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, revision)
    with engine.begin() as conn:
        fill_old_store(conn, mode="standalone")
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    engine.dispose()
    store = Store.open(path)
    try:
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(ChangeEntry)) == 0
            assert session.get(Ticket, TICKET_ID) is not None
        with unit_of_work(store) as uow:
            service.comment(uow, uow.ref.user("tom"), NUMBER, "Ballast fitted")
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(ChangeEntry)) == 0
            assert len(session.scalars(select(Comment)).all()) == 2
    finally:
        store.close()


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.before-*.bak"))


@pytest.mark.parametrize("revision", OLDER)
def test_a_store_from_an_earlier_revision_opens_upgraded_with_its_data(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "branchdesk.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, revision)
    with engine.begin() as conn:
        fill_old_store(conn)
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")  # as Store.open marks every store
        if int(revision) < 13:  # instants as stores before 0013 kept them: with six digits of microseconds
            for table, column in (("tickets", "created_at"), ("history", "occurred_at"), ("comments", "created_at")):
                conn.exec_driver_sql(f"UPDATE {table} SET {column} = {column} || '.000000'")
    assert current_revision(engine) == revision
    engine.dispose()

    store = Store.open(path)
    try:
        head = head_revision()
        assert current_revision(store.engine) == head
        assert schema_differences(store.engine) == []
        copies = backups(path)
        if revision == head:
            assert copies == []
        else:
            # a copy of the store as it was, beside it, before anything changed
            assert len(copies) == 1 and f"before-{head}" in copies[0].name
            with closing(sqlite3.connect(copies[0])) as old:
                assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
                assert old.execute("SELECT number FROM tickets").fetchall() == [(NUMBER,)]

        assert (store.client_id, store.device_code) == (CLIENT_ID, "OLD01")
        with closing(sqlite3.connect(path)) as upgraded:  # store 0012: every id as its 16 bytes
            tables = [t for (t,) in upgraded.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            kinds = {kind for table in tables for _n, column, declared, *_ in
                     upgraded.execute(f'PRAGMA table_info("{table}")') if declared == "CHAR(32)"
                     for (kind,) in upgraded.execute(f'SELECT DISTINCT typeof("{column}") FROM "{table}" '
                                                     f'WHERE "{column}" IS NOT NULL')}
            assert kinds == {"blob"}
            # store 0013: every instant to the second
            lengths = {length for table in tables for _n, column, declared, *_ in
                       upgraded.execute(f'PRAGMA table_info("{table}")') if declared == "DATETIME"
                       for (length,) in upgraded.execute(f'SELECT DISTINCT length("{column}") FROM "{table}" '
                                                         f'WHERE "{column}" IS NOT NULL')}
            assert lengths == {19}
        with store.read() as session:
            ticket = session.get(Ticket, TICKET_ID)
            assert ticket is not None
            assert (ticket.number, ticket.title, ticket.status, ticket.created_at) == (
                NUMBER, "Forecourt canopy light flickers", "in_progress", WHEN.replace(tzinfo=UTC))
            assert session.scalar(select(Comment.body)) == "Ordered a replacement ballast"
            assert session.scalar(select(HistoryEvent.new)) == NUMBER
            assert session.get(ChangeEntry, ENTRY_ID) is not None
            ref = reference_for(store, session)
            ada = ref.user("ada")
            # the search index still points at the right rows
            assert [h["number"] for h in search(session, ref, ada, "canopy")] == [NUMBER]
            assert [h["number"] for h in search(session, ref, ada, "ballast")] == [NUMBER]
            assert read_ticket(session, ref, ada, NUMBER).status == "in_progress"

        # and the upgraded store works: the old ticket moves on, new ones follow its numbers
        with unit_of_work(store) as uow:
            tom = uow.ref.user("tom")
            service.comment(uow, tom, NUMBER, "Ballast fitted")
            service.move(uow, tom, NUMBER, "resolved", code="replaced", note="New ballast fitted")
            cmd = service.NewTicket(title="Car wash stuck", category="Hardware", impact="low", urgency="low")
            assert service.create(uow, uow.ref.user("anna"), cmd).number == "PL-POZ-001-OLD01-00002"
        with store.read() as session:
            assert session.get(Ticket, TICKET_ID).status == "resolved"  # type: ignore[union-attr]
            assert session.get(ChangeEntry, ENTRY_ID).seq == 1  # type: ignore[union-attr]
    finally:
        store.close()
    # opening again: already at head, so no second copy
    Store.open(path).close()
    assert len(backups(path)) == (0 if revision == head_revision() else 1)


def test_the_models_and_the_migrations_describe_one_schema(fresh_store: Store) -> None:
    assert current_revision(fresh_store.engine) == head_revision()
    assert schema_differences(fresh_store.engine) == []


def _stamp(path: Path, revision: str | None) -> None:
    with closing(sqlite3.connect(path)) as conn:
        if revision is None:
            conn.execute("DROP TABLE alembic_version")
        else:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()


@pytest.mark.parametrize(("revision", "message"), [
    ("9999_from_the_future", r"written by a newer Branchdesk \(schema 9999_from_the_future\); update Branchdesk"),
    (None, "holds tables but no Branchdesk schema version"),
])
def test_a_store_of_unknown_schema_is_refused_and_left_alone(
    template_store: Path, tmp_path: Path, kit: Any, revision: str | None, message: str
) -> None:
    path = kit.copy_store(template_store, tmp_path / "branchdesk.sqlite3")
    _stamp(path, revision)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        Store.open(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["branchdesk.sqlite3"]


PENDING_ID = uuid.UUID("77777777-8888-4999-8aaa-bbbbbbbbbbbb")
PUSHED_ID = uuid.UUID("88888888-9999-4aaa-8bbb-cccccccccccc")
TOLD = [["status", ["AAAAAAAAAAAAAAAAAAAAAA"], "the ticket waits on the customer"]]


def _history_by_id(path: Path) -> dict[uuid.UUID, tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        # (notices as JSON: null as the old revision's insert writes it, or NULL)
        return {uuid.UUID(bytes=row[0]): (*row[1:4], json.loads(row[4]) if row[4] else None) for row in conn.execute(
            "SELECT id, field, old, new, notices FROM history WHERE kind = 'field'")}


def test_store_0014_folds_the_field_events_of_changes_waiting_to_be_pushed(tmp_path: Path) -> None:
    """A change waiting to be pushed has its events as one (the one the server will
    write under the same id); the events of changes pushed before stay as they were,
    and read the same; going down to 0013 gives the pending change an event per field
    again."""
    from alembic import command

    from core.ids import derived_id

    path = tmp_path / "branchdesk.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0013")
    tom = reference_id("user", "tom")
    with engine.begin() as conn:
        fill_old_store(conn)
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        for entry_id, state, at in ((PUSHED_ID, "applied", WHEN), (PENDING_ID, "pending", datetime(2026, 3, 2, 10))):
            data = {"status": "pending", "pending_reason": "customer"} if state == "pending" else {"priority": "P4"}
            insert(conn, "change_log", id=entry_id, client_id=CLIENT_ID, seq=2 if state == "applied" else 3,
                   kind="ticket", record_id=TICKET_ID, op="update", data=data, base={}, actor_id=tom,
                   occurred_at=at, hlc=f"{int(at.replace(tzinfo=UTC).timestamp() * 1000)}-00000-bbbbbbbb",
                   state=state)
            olds = {"status": "in_progress", "pending_reason": None, "priority": "P5"}
            for n, (name, value) in enumerate(data.items()):
                insert(conn, "history", id=derived_id(entry_id, "field", name), ticket_id=TICKET_ID, actor_id=tom,
                       device="OLD01", occurred_at=at, stamp=f"stamp-{state}", kind="field", field=name,
                       old=olds[name], new=value, note="waiting for the customer" if state == "pending" else None,
                       notices=TOLD if n == 0 and state == "pending" else None)
    engine.dispose()
    before = _history_by_id(path)

    store = Store.open(path)
    try:
        with store.read() as session:
            ref = reference_for(store, session)
            shown = [(h.field, h.old, h.new, h.note)
                     for h in read_ticket(session, ref, ref.user("ada"), NUMBER).history if h.kind == "field"]
    finally:
        store.close()
    after = _history_by_id(path)
    folded = derived_id(PENDING_ID, "field", "")
    assert set(after) == {derived_id(PUSHED_ID, "field", "priority"), folded}
    assert after[derived_id(PUSHED_ID, "field", "priority")] == before[derived_id(PUSHED_ID, "field", "priority")]
    field, old, new, notices = after[folded]
    assert field is None and json.loads(old) == {"status": "in_progress", "pending_reason": None}
    assert json.loads(new) == {"status": "pending", "pending_reason": "customer"}
    assert notices == TOLD
    assert shown == [("priority", "P5", "P4", None),
                     ("status", "in_progress", "pending", "waiting for the customer"),
                     ("pending_reason", None, "customer", "waiting for the customer")]

    config = alembic_config()
    with create_engine(f"sqlite:///{path}").begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0013")
    assert _history_by_id(path) == before
