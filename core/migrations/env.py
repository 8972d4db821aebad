"""Alembic environment for the local store: runs on the connection the store passes in."""

from alembic import context

from core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("core migrations run through core.migrate with an open connection")



def include_name(name, type_, parent_names):
    # FTS5 tables and their shadow tables are made by hand in the migrations, not by the models.
    return not (type_ == "table" and name is not None and "_fts" in name)


context.configure(
    include_name=include_name,
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
