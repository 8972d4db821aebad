"""instants are kept to the second, without microseconds (core.models.base.SqliteInstant);
the notices a change sent ride on one of its history events

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 20:15:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import (
    add_history_notices,
    instants_to_the_second,
    instants_with_microseconds,
)

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    instants_to_the_second()
    add_history_notices()


def downgrade() -> None:
    # history.notices stays, with what it holds (shared_steps.add_history_notices)
    instants_with_microseconds()
