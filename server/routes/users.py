"""Accounts, for administrators: list, create, disable, enable, reset a password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy import func, select

from core.ids import SYSTEM_USER_ID
from core.models import User
from core.orgimport import hash_password
from server import accounts
from server.deps import AdminCaller, Server
from server.errors import ERROR_RESPONSES, ApiError
from server.schemas.users import AccountList, AccountOut, PasswordReset, UserCreate
from server.userviews import account_views

router = APIRouter(prefix="/users", tags=["users"], responses=ERROR_RESPONSES)

UsernamePath = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("", response_model=AccountList)
def list_users(
    _caller: AdminCaller, server: Server,
    skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> AccountList:
    with server.db.read() as session:
        total = session.scalar(select(func.count()).select_from(User).where(User.id != SYSTEM_USER_ID)) or 0
        ids = session.scalars(
            select(User.id).where(User.id != SYSTEM_USER_ID).order_by(User.username).offset(skip).limit(limit)
        ).all()
        return AccountList(total=total, items=account_views(session, list(ids)))


@router.post("", response_model=AccountOut, status_code=201)
def create_user(body: UserCreate, _caller: AdminCaller, server: Server) -> AccountOut:
    """A user beyond the organisation file; clients learn of them through GET /reference."""
    password_hash = hash_password(body.password) if body.password else None
    new = accounts.NewUser(
        username=body.username, name=body.name, role=body.role, site=body.site, teams=tuple(body.teams),
        sites=tuple(body.sites), vip=body.vip, email=body.email, password_hash=password_hash,
    )
    with server.db.write() as session:
        user = accounts.create_user(session, new, server.clock())
        session.flush()
        return account_views(session, [user.id])[0]


@router.get("/{username}", response_model=AccountOut)
def get_user(username: UsernamePath, _caller: AdminCaller, server: Server) -> AccountOut:
    with server.db.read() as session:
        return account_views(session, [accounts.find_user(session, username).id])[0]


@router.post("/{username}/disable", response_model=AccountOut)
def disable_user(username: UsernamePath, caller: AdminCaller, server: Server) -> AccountOut:
    """Refuse the user's logins and end their sessions at once."""
    with server.db.write() as session:
        user = accounts.find_user(session, username)
        if user.id == caller.user.id:
            raise ApiError(409, "you cannot disable your own account")
        accounts.set_disabled(session, user, True, server.clock())
        session.flush()
        return account_views(session, [user.id])[0]


@router.post("/{username}/enable", response_model=AccountOut)
def enable_user(username: UsernamePath, _caller: AdminCaller, server: Server) -> AccountOut:
    """Let a disabled user sign in again; also lifts a lockout."""
    with server.db.write() as session:
        user = accounts.find_user(session, username)
        accounts.set_disabled(session, user, False, server.clock())
        session.flush()
        return account_views(session, [user.id])[0]


@router.post("/{username}/password", status_code=204, response_class=Response)
def reset_password(username: UsernamePath, body: PasswordReset, _caller: AdminCaller, server: Server) -> Response:
    """Set a new password; the user's sessions end and any lockout is lifted."""
    with server.db.read() as session:
        accounts.find_user(session, username)
    password_hash = hash_password(body.password)
    with server.db.write() as session:
        user = accounts.find_user(session, username)
        accounts.set_password(session, user, password_hash, server.clock())
    return Response(status_code=204)
