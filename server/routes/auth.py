"""Signing in and out: POST /auth/login, POST /auth/logout, GET /auth/me,
POST /auth/password."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy.orm import Session

from core.models import Site, User
from core.orgimport import hash_password, verify_password
from server import accounts, auth
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError
from server.middleware import USER_KEY
from server.schemas.auth import LoginIn, MeOut, PasswordChangeIn, SessionOut, SessionUser
from server.schemas.common import ErrorOut

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


def session_user(session: Session, user: User) -> SessionUser:
    site = session.get(Site, user.site_id) if user.site_id else None
    return SessionUser(id=user.id, username=user.username, name=user.name, role=user.role,
                       site=site.code if site else None)


@router.post(
    "/login", response_model=SessionOut,
    responses={
        401: {"model": ErrorOut, "description": "Wrong username or password"},
        403: {"model": ErrorOut, "description": "The account is disabled"},
        423: {"model": ErrorOut, "description": "The account is locked after too many failed logins"},
        429: {"model": ErrorOut, "description": "Too many failed logins from this address: wait for Retry-After "
                                                "seconds (the count is per address, beside each account's lockout)",
              "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}}},
    },
)
def login(body: LoginIn, server: Server, request: Request) -> SessionOut:
    """Sign in. The token in the answer is shown once; send it as a bearer token.
    A device named here is registered at its first login, with its site."""
    now = server.clock()
    device = auth.DeviceInfo(body.device.id, body.device.name, body.device.site) if body.device else None
    address = request.client.host if request.client else None
    outcome = auth.login(server.db, server.settings, body.username, body.password, device, now, address)
    if isinstance(outcome, auth.Refusal):
        headers = {"Retry-After": str(outcome.retry_after)} if outcome.retry_after is not None else None
        raise ApiError(outcome.status, outcome.message, headers=headers)
    with server.db.read() as session:
        user = session.get_one(User, outcome.user_id)
        out = SessionOut(token=outcome.token, expires_at=outcome.expires_at, user=session_user(session, user),
                         device_id=outcome.device_id)
    request.scope[USER_KEY] = user.username
    return out


@router.post("/logout", status_code=204, response_class=Response)
def logout(caller: CurrentCaller, server: Server) -> Response:
    """End this session; its token stops working at once, on every server process."""
    with server.db.write() as session:
        auth.logout(session, caller.session_id, server.clock())
    return Response(status_code=204)


@router.get("/me", response_model=MeOut)
def me(caller: CurrentCaller, server: Server) -> MeOut:
    ref, user = caller.ref, caller.user
    with server.db.read() as session:
        row = session.get_one(User, user.id)
        who = session_user(session, row)
    home = [user.site_id] if user.site_id else []
    others = sorted((s for s in user.site_ids if s != user.site_id), key=lambda s: ref.site_code_of(s) or "")
    return MeOut(
        user=who,
        teams=sorted(code for t in user.team_ids if (code := ref.team_code_of(t))),
        sites=[code for s in [*home, *others] if (code := ref.site_code_of(s))],
        session_id=caller.session_id, expires_at=caller.expires_at, device_id=caller.device_id,
    )


@router.post("/password", status_code=204, response_class=Response)
def change_password(body: PasswordChangeIn, caller: CurrentCaller, server: Server) -> Response:
    """Change one's own password; every other session of the account ends."""
    with server.db.read() as session:
        current_hash = session.get_one(User, caller.user.id).password_hash
    if not verify_password(current_hash, body.current_password):
        raise ApiError(403, "the current password is wrong")
    new_hash = hash_password(body.new_password)
    with server.db.write() as session:
        user = session.get_one(User, caller.user.id)
        accounts.set_password(session, user, new_hash, server.clock(), keep=caller.session_id)
    return Response(status_code=204)
