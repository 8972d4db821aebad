"""knowledge articles (with their full-text index), their links to tickets, and ratings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 12:00:00
"""

from collections.abc import Sequence

from alembic import op

from core.migrations.shared_steps import create_knowledge_tables, drop_knowledge_tables

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_UP = [
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, categories, content='articles', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_fts(rowid, title, body, categories) "
    "VALUES (new.rowid, new.title, new.body, new.categories); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body, categories) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.categories); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, categories ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body, categories) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.categories); "
    "INSERT INTO article_fts(rowid, title, body, categories) "
    "VALUES (new.rowid, new.title, new.body, new.categories); END",
]
FTS_DOWN = [
    "DROP TRIGGER articles_fts_update",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_insert",
    "DROP TABLE article_fts",
]


def upgrade() -> None:
    create_knowledge_tables()
    for statement in FTS_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in FTS_DOWN:
        op.execute(statement)
    drop_knowledge_tables()
