"""Reference data: the organisation, its sites, teams, people, suppliers and
categories. Written only by importing an organisation file (or by the server's
admin endpoints); ids are derived from codes (core.ids.reference_id)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base

user_teams = Table(
    "user_teams",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), primary_key=True),
)

user_sites = Table(
    "user_sites",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("site_id", ForeignKey("sites.id"), primary_key=True),
)


class Organisation(Base):
    """One row: the organisation's name, settings and the file it came from.

    `source` is the organisation file as imported; the SLA engine and the
    priority rules read their settings from it (parsed once per version)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    auto_close_days: Mapped[int]
    version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(Text)


class Calendar(Base):
    __tablename__ = "calendars"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    always_open: Mapped[bool] = mapped_column(Boolean, default=False)
    definition: Mapped[dict[str, Any]]


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    calendar: Mapped[str] = mapped_column(String(100))
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    country: Mapped[str | None] = mapped_column(String(8))
    region: Mapped[str | None] = mapped_column(String(100))


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    tier: Mapped[int] = mapped_column(Integer, default=1)
    escalates_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    calendar: Mapped[str | None] = mapped_column(String(100))
    lead_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", use_alter=True))


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    site: Mapped[Site | None] = relationship(lazy="joined")
    teams: Mapped[list[Team]] = relationship(secondary=user_teams, lazy="selectin")
    sites: Mapped[list[Site]] = relationship(secondary=user_sites, lazy="selectin")


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    calendar: Mapped[str] = mapped_column(String(100))
    response_s: Mapped[int]
    resolution_s: Mapped[int]


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    security: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    # the category's own form: [{key, label, type, required, choices}]
    fields: Mapped[list[Any]]
