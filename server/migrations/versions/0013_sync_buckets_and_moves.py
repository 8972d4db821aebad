"""buckets on the numbered records (site, team, assignee, internal) and the moves of tickets between them

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:30:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCOPE_FIELDS = ('site_id', 'team_id', 'assignee_id')


def upgrade() -> None:
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('site_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('team_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('assignee_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('internal', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table('sync_moves',
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('old', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('seq', 'field', name=op.f('pk_sync_moves'))
    )
    connection = op.get_bind()
    # every record takes its ticket's buckets as they stand now, set-based
    connection.execute(sa.text(
        "UPDATE sync_records SET site_id = t.site_id, team_id = t.team_id, assignee_id = t.assignee_id "
        "FROM tickets t WHERE t.id = sync_records.ticket_id"))
    connection.execute(sa.text(
        "UPDATE sync_records SET internal = :yes WHERE kind = 'worklog' OR (kind = 'comment' AND record_id IN "
        "(SELECT id FROM comments WHERE public = :no))"), {"yes": True, "no": False})
    # the moves so far, from the history of the fields that decide the buckets
    history = sa.table('history', sa.column('id', sa.Uuid()), sa.column('ticket_id', sa.Uuid()),
                       sa.column('field', sa.String()), sa.column('old', sa.JSON()))
    records = sa.table('sync_records', sa.column('kind', sa.String()), sa.column('record_id', sa.Uuid()),
                       sa.column('seq', sa.BigInteger()))
    moves = sa.table('sync_moves', sa.column('seq', sa.BigInteger()), sa.column('field', sa.String()),
                     sa.column('ticket_id', sa.Uuid()), sa.column('old', sa.Uuid()))
    found = connection.execute(
        sa.select(records.c.seq, history.c.field, history.c.ticket_id, history.c.old)
        .join(records, sa.and_(records.c.kind == 'history', records.c.record_id == history.c.id))
        .where(history.c.field.in_(SCOPE_FIELDS)))
    while batch := found.fetchmany(10_000):
        connection.execute(sa.insert(moves), [
            {"seq": seq, "field": field, "ticket_id": ticket_id, "old": uuid.UUID(str(old)) if old else None}
            for seq, field, ticket_id, old in batch])
    with op.batch_alter_table('sync_moves', schema=None) as batch_op:
        batch_op.create_index('ix_sync_moves_ticket', ['ticket_id', 'seq'], unique=False)
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.create_index('ix_sync_records_site_seq', ['site_id', 'seq'], unique=False)
        batch_op.create_index('ix_sync_records_team_seq', ['team_id', 'seq'], unique=False)
        batch_op.create_index('ix_sync_records_assignee_seq', ['assignee_id', 'seq'], unique=False)
        batch_op.create_index('ix_sync_records_ticket', ['ticket_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_records_ticket')
        batch_op.drop_index('ix_sync_records_assignee_seq')
        batch_op.drop_index('ix_sync_records_team_seq')
        batch_op.drop_index('ix_sync_records_site_seq')
    with op.batch_alter_table('sync_moves', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_moves_ticket')
    op.drop_table('sync_moves')
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.drop_column('internal')
        batch_op.drop_column('assignee_id')
        batch_op.drop_column('team_id')
        batch_op.drop_column('site_id')
