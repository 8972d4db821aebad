"""GET /reference for clients to cache, and PUT /reference for administrators."""

from __future__ import annotations

import dataclasses
import tomllib

from server_testkit import ORG, login

from core.orgfile import load_org, parse_org


def test_the_reference_data_holds_the_organisation_without_passwords(client):
    answer = client.get("/reference", headers=login(client, "anna"))
    assert answer.status_code == 200
    body = answer.json()
    assert body["version"] == 1 and body["name"] == "Server Test Fuel"
    assert "password" not in body["source"] and "pw-secret-1" not in answer.text
    assert "argon2" not in answer.text
    served = parse_org(body["source"])
    original = load_org(ORG)
    assert served == dataclasses.replace(
        original, users=tuple(dataclasses.replace(u, password=None) for u in original.users))
    assert {u["username"] for u in body["users"]} == {u.username for u in original.users}
    nina = next(u for u in body["users"] if u["username"] == "nina")
    assert nina == {"id": nina["id"], "username": "nina", "name": "Nina Net", "role": "technician",
                    "site": "PL-WAW-002", "teams": ["NET"], "sites": ["PL-KRK-003"], "vip": False, "active": True}
    # (a requester's answer has no e-mail addresses: tests/server/test_reference_shapes.py)


def test_an_etag_saves_clients_a_download(client):
    headers = login(client, "anna")
    first = client.get("/reference", headers=headers)
    tag = first.headers["etag"]
    again = client.get("/reference", headers={**headers, "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    admin = login(client, "root")
    client.post("/users/ola/disable", headers=admin)
    changed = client.get("/reference", headers={**headers, "If-None-Match": tag})
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert next(u for u in changed.json()["users"] if u["username"] == "ola")["active"] is False


def test_an_admin_imports_a_changed_organisation_file(client):
    admin = login(client, "root")
    source = ORG.read_text(encoding="utf-8")
    same = client.put("/reference", headers=admin, json={"source": source})
    assert same.json() == {"version": 1, "changed": False}
    changed = source.replace('name = "Kraków, Wielicka 7"', 'name = "Kraków, Wielicka 9"')
    answer = client.put("/reference", headers=admin, json={"source": changed})
    assert answer.status_code == 200 and answer.json() == {"version": 2, "changed": True}
    served = client.get("/reference", headers=login(client, "anna")).json()
    assert served["version"] == 2
    assert tomllib.loads(served["source"])["sites"][2]["name"] == "Kraków, Wielicka 9"


def test_a_refused_file_changes_nothing_and_says_why(client):
    admin = login(client, "root")
    before = client.get("/reference", headers=admin).json()
    bad = ORG.read_text(encoding="utf-8").replace('calendar = "stations"\n', 'calendar = "statons"\n', 1)
    answer = client.put("/reference", headers=admin, json={"source": bad})
    assert answer.status_code == 422
    body = answer.json()
    assert body["detail"].startswith("organisation file refused, 1 problem")
    assert body["problems"][0]["loc"] == "body.source" and "statons" in body["problems"][0]["message"]
    garbage = client.put("/reference", headers=admin, json={"source": "this is [not toml"})
    assert garbage.status_code == 422 and "TOML" in garbage.json()["problems"][0]["message"]
    assert client.get("/reference", headers=admin).json() == before
