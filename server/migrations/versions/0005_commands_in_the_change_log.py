"""the change log's command column (the server database holds the core tables too)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 06:00:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import add_change_log_command, drop_change_log_command

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_change_log_command()


def downgrade() -> None:
    drop_change_log_command()
