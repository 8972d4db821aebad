"""People as the server manages them: importing the organisation file, and the
administrator's create, disable, enable and password reset.

The organisation file names most users; an administrator may add more through
the API. Re-importing the file disables users it no longer names (core does
that), so afterwards `reconcile_accounts` puts back what the server decided on
its own: users an administrator created stay, users an administrator disabled
stay disabled. Every change to who exists bumps the reference data's version,
so clients know to fetch it again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound
from core.ids import SYSTEM_USER_ID, reference_id
from core.models import Organisation, Site, Team, User, user_sites, user_teams
from core.orgfile import SYSTEM_ACTOR
from core.orgimport import import_org
from core.orgspec import ROLES, OrgSpec
from core.reference import load_reference
from server.models import Account, AuthSession


def bump_reference_version(session: Session) -> None:
    session.execute(update(Organisation).where(Organisation.id == 1).values(version=Organisation.version + 1))


def import_organisation(session: Session, spec: OrgSpec, source: str, now: datetime) -> int:
    """Import (or re-import) the organisation file in the caller's transaction;
    returns the reference data's version."""
    version = import_org(session, spec, source)
    reconcile_accounts(session, spec, now)
    session.flush()
    load_reference(session)  # proves the imported data reads back before anything commits
    return version


def reconcile_accounts(session: Session, spec: OrgSpec, now: datetime) -> None:
    named = {reference_id("user", u.username) for u in spec.users}
    accounts = {a.user_id: a for a in session.scalars(select(Account))}
    for user in session.scalars(select(User).where(User.id != SYSTEM_USER_ID)):
        account = accounts.get(user.id)
        if account is None:
            account = Account(
                user_id=user.id, origin="org" if user.id in named else "api", disabled=False,
                failed_logins=0, created_at=now,
            )
            session.add(account)
        elif user.id in named:
            account.origin = "org"
        if account.disabled:
            user.active = False
        elif account.origin == "api":
            user.active = True


@dataclass(frozen=True)
class NewUser:
    username: str
    name: str
    role: str
    site: str | None = None
    teams: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    vip: bool = False
    email: str | None = None
    password_hash: str | None = None  # hashed before the transaction: Argon2 is slow on purpose


def find_user(session: Session, username: str) -> User:
    user = session.scalar(
        select(User).where(func.lower(User.username) == username.lower(), User.id != SYSTEM_USER_ID)
    )
    if user is None:
        raise NotFound(f"no user {username!r}")
    return user


def account_of(session: Session, user: User, now: datetime) -> Account:
    account = session.get(Account, user.id)
    if account is None:  # a user the server has not met yet (e.g. written by an older import)
        account = Account(user_id=user.id, origin="org", disabled=False, failed_logins=0, created_at=now)
        session.add(account)
        session.flush()
    return account


def create_user(session: Session, new: NewUser, now: datetime) -> User:
    """The same rules as a [[users]] table of the organisation file."""
    if new.username.casefold() == SYSTEM_ACTOR:
        raise InvalidInput(f"{new.username!r} is reserved for automatic actions", "username")
    if new.role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}, not {new.role!r}", "role")
    taken = session.scalar(select(User.username).where(func.lower(User.username) == new.username.lower()))
    if taken is not None:
        raise InvalidInput(f"user {taken!r} already exists", "username")
    site_id = None
    if new.site is not None:
        site_id = _site_id(session, new.site, "site")
    elif new.role in ("requester", "technician"):
        raise InvalidInput(f"a {new.role} needs a home site", "site")
    if new.teams and new.role in ("requester", "integration"):
        raise InvalidInput(f"{'an' if new.role == 'integration' else 'a'} {new.role} belongs to no team", "teams")
    if new.sites and new.role != "technician":
        raise InvalidInput("only technicians cover extra sites", "sites")
    team_ids = [_team_id(session, code) for code in dict.fromkeys(new.teams)]
    extra_sites = [_site_id(session, code, "sites") for code in dict.fromkeys(new.sites) if code != new.site]
    user = User(
        id=reference_id("user", new.username), username=new.username, name=new.name, role=new.role,
        site_id=site_id, vip=new.vip, email=new.email,
        password_hash=new.password_hash, active=True,
    )
    session.add(user)
    session.flush()
    if team_ids:
        session.execute(insert(user_teams), [{"user_id": user.id, "team_id": t} for t in team_ids])
    if extra_sites:
        session.execute(insert(user_sites), [{"user_id": user.id, "site_id": s} for s in extra_sites])
    session.add(Account(
        user_id=user.id, origin="api", disabled=False, failed_logins=0, created_at=now,
        password_changed_at=now if new.password_hash else None,
    ))
    bump_reference_version(session)
    return user


def _site_id(session: Session, code: str, field: str) -> uuid.UUID:
    found = session.scalar(select(Site.id).where(Site.code == code))
    if found is None:
        raise InvalidInput(f"unknown site {code!r}", field)
    return found


def _team_id(session: Session, code: str) -> uuid.UUID:
    found = session.scalar(select(Team.id).where(Team.code == code))
    if found is None:
        raise InvalidInput(f"unknown team {code!r}", "teams")
    return found


def set_disabled(session: Session, user: User, disabled: bool, now: datetime) -> None:
    account = account_of(session, user, now)
    if account.disabled == disabled and user.active == (not disabled):
        return
    account.disabled = disabled
    user.active = not disabled
    if disabled:
        revoke_sessions(session, user.id, now)
    else:
        account.failed_logins, account.locked_until = 0, None
    bump_reference_version(session)


def set_password(
    session: Session, user: User, password_hash: str, now: datetime, *, keep: uuid.UUID | None = None,
) -> None:
    """A new password (hashed with core.orgimport.hash_password) ends the user's
    sessions (except `keep`) and any lockout."""
    account = account_of(session, user, now)
    user.password_hash = password_hash
    account.password_changed_at = now
    account.failed_logins, account.locked_until = 0, None
    revoke_sessions(session, user.id, now, keep=keep)


def revoke_sessions(session: Session, user_id: uuid.UUID, now: datetime, *, keep: uuid.UUID | None = None) -> None:
    query = update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
    if keep is not None:
        query = query.where(AuthSession.id != keep)
    session.execute(query.values(revoked_at=now))
