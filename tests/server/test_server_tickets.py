"""The read API's filters, paging, sorting, one ticket in full, and the counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from server_testkit import START, login, make_ticket


@pytest.fixture
def many(db):
    made = []
    for i in range(12):
        site = ("PL-POZ-001", "PL-WAW-002", "PL-KRK-003")[i % 3]
        made.append(make_ticket(
            db, f"T-{i:03d}", site, ("FIELD", "NET", "DESK")[i % 3],
            category=("Hardware/POS terminal", "Network/Router", "Access/Password reset")[i % 3],
            status=("new", "assigned", "in_progress", "closed")[i % 4], priority=f"P{1 + i % 5}",
            assignee="tom" if i % 4 == 1 else None, requester="anna" if site == "PL-POZ-001" else "ola",
            at=START + timedelta(minutes=i),
        ))
    return made


def numbers(page):
    return [item["number"] for item in page["items"]]


def test_paging_walks_every_ticket_once(client, many):
    headers = login(client, "ada")
    seen = []
    for skip in range(0, 12, 5):
        page = client.get("/tickets", params={"skip": skip, "limit": 5, "sort": "number", "order": "asc"},
                          headers=headers).json()
        assert page["total"] == 12 and page["skip"] == skip and page["limit"] == 5
        seen += numbers(page)
    assert seen == [f"T-{i:03d}" for i in range(12)]


def test_sorting(client, many):
    headers = login(client, "ada")
    by_updated = client.get("/tickets", headers=headers).json()
    assert numbers(by_updated)[:3] == ["T-011", "T-010", "T-009"]  # the default: most recently updated first
    by_priority = client.get("/tickets", params={"sort": "priority", "order": "asc"}, headers=headers).json()
    priorities = [item["priority"] for item in by_priority["items"]]
    assert priorities == sorted(priorities)
    by_site = client.get("/tickets", params={"sort": "site", "order": "asc"}, headers=headers).json()
    sites = [item["site"] for item in by_site["items"]]
    assert sites == sorted(sites)  # by code, not by id
    for sort in ("site", "category", "assignee", "due", "created", "title", "status", "number"):
        # core.queries decides what each sort means; the API takes them all
        page = client.get("/tickets", params={"sort": sort}, headers=headers).json()
        assert page["total"] == 12 and len(page["items"]) == 12


@pytest.mark.parametrize("params, expected", [
    ({"status": "closed"}, {"T-003", "T-007", "T-011"}),
    ({"site": "PL-WAW-002"}, {"T-001", "T-004", "T-007", "T-010"}),
    ({"team": "DESK"}, {"T-002", "T-005", "T-008", "T-011"}),
    ({"category": "Network"}, {"T-001", "T-004", "T-007", "T-010"}),  # a category includes its children
    ({"priority": "P1"}, {"T-000", "T-005", "T-010"}),
    ({"assignee": "tom"}, {"T-001", "T-005", "T-009"}),
    ({"requester": "anna"}, {"T-000", "T-003", "T-006", "T-009"}),
    ({"queue": "mine"}, set()),
    ({"site": "PL-POZ-001", "status": "new"}, {"T-000"}),
])
def test_filters(client, many, params, expected):
    page = client.get("/tickets", params={**params, "limit": 200}, headers=login(client, "ada")).json()
    assert set(numbers(page)) == expected and page["total"] == len(expected)


def test_queue_mine_is_the_callers_open_tickets_in_scope(client, many):
    # tom is assigned T-001 (Warsaw, NET) and T-005 (Kraków, DESK) too: neither is his site's
    # or his team's, but a technician always sees what is assigned to him
    page = client.get("/tickets", params={"queue": "mine"}, headers=login(client, "tom")).json()
    assert set(numbers(page)) == {"T-001", "T-005", "T-009"}


@pytest.mark.parametrize("params, words", [
    ({"site": "XX-NOPE"}, "unknown site"),
    ({"team": "NOPE"}, "unknown team"),
    ({"category": "Plumbing"}, "unknown category"),
    ({"priority": "P9"}, "priority must be one of"),
    ({"assignee": "ghost"}, "unknown user"),
    ({"status": "lost"}, "query.status"),
    ({"queue": "everything"}, "query.queue"),
    ({"sort": "colour"}, "query.sort"),
    ({"limit": 0}, "query.limit"),
    ({"limit": 201}, "query.limit"),
    ({"skip": -1}, "query.skip"),
    ({"skip": "many"}, "query.skip"),
])
def test_bad_filters_are_422_with_a_clear_message(client, many, params, words):
    answer = client.get("/tickets", params=params, headers=login(client, "ada"))
    assert answer.status_code == 422 and words in answer.text


def test_one_ticket_in_full(client, many):
    detail = client.get("/tickets/T-000", headers=login(client, "anna")).json()
    assert detail["number"] == "T-000" and detail["site"] == "PL-POZ-001" and detail["team"] == "FIELD"
    assert detail["requester"] == "anna" and detail["category"] == "Hardware/POS terminal"
    assert detail["fields"] == {"terminal_id": "T-1"}
    assert [(h["kind"], h["actor"], h["new"]) for h in detail["history"]] == [("created", "anna", "T-000")]
    assert detail["created_at"] == "2026-03-02T09:00:00Z"
    by_id = client.get(f"/tickets/{many[0].id}", headers=login(client, "anna")).json()
    assert by_id == detail | {"sla": by_id["sla"]}


def test_counts(client, many):
    counts = client.get("/kpis/tickets", headers=login(client, "max")).json()
    assert counts["total"] == 12
    assert counts["by_status"] == {"new": 3, "assigned": 3, "in_progress": 3, "pending": 0, "resolved": 0,
                                   "closed": 3, "cancelled": 0}
    assert counts["by_site"] == {"PL-KRK-003": 4, "PL-POZ-001": 4, "PL-WAW-002": 4}
    assert counts["by_category"] == {"Access/Password reset": 4, "Hardware/POS terminal": 4, "Network/Router": 4}
