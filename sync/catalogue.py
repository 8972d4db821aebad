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
    per kind (SQLite and PostgreSQL alike), with the buckets that hold it (its ticket's
    site, team and assignee, and whether it is internal: sync.buckets) where the
    schema has them. Returns how many were added."""
    connection.execute(text("INSERT INTO sync_counter (id, value) SELECT 1, 0 WHERE NOT EXISTS "
                            "(SELECT 1 FROM sync_counter WHERE id = 1)"))
    added = 0
    present = set(inspect(connection).get_table_names())
    bucketed = "site_id" in {c["name"] for c in inspect(connection).get_columns("sync_records")}
    for kind, table, ticket_column in SOURCES:
        if table not in present:
            continue  # a schema from before the table came (the server's migration 0002 runs this)
        start = connection.execute(text("SELECT value FROM sync_counter WHERE id = 1 FOR UPDATE")
                                   if connection.dialect.name == "postgresql"
                                   else text("SELECT value FROM sync_counter WHERE id = 1")).scalar_one()
        columns = "kind, record_id, seq, ticket_id"
        # CAST: PostgreSQL must deduce one type for the parameter used twice
        values = (f"CAST(:kind AS VARCHAR(20)), t.id, :start + ROW_NUMBER() OVER (ORDER BY t.id), "
                  f"{'t.' + ticket_column if ticket_column else 'NULL'}")
        joined = ""
        if bucketed:
            # written with the record rather than updated after: at 100,000 demo tickets
            # an update of every record was a tenth of the server's demo
            columns += ", site_id, team_id, assignee_id, internal"
            internal = {"worklog": ":yes", "comment": "CASE WHEN t.public = :no THEN :yes ELSE :no END"}
            if ticket_column:
                values += f", k.site_id, k.team_id, k.assignee_id, {internal.get(kind, ':no')}"
                joined = f" LEFT JOIN tickets k ON k.id = t.{ticket_column}"
            else:
                values += ", NULL, NULL, NULL, :no"
        result = connection.execute(text(
            f"INSERT INTO sync_records ({columns}) SELECT {values} FROM {table} t{joined} WHERE NOT EXISTS "
            f"(SELECT 1 FROM sync_records r WHERE r.kind = CAST(:kind AS VARCHAR(20)) AND r.record_id = t.id)"
        ), {"kind": kind, "start": start, "yes": True, "no": False})
        count = result.rowcount or 0
        if count:
            connection.execute(text("UPDATE sync_counter SET value = value + :n WHERE id = 1"), {"n": count})
            added += count
    return added
