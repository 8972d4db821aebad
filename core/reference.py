"""The organisation's reference data, read once per version into plain lookups, so
that every command validates against memory rather than querying row by row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound, StoreError
from core.ids import SYSTEM_USER_ID
from core.models import Category, Organisation, Site, Supplier, Team, User, user_sites, user_teams
from core.orgspec import CategorySpec, FieldSpec, OrgSpec

if TYPE_CHECKING:
    from core.store import Store


@dataclass(frozen=True)
class SiteInfo:
    id: uuid.UUID
    code: str
    name: str
    calendar: str
    critical: bool


@dataclass(frozen=True)
class TeamInfo:
    id: uuid.UUID
    code: str
    name: str
    tier: int
    escalates_to_id: uuid.UUID | None
    lead_id: uuid.UUID | None


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    username: str
    name: str
    role: str
    site_id: uuid.UUID | None
    team_ids: frozenset[uuid.UUID]
    # the home site and any further sites the user covers
    site_ids: frozenset[uuid.UUID]
    vip: bool
    active: bool


SYSTEM_USER = UserInfo(
    id=SYSTEM_USER_ID, username="system", name="Branchdesk", role="system",
    site_id=None, team_ids=frozenset(), site_ids=frozenset(), vip=False, active=True,
)


@dataclass(frozen=True)
class CategoryInfo:
    id: uuid.UUID
    path: str
    team_id: uuid.UUID | None
    security: bool
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class SupplierInfo:
    id: uuid.UUID
    code: str
    name: str


class Reference:
    def __init__(
        self,
        version: int,
        spec: OrgSpec,
        sites: list[SiteInfo],
        teams: list[TeamInfo],
        users: list[UserInfo],
        categories: list[CategoryInfo],
        suppliers: list[SupplierInfo],
    ) -> None:
        self.version = version
        self.spec = spec
        self.sites = {s.id: s for s in sites}
        self.site_codes = {s.code: s for s in sites}
        self.teams = {t.id: t for t in teams}
        self.team_codes = {t.code: t for t in teams}
        self.users = {u.id: u for u in users}
        self.users[SYSTEM_USER.id] = SYSTEM_USER
        self.usernames = {u.username: u for u in users}
        self.categories = {c.id: c for c in categories}
        self.category_paths = {c.path: c for c in categories}
        self.suppliers = {s.id: s for s in suppliers}
        self.supplier_codes = {s.code: s for s in suppliers}

    # Lookups by the names people type, each failing with one clear message.
    def site(self, code: str) -> SiteInfo:
        try:
            return self.site_codes[code]
        except KeyError:
            raise InvalidInput(f"unknown site {code!r}", "site") from None

    def team(self, code: str) -> TeamInfo:
        try:
            return self.team_codes[code]
        except KeyError:
            raise InvalidInput(f"unknown team {code!r}", "team") from None

    def user(self, username: str, field: str = "user") -> UserInfo:
        found = self.usernames.get(username)
        if found is None:
            raise InvalidInput(f"unknown user {username!r}", field)
        return found

    def category(self, path: str) -> CategoryInfo:
        found = self.category_paths.get(path)
        if found is None:
            close = [p for p in self.category_paths if path.lower() in p.lower()][:3]
            hint = f"; did you mean {', '.join(repr(p) for p in close)}?" if close else ""
            raise InvalidInput(f"unknown category {path!r}{hint}", "category")
        return found

    def supplier(self, code: str) -> SupplierInfo:
        try:
            return self.supplier_codes[code]
        except KeyError:
            raise InvalidInput(f"unknown supplier {code!r}", "supplier") from None

    # Names for display and JSON.
    def username_of(self, user_id: uuid.UUID | None) -> str | None:
        return self.users[user_id].username if user_id in self.users else None

    def site_code_of(self, site_id: uuid.UUID | None) -> str | None:
        return self.sites[site_id].code if site_id in self.sites else None

    def team_code_of(self, team_id: uuid.UUID | None) -> str | None:
        return self.teams[team_id].code if team_id in self.teams else None

    def category_path_of(self, category_id: uuid.UUID | None) -> str | None:
        return self.categories[category_id].path if category_id in self.categories else None

    def supplier_code_of(self, supplier_id: uuid.UUID | None) -> str | None:
        return self.suppliers[supplier_id].code if supplier_id in self.suppliers else None

    def team_members(self, team_id: uuid.UUID) -> list[UserInfo]:
        return [u for u in self.users.values() if team_id in u.team_ids and u.active]


def load_reference(session: Session) -> Reference:
    from core.orgfile import parse_org

    org = session.get(Organisation, 1)
    if org is None:
        raise StoreError("this store holds no organisation yet; run 'branchdesk init --org FILE' first")
    spec = parse_org(org.source)
    team_links: dict[uuid.UUID, set[uuid.UUID]] = {}
    for user_id, team_id in session.execute(select(user_teams.c.user_id, user_teams.c.team_id)):
        team_links.setdefault(user_id, set()).add(team_id)
    site_links: dict[uuid.UUID, set[uuid.UUID]] = {}
    for user_id, site_id in session.execute(select(user_sites.c.user_id, user_sites.c.site_id)):
        site_links.setdefault(user_id, set()).add(site_id)
    fields_by_path = {c.path: c.fields for c in spec.categories}
    users = [
        UserInfo(
            id=u.id, username=u.username, name=u.name, role=u.role, site_id=u.site_id,
            team_ids=frozenset(team_links.get(u.id, ())),
            site_ids=frozenset(site_links.get(u.id, set()) | ({u.site_id} if u.site_id else set())),
            vip=u.vip, active=u.active,
        )
        for u in session.scalars(select(User).execution_options(populate_existing=False))
    ]
    return Reference(
        version=org.version,
        spec=spec,
        sites=[SiteInfo(s.id, s.code, s.name, s.calendar, s.critical) for s in session.scalars(select(Site))],
        teams=[
            TeamInfo(t.id, t.code, t.name, t.tier, t.escalates_to_id, t.lead_id)
            for t in session.scalars(select(Team))
        ],
        users=users,
        categories=[
            CategoryInfo(c.id, c.path, c.team_id, c.security, tuple(fields_by_path.get(c.path, ())))
            for c in session.scalars(select(Category))
        ],
        suppliers=[SupplierInfo(s.id, s.code, s.name) for s in session.scalars(select(Supplier))],
    )


def reference_for(store: Store, session: Session) -> Reference:
    """The store's reference data, parsed again only when its version changed."""
    version = session.scalar(select(Organisation.version).where(Organisation.id == 1))
    if version is None:
        raise StoreError("this store holds no organisation yet; run 'branchdesk init --org FILE' first")
    cached = store.reference_cache
    if cached is None or cached.version != version:
        cached = load_reference(session)
        store.reference_cache = cached
    return cached


def require_user(ref: Reference, user_id: uuid.UUID) -> UserInfo:
    found = ref.users.get(user_id)
    if found is None:
        raise NotFound(f"no user with id {user_id}")
    return found


def category_fields(spec: CategorySpec) -> list[dict[str, object]]:
    return [
        {"key": f.key, "label": f.label, "type": f.type, "required": f.required, "choices": list(f.choices)}
        for f in spec.fields
    ]
