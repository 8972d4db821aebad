from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from server.schemas.common import Body, Code

Secret = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=1024)]
NewPassword = Annotated[str, StringConstraints(strict=True, min_length=8, max_length=1024)]


class DeviceIn(Body):
    id: uuid.UUID = Field(description="the client's own id (its store's client id); registered at its first login")
    name: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=100)]
    site: Code = Field(description="code of the site the device is at")


class LoginIn(Body):
    username: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=100)]
    password: Secret
    device: DeviceIn | None = Field(default=None, description="the client installation signing in, if any")


class SessionUser(BaseModel):
    id: uuid.UUID
    username: str
    name: str
    role: str
    site: str | None


class SessionOut(BaseModel):
    token: str = Field(description="send as 'Authorization: Bearer TOKEN'; shown only this once")
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime
    user: SessionUser
    device_id: uuid.UUID | None


class MeOut(BaseModel):
    user: SessionUser
    teams: list[str]
    sites: list[str] = Field(description="every site the user covers, the home site first")
    session_id: uuid.UUID
    expires_at: datetime
    device_id: uuid.UUID | None


class PasswordChangeIn(Body):
    current_password: Secret
    new_password: NewPassword
