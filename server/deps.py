"""What endpoints depend on: the server's state, and the caller behind the
bearer token. Every request reads its session from the database, so any
server process can answer any request."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import StoreError
from core.models import Organisation
from core.reference import Reference, UserInfo, load_reference
from server.auth import Refusal, authenticate
from server.config import Settings
from server.db import Database
from server.errors import ApiError, unauthorized
from server.middleware import USER_KEY
from server.policy import may_change_reference, may_manage_accounts


class ReferenceCache:
    """The organisation's reference data parsed once per version. The version is
    read from the database on every use, so a change made through any server
    process is seen by the next request everywhere; this is a cache, never state."""

    def __init__(self) -> None:
        self._ref: Reference | None = None
        self._lock = threading.Lock()

    def get(self, session: Session) -> Reference:
        version = session.scalar(select(Organisation.version).where(Organisation.id == 1))
        if version is None:
            raise StoreError("the server database holds no organisation; run 'branchdesk-server init --org FILE'")
        ref = self._ref
        if ref is None or ref.version != version:
            with self._lock:
                ref = self._ref
                if ref is None or ref.version != version:
                    ref = load_reference(session)
                    self._ref = ref
        return ref


@dataclass
class ServerState:
    db: Database
    settings: Settings
    clock: Callable[[], datetime]
    refs: ReferenceCache = field(default_factory=ReferenceCache)
    # renderings derived from the database, each tagged with the version it was made from
    cache: dict[str, Any] = field(default_factory=dict)


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


Server = Annotated[ServerState, Depends(server_state)]

bearer = HTTPBearer(
    auto_error=False,
    description="The token from POST /auth/login, as 'Authorization: Bearer TOKEN'.",
)


@dataclass(frozen=True)
class Caller:
    user: UserInfo
    session_id: uuid.UUID
    expires_at: datetime
    device_id: uuid.UUID | None
    ref: Reference


def current_caller(
    request: Request, server: Server,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    token = credentials.credentials if credentials is not None else None
    with server.db.read() as session:
        found = authenticate(session, token, server.clock())
        if isinstance(found, Refusal):
            raise unauthorized(found.message)
        ref = server.refs.get(session)
    user = ref.users.get(found.user_id)
    if user is None or not user.active:
        raise unauthorized("this account is disabled")
    request.scope[USER_KEY] = user.username
    return Caller(user, found.session_id, found.expires_at, found.device_id, ref)


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def admin_caller(caller: CurrentCaller) -> Caller:
    if not may_manage_accounts(caller.user):
        raise ApiError(403, f"only administrators may do this; you are a {caller.user.role}")
    return caller


def reference_admin(caller: CurrentCaller) -> Caller:
    if not may_change_reference(caller.user):
        raise ApiError(403, f"only administrators change reference data; you are a {caller.user.role}")
    return caller


AdminCaller = Annotated[Caller, Depends(admin_caller)]
ReferenceAdmin = Annotated[Caller, Depends(reference_admin)]
