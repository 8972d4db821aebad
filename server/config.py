"""The server's settings: where its database is and how sessions and logins behave.

The command line resolves them once and hands them to every server process
through the environment (BRANCHDESK_*), so uvicorn workers and separate
processes behind a load balancer all run with the same settings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from core.errors import InvalidInput

DATABASE_FILE = "branchdesk-server.sqlite3"
MIB = 1024 * 1024

ENV_HOME = "BRANCHDESK_SERVER_HOME"
ENV_DATABASE_URL = "BRANCHDESK_DATABASE_URL"
ENV_SESSION_HOURS = "BRANCHDESK_SESSION_HOURS"
ENV_LOCKOUT_FAILURES = "BRANCHDESK_LOCKOUT_FAILURES"
ENV_LOCKOUT_MINUTES = "BRANCHDESK_LOCKOUT_MINUTES"
ENV_MAX_BODY = "BRANCHDESK_MAX_BODY_BYTES"
ENV_THROTTLE_FAILURES = "BRANCHDESK_THROTTLE_FAILURES"
ENV_THROTTLE_MINUTES = "BRANCHDESK_THROTTLE_MINUTES"
ENV_BODY_SECONDS = "BRANCHDESK_BODY_SECONDS"
ENV_ENROLMENT_KEY = "BRANCHDESK_ENROLMENT_KEY"
ENROLMENT_KEY_FILE = "enrolment-key.pem"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else BRANCHDESK_SERVER_HOME, else the user's data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Branchdesk", "Branchdesk")) / "server"


def enrolment_key_path(directory: Path) -> Path:
    """The key that signs enrolment files (server.enrolment): BRANCHDESK_ENROLMENT_KEY,
    else a file in the data dir."""
    env = os.environ.get(ENV_ENROLMENT_KEY)
    return Path(env).expanduser() if env else directory / ENROLMENT_KEY_FILE


def database_url(explicit: str | None, directory: Path) -> str:
    """The SQLAlchemy URL to use: --database-url, else BRANCHDESK_DATABASE_URL, else
    an SQLite file in the data dir. `postgresql://` means PostgreSQL through psycopg 3."""
    text = explicit or os.environ.get(ENV_DATABASE_URL)
    if not text:
        return URL.create("sqlite", database=str(directory / DATABASE_FILE)).render_as_string()
    try:
        url = make_url(text)
    except ArgumentError:
        raise InvalidInput(f"not a database URL: {text!r}", "database-url") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        if url.get_driver_name() not in ("pysqlite", ""):
            url = url.set(drivername="sqlite")
        if not url.database or url.database == ":memory:":
            raise InvalidInput("an SQLite database URL must name a file, e.g. sqlite:////srv/branchdesk.sqlite3",
                               "database-url")
    else:
        raise InvalidInput(f"unsupported database {backend!r}: use postgresql://… or sqlite:///FILE", "database-url")
    return url.render_as_string(hide_password=False)


def safe_url(url: str) -> str:
    """The URL as it may be shown or logged: without its password."""
    return make_url(url).render_as_string(hide_password=True)


@dataclass(frozen=True)
class Settings:
    database_url: str
    # Sessions end a fixed time after login (not sliding): a token stolen from a
    # site PC stops working by the next shift, and no request has to write.
    session_ttl: timedelta = timedelta(hours=12)
    # This many failed logins in a row lock the account for lockout_period.
    lockout_failures: int = 5
    lockout_period: timedelta = timedelta(minutes=15)
    max_body_bytes: int = MIB
    # This many failed logins from one address within throttle_period answer 429 for
    # the rest of it (server.auth), whichever accounts they tried.
    throttle_failures: int = 20
    throttle_period: timedelta = timedelta(minutes=15)
    # A request body must have arrived whole this long after its first byte was asked
    # for (server.middleware.BodyLimit); a slower one is answered 408 and its connection closed.
    body_seconds: float = 30.0
    # the key enrolment files are signed with; None: this server has made none
    enrolment_key: Path | None = None

    def to_env(self) -> dict[str, str]:
        return {
            **({ENV_ENROLMENT_KEY: str(self.enrolment_key)} if self.enrolment_key else {}),
            ENV_DATABASE_URL: self.database_url,
            ENV_SESSION_HOURS: str(self.session_ttl.total_seconds() / 3600),
            ENV_LOCKOUT_FAILURES: str(self.lockout_failures),
            ENV_LOCKOUT_MINUTES: str(self.lockout_period.total_seconds() / 60),
            ENV_MAX_BODY: str(self.max_body_bytes),
            ENV_THROTTLE_FAILURES: str(self.throttle_failures),
            ENV_THROTTLE_MINUTES: str(self.throttle_period.total_seconds() / 60),
            ENV_BODY_SECONDS: str(self.body_seconds),
        }

    @classmethod
    def from_env(cls) -> Settings:
        url = os.environ.get(ENV_DATABASE_URL)
        if not url:
            url = database_url(None, data_dir())
        return cls(
            database_url=database_url(url, data_dir()),
            session_ttl=timedelta(hours=_number(ENV_SESSION_HOURS, 12.0)),
            lockout_failures=int(_number(ENV_LOCKOUT_FAILURES, 5)),
            lockout_period=timedelta(minutes=_number(ENV_LOCKOUT_MINUTES, 15.0)),
            max_body_bytes=int(_number(ENV_MAX_BODY, MIB)),
            throttle_failures=int(_number(ENV_THROTTLE_FAILURES, 20)),
            throttle_period=timedelta(minutes=_number(ENV_THROTTLE_MINUTES, 15.0)),
            body_seconds=_number(ENV_BODY_SECONDS, 30.0),
            enrolment_key=enrolment_key_path(data_dir()),
        )


def _number(name: str, default: float) -> float:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput(f"{name} must be a number, not {text!r}", name) from None
    if value <= 0:
        raise InvalidInput(f"{name} must be more than 0, not {text!r}", name)
    return value
