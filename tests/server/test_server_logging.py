"""One structured log line per request, and never a secret in it."""

from __future__ import annotations

import json
import logging

from server_testkit import PASSWORD, login

from server.logs import JsonFormatter


def test_each_request_is_one_json_line_without_secrets(client, caplog):
    caplog.set_level(logging.INFO, logger="branchdesk.server.requests")
    answer = client.post("/auth/login", json={"username": "ada", "password": PASSWORD})
    token = answer.json()["token"]
    client.get("/tickets", headers={"Authorization": f"Bearer {token}", "X-Request-ID": "trace-42"})
    client.get("/tickets?password=hunter2", headers={"Authorization": f"Bearer {token}"})
    client.post("/auth/login", json={"username": "ada", "password": "wrong-password-here"})
    records = [r for r in caplog.records if r.name == "branchdesk.server.requests"]
    assert len(records) == 4
    lines = [JsonFormatter().format(r) for r in records]
    entries = [json.loads(line) for line in lines]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("POST", "/auth/login", 200), ("GET", "/tickets", 200), ("GET", "/tickets", 422), ("POST", "/auth/login", 401),
    ]
    assert [e["user"] for e in entries][:2] == ["ada", "ada"] and entries[3]["user"] is None
    assert entries[1]["request_id"] == "trace-42"
    assert all(e["ms"] >= 0 and e["level"] == "info" and e["ts"].endswith("Z") for e in entries)
    for line in lines:
        for secret in (token, PASSWORD, "wrong-password-here", "hunter2", "Bearer"):
            assert secret not in line


def test_the_request_id_comes_back(client):
    assert client.get("/health", headers={"X-Request-ID": "abc-1"}).headers["x-request-id"] == "abc-1"
    made = client.get("/health", headers={"X-Request-ID": "bad id with spaces"}).headers["x-request-id"]
    assert len(made) == 32 and " " not in made


def test_a_requester_sees_their_name_in_the_log(client, caplog):
    caplog.set_level(logging.INFO, logger="branchdesk.server.requests")
    client.get("/auth/me", headers=login(client, "anna"))
    assert caplog.records[-1].fields["user"] == "anna"
