"""sla figures and history stamps

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 11:56:53.857406
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.models.base

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE, never batch mode's copy-and-move: recreating `tickets` would
    # drop its full-text triggers and renumber the rowids the search index points at.
    op.add_column('history', sa.Column('stamp', sa.String(length=40), nullable=True))
    op.add_column('tickets', sa.Column('sla_policy', sa.String(length=200), nullable=True))
    op.add_column('tickets', sa.Column('response_due_at', core.models.base.Instant(), nullable=True))
    op.add_column('tickets', sa.Column('response_state', sa.String(length=10), nullable=True))
    op.add_column('tickets', sa.Column('resolution_due_at', core.models.base.Instant(), nullable=True))
    op.add_column('tickets', sa.Column('resolution_state', sa.String(length=10), nullable=True))
    op.add_column('tickets', sa.Column('sla_next_at', core.models.base.Instant(), nullable=True))
    op.create_index('ix_tickets_resolution_due', 'tickets', ['resolution_due_at'], unique=False)
    op.create_index('ix_tickets_sla_next', 'tickets', ['sla_next_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_tickets_sla_next', table_name='tickets')
    op.drop_index('ix_tickets_resolution_due', table_name='tickets')
    for column in ('sla_next_at', 'resolution_state', 'resolution_due_at', 'response_state',
                   'response_due_at', 'sla_policy'):
        op.drop_column('tickets', column)
    op.drop_column('history', 'stamp')
