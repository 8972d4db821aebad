"""Making and updating the server database: `init` and `upgrade`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from core.orgfile import OrgFileError, load_org
from core.orgspec import OrgSpec
from core.store import remove_database
from server.accounts import import_organisation
from server.db import Database
from server.migrate import prepare_for_upgrade, upgrade


def read_org(path: str) -> tuple[OrgSpec, str]:
    """The organisation file checked whole, and its text as imported. Raises
    OrgFileError, naming every problem, before anything is touched."""
    spec = load_org(path)
    try:
        source = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:  # it was readable a moment ago
        raise OrgFileError([f"cannot read the file: {exc}"], path) from None
    return spec, source


def init_database(url: str, spec: OrgSpec, source: str, now: datetime) -> tuple[int, bool]:
    """Create the server database (or bring it to the code's schema) and import
    the organisation into it in one transaction. Returns (version, created). A new
    SQLite file that fails half way is removed again."""
    db = Database(url, create=True)
    created = db.path is not None and (not db.path.exists() or db.path.stat().st_size == 0)
    try:
        prepare_for_upgrade(db.engine, db.display)
        upgrade(db.engine)
        with db.write() as session:
            version = import_organisation(session, spec, source, now)
    except BaseException:
        db.dispose()
        if created and db.path is not None:
            remove_database(db.path)
        raise
    db.dispose()
    return version, created


def upgrade_database(url: str) -> tuple[str | None, str]:
    """Apply the server's migrations; returns (revision before, revision after)."""
    db = Database(url)
    try:
        state = prepare_for_upgrade(db.engine, db.display)
        upgrade(db.engine)
        return state.current, state.head
    finally:
        db.dispose()
