"""Reference data from the server into a client store: one way, with a version
(DESIGN §6). The organisation file is imported exactly as `branchdesk init` would;
then the server's user list, which also holds users created through its API.

The server shapes the document by the user's role (server/README.md): a field it
leaves out is cleared here, and the bytes it held are overwritten, not merely
freed, so a device whose user lost a role keeps no contact details it no longer
receives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from core.ids import reference_id
from core.models import Organisation, StoreMeta, User, user_sites, user_teams
from core.orgfile import parse_org
from core.orgimport import import_org
from core.store import Store, set_meta
from sync.records import chunks


def import_reference(store: Store, document: dict[str, Any], etag: str | None = None) -> int:
    """Apply the server's reference document; returns the version now held. `etag`
    is the answer's, sent back next time to be told nothing changed."""
    source = str(document["source"])
    spec = parse_org(source)
    version = int(document["version"])
    with store.write() as session, _secure_delete(session):
        held_contacts = session.scalar(select(User.id).where(User.email.is_not(None)).limit(1)) is not None
        import_org(session, spec, source)
        # every user in a few statements: one at a time, this was a tenth of a first sync
        users = document.get("users", [])
        held = {row.id: row for row in session.scalars(select(User))}
        teams: list[dict[str, Any]] = []
        sites: list[dict[str, Any]] = []
        for user in users:
            user_id = reference_id("user", user["username"])
            values = dict(
                username=user["username"], name=user["name"], role=user["role"],
                site_id=reference_id("site", user["site"]) if user.get("site") else None,
                vip=bool(user.get("vip")), email=user.get("email"), active=bool(user.get("active", True)),
            )
            row = held.get(user_id)
            if row is None:
                session.add(User(id=user_id, password_hash=None, **values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)
            teams += [{"user_id": user_id, "team_id": reference_id("team", t)} for t in user.get("teams", [])]
            sites += [{"user_id": user_id, "site_id": reference_id("site", s)} for s in user.get("sites", [])]
        session.flush()
        ids = [reference_id("user", user["username"]) for user in users]
        for chunk in chunks(ids):
            session.execute(delete(user_teams).where(user_teams.c.user_id.in_(chunk)))
            session.execute(delete(user_sites).where(user_sites.c.user_id.in_(chunk)))
        if teams:
            session.execute(insert(user_teams), teams)
        if sites:
            session.execute(insert(user_sites), sites)
        org = session.get(Organisation, 1)
        assert org is not None
        # The server's version is the one to compare with next time; the local
        # counter moves too, so cached reference data is read again.
        org.version = max(org.version + 1, version)
        set_meta(session, "reference_version", str(version))
        if etag:
            set_meta(session, "reference_etag", etag)
        else:
            session.execute(delete(StoreMeta).where(StoreMeta.key == "reference_etag"))
        dropped_contacts = held_contacts and not any(u.get("email") for u in document.get("users", []))
    store.reference_cache = None
    if dropped_contacts:
        _forget_old_pages(store)
    return version


@contextmanager
def _secure_delete(session: Session) -> Iterator[None]:
    """What changed rows held is zeroed as they change, not left in free space."""
    session.execute(text("PRAGMA secure_delete = ON"))
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # a failed import must keep its own error
            session.execute(text("PRAGMA secure_delete = OFF"))


def _forget_old_pages(store: Store) -> None:
    """Copy the write-ahead log into the file and empty it, so that the pages it held
    before this import (contact details this device no longer receives) are gone.
    Best effort: a reader still open keeps the log until the next checkpoint."""
    raw = store.engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    finally:
        raw.close()
