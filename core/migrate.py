"""Schema migrations of the local store (Alembic, shipped in core/migrations).

Opening a store brings it to the code's schema: a new file is created at head; an
older one is copied aside first and then upgraded; one written by a newer
Branchdesk is refused, since this code cannot know what its tables mean.

A store already at head is recognised from its version row alone, without loading
Alembic: that keeps the start of every command and of the window quick."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from core.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in core/migrations/versions (a test keeps the two in step).
HEAD_REVISION = "0014"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None  # no version table: a new file, or not a Branchdesk store


def upgrade_to(engine: Engine, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def upgrade_store(engine: Engine, path: Path) -> None:
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory

    from core.store import backup_copy

    script = ScriptDirectory.from_config(alembic_config())
    if current is None:
        if inspect(engine).get_table_names():
            raise StoreError(f"{path} holds tables but no Branchdesk schema version; it is not a Branchdesk store")
        upgrade_to(engine, "head")
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise StoreError(
            f"{path} was written by a newer Branchdesk (schema {current}); update Branchdesk to open it"
        )
    backup_copy(path, f"before-{HEAD_REVISION}")
    upgrade_to(engine, "head")
