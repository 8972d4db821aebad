"""The central server (DESIGN §7): FastAPI over the same core, on SQLite or PostgreSQL."""
