"""The server database's schema: its own Alembic migrations (server/migrations),
applied by `init` and `upgrade`, and checked, never applied, by `serve`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from core.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "server_alembic_version"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def known_revisions() -> frozenset[str]:
    return frozenset({rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()})


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def at_head(self) -> bool:
        return self.current == self.head


def schema_state(engine: Engine) -> SchemaState:
    return SchemaState(current_revision(engine), head_revision())


def check_schema(engine: Engine, where: str) -> SchemaState:
    """The schema is the code's, or StoreError says which command brings it there."""
    state = schema_state(engine)
    if state.at_head:
        return state
    if state.current is None:
        if inspect(engine).get_table_names():
            raise StoreError(f"{where} holds tables but no Branchdesk server schema; it is not a server database")
        raise StoreError(f"{where} holds no server database yet; run 'branchdesk-server init --org FILE' first")
    if state.current not in known_revisions():
        raise StoreError(
            f"{where} has schema {state.current}, newer than this server (head {state.head}); update the server"
        )
    raise StoreError(
        f"{where} has schema {state.current}, older than this server's {state.head}; "
        "back it up, then run 'branchdesk-server upgrade'"
    )


def prepare_for_upgrade(engine: Engine, where: str) -> SchemaState:
    """Refuse to migrate what is not a server database or is newer than the code."""
    state = schema_state(engine)
    if state.current is None and inspect(engine).get_table_names():
        raise StoreError(f"{where} holds tables but no Branchdesk server schema; it is not a server database")
    if state.current is not None and state.current not in known_revisions():
        raise StoreError(
            f"{where} has schema {state.current}, newer than this server (head {state.head}); update the server"
        )
    return state


def pending_differences(engine: Engine) -> list[Any]:
    """What autogenerate would still write: empty when the migrations match the models."""
    from core.models import Base
    from server.models import ServerBase
    from sync.models import SyncBase

    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        # alembic takes a list of MetaData here as in env.py, though its annotation says one
        return list(compare_metadata(context, [Base.metadata, ServerBase.metadata, SyncBase.metadata]))  # type: ignore[arg-type]


def new_revision(message: str) -> None:
    """Write the next revision by autogenerate, against a scratch SQLite database
    at the current head (for developers: `python -m server.migrate "message"`).
    Read what it wrote, and check it on PostgreSQL too (the test suite does)."""
    import tempfile

    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/scratch.sqlite3")
        upgrade(engine)
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            number = len(known_revisions()) + 1
            command.revision(config, message=message, autogenerate=True, rev_id=f"{number:04d}")
        engine.dispose()


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2:
        sys.exit('usage: python -m server.migrate "what the revision does"')
    new_revision(sys.argv[1])
