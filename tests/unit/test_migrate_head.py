"""The constant that lets a store at head open without loading Alembic names the real head."""

from alembic.script import ScriptDirectory

from core.migrate import HEAD_REVISION, alembic_config


def test_head_revision_constant_is_the_newest_migration() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
