"""Scope, role by role (DESIGN §7 Scope): each person lists, reads, counts and can
guess exactly the tickets their role allows, by number and by id, and a ticket
outside the scope answers exactly as one that does not exist."""

from __future__ import annotations

import uuid

import pytest
from server_testkit import login, make_ticket

# Five tickets: (number, site, team). Sites: POZ-001 (anna, tom), WAW-002 (ola,
# nina), KRK-003 (nina covers it as an extra site). Teams: tom is FIELD, nina NET.
TICKETS = {
    "A-FIELD": ("PL-POZ-001", "FIELD"),
    "A-NET": ("PL-POZ-001", "NET"),
    "B-DESK": ("PL-WAW-002", "DESK"),
    "B-FIELD": ("PL-WAW-002", "FIELD"),
    "C-NONE": ("PL-KRK-003", None),
}
ALL = set(TICKETS)
VISIBLE = {
    "anna": {"A-FIELD", "A-NET"},                    # requester: her site's tickets
    "ola": {"B-DESK", "B-FIELD"},
    "tom": {"A-FIELD", "A-NET", "B-FIELD"},          # technician: his site's and his team's
    "nina": {"A-NET", "B-DESK", "B-FIELD", "C-NONE"},  # home site, extra site and team
    "ada": ALL,                                      # agent: everything
    "max": ALL,                                      # manager: everything
    "root": ALL,                                     # admin: everything
}


@pytest.fixture
def tickets(db):
    return {
        number: make_ticket(db, number, site, team, requester="anna" if site == "PL-POZ-001" else "ola")
        for number, (site, team) in TICKETS.items()
    }


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_the_list_holds_exactly_the_tickets_in_scope(client, tickets, username):
    page = client.get("/tickets", headers=login(client, username)).json()
    assert {item["number"] for item in page["items"]} == VISIBLE[username]
    assert page["total"] == len(VISIBLE[username])


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_each_ticket_reads_only_in_scope_by_number_and_by_id(client, tickets, username):
    headers = login(client, username)
    for number, made in tickets.items():
        for key in (number, str(made.id)):
            answer = client.get(f"/tickets/{key}", headers=headers)
            if number in VISIBLE[username]:
                assert answer.status_code == 200, (username, key)
                assert answer.json()["number"] == number
            else:
                assert answer.status_code == 404, (username, key)
                # word for word what a ticket that does not exist gets
                assert answer.json() == {"detail": f"no ticket {key}", "problems": []}
                assert number not in answer.text or key == number


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_counts_cover_only_the_scope(client, tickets, username):
    counts = client.get("/kpis/tickets", headers=login(client, username)).json()
    assert counts["total"] == len(VISIBLE[username])
    sites = {}
    for number in VISIBLE[username]:
        sites[TICKETS[number][0]] = sites.get(TICKETS[number][0], 0) + 1
    assert counts["by_site"] == sites
    assert counts["by_status"]["new"] == len(VISIBLE[username])


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_filters_never_widen_the_scope(client, tickets, username):
    headers = login(client, username)
    for site in ("PL-POZ-001", "PL-WAW-002", "PL-KRK-003"):
        for queue in ("all", "site", "team", "mine", "triage"):
            page = client.get("/tickets", params={"site": site, "queue": queue, "limit": 200}, headers=headers).json()
            assert {item["number"] for item in page["items"]} <= VISIBLE[username]
            assert {item["site"] for item in page["items"]} <= {site}
    for team in ("DESK", "FIELD", "NET"):
        page = client.get("/tickets", params={"team": team}, headers=headers).json()
        assert {item["number"] for item in page["items"]} == {
            n for n in VISIBLE[username] if TICKETS[n][1] == team
        }


def test_a_requester_cannot_guess_another_sites_tickets(client, tickets):
    """Ola (Warsaw) tries everything she could know or guess about Poznań's tickets."""
    headers = login(client, "ola")
    poznan = [tickets["A-FIELD"], tickets["A-NET"]]
    for made in poznan:
        for key in (made.number, str(made.id), made.number.lower(), str(made.id).upper()):
            assert client.get(f"/tickets/{key}", headers=headers).status_code == 404
    listed = client.get("/tickets", params={"site": "PL-POZ-001", "limit": 200}, headers=headers).json()
    assert listed == {"total": 0, "skip": 0, "limit": 200, "items": []}
    for sort in ("number", "priority", "created"):
        page = client.get("/tickets", params={"sort": sort, "skip": 0, "limit": 200}, headers=headers).json()
        assert all(item["site"] == "PL-WAW-002" for item in page["items"])
    assert client.get(f"/tickets/{uuid.uuid4()}", headers=headers).status_code == 404


def test_internal_comments_and_work_are_for_support_staff_only(client, tickets):
    requester = client.get("/tickets/A-FIELD", headers=login(client, "anna")).json()
    assert [c["body"] for c in requester["comments"]] == ["public words"]
    assert requester["work_log"] == []
    technician = client.get("/tickets/A-FIELD", headers=login(client, "tom")).json()
    assert [c["body"] for c in technician["comments"]] == ["public words", "internal words"]


@pytest.mark.parametrize("username", ["anna", "tom", "ada", "max"])
def test_only_admins_change_reference_data_and_accounts(client, username):
    headers = login(client, username)
    org = client.put("/reference", headers=headers, json={"source": "[organisation]\n"})
    assert org.status_code == 403 and "administrators" in org.json()["detail"]
    for method, path, body in (
        ("get", "/users", None), ("post", "/users", {"username": "x1", "name": "X", "role": "agent"}),
        ("get", "/users/anna", None), ("post", "/users/anna/disable", None), ("post", "/users/anna/enable", None),
        ("post", "/users/anna/password", {"password": "long-enough-1"}), ("get", "/devices", None),
    ):
        answer = client.request(method, path, headers=headers, json=body)
        assert answer.status_code == 403, (method, path)
    assert client.post("/auth/login", json={"username": "anna", "password": "pw-secret-1"}).status_code == 200
