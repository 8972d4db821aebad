"""GET /articles and /articles/{number} (DESIGN §15): other systems read the
articles the caller may read, paged and filtered; a draft is for support staff and
its author only, and answers 404 to anyone else, as a missing article does."""

from __future__ import annotations

from server_testkit import login

from core.reference import load_reference
from core.services import knowledge
from server.demo import load_demo
from server.own_commands import server_command


def _draft(db, clock, author: str, title: str) -> str:
    with server_command(db, load_reference, clock()) as uow:
        return knowledge.new_article(uow, uow.ref.user(author), knowledge.ArticleDraft(
            title=title, body="1. Open the cover.\n2. Take the paper out.", categories=["Hardware/POS terminal"])).number


def test_articles_are_listed_paged_and_filtered_within_what_the_caller_may_read(client, db, clock):
    load_demo(db, 3, seed=3)  # the demo's published knowledge base
    draft = _draft(db, clock, "tom", "Receipt printer jams")
    anna, tom = login(client, "anna"), login(client, "tom")

    everyone = client.get("/articles", params={"limit": 200}, headers=anna).json()
    published = everyone["total"]
    assert published > 3 and len(everyone["items"]) == published
    assert {a["status"] for a in everyone["items"]} == {"published"} and draft not in {a["number"] for a in
                                                                                         everyone["items"]}
    staff = client.get("/articles", params={"limit": 200}, headers=tom).json()
    assert staff["total"] == published + 1 and draft in {a["number"] for a in staff["items"]}
    updated = [a["updated_at"] for a in staff["items"]]
    assert updated == sorted(updated, reverse=True)  # the most recently updated first
    assert client.get("/articles", params={"status": "draft"}, headers=tom).json()["total"] == 1

    page = client.get("/articles", params={"skip": 2, "limit": 2}, headers=anna).json()
    assert (page["skip"], page["limit"], page["total"]) == (2, 2, published)
    assert [a["number"] for a in page["items"]] == [a["number"] for a in everyone["items"][2:4]]

    hardware = client.get("/articles", params={"category": "Hardware", "limit": 200}, headers=anna).json()
    assert 0 < hardware["total"] < published
    assert all(any(c.startswith("Hardware") for c in a["categories"]) for a in hardware["items"])


def test_one_article_in_full_and_a_draft_is_not_there_for_a_requester(client, db, clock):
    number = _draft(db, clock, "tom", "Receipt printer jams")
    anna, tom = login(client, "anna"), login(client, "tom")
    answer = client.get(f"/articles/{number}", headers=tom)
    assert answer.status_code == 200
    body = answer.json()
    assert (body["title"], body["status"], body["author"]) == ("Receipt printer jams", "draft", "tom")
    assert body["body"].startswith("1. Open the cover.") and body["tickets"] == []
    refused = client.get(f"/articles/{number}", headers=anna)
    missing = client.get("/articles/KB-NONE-00001", headers=anna)
    assert refused.status_code == missing.status_code == 404
    assert refused.json()["detail"] == f"no article {number}"


def test_bad_filters_are_refused_with_the_parameter_named(client):
    tom = login(client, "tom")
    unknown = client.get("/articles", params={"category": "Plumbing"}, headers=tom)
    assert unknown.status_code == 422 and unknown.json()["problems"][0]["loc"] == "query.category"
    assert client.get("/articles", params={"status": "archived"}, headers=tom).status_code == 422
    assert client.get("/articles", params={"limit": 0}, headers=tom).status_code == 422
    assert client.get("/articles").status_code == 401


def test_the_servers_own_numbers_go_on_from_the_highest_it_gave_and_other_counters_from_nothing(db, clock):
    from server.own_outbox import OwnOutbox

    load_demo(db, 2, seed=5)  # numbers tickets SRV00-00001.. and articles KB-SRV00-00001..
    with db.read() as session:
        outbox = OwnOutbox({})
        assert outbox.counter(session, "ticket_number") == 3
        assert outbox.counter(session, "article_number") > 1
        assert [outbox.counter(session, "round_robin:FIELD") for _ in range(3)] == [1, 2, 3]
    assert _draft(db, clock, "tom", "Card reader resets") != _draft(db, clock, "tom", "Card reader resets twice")
