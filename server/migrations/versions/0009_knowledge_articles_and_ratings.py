"""knowledge articles, their links to tickets, and requesters' ratings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 12:00:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import create_knowledge_tables, drop_knowledge_tables

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_knowledge_tables()


def downgrade() -> None:
    drop_knowledge_tables()
