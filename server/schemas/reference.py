from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from server.schemas.common import Body


class ReferenceUser(BaseModel):
    """A user as the caller's role receives them (server/README.md, "Reference data by role")."""

    id: uuid.UUID
    username: str
    name: str
    role: str
    site: str | None
    teams: list[str]
    sites: list[str] = Field(description="further sites a technician covers, beyond the home site")
    vip: bool
    active: bool
    email: str | None = Field(default=None, description="only for support staff and administrators; "
                                                        "absent for every other role")


class ReferenceOut(BaseModel):
    """Everything a client caches to work offline, shaped by the caller's role.
    `source` is the organisation file (TOML, the format of DESIGN §4) without any
    password and without what the role does not receive; a client imports it
    exactly as `branchdesk init --org` would, then applies `users`, which also
    holds the users administrators created through the API."""

    version: int = Field(description="grows whenever anything here changes; clients refetch when it does")
    shape: Literal["basic", "staff", "full"] = Field(
        description="what the caller's role receives: basic (requesters, technicians, integrations), "
                    "staff (agents, managers: with e-mail addresses) or full (administrators)")
    name: str
    source: str
    users: list[ReferenceUser]


class ReferenceImport(Body):
    source: Annotated[str, StringConstraints(strict=True, min_length=1)] = Field(
        description="a whole organisation file (TOML); checked whole, and nothing changes if it is refused"
    )


class ReferenceVersionOut(BaseModel):
    version: int
    changed: bool = Field(description="false when the file was the same as the one already imported")
