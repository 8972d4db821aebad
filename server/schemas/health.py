from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from core.version import branchdesk_version


class HealthOut(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unreachable"]
    schema_revision: str | None = Field(description="the database's schema revision")
    schema_head: str = Field(description="the revision this server's code needs")
    organisation_version: int | None
    detail: str | None = None
    version: str = Field(default_factory=branchdesk_version, description="the server's Branchdesk version")
