"""Fixtures of the chaos tests: the helpers of the sync and server tests (real server
processes, replicas, the test keyring) importable here, and a server database of each
test's own on SQLite, and on PostgreSQL when BRANCHDESK_TEST_DATABASE_URL is set."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in ("sync", "server"):  # synckit and server_testkit, as their own tests import them
    if str(ROOT / "tests" / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / "tests" / folder))

from synckit import (  # noqa: E402
    PG_URL,
    cheap_hashing,
    cli,  # noqa: F401  (a fixture)
    init_database,
    keyring_file,  # noqa: F401  (a fixture)
    org_text,
    pg_schema,
)

from tests.chaos.test_postgres_away import cluster  # noqa: E402, F401  (a fixture: a PostgreSQL cluster of the test's own)


@pytest.fixture(autouse=True)
def cheap_argon2() -> Iterator[None]:
    with cheap_hashing():
        yield


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    return str(request.param)


@pytest.fixture
def sync_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A server database initialised from the sync tests' organisation (everyone with
    a password): a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    org = tmp_path / "org.toml"
    org.write_text(org_text(), encoding="utf-8")
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        init_database(url, org)
        yield url
        return
    assert PG_URL is not None
    with pg_schema(PG_URL, "bd_chaos") as url:
        init_database(url, org)
        yield url
