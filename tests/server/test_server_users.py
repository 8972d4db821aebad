"""Administrators create, disable, enable and reset users through the API, and a
re-imported organisation file keeps what they decided."""

from __future__ import annotations

from server_testkit import ORG, PASSWORD, START, login
from sqlalchemy import select

from core.models import User
from core.orgfile import parse_org
from server.accounts import import_organisation
from server.models import Account


def new_user(**overrides):
    return {"username": "kasia", "name": "Kasia Nowa", "role": "requester", "site": "PL-KRK-003",
            "password": "kasia-pass-1", **overrides}


def test_an_admin_creates_a_user_who_can_sign_in(client):
    admin = login(client, "root")
    made = client.post("/users", headers=admin, json=new_user(email="kasia@example.com"))
    assert made.status_code == 201, made.text
    body = made.json()
    assert body | {"id": None, "locked_until": None} == {
        "id": None, "username": "kasia", "name": "Kasia Nowa", "role": "requester", "site": "PL-KRK-003",
        "teams": [], "sites": [], "vip": False, "email": "kasia@example.com", "active": True, "origin": "api",
        "disabled": False, "has_password": True, "failed_logins": 0, "locked_until": None,
    }
    assert "password" not in made.text.replace('"has_password"', "")
    assert client.get("/users/kasia", headers=admin).json() == body
    me = client.get("/auth/me", headers=login(client, "kasia", "kasia-pass-1")).json()
    assert me["user"]["site"] == "PL-KRK-003"


def test_a_new_user_reaches_clients_through_the_reference_data(client):
    admin = login(client, "root")
    version = client.get("/reference", headers=admin).json()["version"]
    client.post("/users", headers=admin, json=new_user(role="technician", teams=["NET"], sites=["PL-POZ-001"]))
    reference = client.get("/reference", headers=admin).json()
    assert reference["version"] == version + 1
    kasia = next(u for u in reference["users"] if u["username"] == "kasia")
    assert (kasia["teams"], kasia["sites"], kasia["active"]) == (["NET"], ["PL-POZ-001"], True)


def test_the_organisation_files_rules_apply_to_new_users(client):
    admin = login(client, "root")
    cases = [
        (new_user(username="Anna"), 422, "already exists"),
        (new_user(username="system"), 422, "reserved"),
        (new_user(site=None), 422, "needs a home site"),
        (new_user(site="XX-NONE"), 422, "unknown site"),
        (new_user(teams=["DESK"]), 422, "no team"),
        (new_user(sites=["PL-POZ-001"]), 422, "only technicians"),
        (new_user(role="agent", teams=["NOPE"]), 422, "unknown team"),
        (new_user(role="wizard"), 422, "role"),
        (new_user(username="has space"), 422, "username"),
        (new_user(password="short"), 422, "password"),
        (new_user(email="not-an-email"), 422, "email"),
    ]
    for body, status, words in cases:
        answer = client.post("/users", headers=admin, json=body)
        assert answer.status_code == status, (body, answer.text)
        assert words in answer.text, (body, answer.text)
    assert client.get("/users/kasia", headers=admin).status_code == 404


def test_listing_users_pages_through_them(client):
    admin = login(client, "root")
    everyone = client.get("/users", headers=admin).json()
    assert everyone["total"] == 8 and [u["username"] for u in everyone["items"]] == sorted(
        ["anna", "ola", "tom", "nina", "ada", "max", "root", "nopass"])
    page = client.get("/users", params={"skip": 2, "limit": 3}, headers=admin).json()
    assert [u["username"] for u in page["items"]] == [u["username"] for u in everyone["items"][2:5]]
    assert next(u for u in everyone["items"] if u["username"] == "nopass")["has_password"] is False


def test_a_password_reset_ends_sessions_and_lifts_a_lockout(client):
    admin = login(client, "root")
    headers = login(client, "anna")
    for _ in range(5):
        client.post("/auth/login", json={"username": "anna", "password": "wrong"})
    assert client.get("/users/anna", headers=admin).json()["locked_until"] == "2026-03-02T09:15:00Z"
    assert client.post("/users/anna/password", headers=admin, json={"password": "anna-new-pass"}).status_code == 204
    assert client.get("/auth/me", headers=headers).status_code == 401
    assert client.get("/users/anna", headers=admin).json()["locked_until"] is None
    assert client.post("/auth/login", json={"username": "anna", "password": PASSWORD}).status_code == 401
    login(client, "anna", "anna-new-pass")


def test_an_admin_cannot_disable_themselves(client):
    admin = login(client, "root")
    answer = client.post("/users/root/disable", headers=admin)
    assert answer.status_code == 409
    assert client.get("/auth/me", headers=admin).status_code == 200


def test_unknown_users_are_404(client):
    admin = login(client, "root")
    for method, path in (("get", "/users/ghost"), ("post", "/users/ghost/disable"), ("post", "/users/ghost/enable")):
        assert client.request(method, path, headers=admin).status_code == 404
    assert client.post("/users/ghost/password", headers=admin, json={"password": "long-enough"}).status_code == 404
    assert client.get("/users/system", headers=admin).status_code == 404


def test_a_reimport_keeps_api_users_and_admin_decisions(client, db):
    admin = login(client, "root")
    client.post("/users", headers=admin, json=new_user())
    client.post("/users/ola/disable", headers=admin)
    source = ORG.read_text(encoding="utf-8").replace('name = "Ada Agent"', 'name = "Ada A."')
    with db.write() as session:
        import_organisation(session, parse_org(source), source, START)
    with db.read() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        accounts = {a.user_id: a for a in session.scalars(select(Account))}
    assert users["kasia"].active and accounts[users["kasia"].id].origin == "api"
    assert not users["ola"].active and accounts[users["ola"].id].disabled
    assert users["ada"].name == "Ada A."
    assert client.post("/auth/login", json={"username": "ola", "password": PASSWORD}).status_code == 403
    login(client, "kasia", "kasia-pass-1")


def test_a_user_dropped_from_the_file_is_disabled(client, db):
    source = ORG.read_text(encoding="utf-8").replace(
        '[[users]]\nusername = "max"\nname = "Max Manager"\nrole = "manager"\nteams = ["DESK"]\npassword = "pw-secret-1"\n',
        "")
    assert source != ORG.read_text(encoding="utf-8")
    headers = login(client, "max")
    with db.write() as session:
        import_organisation(session, parse_org(source), source, START)
    assert client.get("/auth/me", headers=headers).status_code == 401
    assert client.post("/auth/login", json={"username": "max", "password": PASSWORD}).status_code == 403
