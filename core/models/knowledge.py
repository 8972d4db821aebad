"""Knowledge articles, their links to tickets, and requesters' ratings of resolved
tickets (DESIGN §15).

Articles are replicated records of their own (kind `article`), not hanging on a
ticket: published ones reach every device, drafts only support staff. A link of an
article to a ticket (kind `article_link`) and a ticket's rating (kind `rating`) hang
on their ticket and travel with it, like its comments. Neither names the article
with a foreign key: a device may hold a link to a draft it is not sent."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base

ARTICLE_STATUSES = ("draft", "published")


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_status", "status"), Index("ix_articles_updated", "updated_at"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # KB-<device>-<sequence>: unique across devices without asking anyone, as ticket numbers are
    number: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # category paths, the first the main one
    categories: Mapped[list[Any]] = mapped_column(JSON)
    # draft | published
    status: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    # the resolved ticket it was written from, if any (no foreign key: it may be outside a device's scope)
    source_ticket_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # "this solved it": every use, and those that needed no ticket at all (deflected)
    solved_count: Mapped[int] = mapped_column(Integer, default=0)
    deflected_count: Mapped[int] = mapped_column(Integer, default=0)


class ArticleLink(Base):
    """An article linked to a ticket: insert-only, like a ticket link."""

    __tablename__ = "article_links"
    __table_args__ = (Index("ix_article_links_ticket", "ticket_id"), Index("ix_article_links_article", "article_id"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    article_id: Mapped[uuid.UUID]
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime]
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))


class Rating(Base):
    """A requester's rating of her resolved ticket: one per ticket (its id derives from
    the ticket's), changeable until the ticket is closed."""

    __tablename__ = "ratings"
    __table_args__ = (Index("ix_ratings_updated", "updated_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), unique=True)
    rater_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    # satisfaction 1-5; effort 1-5 ("how easy was it to get this solved", 5 easiest)
    score: Mapped[int] = mapped_column(Integer)
    effort: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
