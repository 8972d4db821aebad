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
                             "worker_marks", "blob_parts", "login_throttle", "server_epoch"}
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
