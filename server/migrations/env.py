"""Alembic environment of the server database: core's domain tables and the
server's own, versioned in their own table. Runs on the connection that
server.migrate passes in."""

from alembic import context

from core.models import Base
from server.migrate import VERSION_TABLE
from server.models import ServerBase
from sync.models import SyncBase

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("server migrations run through server.migrate with an open connection")

context.configure(
    connection=connection,
    target_metadata=[Base.metadata, ServerBase.metadata, SyncBase.metadata],
    version_table=VERSION_TABLE,
    render_as_batch=True,  # the same script must run on SQLite, which needs batch mode
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
