"""The knowledge API's answers, built from the read side's own types
(core.knowledge.ArticleSummary, ArticleDetail) by their attributes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ArticleRowOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: str = Field(description="KB-…")
    title: str
    status: str = Field(description="draft or published")
    categories: list[str]
    author: str | None = Field(description="username")
    updated_at: datetime
    solved_count: int = Field(description="tickets it solved (\"this solved it\")")


class ArticlePage(BaseModel):
    total: int = Field(description="articles matching the filters that the caller may read")
    skip: int
    limit: int
    items: list[ArticleRowOut]


class LinkedTicketOut(BaseModel):
    number: str
    status: str
    title: str


class ArticleOut(ArticleRowOut):
    id: uuid.UUID
    body: str = Field(description="Markdown")
    created_at: datetime
    published_at: datetime | None
    published_by: str | None = Field(description="username")
    deflected_count: int = Field(description="problems it solved without a ticket being logged")
    source_ticket: str | None = Field(description="the ticket whose resolution it was written from, if the caller "
                                                  "sees it")
    tickets: list[LinkedTicketOut] = Field(description="linked tickets the caller sees")
