"""Listing records in the server's change order that were written without going
through push (an import of demo data, a database that predates sync), so that
pull sends them like everything else."""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

# Parents before children: a ticket is numbered before what hangs on it.
SOURCES = (
    ("ticket", "tickets", "id"),
    ("history", "history", "ticket_id"),
    ("comment", "comments", "ticket_id"),
    ("worklog", "work_logs", "ticket_id"),
    ("link", "ticket_links", "ticket_id"),
    ("conflict", "conflicts", "ticket_id"),
    ("article", "articles", None),
    ("article_link", "article_links", "ticket_id"),
    ("rating", "ratings", "ticket_id"),
)


def register_unlisted(connection: Connection) -> int:
    """Give every record not yet in sync_records the next numbers, in one statement
    per kind (SQLite and PostgreSQL alike). Returns how many were added."""
    connection.execute(text("INSERT INTO sync_counter (id, value) SELECT 1, 0 WHERE NOT EXISTS "
                            "(SELECT 1 FROM sync_counter WHERE id = 1)"))
    added = 0
    present = set(inspect(connection).get_table_names())
    for kind, table, ticket_column in SOURCES:
        if table not in present:
            continue  # a schema from before the table came (the server's migration 0002 runs this)
        start = connection.execute(text("SELECT value FROM sync_counter WHERE id = 1 FOR UPDATE")
                                   if connection.dialect.name == "postgresql"
                                   else text("SELECT value FROM sync_counter WHERE id = 1")).scalar_one()
        result = connection.execute(text(
            f"INSERT INTO sync_records (kind, record_id, seq, ticket_id) "
            # CAST: PostgreSQL must deduce one type for the parameter used twice
            f"SELECT CAST(:kind AS VARCHAR(20)), t.id, :start + ROW_NUMBER() OVER (ORDER BY t.id), "
            f"{'t.' + ticket_column if ticket_column else 'NULL'} FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM sync_records r "
            f"WHERE r.kind = CAST(:kind AS VARCHAR(20)) AND r.record_id = t.id)"
        ), {"kind": kind, "start": start})
        count = result.rowcount or 0
        if count:
            connection.execute(text("UPDATE sync_counter SET value = value + :n WHERE id = 1"), {"n": count})
            added += count
    if added and "site_id" in {c["name"] for c in inspect(connection).get_columns("sync_records")}:
        _stamp_unstamped(connection)
    return added


def _stamp_unstamped(connection: Connection) -> None:
    """The buckets of the records just listed (sync.buckets), set-based: each takes its
    ticket's site, team and assignee, and worklogs and internal notes are marked."""
    connection.execute(text(
        "UPDATE sync_records SET site_id = t.site_id, team_id = t.team_id, assignee_id = t.assignee_id "
        "FROM tickets t WHERE t.id = sync_records.ticket_id AND sync_records.site_id IS NULL"))
    connection.execute(text(
        "UPDATE sync_records SET internal = :yes WHERE internal = :no AND (kind = 'worklog' OR (kind = 'comment' "
        "AND record_id IN (SELECT id FROM comments WHERE public = :no)))"), {"yes": True, "no": False})
