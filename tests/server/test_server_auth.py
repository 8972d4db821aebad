"""Logins, sessions, lockout, expiry, revocation and devices."""

from __future__ import annotations

import hashlib
import uuid

from server_testkit import PASSWORD, login
from sqlalchemy import select

from server.models import Account, AuthSession, Device


def _login(client, username, password=PASSWORD, **extra):
    return client.post("/auth/login", json={"username": username, "password": password, **extra})


def test_login_returns_an_opaque_token_stored_only_hashed(client, db, clock):
    answer = _login(client, "ada")
    assert answer.status_code == 200
    body = answer.json()
    token = body["token"]
    assert len(token) >= 40 and body["token_type"] == "bearer"
    assert body["user"] == {"id": body["user"]["id"], "username": "ada", "name": "Ada Agent", "role": "agent",
                            "site": None}
    assert body["expires_at"] == "2026-03-02T21:00:00Z"  # twelve hours after the (fake) login time
    with db.read() as session:
        stored = session.scalars(select(AuthSession)).all()
    assert len(stored) == 1
    assert stored[0].token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert all(token not in str(value) for value in vars(stored[0]).values())


def test_username_is_matched_without_regard_to_case(client):
    assert _login(client, "ADA").status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(client):
    wrong = _login(client, "ada", "not-the-password")
    unknown = _login(client, "nobody-here", "whatever")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": "wrong username or password", "problems": []}


def test_a_user_without_a_password_cannot_sign_in(client):
    assert _login(client, "nopass", "").status_code == 422  # an empty password is not even asked about
    assert _login(client, "nopass", "anything").status_code == 401


def test_five_failures_in_a_row_lock_the_account_for_fifteen_minutes(client, clock):
    for _ in range(4):
        assert _login(client, "anna", "wrong").status_code == 401
    fifth = _login(client, "anna", "wrong")
    assert fifth.status_code == 401
    locked = _login(client, "anna")  # even the right password is refused while locked
    assert locked.status_code == 423
    assert "locked" in locked.json()["detail"] and "2026-03-02T09:15:00Z" in locked.json()["detail"]
    clock.advance(minutes=14, seconds=59)
    assert _login(client, "anna").status_code == 423
    clock.advance(seconds=1)
    assert _login(client, "anna").status_code == 200


def test_a_success_resets_the_count_of_failures(client, db):
    for _ in range(4):
        _login(client, "anna", "wrong")
    assert _login(client, "anna").status_code == 200
    for _ in range(4):
        assert _login(client, "anna", "wrong").status_code == 401
    assert _login(client, "anna").status_code == 200
    with db.read() as session:
        accounts = session.scalars(select(Account)).all()
    assert all(a.failed_logins == 0 and a.locked_until is None for a in accounts)


def test_lockout_is_per_account(client):
    for _ in range(5):
        _login(client, "anna", "wrong")
    assert _login(client, "anna").status_code == 423
    assert _login(client, "ola").status_code == 200


def test_a_session_expires_after_its_lifetime(client, clock):
    headers = login(client, "ada")
    clock.advance(hours=11, minutes=59, seconds=59)
    assert client.get("/auth/me", headers=headers).status_code == 200
    clock.advance(seconds=1)
    expired = client.get("/auth/me", headers=headers)
    assert expired.status_code == 401
    assert "expired" in expired.json()["detail"]
    assert expired.headers["www-authenticate"] == "Bearer"


def test_logout_revokes_the_token_and_only_that_token(client):
    first, second = login(client, "ada"), login(client, "ada")
    assert client.post("/auth/logout", headers=first).status_code == 204
    ended = client.get("/auth/me", headers=first)
    assert ended.status_code == 401 and "ended" in ended.json()["detail"]
    assert client.post("/auth/logout", headers=first).status_code == 401
    assert client.get("/auth/me", headers=second).status_code == 200


