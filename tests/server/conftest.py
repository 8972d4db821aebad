"""Fixtures of the server tests. Every test that takes `database_url` runs on
SQLite, and on PostgreSQL too when BRANCHDESK_TEST_DATABASE_URL is set, each
in a database of its own (a fresh SQLite file, or a fresh PostgreSQL schema
through search_path), so tests see nothing of each other and run in any order.

Argon2 is made cheap for the suite: hashes carry their own parameters, so the
server verifies them exactly as in production, only faster."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from server_testkit import ORG, START, FakeClock
from sqlalchemy import text
from sqlalchemy.schema import sort_tables

from core.models import Base
from server.accounts import import_organisation
from server.app import create_app
from server.config import Settings
from server.db import Database
from server.migrate import VERSION_TABLE, head_revision, upgrade
from server.models import ServerBase
from server.setup import init_database, read_org
from sync.models import SyncBase
from tests.support.databases import PG_URL, cheap_hashing
from tests.support.databases import pg_schema as pg_schema_in


@pytest.fixture(autouse=True)
def cheap_argon2() -> Iterator[None]:
    """Only while each server test runs: the rest of the suite keeps the real cost."""
    with cheap_hashing():
        yield


@contextmanager
def _pg_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    with pg_schema_in(PG_URL, "bd_test") as url:
        yield url


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema: the URL that works in it."""
    with _pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database of this test's own with nothing in it (an SQLite file not yet made)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    return str(request.getfixturevalue("pg_schema"))


def _import_test_org(url: str) -> None:
    spec, source = read_org(str(ORG))
    with cheap_hashing():
        init_database(url, spec, source, START)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server database made once by `init`; each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "server.sqlite3"
    _import_test_org(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_session_schema() -> Iterator[str]:
    """One migrated schema for the session; each test empties it and imports afresh."""
    with _pg_schema() as url:
        database = Database(url, create=True)
        upgrade(database.engine)
        database.dispose()
        yield url


ALL_TABLES = sort_tables([*Base.metadata.tables.values(), *ServerBase.metadata.tables.values(),
                         *SyncBase.metadata.tables.values()])


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An initialised server database of this test's own: the test organisation
    imported into a fresh copy (SQLite) or a just-emptied schema (PostgreSQL)."""
    if request.param == "sqlite":
        path = tmp_path / "server.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = str(request.getfixturevalue("pg_session_schema"))
    database = Database(url)
    with database.write() as session:
        for table in reversed(ALL_TABLES):
            session.execute(table.delete())
        session.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = :head"), {"head": head_revision()})
    spec, source = read_org(str(ORG))
    with cheap_hashing(), database.write() as session:  # what `init` does, less the migration check
        import_organisation(session, spec, source, START)
    database.dispose()
    return url


@pytest.fixture
def initialised(database_url: str) -> str:
    return database_url


@pytest.fixture
def own_database_url(empty_database_url: str) -> str:
    """An initialised database no other test shares, for tests that change its schema."""
    _import_test_org(empty_database_url)
    return empty_database_url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def db(initialised: str) -> Iterator[Database]:
    database = Database(initialised)
    yield database
    database.dispose()


@pytest.fixture
def app(initialised: str, clock: FakeClock) -> Iterator[FastAPI]:
    database = Database(initialised)
    yield create_app(Settings(database_url=initialised), database=database, clock=clock)
    database.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


