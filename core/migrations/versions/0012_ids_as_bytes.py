"""ids are kept as their 16 bytes (core.models.base.SqliteId), not 32 hex digits

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 18:00:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import ids_as_bytes, ids_as_text

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    ids_as_bytes()


def downgrade() -> None:
    ids_as_text()
