"""Helpers of the server tests (a module of its own name, so pytest imports it once)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from core.ids import new_id, reference_id
from core.models import Comment, HistoryEvent, Ticket
from server.db import Database
from server.setup import init_database, read_org
from tests.support.databases import PG_URL, cheap_hashing, pg_schema

HERE = Path(__file__).resolve().parent
ORG = HERE / "fixtures" / "org.toml"
PASSWORD = "pw-secret-1"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def login(client: TestClient, username: str, password: str = PASSWORD, **extra: Any) -> dict[str, str]:
    answer = client.post("/auth/login", json={"username": username, "password": password, **extra})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@dataclass(frozen=True)
class MadeTicket:
    id: uuid.UUID
    number: str


def make_ticket(
    db: Database, number: str, site: str, team: str | None, *, requester: str = "anna",
    category: str = "Hardware/POS terminal", status: str = "new", assignee: str | None = None,
    priority: str = "P3", at: datetime = START,
) -> MadeTicket:
    """A ticket written straight into the server database, with a creation event,
    a public comment and an internal one."""
    ticket_id = new_id()
    user = reference_id("user", requester)
    with db.write() as session:
        session.add(Ticket(
            id=ticket_id, number=number, type="incident", title=f"Ticket {number}", description="broken",
            status=status, major_incident=False, channel="portal", requester_id=user,
            site_id=reference_id("site", site), asset_tag=None, category_id=reference_id("category", category),
            impact="medium", urgency="medium", priority=priority, priority_reason=None,
            team_id=reference_id("team", team) if team else None,
            assignee_id=reference_id("user", assignee) if assignee else None, tier=1, pending_reason=None,
            pending_supplier_id=None, resolution_code=None, resolution_note=None, fields={"terminal_id": "T-1"},
            parent_id=None, created_at=at, created_by_id=user, updated_at=at, first_response_at=None,
            resolved_at=None, closed_at=None, versions={},
        ))
        session.flush()
        session.add(HistoryEvent(id=new_id(), ticket_id=ticket_id, actor_id=user, device="TEST1", occurred_at=at,
                                 kind="created", field=None, old=None, new=number, note=None))
        session.add(Comment(id=new_id(), ticket_id=ticket_id, author_id=user, body="public words", public=True,
                            created_at=at, device="TEST1"))
        session.add(Comment(id=new_id(), ticket_id=ticket_id, author_id=reference_id("user", "ada"),
                            body="internal words", public=False, created_at=at + timedelta(minutes=1),
                            device="TEST1"))
    return MadeTicket(ticket_id, number)


@contextmanager
def database_from(org: Path, backend: str, tmp_path: Path, schema_prefix: str, at: datetime) -> Iterator[str]:
    """A server database of one test's own, initialised from `org` as `init` does, on
    SQLite or (when BRANCHDESK_TEST_DATABASE_URL is set) in a fresh PostgreSQL schema."""
    spec, source = read_org(str(org))
    if backend == "sqlite":
        made = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        with cheap_hashing():
            init_database(made, spec, source, at)
        yield made
        return
    if not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    with pg_schema(PG_URL, schema_prefix) as made, cheap_hashing():
        init_database(made, spec, source, at)
        yield made


def run_on_server(db: Database, username: str, command: Callable[..., Any], *args: Any, at: datetime,
                  **kwargs: Any) -> Any:
    """A service command as `username`, run on the server at `at` as the worker runs its own."""
    from server.worker import Worker

    with Worker(db, lambda: at).work(at)() as uow:
        return command(uow, uow.ref.user(username), *args, at=at, **kwargs)
