"""indexes for sorting ticket lists by title, priority, category and assignee

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 12:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    'ix_tickets_title': ['title'],
    'ix_tickets_priority': ['priority'],
    'ix_tickets_category': ['category_id'],
    'ix_tickets_assignee': ['assignee_id'],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'tickets', columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name='tickets')
