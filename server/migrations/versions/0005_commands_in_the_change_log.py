"""the change log's command column (the server database holds the core tables too)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('change_log', sa.Column('command', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column('change_log', 'command')
