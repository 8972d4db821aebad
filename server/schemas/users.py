from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from server.schemas.auth import NewPassword
from server.schemas.common import Body, Code, Username

Role = Literal["requester", "technician", "agent", "manager", "admin", "integration"]


class UserCreate(Body):
    username: Username
    name: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=200, pattern=r"\S")]
    role: Role
    site: Code | None = Field(default=None, description="home site; required for requesters and technicians")
    teams: Annotated[list[Code], Field(max_length=100)] = []
    sites: Annotated[list[Code], Field(max_length=1000, description="technicians only: further sites covered")] = []
    vip: bool = False
    email: Annotated[str, StringConstraints(strict=True, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    password: NewPassword | None = Field(default=None, description="initial password; without one the user cannot sign in")


class PasswordReset(Body):
    password: NewPassword


class UserOut(BaseModel):
    """A user as the organisation's reference data holds them."""

    id: uuid.UUID
    username: str
    name: str
    role: str
    site: str | None
    teams: list[str]
    sites: list[str] = Field(description="further sites a technician covers, beyond the home site")
    vip: bool
    email: str | None
    active: bool


class AccountOut(UserOut):
    """A user with what only administrators see: the account's state."""

    origin: Literal["org", "api"] = Field(description="named in the organisation file, or created through the API")
    disabled: bool
    has_password: bool
    failed_logins: int
    locked_until: datetime | None


class AccountList(BaseModel):
    total: int
    items: list[AccountOut]