def test_missing_malformed_and_forged_tokens_are_refused(client):
    login(client, "ada")
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic YWRhOnB3"},
                    {"Authorization": "Bearer " + "A" * 43}, {"Authorization": "Bearer " + "x" * 5000},
                    {"Authorization": "Bearer \u00e9t\u00e9".encode("latin-1")}):
        for path in ("/auth/me", "/tickets", "/reference", "/kpis/tickets", "/users"):
            answer = client.get(path, headers=headers)
            assert answer.status_code == 401, (path, headers, answer.text)
            assert answer.json()["detail"]


def test_a_device_is_registered_at_its_first_login_with_its_site(client, db, clock):
    device = {"id": str(uuid.uuid4()), "name": "POS back office PC", "site": "PL-POZ-001"}
    first = _login(client, "anna", device=device)
    assert first.status_code == 200 and first.json()["device_id"] == device["id"]
    clock.advance(hours=1)
    assert _login(client, "tom", device=device).status_code == 200
    with db.read() as session:
        rows = session.scalars(select(Device)).all()
        sessions = session.scalars(select(AuthSession)).all()
    assert len(rows) == 1
    assert rows[0].name == "POS back office PC" and rows[0].registered_at.isoformat().startswith("2026-03-02T09:00")
    assert rows[0].last_login_at > rows[0].registered_at
    assert {s.device_id for s in sessions} == {uuid.UUID(device["id"])}
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {first.json()['token']}"}).json()
    assert me["device_id"] == device["id"]
    admin = login(client, "root")
    listed = client.get("/devices", headers=admin).json()
    assert [(d["name"], d["site"], d["registered_by"], d["last_user"]) for d in listed] == [
        ("POS back office PC", "PL-POZ-001", "anna", "tom")
    ]


def test_a_device_at_an_unknown_site_is_refused(client, db):
    device = {"id": str(uuid.uuid4()), "name": "PC", "site": "XX-NOPE-1"}
    answer = _login(client, "anna", device=device)
    assert answer.status_code == 422 and "XX-NOPE-1" in answer.json()["detail"]
    with db.read() as session:
        assert session.scalars(select(Device)).all() == []
        assert session.scalars(select(AuthSession)).all() == []


def test_a_disabled_account_is_refused_clearly(client):
    headers = login(client, "ola")
    admin = login(client, "root")
    assert client.post("/users/ola/disable", headers=admin).status_code == 200
    assert client.get("/auth/me", headers=headers).status_code == 401  # its sessions ended at once
    refused = _login(client, "ola")
    assert refused.status_code == 403 and "disabled" in refused.json()["detail"]
    assert _login(client, "ola", "wrong").status_code == 401  # the wrong password learns nothing more
    assert client.post("/users/ola/enable", headers=admin).status_code == 200
    assert _login(client, "ola").status_code == 200


def test_changing_ones_password_ends_the_other_sessions(client):
    here, elsewhere = login(client, "tom"), login(client, "tom")
    wrong = client.post("/auth/password", headers=here,
                        json={"current_password": "nope", "new_password": "a-new-password"})
    assert wrong.status_code == 403
    short = client.post("/auth/password", headers=here, json={"current_password": PASSWORD, "new_password": "short"})
    assert short.status_code == 422
    changed = client.post("/auth/password", headers=here,
                          json={"current_password": PASSWORD, "new_password": "a-new-password"})
    assert changed.status_code == 204
    assert client.get("/auth/me", headers=here).status_code == 200
    assert client.get("/auth/me", headers=elsewhere).status_code == 401
    assert _login(client, "tom").status_code == 401
    assert _login(client, "tom", "a-new-password").status_code == 200


def test_me_lists_the_teams_and_sites_a_user_covers(client):
    me = client.get("/auth/me", headers=login(client, "nina")).json()
    assert me["user"]["role"] == "technician" and me["user"]["site"] == "PL-WAW-002"
    assert me["teams"] == ["NET"]
    assert me["sites"] == ["PL-WAW-002", "PL-KRK-003"]
