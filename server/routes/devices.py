"""Registered devices, for administrators."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from core.models import Site, User
from server.deps import AdminCaller, Server
from server.errors import ERROR_RESPONSES
from server.models import Device
from server.schemas.devices import DeviceOut

router = APIRouter(prefix="/devices", tags=["devices"], responses=ERROR_RESPONSES)


@router.get("", response_model=list[DeviceOut])
def list_devices(_caller: AdminCaller, server: Server) -> list[DeviceOut]:
    """Every client installation that has signed in, most recent first."""
    with server.db.read() as session:
        users = dict(session.execute(select(User.id, User.username)).all())
        sites = dict(session.execute(select(Site.id, Site.code)).all())
        return [
            DeviceOut(
                id=d.id, name=d.name, site=sites.get(d.site_id, str(d.site_id)),
                registered_by=users.get(d.registered_by_id, str(d.registered_by_id)), registered_at=d.registered_at,
                last_login_at=d.last_login_at, last_user=users.get(d.last_user_id, str(d.last_user_id)),
            )
            for d in session.scalars(select(Device).order_by(Device.last_login_at.desc(), Device.id))
        ]
