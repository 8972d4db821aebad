"""`POST /tickets` (DESIGN §13): monitoring logs tickets with the token of an
`integration` account, checked as `branchdesk ticket new` checks them; the ticket is
numbered by the server and reaches devices through the feed. Other roles are
refused, bad values are refused naming the field, and nothing is stored then.
`branchdesk-server users create --role integration` makes such an account and
prints its token."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_testkit import PASSWORD, login
from sqlalchemy import func, select

from core.models import Ticket
from server.cli import run as server_cli
from server.db import Database
from sync.protocol import PROTOCOL_VERSION, WIRE_SCHEMA

SYNC = {"X-Branchdesk-Protocol": str(PROTOCOL_VERSION), "X-Branchdesk-Schema": WIRE_SCHEMA}
ALERT = {"title": "POS terminal offline", "category": "Hardware/POS terminal", "impact": "high",
         "urgency": "high", "site": "PL-WAW-002", "fields": {"terminal_id": "T-7"},
         "description": "no heartbeat for 10 minutes"}


def integration(client: TestClient, username: str = "zabbix") -> dict[str, str]:
    """An integration account made through the administrators' API, signed in."""
    made = client.post("/users", headers=login(client, "root"), json={
        "username": username, "name": "Zabbix monitoring", "role": "integration", "password": PASSWORD})
    assert made.status_code == 201, made.text
    assert made.json()["origin"] == "api"
    return login(client, username)


def ticket_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Ticket)) or 0


def refusal(answer: Any, status: int, loc: str) -> str:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert [p["loc"] for p in body["problems"]] == [loc], body
    return str(body["detail"])


def test_an_integration_logs_a_ticket_numbered_by_the_server_that_devices_pull(client: TestClient, db: Database):
    bot = integration(client)
    answer = client.post("/tickets", headers=bot, json=ALERT)
    assert answer.status_code == 201, answer.text
    made = answer.json()
    assert made["number"].startswith("PL-WAW-002-SRV00-")
    assert made["site"] == "PL-WAW-002" and made["team"] == "FIELD" and made["status"] == "new"
    assert made["priority"] == "P1"
    assert answer.headers["location"] == f"/tickets/{made['number']}"

    second = client.post("/tickets", headers=bot, json={**ALERT, "site": "PL-POZ-001", "requester": "anna"})
    assert second.status_code == 201, second.text
    first_seq = int(made["number"].rsplit("-", 1)[1])
    assert int(second.json()["number"].rsplit("-", 1)[1]) == first_seq + 1

    # the integration reads back what it logged, as the detail any reader gets
    shown = client.get(f"/tickets/{made['number']}", headers=bot).json()
    assert shown["channel"] == "monitoring" and shown["requester"] == "zabbix"
    assert shown["fields"] == {"terminal_id": "T-7"} and shown["description"] == "no heartbeat for 10 minutes"
    assert shown["history"][0]["device"] == "SRV00"
    assert client.get(f"/tickets/{made['id']}", headers=bot).status_code == 200
    assert client.get("/tickets", headers=bot).json()["total"] == 2

    # the requester at Poznań sees the ticket logged for her; the feed brings both to the desk
    anna = login(client, "anna")
    assert client.get(f"/tickets/{second.json()['number']}", headers=anna).status_code == 200
    assert client.get(f"/tickets/{made['number']}", headers=anna).status_code == 404
    pulled = client.get("/sync/pull", headers={**login(client, "ada"), **SYNC}).json()
    numbers = {r["data"]["number"] for r in pulled["records"] if r["kind"] == "ticket" and r["data"]}
    assert {made["number"], second.json()["number"]} <= numbers
    created = [r for r in pulled["records"] if r["kind"] == "history" and r["data"]["kind"] == "created"
               and r["data"]["ticket_id"] == made["id"]]
    assert len(created) == 1


def test_an_integration_sees_no_other_ticket_and_keeps_no_store(client: TestClient):
    agent = login(client, "ada")
    bot = integration(client)
    client.post("/tickets", headers=bot, json=ALERT)
    assert client.get("/tickets", headers=agent).json()["total"] == 1
    assert client.get("/tickets", headers=bot).json()["total"] == 1
    pulled = client.get("/sync/pull", headers={**bot, **SYNC})
    assert pulled.status_code == 403 and "POST /tickets" in pulled.json()["detail"]
    device = {"id": str(uuid.uuid4()), "name": "Monitor", "site": "PL-WAW-002"}
    answer = client.post("/auth/login", json={"username": "zabbix", "password": PASSWORD, "device": device})
    assert answer.status_code == 403 and "integration" in answer.json()["detail"]


@pytest.mark.parametrize("who", ["ada", "anna", "root", "tom"])
def test_other_roles_are_refused(client: TestClient, db: Database, who: str):
    answer = client.post("/tickets", headers=login(client, who), json=ALERT)
    assert answer.status_code == 403, answer.text
    assert "integration" in answer.json()["detail"]
    assert ticket_count(db) == 0


