"""webhook rows in the notification outbox: no person, a target (the webhook's name)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('notifications') as batch:
        batch.alter_column('user_id', existing_type=sa.Uuid(), nullable=True)
        batch.add_column(sa.Column('target', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('notifications') as batch:
        batch.drop_column('target')
        batch.alter_column('user_id', existing_type=sa.Uuid(), nullable=False)
