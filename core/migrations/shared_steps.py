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


def add_sla_clocks() -> None:
    """The ticket's OLA and supplier clocks, as reports read them (store 0009, server
    0011), and the indexes the reports' period filters walk. Plain ALTER TABLE, as
    add_sla_elapsed. Every existing row is left null, which marks it for the backfill
    (core.sla.figures.backfill) that also fills the clocks' seconds of tickets closed
    before store 0007 / server 0008."""
    op.add_column('tickets', sa.Column('sla_clocks', sa.JSON(), nullable=True))
    for name, table, columns in REPORT_INDEXES:
        op.create_index(name, table, list(columns), unique=False)


# the period filters, and the status, team and assignee changes a report looks up
# per resolved ticket (first contact, reopens) without reading its other history
REPORT_INDEXES = (
    ('ix_tickets_resolved', 'tickets', ('resolved_at',)),
    ('ix_tickets_response_stopped', 'tickets', ('response_stopped_at',)),
    ('ix_history_ticket_field', 'history', ('ticket_id', 'field')),
)


def drop_sla_clocks() -> None:
    for name, table, _columns in reversed(REPORT_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_column('tickets', 'sla_clocks')


def create_knowledge_tables() -> None:
    """Knowledge articles, their links to tickets and requesters' ratings (store 0008,
    server 0009). New tables only; the store adds the articles' full-text index itself."""
    import core.models.base

    op.create_table(
        'articles',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('number', sa.String(length=60), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('categories', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=False),
        sa.Column('source_ticket_id', sa.Uuid(), nullable=True),
        sa.Column('created_at', core.models.base.Instant(), nullable=False),
        sa.Column('updated_at', core.models.base.Instant(), nullable=False),
        sa.Column('published_at', core.models.base.Instant(), nullable=True),
        sa.Column('published_by_id', sa.Uuid(), nullable=True),
        sa.Column('solved_count', sa.Integer(), nullable=False),
        sa.Column('deflected_count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_articles_author_id_users')),
        sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_articles_published_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
        sa.UniqueConstraint('number', name=op.f('uq_articles_number')),
    )
    op.create_index('ix_articles_status', 'articles', ['status'], unique=False)
    op.create_index('ix_articles_updated', 'articles', ['updated_at'], unique=False)
    op.create_table(
        'article_links',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('article_id', sa.Uuid(), nullable=False),
        sa.Column('ticket_id', sa.Uuid(), nullable=False),
        sa.Column('created_at', core.models.base.Instant(), nullable=False),
        sa.Column('actor_id', sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_article_links_actor_id_users')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_article_links_ticket_id_tickets')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_article_links')),
    )
    op.create_index('ix_article_links_ticket', 'article_links', ['ticket_id'], unique=False)
    op.create_index('ix_article_links_article', 'article_links', ['article_id'], unique=False)
    op.create_table(
        'ratings',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('ticket_id', sa.Uuid(), nullable=False),
        sa.Column('rater_id', sa.Uuid(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('effort', sa.Integer(), nullable=True),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('created_at', core.models.base.Instant(), nullable=False),
        sa.Column('updated_at', core.models.base.Instant(), nullable=False),
        sa.ForeignKeyConstraint(['rater_id'], ['users.id'], name=op.f('fk_ratings_rater_id_users')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ratings_ticket_id_tickets')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_ratings_ticket_id')),
    )
    op.create_index('ix_ratings_updated', 'ratings', ['updated_at'], unique=False)


def drop_knowledge_tables() -> None:
    op.drop_index('ix_ratings_updated', table_name='ratings')
    op.drop_table('ratings')
    op.drop_index('ix_article_links_article', table_name='article_links')
    op.drop_index('ix_article_links_ticket', table_name='article_links')
    op.drop_table('article_links')
    op.drop_index('ix_articles_updated', table_name='articles')
    op.drop_index('ix_articles_status', table_name='articles')
    op.drop_table('articles')
