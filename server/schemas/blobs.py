"""Attachment content: where an upload stands."""

from __future__ import annotations

from pydantic import BaseModel, Field


class UploadStatusOut(BaseModel):
    size: int | None = Field(description="the content's whole size in bytes; null while nothing has arrived")
    received: int = Field(description="bytes that have arrived: the next chunk starts here")
    complete: bool = Field(description="the whole content is here and matches its SHA-256")
