"""streamed attachment uploads (blob_parts), login throttling by address, server epoch

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 12:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.models.base

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('blob_parts',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('offset', sa.BigInteger(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'offset', name=op.f('pk_blob_parts'))
    )
    op.create_table('login_throttle',
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_start', core.models.base.Instant(), nullable=False),
    sa.Column('blocked_until', core.models.base.Instant(), nullable=True),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_login_throttle'))
    )
    op.create_table('server_epoch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('epoch', sa.String(length=36), nullable=False),
    sa.Column('restored_at', core.models.base.Instant(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_epoch'))
    )
    op.execute(sa.text("INSERT INTO server_epoch (id, epoch) VALUES (1, :epoch)")
               .bindparams(epoch=str(uuid.uuid4())))
    # what uploads under way had received becomes their first part
    with op.batch_alter_table('blob_uploads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('received', sa.BigInteger(), nullable=False, server_default='0'))
    op.execute("INSERT INTO blob_parts (sha256, \"offset\", size, data) "
               "SELECT sha256, 0, length(data), data FROM blob_uploads WHERE length(data) > 0")
    op.execute("UPDATE blob_uploads SET received = length(data)")
    with op.batch_alter_table('blob_uploads', schema=None) as batch_op:
        batch_op.drop_column('data')
    with op.batch_alter_table('blobs', schema=None) as batch_op:
        batch_op.alter_column('data', existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('blob_uploads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data', sa.LargeBinary(), nullable=False, server_default=sa.text("''")))
    op.execute("DELETE FROM blob_uploads")
    with op.batch_alter_table('blob_uploads', schema=None) as batch_op:
        batch_op.drop_column('received')
    op.execute("DELETE FROM blobs WHERE data IS NULL")
    with op.batch_alter_table('blobs', schema=None) as batch_op:
        batch_op.alter_column('data', existing_type=sa.LargeBinary(), nullable=False)
    op.drop_table('server_epoch')
    op.drop_table('login_throttle')
    op.drop_table('blob_parts')
