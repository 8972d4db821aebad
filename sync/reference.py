"""Reference data from the server into a client store: one way, with a version
(DESIGN §6). The organisation file is imported exactly as `branchdesk init` would;
then the server's user list, which also holds users created through its API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert

from core.ids import reference_id
from core.models import Organisation, User, user_sites, user_teams
from core.orgfile import parse_org
from core.orgimport import import_org
from core.store import Store, set_meta


def import_reference(store: Store, document: dict[str, Any]) -> int:
    """Apply the server's reference document; returns the version now held."""
    source = str(document["source"])
    spec = parse_org(source)
    version = int(document["version"])
    with store.write() as session:
        import_org(session, spec, source)
        for user in document.get("users", []):
            user_id = reference_id("user", user["username"])
            row = session.get(User, user_id)
            values = dict(
                username=user["username"], name=user["name"], role=user["role"],
                site_id=reference_id("site", user["site"]) if user.get("site") else None,
                vip=bool(user.get("vip")), email=user.get("email"), active=bool(user.get("active", True)),
            )
            if row is None:
                session.add(User(id=user_id, password_hash=None, **values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)
            session.flush()
            session.execute(delete(user_teams).where(user_teams.c.user_id == user_id))
            session.execute(delete(user_sites).where(user_sites.c.user_id == user_id))
            teams = [{"user_id": user_id, "team_id": reference_id("team", t)} for t in user.get("teams", [])]
            sites = [{"user_id": user_id, "site_id": reference_id("site", s)} for s in user.get("sites", [])]
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
    store.reference_cache = None
    return version
