"""history keeps one index by ticket, (ticket_id, field); (ticket_id, occurred_at) goes

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 03:20:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import drop_history_time_index, restore_history_time_index

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    drop_history_time_index()


def downgrade() -> None:
    restore_history_time_index()
