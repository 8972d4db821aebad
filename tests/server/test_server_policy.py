"""The permission functions sync will call, as plain functions of (user, ticket)."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from core.models import Ticket
from core.reference import UserInfo
from server.policy import may_change_reference, may_change_ticket, may_manage_accounts, may_read_ticket

SITE_A, SITE_B = uuid.uuid4(), uuid.uuid4()
TEAM = uuid.uuid4()


def user(role, site=SITE_A, teams=(), sites=(), active=True):
    return UserInfo(id=uuid.uuid4(), username=role, name=role, role=role, site_id=site, team_ids=frozenset(teams),
                    site_ids=frozenset({site, *sites} - {None}), vip=False, active=active)


def ticket(site, team=None):
    return Ticket(id=uuid.uuid4(), site_id=site, team_id=team)


@pytest.mark.parametrize("who, own_site, other_site, team_ticket", [
    (user("requester"), True, False, False),
    (user("technician", teams=[TEAM]), True, False, True),
    (user("technician", sites=[SITE_B]), True, True, False),
    (user("agent", site=None), True, True, True),
    (user("manager", site=None), True, True, True),
    (user("admin", site=None), True, True, True),
])
def test_read_and_change_follow_the_scope(who, own_site, other_site, team_ticket):
    for subject, allowed in ((ticket(SITE_A), own_site), (ticket(SITE_B), other_site),
                             (ticket(uuid.uuid4(), TEAM), team_ticket)):
        assert may_read_ticket(who, subject) is allowed
        assert may_change_ticket(who, subject) is allowed


def test_an_inactive_user_may_do_nothing():
    for role in ("requester", "technician", "agent", "manager", "admin"):
        idle = dataclasses.replace(user(role), active=False)
        assert not may_read_ticket(idle, ticket(SITE_A))
        assert not may_change_ticket(idle, ticket(SITE_A))
        assert not may_change_reference(idle) and not may_manage_accounts(idle)


@pytest.mark.parametrize("role", ["requester", "technician", "agent", "manager", "admin"])
def test_only_admins_change_reference_data_and_accounts(role):
    assert may_change_reference(user(role)) is (role == "admin")
    assert may_manage_accounts(user(role)) is (role == "admin")
