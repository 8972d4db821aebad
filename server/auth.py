"""Logins and sessions. A session token is 32 random bytes, shown to the client
once; the database keeps only its SHA-256, so a copy of the database opens no
account. Failed logins are counted in the database (any server process sees
them): after `lockout_failures` in a row the account is locked for
`lockout_period`, during which even the right password is refused.

Beside that count per account, failures are counted per address (the client's IP
as uvicorn gives it, X-Forwarded-For only from trusted proxies): after
`throttle_failures` failed logins from one address within `throttle_period`, every
login from it is answered 429 with Retry-After until the period has passed, before
any password is checked; so one address cannot try every account a few times each.
A successful login does not clear the address's count."""

from __future__ import annotations

import hashlib
import math
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.clock import iso
from core.ids import SYSTEM_USER_ID, new_id
from core.models import Site, User
from core.orgimport import hash_password, verify_password
from server.accounts import account_of
from server.blobstore import insert_new
from server.config import Settings
from server.db import Database
from server.models import Account, AuthSession, Device, LoginThrottle


@cache
def _dummy_hash() -> str:
    """Checked against when the username is unknown, so that a wrong name takes
    as long as a wrong password and does not reveal which usernames exist."""
    return hash_password(secrets.token_urlsafe(16))

TOKEN_MAX = 200


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str
    site: str


@dataclass(frozen=True)
class Refusal:
    """Why a login was refused: the HTTP status and the message for the person."""

    status: int
    message: str
    # seconds before trying again is of use (429)
    retry_after: int | None = None


@dataclass(frozen=True)
class Granted:
    token: str
    session_id: uuid.UUID
    user_id: uuid.UUID
    expires_at: datetime
    device_id: uuid.UUID | None


WRONG = Refusal(401, "wrong username or password")


def login(
    db: Database, settings: Settings, username: str, password: str, device: DeviceInfo | None, now: datetime,
    address: str | None = None,
) -> Granted | Refusal:
    """Check a login. Argon2 runs between two short transactions, never inside
    one, so a slow hash holds no lock; the second re-reads the account."""
    address = (address or "unknown")[:64]
    with db.read() as session:
        blocked = _address_blocked(session, address, now)
        if blocked is not None:
            return _throttled(settings, blocked, now)
        found = session.execute(
            select(User.id, User.password_hash, Account.locked_until)
            .outerjoin(Account, Account.user_id == User.id)
            .where(func.lower(User.username) == username.lower(), User.id != SYSTEM_USER_ID)
        ).first()
    if found is None:
        verify_password(_dummy_hash(), password)
        with db.write() as session:
            _count_address(session, settings, address, now)
        return WRONG
    user_id, password_hash, locked_until = found
    if locked_until is not None and locked_until > now:
        return _locked(settings, username, locked_until)
    ok = verify_password(password_hash, password)
    with db.write() as session:
        user = session.get_one(User, user_id)
        account = account_of(session, user, now)
        if account.locked_until is not None and account.locked_until > now:
            return _locked(settings, user.username, account.locked_until)
        if not ok:
            _count_failure(session, settings, user_id, now)
            _count_address(session, settings, address, now)
            return WRONG
        if account.disabled or not user.active:
            return Refusal(403, f"account {user.username} is disabled; ask an administrator")
        if device is not None and user.role == "integration":
            return Refusal(403, f"{user.username} is an integration account: it logs tickets through "
                                "POST /tickets and keeps no store; sign in without a device")
        site_id = None
        if device is not None:
            site_id = session.scalar(select(Site.id).where(Site.code == device.site))
            if site_id is None:
                return Refusal(422, f"unknown site {device.site!r} for the device")
        account.failed_logins, account.locked_until = 0, None
        device_id = _register_device(session, device, site_id, user, now) if device and site_id else None
        token = secrets.token_urlsafe(32)
        row = AuthSession(
            id=new_id(), token_hash=token_hash(token), user_id=user.id, device_id=device_id, created_at=now,
            expires_at=now + settings.session_ttl, revoked_at=None,
        )
        session.add(row)
        return Granted(token, row.id, user.id, row.expires_at, device_id)


def _locked(settings: Settings, username: str, until: datetime) -> Refusal:
    return Refusal(423, f"account {username} is locked after {settings.lockout_failures} failed logins "
                        f"in a row; try again after {iso(until)}")


