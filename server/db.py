"""The server's database: SQLite for a trial on one box, PostgreSQL in production.

`read()` and `write()` each give one transaction. On SQLite a write takes the
database lock at BEGIN (BEGIN IMMEDIATE), so concurrent writers queue rather
than fail half way; on PostgreSQL both are ordinary READ COMMITTED transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from core.errors import StoreError
from core.store import configure_sqlite
from server.config import safe_url


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
    configure_sqlite(engine, immediate)
    return engine


class Database:
    def __init__(self, url: str, *, create: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            path = Path(parsed.database or "")
            if not path.exists():
                if not create:
                    raise StoreError(f"no server database at {path}; run 'branchdesk-server init --org FILE' first")
                path.parent.mkdir(parents=True, exist_ok=True)
            elif path.is_dir():
                raise StoreError(f"{path} is a folder, not a server database")
            self.path: Path | None = path
            self.engine = _sqlite_engine(url, immediate=True)
            self.read_engine = _sqlite_engine(url, immediate=False)
        else:
            self.path = None
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
            self.read_engine = self.engine
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    def __repr__(self) -> str:
        return f"Database({safe_url(self.url)})"

    @property
    def display(self) -> str:
        return str(self.path) if self.path is not None else safe_url(self.url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction, committed when the block ends, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()
