from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from server.schemas.common import Body
from server.schemas.users import UserOut


class ReferenceOut(BaseModel):
    """Everything a client caches to work offline. `source` is the organisation
    file (TOML, the format of DESIGN §4) without any password; a client imports
    it exactly as `branchdesk init --org` would, then applies `users`, which also
    holds the users administrators created through the API."""

    version: int = Field(description="grows whenever anything here changes; clients refetch when it does")
    name: str
    source: str
    users: list[UserOut]


class ReferenceImport(Body):
    source: Annotated[str, StringConstraints(strict=True, min_length=1)] = Field(
        description="a whole organisation file (TOML); checked whole, and nothing changes if it is refused"
    )


class ReferenceVersionOut(BaseModel):
    version: int
    changed: bool = Field(description="false when the file was the same as the one already imported")
