"""Bad input of every kind gets a 4xx with a clear message: never a 500, never
data from outside the caller's scope."""

from __future__ import annotations

import json

import pytest
from server_testkit import login


def assert_clear(answer, status):
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"detail", "problems"} and body["detail"].strip()
    return body


@pytest.mark.parametrize("raw", [b"{", b"not json", b'{"username": "ada", "password": }', b"\xff\xfe", b"[1,2"])
def test_malformed_json(client, raw):
    answer = client.post("/auth/login", content=raw, headers={"Content-Type": "application/json"})
    body = assert_clear(answer, 422)
    assert "not valid JSON" in body["detail"]


def test_an_empty_body(client):
    body = assert_clear(client.post("/auth/login", content=b"", headers={"Content-Type": "application/json"}), 422)
    assert body["problems"][0]["loc"] == "body"


@pytest.mark.parametrize("payload, loc", [
    ({"username": 1, "password": "x"}, "body.username"),
    ({"username": "ada", "password": ["x"]}, "body.password"),
    ({"username": "ada"}, "body.password"),
    ({"username": "ada", "password": "x", "device": "pc"}, "body.device"),
    ({"username": "ada", "password": "x", "device": {"id": "not-a-uuid", "name": "pc", "site": "PL-POZ-001"}},
     "body.device.id"),
    ([], "body"),
    ("ada", "body"),
    (None, "body"),
])
def test_wrong_types(client, payload, loc):
    body = assert_clear(client.post("/auth/login", json=payload), 422)
    assert body["problems"][0]["loc"] == loc


def test_unknown_fields_are_refused_by_name(client):
    body = assert_clear(client.post("/auth/login", json={"username": "ada", "password": "x", "admin": True}), 422)
    assert body["problems"] == [{"loc": "body.admin", "message": "unknown field"}]
    assert body["detail"] == "body.admin: unknown field"
    admin = login(client, "root")
    answer = client.post("/users", headers=admin, json={"username": "zz", "name": "Z", "role": "agent",
                                                        "password_hash": "$argon2id$..."})
    assert assert_clear(answer, 422)["problems"] == [{"loc": "body.password_hash", "message": "unknown field"}]


def test_an_oversized_body_is_413_before_anything_reads_it(client):
    huge = json.dumps({"username": "ada", "password": "x" * (1024 * 1024)})
    body = assert_clear(client.post("/auth/login", content=huge, headers={"Content-Type": "application/json"}), 413)
    assert "larger than 1048576 bytes" in body["detail"]

    def chunks():  # no Content-Length: the limit still holds while reading
        for _ in range(40):
            yield b"x" * 65536

    answer = client.post("/auth/login", content=chunks(), headers={"Content-Type": "application/json"})
    assert_clear(answer, 413)


def test_a_body_that_lies_about_its_length(client):
    answer = client.post("/auth/login", content=b"{}", headers={"Content-Type": "application/json",
                                                                 "Content-Length": "abc"})
    assert answer.status_code == 400


def test_unknown_paths_and_methods(client):
    assert_clear(client.get("/nowhere"), 404)
    assert_clear(client.delete("/tickets"), 405)
    assert_clear(client.get("/auth/login"), 405)


@pytest.mark.parametrize("key", ["x" * 101, "%00", "..", "' OR 1=1 --", "00000000-0000-0000-0000-000000000000"])
def test_odd_ticket_keys_are_4xx(client, key):
    answer = client.get(f"/tickets/{key}", headers=login(client, "ada"))
    assert answer.status_code in (404, 422)
    assert_clear(answer, answer.status_code)


def test_odd_query_strings(client):
    headers = login(client, "ada")
    for query in ("limit=1e3", "limit=", "skip=99999999999999999999", "status=new&status=closed", "site=%ff",
                  "category=" + "a" * 301):
        answer = client.get(f"/tickets?{query}", headers=headers)
        assert answer.status_code in (200, 422), (query, answer.text)
        if answer.status_code == 422:
            assert_clear(answer, 422)
