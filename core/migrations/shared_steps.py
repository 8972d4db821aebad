"""Schema steps for the tables a branch store and the server database both hold
(tickets, history, the change log and what hangs off tickets), written once and
run by both migration histories: core/migrations for a store, server/migrations
for the server. Each step is frozen once released, as a migration is."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

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


REPORT_FACTS = ('reopened', 'handed_over', 'resolved_by_assignee')


def add_report_facts() -> None:
    """What reports read of each ticket instead of its history and its clocks' JSON
    (store 0010, server 0012; core.reports.facts): three facts of its history on the
    ticket, its OLA and supplier clocks as rows of ticket_clocks, and the index the
    repeats walk. Plain ALTER TABLE, as add_sla_elapsed. Existing tickets get both
    here, set-based from their history and their stored clocks; tickets the clocks'
    backfill has not reached get their rows when it does."""
    for name in REPORT_FACTS:
        op.add_column('tickets', sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index('ix_tickets_site_category_resolved', 'tickets', ['site_id', 'category_id', 'resolved_at'],
                    unique=False)
    op.create_table(
        'ticket_clocks',
        sa.Column('ticket_id', sa.Uuid(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('code', sa.String(length=60), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('elapsed_s', sa.Integer(), nullable=True),
        sa.Column('target_s', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_clocks_ticket_id_tickets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('ticket_id', 'position', name=op.f('pk_ticket_clocks')),
    )
    op.create_index('ix_ticket_clocks_decided', 'ticket_clocks', ['decided_at'], unique=False)
    _fill_report_facts()
    _fill_ticket_clocks()


def _fill_report_facts() -> None:
    tickets = sa.table('tickets', sa.column('id'), sa.column('assignee_id'),
                       *(sa.column(name) for name in REPORT_FACTS))
    history = sa.table('history', sa.column('ticket_id'), sa.column('kind'), sa.column('field'),
                       sa.column('old'), sa.column('new'), sa.column('actor_id'))
    old, new = sa.cast(history.c.old, sa.String), sa.cast(history.c.new, sa.String)

    def events(field: str, *conditions: sa.ColumnElement[bool]) -> sa.Exists:
        return sa.exists().where(history.c.ticket_id == tickets.c.id, history.c.kind == 'field',
                                 history.c.field == field, *conditions)

    def handed(field: str) -> sa.Exists:
        return events(field, history.c.old.is_not(None), old != 'null')

    op.execute(sa.update(tickets).values(
        reopened=events('status', old == '"resolved"', new != '"closed"'),
        handed_over=sa.or_(handed('team_id'), handed('assignee_id')),
        resolved_by_assignee=events('status', new == '"resolved"',
                                    history.c.actor_id == sa.func.coalesce(tickets.c.assignee_id, history.c.actor_id)),
    ))


def _fill_ticket_clocks() -> None:
    columns = 'ticket_id, position, kind, code, state, elapsed_s, target_s, decided_at'
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(
            f"INSERT INTO ticket_clocks ({columns}) "
            "SELECT t.id, CAST(c.key AS INTEGER), json_extract(c.value, '$.k'), json_extract(c.value, '$.of'), "
            "json_extract(c.value, '$.state'), json_extract(c.value, '$.elapsed_s'), "
            "json_extract(c.value, '$.target_s'), json_extract(c.value, '$.at') "
            "FROM tickets AS t, json_each(t.sla_clocks) AS c WHERE json_type(t.sla_clocks) = 'array'")
    else:
        op.execute(
            f"INSERT INTO ticket_clocks ({columns}) "
            "SELECT t.id, c.n - 1, c.v ->> 'k', c.v ->> 'of', c.v ->> 'state', CAST(c.v ->> 'elapsed_s' AS INTEGER), "
            "CAST(c.v ->> 'target_s' AS INTEGER), CAST(c.v ->> 'at' AS BIGINT) "
            "FROM (SELECT id, sla_clocks FROM tickets WHERE json_typeof(sla_clocks) = 'array') AS t "
            "CROSS JOIN LATERAL json_array_elements(t.sla_clocks) WITH ORDINALITY AS c(v, n)")


def drop_report_facts() -> None:
    op.drop_index('ix_ticket_clocks_decided', table_name='ticket_clocks')
    op.drop_table('ticket_clocks')
    op.drop_index('ix_tickets_site_category_resolved', table_name='tickets')
    for name in reversed(REPORT_FACTS):
        op.drop_column('tickets', name)


def drop_history_time_index() -> None:
    """History keeps one index by ticket (store 0011, server 0014): (ticket_id, field)
    serves every look-up of a ticket's events that (ticket_id, occurred_at) did, each
    ticket holding a few dozen events that are read whole and sorted, and the second
    index was an eighth of a store."""
    op.drop_index('ix_history_ticket', table_name='history')


def restore_history_time_index() -> None:
    op.create_index('ix_history_ticket', 'history', ['ticket_id', 'occurred_at'], unique=False)


def _columns_declared(bind: sa.Connection, declared: str) -> list[tuple[str, list[str]]]:
    """Each SQLite table's columns declared so: CHAR(32) for those sa.Uuid made (ids),
    DATETIME for those sa.DateTime made (instants)."""
    tables = bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").scalars()
    found = []
    for name in list(tables):
        columns = [row[1] for row in bind.exec_driver_sql(f'PRAGMA table_info("{name}")')
                   if str(row[2]).upper() == declared]
        if columns:
            found.append((name, columns))
    return found


def _rewrite_ids(convert: Callable[[Any], Any], from_type: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL keeps its own uuid type
    raw = bind.connection.driver_connection
    assert raw is not None
    raw.create_function("id_convert", 1, convert, deterministic=True)
    # a table's ids change before those of the tables that name them: checked at commit
    bind.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for name, columns in _columns_declared(bind, "CHAR(32)"):
        sets = ", ".join(f'"{c}" = CASE WHEN typeof("{c}") = \'{from_type}\' THEN id_convert("{c}") ELSE "{c}" END'
                         for c in columns)
        bind.exec_driver_sql(f'UPDATE "{name}" SET {sets}')


def ids_as_bytes() -> None:
    """On SQLite, every id holds its 16 bytes instead of its 32 hex digits (store 0012,
    server 0015; core.models.base.SqliteId): some 2 KB less a ticket with its history in
    the tables and their indexes. The columns keep their declared type."""
    _rewrite_ids(lambda text: uuid.UUID(text).bytes, "text")


def ids_as_text() -> None:
    _rewrite_ids(lambda data: uuid.UUID(bytes=data).hex, "blob")


def instants_to_the_second() -> None:
    """On SQLite, every instant as 'YYYY-MM-DD HH:MM:SS' instead of with six digits of
    microseconds, always zero (store 0013, server 0016; core.models.base.SqliteInstant):
    some 300 bytes less a ticket with its history. PostgreSQL keeps its timestamp type."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name, columns in _columns_declared(bind, "DATETIME"):
        sets = ", ".join(f'"{c}" = substr("{c}", 1, 19)' for c in columns)
        where = " OR ".join(f'length("{c}") > 19' for c in columns)
        bind.exec_driver_sql(f'UPDATE "{name}" SET {sets} WHERE {where}')


def instants_with_microseconds() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name, columns in _columns_declared(bind, "DATETIME"):
        sets = ", ".join(f'"{c}" = CASE WHEN length("{c}") = 19 THEN "{c}" || \'.000000\' ELSE "{c}" END'
                         for c in columns)
        bind.exec_driver_sql(f'UPDATE "{name}" SET {sets}')


def add_history_notices() -> None:
    """The notices a change sent, on one of its history events instead of an event each
    (store 0013, server 0016; core.notices). Plain ALTER TABLE, as add_sla_elapsed;
    the `notice` events written before stay as they are and read as ever. Taken down,
    a database keeps the column with what it holds (nothing is lost: the code before
    reads no notices from it, and back up they read again), so it may have it already."""
    if 'notices' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('history')}:
        op.add_column('history', sa.Column('notices', sa.JSON(), nullable=True))
