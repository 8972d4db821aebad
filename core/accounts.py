"""Who may sign in to a standalone store, and checking their password.

A standalone store holds the organisation's people with their password hashes
(core.orgimport). A person without a password cannot sign in by choosing their
name; the store's default user (set by `branchdesk demo`, or `init --user`) is
signed in without a password, as the command line acts as them without one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.errors import InvalidInput, NotAllowed
from core.ids import SYSTEM_USER_ID
from core.models import User
from core.orgimport import verify_password
from core.reference import UserInfo, reference_for
from core.store import Store


@dataclass(frozen=True)
class Account:
    username: str
    name: str
    role: str
    site: str | None
    has_password: bool


def accounts(store: Store) -> list[Account]:
    """The active people of the organisation, by name, for a sign-in list."""
    with store.read() as session:
        ref = reference_for(store, session)
        rows = session.execute(
            select(User.username, User.name, User.role, User.site_id, User.password_hash)
            .where(User.active.is_(True), User.id != SYSTEM_USER_ID)
            .order_by(User.name, User.username)
        ).all()
    return [Account(u, n, r, ref.site_code_of(s), bool(h)) for u, n, r, s, h in rows]


def default_user(store: Store) -> str | None:
    return store.meta("default_user")


def _active_user(store: Store, username: str) -> UserInfo:
    with store.read() as session:
        ref = reference_for(store, session)
    user = ref.usernames.get(username)
    if user is None or user.role == "system":
        raise InvalidInput(f"there is no user {username!r} in this organisation", "username")
    if not user.active:
        raise NotAllowed(f"{username} is disabled")
    return user


def authenticate(store: Store, username: str, password: str) -> UserInfo:
    """The person, if the password is theirs; else InvalidInput naming the field to fix."""
    username = username.strip()
    if not username:
        raise InvalidInput("choose who you are", "username")
    user = _active_user(store, username)
    with store.read() as session:
        password_hash = session.scalar(select(User.password_hash).where(User.username == username))
    if not password_hash:
        raise InvalidInput(
            f"{username} has no password in the organisation file; an administrator must give them one",
            "password",
        )
    if not verify_password(password_hash, password):
        raise InvalidInput("wrong password", "password")
    return user


def sign_in_default(store: Store) -> UserInfo | None:
    """The store's default user, signed in without a password, or None if it has none."""
    name = default_user(store)
    if not name:
        return None
    try:
        return _active_user(store, name)
    except (InvalidInput, NotAllowed):
        return None
