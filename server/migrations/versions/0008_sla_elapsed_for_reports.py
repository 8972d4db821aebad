"""each SLA clock's business seconds and stop instant on the ticket, for reports

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import add_sla_elapsed, drop_sla_elapsed

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_sla_elapsed()


def downgrade() -> None:
    drop_sla_elapsed()
