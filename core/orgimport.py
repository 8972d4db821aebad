"""Writing an organisation file's reference data into a database (the local store or
the server's): one transaction, ids derived from codes, existing passwords kept.

Records the new file no longer names are kept, since tickets point at them, but
users among them are disabled."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from core.ids import SYSTEM_USER_ID, reference_id
from core.models import Calendar, Category, Organisation, Site, Supplier, Team, User, user_sites, user_teams
from core.orgspec import OrgSpec

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except Exception:
        # argon2 raises several mismatch and format errors; each means "no".
        return False


def _upsert(session: Session, model: type[Any], row_id: uuid.UUID, **values: Any) -> Any:
    row = session.get(model, row_id)
    if row is None:
        row = model(id=row_id, **values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return row


def import_org(session: Session, spec: OrgSpec, source: str) -> int:
    """Import `spec` (parsed from `source`) and return the reference data's new version."""
    org = session.get(Organisation, 1)
    if org is None:
        org = Organisation(id=1, name=spec.name, auto_close_days=spec.auto_close_days, version=1, source=source)
        session.add(org)
    elif org.source != source:
        org.name, org.auto_close_days, org.source = spec.name, spec.auto_close_days, source
        org.version += 1

    for cal in spec.calendars.values():
        _upsert(
            session, Calendar, reference_id("calendar", cal.name),
            name=cal.name, timezone=cal.timezone, always_open=cal.always_open,
            definition=_jsonable(asdict(cal)),
        )
    for site in spec.sites:
        _upsert(
            session, Site, reference_id("site", site.code), code=site.code, name=site.name,
            calendar=site.calendar, critical=site.critical, country=site.country, region=site.region,
        )
    session.flush()
    for team in spec.teams:
        _upsert(
            session, Team, reference_id("team", team.code), code=team.code, name=team.name,
            tier=team.tier, calendar=team.calendar, escalates_to_id=None, lead_id=None,
        )
    session.flush()
    for team in spec.teams:
        row = session.get_one(Team, reference_id("team", team.code))
        row.escalates_to_id = reference_id("team", team.escalates_to) if team.escalates_to else None
    for supplier in spec.suppliers:
        _upsert(
            session, Supplier, reference_id("supplier", supplier.code), code=supplier.code,
            name=supplier.name, calendar=supplier.calendar,
            response_s=supplier.response, resolution_s=supplier.resolution,
        )
    for cat in spec.categories:
        parent = cat.path.rsplit("/", 1)[0] if "/" in cat.path else None
        _upsert(
            session, Category, reference_id("category", cat.path), path=cat.path,
            name=cat.path.rsplit("/", 1)[-1],
            parent_id=reference_id("category", parent) if parent else None,
            team_id=reference_id("team", cat.team) if cat.team else None,
            security=cat.security, description=cat.description,
            fields=[_jsonable(asdict(f)) for f in cat.fields],
        )
    _import_users(session, spec)
    session.flush()
    for team in spec.teams:
        row = session.get_one(Team, reference_id("team", team.code))
        row.lead_id = reference_id("user", team.lead) if team.lead else None
    return org.version


def _import_users(session: Session, spec: OrgSpec) -> None:
    # Hash each distinct initial password once per import: argon2 is slow on purpose,
    # and an organisation of hundreds of people often starts them all on one password.
    hashes: dict[str, str] = {}
    existing = {u.id: u for u in session.scalars(select(User))}
    named = set()
    if SYSTEM_USER_ID not in existing:
        session.add(User(id=SYSTEM_USER_ID, username="system", name="Branchdesk", role="system", active=True))
    named.add(SYSTEM_USER_ID)
    for user in spec.users:
        user_id = reference_id("user", user.username)
        named.add(user_id)
        row = existing.get(user_id)
        values = dict(
            username=user.username, name=user.name, role=user.role,
            site_id=reference_id("site", user.site) if user.site else None,
            vip=user.vip, email=user.email, active=True,
        )
        if row is None:
            password_hash = None
            if user.password:
                password_hash = hashes.get(user.password) or hashes.setdefault(
                    user.password, hash_password(user.password)
                )
            session.add(User(id=user_id, password_hash=password_hash, **values))
        else:
            for key, value in values.items():
                setattr(row, key, value)
    for user_id, row in existing.items():
        if user_id not in named:
            row.active = False
    session.flush()
    user_ids = [reference_id("user", u.username) for u in spec.users]
    session.execute(delete(user_teams).where(user_teams.c.user_id.in_(user_ids)))
    session.execute(delete(user_sites).where(user_sites.c.user_id.in_(user_ids)))
    team_rows = [
        {"user_id": reference_id("user", u.username), "team_id": reference_id("team", t)}
        for u in spec.users for t in u.teams
    ]
    site_rows = [
        {"user_id": reference_id("user", u.username), "site_id": reference_id("site", s)}
        for u in spec.users for s in u.sites
    ]
    if team_rows:
        session.execute(insert(user_teams), team_rows)
    if site_rows:
        session.execute(insert(user_sites), site_rows)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
