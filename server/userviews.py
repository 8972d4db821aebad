"""Users as the API shows them, read in a few queries however many there are."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.ids import SYSTEM_USER_ID
from core.models import Site, Team, User, user_sites, user_teams
from server.models import Account
from server.schemas.users import AccountOut, UserOut

Origin = Literal["org", "api"]


def _links(session: Session, ids: list[uuid.UUID] | None) -> tuple[dict[uuid.UUID, list[str]], dict[uuid.UUID, list[str]]]:
    teams_q = select(user_teams.c.user_id, Team.code).join(Team, Team.id == user_teams.c.team_id)
    sites_q = select(user_sites.c.user_id, Site.code).join(Site, Site.id == user_sites.c.site_id)
    if ids is not None:
        teams_q = teams_q.where(user_teams.c.user_id.in_(ids))
        sites_q = sites_q.where(user_sites.c.user_id.in_(ids))
    teams: dict[uuid.UUID, list[str]] = defaultdict(list)
    sites: dict[uuid.UUID, list[str]] = defaultdict(list)
    for user_id, code in session.execute(teams_q.order_by(Team.code)):
        teams[user_id].append(code)
    for user_id, code in session.execute(sites_q.order_by(Site.code)):
        sites[user_id].append(code)
    return teams, sites


def _site_codes(session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(select(Site.id, Site.code)).all())


def user_views(session: Session) -> list[UserOut]:
    """Every user but the system actor, by username."""
    teams, sites = _links(session, None)
    codes = _site_codes(session)
    users = session.scalars(select(User).where(User.id != SYSTEM_USER_ID).order_by(User.username))
    out = []
    for u in users:
        home = codes.get(u.site_id) if u.site_id else None
        out.append(UserOut(
            id=u.id, username=u.username, name=u.name, role=u.role, site=home, teams=teams[u.id],
            sites=[s for s in sites[u.id] if s != home], vip=u.vip, email=u.email, active=u.active,
        ))
    return out


def account_views(session: Session, ids: list[uuid.UUID]) -> list[AccountOut]:
    """The users with these ids, in that order, with their account state."""
    teams, sites = _links(session, ids)
    codes = _site_codes(session)
    rows = {
        user.id: (user, account)
        for user, account in session.execute(
            select(User, Account).outerjoin(Account, Account.user_id == User.id).where(User.id.in_(ids))
        )
    }
    out = []
    for user_id in ids:
        u, a = rows[user_id]
        home = codes.get(u.site_id) if u.site_id else None
        out.append(AccountOut(
            id=u.id, username=u.username, name=u.name, role=u.role, site=home, teams=teams[u.id],
            sites=[s for s in sites[u.id] if s != home], vip=u.vip, email=u.email, active=u.active,
            origin=cast(Origin, a.origin if a else "org"), disabled=a.disabled if a else False,
            has_password=u.password_hash is not None, failed_logins=a.failed_logins if a else 0,
            locked_until=a.locked_until if a else None,
        ))
    return out