def test_without_a_token_the_caller_is_not_signed_in(client: TestClient):
    answer = client.post("/tickets", json=ALERT)
    assert answer.status_code == 401
    assert client.post("/tickets", json=ALERT, headers={"Authorization": "Bearer nonsense"}).status_code == 401


@pytest.mark.parametrize(("change", "loc", "words"), [
    ({"category": "Hardware/Pump"}, "body.category", "unknown category"),
    ({"fields": {}}, "body.fields.terminal_id", "required"),
    ({"fields": {"terminal_id": "T-7", "colour": "red"}}, "body.fields.colour", "unknown field"),
    ({"impact": "enormous"}, "body.impact", "impact must be one of high, medium, low"),
    ({"urgency": "now"}, "body.urgency", "urgency must be one of"),
    ({"site": "PL-XXX-999"}, "body.site", "unknown site"),
    ({"requester": "nobody"}, "body.requester", "unknown user"),
    ({"title": "   "}, "body.title", "title"),
    ({"parent": "PL-WAW-002-SRV00-09999"}, "body.parent", "no ticket"),
    ({"type": "task"}, "body.parent", "parent"),
])
def test_bad_values_are_refused_naming_the_field(client: TestClient, db: Database, change: dict[str, Any],
                                                 loc: str, words: str):
    bot = integration(client)
    detail = refusal(client.post("/tickets", headers=bot, json={**ALERT, **change}), 422, loc)
    assert words in detail
    assert ticket_count(db) == 0


@pytest.mark.parametrize(("change", "loc"), [
    ({"impact": None}, "body.impact"),
    ({"channel": "pigeon"}, "body.channel"),
    ({"type": "outage"}, "body.type"),
    ({"priority": "P1"}, "body.priority"),
])
def test_malformed_bodies_are_refused_naming_the_field(client: TestClient, db: Database, change: dict[str, Any],
                                                       loc: str):
    bot = integration(client)
    body = {**ALERT, **change}
    answer = client.post("/tickets", headers=bot, json=body)
    assert answer.status_code == 422, answer.text
    assert loc in [p["loc"] for p in answer.json()["problems"]]
    assert ticket_count(db) == 0


def test_a_monitoring_ticket_without_a_site_names_the_site(client: TestClient):
    bot = integration(client)
    body = {k: v for k, v in ALERT.items() if k != "site"}
    detail = refusal(client.post("/tickets", headers=bot, json=body), 422, "body.site")
    assert "no home site" in detail
    # for a named requester, their home site
    made = client.post("/tickets", headers=bot, json={**body, "requester": "ola"})
    assert made.status_code == 201, made.text


def test_flag_answers_are_taken_as_yes_or_no(client: TestClient, db: Database):
    bot = integration(client)
    answer = client.post("/tickets", headers=bot, json={**ALERT, "fields": {"terminal_id": 7}})
    assert answer.status_code == 201, answer.text
    shown = client.get(f"/tickets/{answer.json()['number']}", headers=bot).json()
    assert shown["fields"] == {"terminal_id": "7"}


def test_the_openapi_document_shows_the_endpoint(client: TestClient):
    operation = client.get("/openapi.json").json()["paths"]["/tickets"]["post"]
    assert "201" in operation["responses"] and "403" in operation["responses"]
    assert "integration" in operation["description"]


def test_users_create_makes_an_integration_and_prints_its_token(database_url: str, client: TestClient,
                                                                capsys: pytest.CaptureFixture[str]):
    code = server_cli(["--database-url", database_url, "users", "create", "nagios", "--role", "integration",
                       "--name", "Nagios", "--email", "nagios@example.com"])
    out, err = capsys.readouterr()
    assert code == 0, err
    token = out.strip()
    assert len(token) > 30 and "Bearer" in err
    bot = {"Authorization": f"Bearer {token}"}
    assert client.get("/auth/me", headers=bot).json()["user"]["role"] == "integration"
    assert client.post("/tickets", headers=bot, json=ALERT).status_code == 201
    account = client.get("/users/nagios", headers=login(client, "root")).json()
    assert account["origin"] == "api" and account["email"] == "nagios@example.com" and not account["has_password"]

    # a new token ends the old one
    assert server_cli(["--database-url", database_url, "users", "token", "nagios"]) == 0
    fresh = capsys.readouterr().out.strip()
    assert client.get("/auth/me", headers=bot).status_code == 401
    assert client.get("/auth/me", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200

    # refusals, in words
    assert server_cli(["--database-url", database_url, "users", "create", "nagios", "--role", "integration"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert server_cli(["--database-url", database_url, "users", "create", "x1", "--role", "wizard"]) == 1
    assert "role" in capsys.readouterr().err
    assert server_cli(["--database-url", database_url, "users", "create", "x2", "--role", "integration",
                       "--team", "DESK"]) == 1
    assert "belongs to no team" in capsys.readouterr().err
    assert server_cli(["--database-url", database_url, "users", "token", "ada"]) == 1
    assert "password" in capsys.readouterr().err
