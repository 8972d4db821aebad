"""Schema migrations of the local store (Alembic, shipped in core/migrations).

Opening a store brings it to the code's schema: a new file is created at head; an
older one is copied aside first and then upgraded; one written by a newer
Branchdesk is refused, since this code cannot know what its tables mean."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from core.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def upgrade_store(engine: Engine, path: Path) -> None:
    from core.store import backup_copy

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return
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
    backup_copy(path, f"before-{head}")
    upgrade_to(engine, "head")
