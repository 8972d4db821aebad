"""what reports read of each ticket: three facts of its history, its OLA and supplier clocks as rows, the repeats' index; filled for existing tickets

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 20:30:00
"""

from collections.abc import Sequence

from core.migrations.shared_steps import add_report_facts, drop_report_facts

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_report_facts()


def downgrade() -> None:
    drop_report_facts()
