"""store images: the store files new central devices start from (sync.image), their
content kept as blobs

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.models.base

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_images',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.String(length=40), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('records', sa.BigInteger(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('built_at', core.models.base.Instant(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_store_images'))
    )


def downgrade() -> None:
    # the images' content goes with them (a blob no attachment names)
    op.execute("DELETE FROM blob_parts WHERE sha256 IN (SELECT sha256 FROM store_images)")
    op.execute("DELETE FROM blobs WHERE sha256 IN (SELECT sha256 FROM store_images)")
    op.drop_table('store_images')
