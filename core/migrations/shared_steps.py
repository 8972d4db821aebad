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


SLA_ELAPSED_COLUMNS = ('response_elapsed_s', 'response_stopped_at', 'resolution_elapsed_s', 'resolution_stopped_at')


def add_sla_elapsed() -> None:
    """Each SLA clock's business seconds and stop instant on the ticket, for reports
    (store 0007, server 0008). Plain ALTER TABLE: recreating `tickets` would drop the
    store's full-text triggers. Existing rows are filled by the next recompute."""
    import core.models.base

    op.add_column('tickets', sa.Column('response_elapsed_s', sa.Integer(), nullable=True))
    op.add_column('tickets', sa.Column('response_stopped_at', core.models.base.Instant(), nullable=True))
    op.add_column('tickets', sa.Column('resolution_elapsed_s', sa.Integer(), nullable=True))
    op.add_column('tickets', sa.Column('resolution_stopped_at', core.models.base.Instant(), nullable=True))


def drop_sla_elapsed() -> None:
    for column in reversed(SLA_ELAPSED_COLUMNS):
        op.drop_column('tickets', column)
