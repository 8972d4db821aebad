"""Server databases for tests: PostgreSQL schemas of their own (reached through
search_path, dropped afterwards), and Argon2 made cheap while users are imported
(hashes carry their own parameters, so a server verifies them exactly as in
production, only faster)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import core.orgimport
from server.config import database_url as normalise_url

PG_URL = os.environ.get("BRANCHDESK_TEST_DATABASE_URL")
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@contextmanager
def cheap_hashing() -> Iterator[None]:
    saved = core.orgimport._hasher
    core.orgimport._hasher = CHEAP_HASHER
    try:
        yield
    finally:
        core.orgimport._hasher = saved


def pg_schema_url(base: str, schema: str) -> str:
    url = make_url(normalise_url(base, Path(".")))
    # synchronous_commit=off: the tests need no durability, only speed
    options = f"-csearch_path={schema} -csynchronous_commit=off"
    return url.update_query_dict({"options": options}).render_as_string(hide_password=False)


@contextmanager
def pg_schema(base: str, prefix: str) -> Iterator[str]:
    """A fresh PostgreSQL schema in the database at `base`, dropped afterwards: the URL that works in it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = create_engine(normalise_url(base, Path(".")))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield pg_schema_url(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