def _count_failure(session: Session, settings: Settings, user_id: uuid.UUID, now: datetime) -> None:
    # One UPDATE, so that failures arriving at several server processes at once all count.
    failures = session.execute(
        update(Account).where(Account.user_id == user_id)
        .values(failed_logins=Account.failed_logins + 1).returning(Account.failed_logins)
    ).scalar_one()
    if failures >= settings.lockout_failures:
        session.execute(
            update(Account).where(Account.user_id == user_id)
            .values(failed_logins=0, locked_until=now + settings.lockout_period)
        )


def _address_blocked(session: Session, address: str, now: datetime) -> datetime | None:
    until = session.scalar(select(LoginThrottle.blocked_until).where(LoginThrottle.address == address))
    return until if until is not None and until > now else None


def _throttled(settings: Settings, until: datetime, now: datetime) -> Refusal:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    return Refusal(429, f"too many failed logins from this address ({settings.throttle_failures} within "
                        f"{_minutes(settings.throttle_period)}); try again after {iso(until)}", seconds)


def _minutes(period: timedelta) -> str:
    minutes = period.total_seconds() / 60
    return f"{minutes:g} minute{'s' if minutes != 1 else ''}"


def _count_address(session: Session, settings: Settings, address: str, now: datetime) -> None:
    """One more failure from `address`; the row locked, so concurrent failures all count."""
    insert_new(session, LoginThrottle, address=address, failures=0, window_start=now, blocked_until=None)
    row = session.scalar(select(LoginThrottle).where(LoginThrottle.address == address).with_for_update())
    assert row is not None
    if row.window_start + settings.throttle_period <= now:
        row.failures, row.window_start, row.blocked_until = 0, now, None
    row.failures += 1
    if row.failures >= settings.throttle_failures:
        row.failures, row.window_start, row.blocked_until = 0, now, now + settings.throttle_period


def _register_device(session: Session, device: DeviceInfo, site_id: uuid.UUID, user: User, now: datetime) -> uuid.UUID:
    row = session.get(Device, device.id)
    if row is None:
        session.add(Device(
            id=device.id, name=device.name, site_id=site_id, registered_by_id=user.id, registered_at=now,
            last_login_at=now, last_user_id=user.id,
        ))
        session.flush()
    else:
        row.name, row.site_id, row.last_login_at, row.last_user_id = device.name, site_id, now, user.id
    return device.id


@dataclass(frozen=True)
class Authenticated:
    session_id: uuid.UUID
    user_id: uuid.UUID
    expires_at: datetime
    device_id: uuid.UUID | None


def authenticate(session: Session, token: str | None, now: datetime) -> Authenticated | Refusal:
    if not token:
        return Refusal(401, "not signed in: send 'Authorization: Bearer TOKEN' with the token from POST /auth/login")
    if len(token) > TOKEN_MAX:
        return Refusal(401, "invalid session token")
    row = session.execute(
        select(AuthSession, User.active, Account.disabled)
        .join(User, User.id == AuthSession.user_id)
        .outerjoin(Account, Account.user_id == AuthSession.user_id)
        .where(AuthSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return Refusal(401, "invalid session token")
    auth, active, disabled = row
    if auth.revoked_at is not None:
        return Refusal(401, "this session has ended (signed out or revoked); sign in again")
    if auth.expires_at <= now:
        return Refusal(401, f"this session expired at {iso(auth.expires_at)}; sign in again")
    if not active or disabled:
        return Refusal(401, "this account is disabled")
    return Authenticated(auth.id, auth.user_id, auth.expires_at, auth.device_id)


def issue_token(session: Session, user_id: uuid.UUID, now: datetime, lifetime: timedelta) -> tuple[str, datetime]:
    """A session made without a login, for an account that signs in no other way (an
    integration's token, given by `branchdesk-server users`): shown once, revoked as any
    other session is (disabling the account, a new password, a new token)."""
    token = secrets.token_urlsafe(32)
    expires = now + lifetime
    session.add(AuthSession(id=new_id(), token_hash=token_hash(token), user_id=user_id, device_id=None,
                            created_at=now, expires_at=expires, revoked_at=None))
    return token, expires


def logout(session: Session, session_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(AuthSession).where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None)).values(revoked_at=now)
    )
