"""The server's own migrations: they build exactly the models, on SQLite and on
PostgreSQL, and the server's tables stay out of core's metadata."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import inspect, text

from core.ids import new_id, reference_id
from core.models import Base
from server.db import Database
from server.migrate import VERSION_TABLE, current_revision, head_revision, pending_differences, upgrade
from server.models import AuthSession, ServerBase
from sync.models import SyncBase


def test_autogenerate_finds_nothing_after_the_migrations(empty_database_url):
    database = Database(empty_database_url, create=True)
    try:
        upgrade(database.engine)
        assert current_revision(database.engine) == head_revision()
        assert pending_differences(database.engine) == []
    finally:
        database.dispose()


def test_the_server_tables_are_the_servers_own(empty_database_url):
    server_tables = set(ServerBase.metadata.tables)
    assert server_tables == {"accounts", "auth_sessions", "devices", "blobs", "blob_uploads", "notifications",
                             "worker_marks", "blob_parts", "login_throttle", "server_epoch", "store_images"}
    assert not server_tables & set(Base.metadata.tables)
    database = Database(empty_database_url, create=True)
    try:
        upgrade(database.engine)
        names = set(inspect(database.engine).get_table_names())
        sync_tables = set(SyncBase.metadata.tables)
        assert names == set(Base.metadata.tables) | server_tables | sync_tables | {VERSION_TABLE}
        assert "alembic_version" not in names  # core's stores keep theirs; the server has its own
    finally:
        database.dispose()


def test_instants_round_trip_as_utc(database_url):
    """core's Instant keeps naive UTC (timestamp without time zone on PostgreSQL)."""
    database = Database(database_url)
    try:
        if database.dialect == "postgresql":
            with database.read() as session:
                kinds = set(session.execute(text(
                    "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND column_name IN ('expires_at', 'created_at', 'occurred_at')"
                )).scalars())
            assert kinds == {"timestamp without time zone"}
        at = datetime(2026, 7, 1, 23, 30, 15, tzinfo=timezone(timedelta(hours=2)))
        row_id = new_id()
        with database.write() as session:
            session.add(AuthSession(id=row_id, token_hash="x" * 64, user_id=reference_id("user", "anna"),
                                    device_id=None, created_at=at, expires_at=at, revoked_at=None))
        with database.read() as session:
            stored = session.get_one(AuthSession, row_id)
        assert stored.created_at == at and stored.created_at.tzinfo == UTC
        assert stored.created_at.hour == 21
    finally:
        database.dispose()


def test_instants_are_kept_to_the_second_on_sqlite_and_read_back_the_same(own_database_url):
    """Server 0016: a SQLite database keeps each instant as 'YYYY-MM-DD HH:MM:SS', not
    with six digits of microseconds (the store's 0013 is the same step); taken back
    down, the digits return; the models read the same instants either way, and an
    instant bound in a query finds the rows either way it is kept."""
    from alembic import command
    from sqlalchemy import select

    from server.migrate import alembic_config
    from server.models import Account

    def lengths(database: Database) -> set[int]:
        with database.read() as session:
            if database.dialect != "sqlite":
                return set()
            return set(session.execute(text(
                "SELECT length(created_at) FROM accounts")).scalars())

    def joined(database: Database) -> list[tuple[object, ...]]:
        with database.read() as session:
            return sorted(tuple(row) for row in session.execute(
                select(Account.user_id, Account.created_at).order_by(Account.user_id)))

    database = Database(own_database_url)
    try:
        sqlite = database.dialect == "sqlite"
        before = joined(database)
        assert before and lengths(database) == ({19} if sqlite else set())
        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0015")
        assert lengths(database) == ({26} if sqlite else set())
        upgrade(database.engine)
        assert lengths(database) == ({19} if sqlite else set())
        assert joined(database) == before
        first = before[0][1]
        with database.read() as session:
            assert session.scalar(select(Account.user_id).where(Account.created_at == first)) is not None
    finally:
        database.dispose()


def test_ids_are_kept_as_bytes_on_sqlite_and_read_back_the_same(own_database_url):
    """Server 0015: a SQLite database keeps each id's 16 bytes, not its 32 hex digits
    (the store's 0012 is the same step); taken back down, the digits return; the
    models read the same ids either way. PostgreSQL keeps its native uuid throughout."""
    from alembic import command
    from sqlalchemy import select

    from core.models import Site, User
    from server.migrate import alembic_config

    def kinds(database: Database) -> set[str]:
        with database.read() as session:
            if database.dialect != "sqlite":
                return set()
            return set(session.execute(text(
                "SELECT typeof(id) FROM users UNION SELECT typeof(site_id) FROM users WHERE site_id IS NOT NULL "
                "UNION SELECT typeof(user_id) FROM user_sites UNION SELECT typeof(id) FROM sites")).scalars())

    def people(database: Database) -> list[tuple[object, ...]]:
        with database.read() as session:
            return sorted(tuple(row) for row in session.execute(
                select(User.id, User.username, Site.id, Site.code).join(Site, Site.id == User.site_id)))

    database = Database(own_database_url)
    try:
        sqlite = database.dialect == "sqlite"
        before = people(database)
        assert before and kinds(database) == ({"blob"} if sqlite else set())
        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0014")
        assert kinds(database) == ({"text"} if sqlite else set())
        with database.read() as session:
            hex_digits = session.scalar(text("SELECT id FROM users WHERE username = 'anna'"))
        assert sqlite is False or hex_digits == reference_id("user", "anna").hex
        upgrade(database.engine)
        assert kinds(database) == ({"blob"} if sqlite else set())
        assert people(database) == before
    finally:
        database.dispose()
