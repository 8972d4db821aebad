"""The declarative base and the column types every table shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, Uuid
from sqlalchemy.dialects.sqlite.base import DATETIME, SQLiteDialect
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so that migrations can address them (and SQLite batch mode works).
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Instant(TypeDecorator[datetime]):
    """An aware UTC instant to the second, stored as naive UTC so SQLite and
    PostgreSQL compare and index it the same way."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for an instant")
        return value.astimezone(UTC).replace(tzinfo=None, microsecond=0)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


SECONDS = "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"


class SqliteInstant(DATETIME):
    """An instant on SQLite as 'YYYY-MM-DD HH:MM:SS', without the six digits of
    microseconds SQLAlchemy writes by default: an instant is to the second, and the
    seven characters were some 300 bytes a ticket with its history, in the rows and
    in the indexes over them (store 0013 and server 0016 trimmed those kept before).
    Text still, so that SQLite's date functions read it and it sorts as it compares."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("storage_format", SECONDS)
        super().__init__(*args, **kwargs)


class SqliteId(Uuid[uuid.UUID]):
    """An id on SQLite: its 16 bytes as a BLOB rather than 32 hexadecimal digits, which
    halves every id in every row and index of a store (a ticket's history holds some 70).
    The column is declared as before (CHAR(32)): SQLite keeps a BLOB as it is given. A
    text id, as databases held them before store 0012 and server 0015 turned them into
    bytes, still reads back. PostgreSQL keeps its own uuid type."""

    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Any:
        def process(value: uuid.UUID | None) -> bytes | None:
            return None if value is None else value.bytes

        return process

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        def process(value: bytes | str | None) -> uuid.UUID | None:
            if value is None:
                return None
            return uuid.UUID(bytes=value) if isinstance(value, bytes) else uuid.UUID(value)

        return process

    def literal_processor(self, dialect: Dialect) -> Any:
        return lambda value: f"X'{value.hex}'"


# Every Uuid on SQLite is a SqliteId: a column's, and a bare id's too (a CASE over ids,
# a VALUES list), whose type SQLAlchemy infers from the value. Set on the dialect's
# own type map so that no expression can bind an id as text against a column of bytes,
# nor an instant in another form than the columns keep.
for _dialect in (SQLiteDialect, SQLiteDialect_pysqlite):
    _dialect.colspecs = {**_dialect.colspecs, Uuid: SqliteId, DateTime: SqliteInstant}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        uuid.UUID: Uuid(),
        datetime: Instant(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }
