"""Fixtures of the sync tests. Every test that takes `server_url` runs on SQLite, and
on PostgreSQL too when BRANCHDESK_TEST_DATABASE_URL is set, each in a database of
its own (a copy of an initialised SQLite file, or a just-emptied PostgreSQL schema
reached through search_path), so tests see nothing of each other."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from synckit import (
    PG_URL,
    Cluster,
    ServerProcess,
    ShiftedClock,
    cheap_hashing,
    cli,  # noqa: F401  (a fixture)
    init_database,
    keyring_file,  # noqa: F401  (a fixture)
    org_text,
    pg_schema,
    reset_database,
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The PostgreSQL variant of a long end-to-end run joins the slow runs: the
    default run covers PostgreSQL with every other sync test."""
    for item in items:
        params = getattr(item, "callspec", None)
        if item.get_closest_marker("slow_on_postgresql") and params and params.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def cheap_argon2() -> Iterator[None]:
    with cheap_hashing():
        yield


@pytest.fixture(scope="session")
def org_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """small-org.toml with a password for everyone."""
    path = tmp_path_factory.mktemp("org") / "org.toml"
    path.write_text(org_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, org_file: Path) -> Path:
    path = tmp_path_factory.mktemp("server-template") / "server.sqlite3"
    init_database(f"sqlite:///{path}", org_file)
    return path


@pytest.fixture(scope="session")
def pg_session_url(org_file: Path) -> Iterator[str]:
    """One migrated PostgreSQL schema for the session; each test empties it again."""
    if not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    with pg_schema(PG_URL, "bd_sync") as url:
        init_database(url, org_file)
        yield url


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the first replica made leaves a signed-in store with the reference data,
    for later replicas to copy (a store is made and filled once per session)."""
    return tmp_path_factory.mktemp("store-template") / "branchdesk.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    return str(request.param)


@pytest.fixture
def fresh_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path, org_file: Path) -> Callable[[], str]:
    """Makes an initialised server database, anew at each call (SQLite: a new copy of
    the template; PostgreSQL: the session's schema emptied and imported again)."""
    numbers = itertools.count()

    def make() -> str:
        if backend == "sqlite":
            path = tmp_path / f"server-{next(numbers)}.sqlite3"
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
            return f"sqlite:///{path}"
        url = str(request.getfixturevalue("pg_session_url"))
        reset_database(url, org_file)
        return url

    return make


@pytest.fixture
def server_url(fresh_url: Callable[[], str]) -> str:
    return fresh_url()


@pytest.fixture
def clock() -> ShiftedClock:
    return ShiftedClock()


@pytest.fixture
def cluster(server_url: str, tmp_path: Path, clock: ShiftedClock, store_template: Path) -> Iterator[Cluster]:
    made = Cluster(server_url, tmp_path / "replicas", clock, template=store_template)
    yield made
    made.close()


@pytest.fixture
def servers(server_url: str, tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    """Starts `branchdesk-server serve` processes on this test's database; all are stopped after."""
    started: list[ServerProcess] = []
    numbers = itertools.count()

    def start(port: int | None = None) -> ServerProcess:
        served = ServerProcess(server_url, tmp_path / f"server-{next(numbers)}.log", port).start()
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()
