"""attachments: files added to tickets, named by the SHA-256 of their content

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.models.base

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A new table only: the tickets table (with its FTS5 triggers) is left as it is.
    op.create_table(
        'attachments',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('ticket_id', sa.Uuid(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=False),
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('media_type', sa.String(length=100), nullable=False),
        sa.Column('created_at', core.models.base.Instant(), nullable=False),
        sa.Column('device', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_attachments_author_id_users')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_attachments_ticket_id_tickets')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    )
    op.create_index('ix_attachments_ticket', 'attachments', ['ticket_id'], unique=False)
    op.create_index('ix_attachments_sha256', 'attachments', ['sha256'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_attachments_sha256', table_name='attachments')
    op.drop_index('ix_attachments_ticket', table_name='attachments')
    op.drop_table('attachments')
