from __future__ import annotations

from pydantic import BaseModel, Field


class EnrolmentOut(BaseModel):
    status: str = Field(default="ok", description="the file was made by this server and may be used")
    server: str
    site: str
    expires_at: str
