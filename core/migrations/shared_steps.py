"""Schema steps for the tables a branch store and the server database both hold
(tickets, history, the change log and what hangs off tickets), written once and
run by both migration histories: core/migrations for a store, server/migrations
for the server. Each step is frozen once released, as a migration is."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def add_change_log_command() -> None:
    """The command that made a change, on the change log (store 0006, server 0005)."""
    op.add_column('change_log', sa.Column('command', sa.JSON(), nullable=True))


def drop_change_log_command() -> None:
    op.drop_column('change_log', 'command')
