"""the ticket's OLA and supplier clocks and the indexes reports walk; older tickets marked for the backfill

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 12:10:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import add_sla_clocks, drop_sla_clocks

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_sla_clocks()


def downgrade() -> None:
    drop_sla_clocks()
