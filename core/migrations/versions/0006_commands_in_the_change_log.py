"""commands in the change log; standalone stores keep none

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 06:00:00
"""

from collections.abc import Sequence

from alembic import op

from core.migrations.shared_steps import add_change_log_command, drop_change_log_command

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_change_log_command()
    # A standalone store never sends its change log: what it kept is dropped.
    op.execute("DELETE FROM change_log WHERE EXISTS "
               "(SELECT 1 FROM store_meta WHERE key = 'mode' AND value = 'standalone')")
    op.execute("DELETE FROM store_meta WHERE key = 'change_seq' AND EXISTS "
               "(SELECT 1 FROM store_meta WHERE key = 'mode' AND value = 'standalone')")


def downgrade() -> None:
    drop_change_log_command()
