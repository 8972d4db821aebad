"""Knowledge articles and ratings across devices and the server (DESIGN §15): an
article written offline reaches the server; a draft reaches support staff only and a
published article every device; "this solved it" said on two branch devices offline
counts both uses; ratings travel with their ticket; a new device's snapshot holds
what its user may see. Every replica ends as the server is (synckit's check)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.errors import InvalidTransition
from core.models import Article, Rating, Ticket
from core.services import knowledge, ratings
from core.services import tickets as svc
from sync.models import SyncEntry


def draft(title: str = "Receipt printer prints blank paper") -> knowledge.ArticleDraft:
    return knowledge.ArticleDraft(title=title, body="Turn the thermal roll over.", categories=["Hardware"])


def new_ticket(**extra: Any) -> svc.NewTicket:
    return svc.NewTicket(title="Receipt printer not printing", category="Hardware", impact="low", urgency="low",
                         **extra)


def articles(replica: Any) -> dict[str, tuple[str, int]]:
    with replica.store.read() as session:
        return {a.number: (a.status, a.solved_count) for a in session.scalars(select(Article))}


def test_article_lifecycle_and_scope_across_two_devices_and_the_server(cluster: Any) -> None:
    tom = cluster.replica("tom")  # technician at Poznań
    anna = cluster.replica("anna")  # requester at Poznań
    ada = cluster.replica("ada")  # central agent
    number = tom.run(knowledge.new_article, draft()).number  # offline
    assert articles(tom) == {number: ("draft", 0)}
    cluster.settle()
    with cluster.db.read() as session:
        assert session.scalar(select(Article.status).where(Article.number == number)) == "draft"
        assert session.scalar(select(SyncEntry.outcome).where(SyncEntry.kind == "article")) == "applied"
    # the draft reaches support staff, not the requester
    assert articles(ada) == {number: ("draft", 0)}
    assert articles(anna) == {}
    cluster.check()

    ada.run(knowledge.edit_article, number, knowledge.ArticleEdit(title="Receipt printer: blank receipts"))
    ada.run(knowledge.publish_article, number)
    cluster.settle()
    assert articles(anna) == {number: ("published", 0)}
    with anna.store.read() as session:
        assert session.scalar(select(Article.title)) == "Receipt printer: blank receipts"
    cluster.check()

    # a technician may not publish: refused on the device, nothing is sent
    other = tom.run(knowledge.new_article, draft("Card terminal offline")).number
    assert not tom.attempt(knowledge.publish_article, other)
    cluster.settle()
    assert set(articles(ada)) == {number, other}
    assert set(articles(anna)) == {number}
    cluster.check()


def test_this_solved_it_offline_on_two_devices_counts_both(cluster: Any) -> None:
    ada = cluster.replica("ada")
    number = ada.run(knowledge.new_article, draft()).number
    ada.run(knowledge.publish_article, number)
    anna = cluster.replica("anna")
    ola = cluster.replica("ola")  # a requester at Warsaw
    cluster.settle()
    # both offline, each solves her own problem with it
    first = anna.run(knowledge.solved, number, new_ticket()).ticket.number
    second = ola.run(knowledge.solved, number, new_ticket()).ticket.number
    assert articles(anna)[number] == ("published", 1) and articles(ola)[number] == ("published", 1)
    cluster.settle()
    for replica in (ada, anna, ola):
        assert articles(replica)[number] == ("published", 2)
    with cluster.db.read() as session:
        rows = session.execute(select(Ticket.number, Ticket.status, Ticket.resolution_code)
                               .where(Ticket.number.in_([first, second]))).all()
    assert sorted(rows) == sorted([(first, "resolved", "solved_by_article"),
                                   (second, "resolved", "solved_by_article")])
    # each requester holds her own site's ticket, the agent both
    assert first in anna.numbers() and second not in anna.numbers()
    assert {first, second} <= set(ada.numbers())
    cluster.check()


def test_ratings_sync_and_follow_the_rules_on_the_server(cluster: Any) -> None:
    tom = cluster.replica("tom")
    anna = cluster.replica("anna")
    ada = cluster.replica("ada")
    number = anna.run(svc.create, new_ticket()).number
    cluster.settle()
    ada.run(svc.assign, number, to="tom")
    cluster.settle()
    tom.run(svc.move, number, "in_progress")
    tom.run(svc.move, number, "resolved", code="fixed", note="New roll.")
    cluster.settle()
    anna.run(ratings.rate, number, 4, effort=5, comment="Quick")
    cluster.settle()
    with ada.store.read() as session:
        row = session.scalar(select(Rating))
        assert row is not None and (row.score, row.effort, row.comment) == (4, 5, "Quick")
    # changed while resolved; then she closes it on this device while her second device,
    # offline, still shows it resolved and takes a change of the rating: the server refuses it
    second = cluster.replica("anna", "anna-second")
    anna.run(ratings.rate, number, 5)
    cluster.settle()
    anna.run(svc.move, number, "closed")
    anna.sync()
    second.run(ratings.rate, number, 1, comment="Changed my mind")
    with pytest.raises(InvalidTransition, match="can no longer be changed"):
        anna.run(ratings.rate, number, 1)
    cluster.settle()
    with cluster.db.read() as session:
        row = session.scalar(select(Rating))
        assert row is not None and (row.score, row.effort, row.comment) == (5, None, "")
        assert session.scalar(select(SyncEntry.reason).where(SyncEntry.kind == "rating",
                                                             SyncEntry.outcome == "rejected")) == \
            f"ticket {number} is closed; its rating can no longer be changed"
    with second.store.read() as session:
        row = session.scalar(select(Rating))
        assert row is not None and row.score == 5
    cluster.check()


def test_a_new_device_takes_articles_and_ratings_in_its_snapshot(cluster: Any) -> None:
    ada = cluster.replica("ada")
    published = ada.run(knowledge.new_article, draft()).number
    ada.run(knowledge.publish_article, published)
    hidden = ada.run(knowledge.new_article, draft("Internal: till reset codes")).number
    cluster.settle()
    anna = cluster.replica("anna", "anna-new")
    assert set(articles(anna)) == {published}
    assert hidden not in articles(anna)
    tom = cluster.replica("tom", "tom-new")
    assert set(articles(tom)) == {published, hidden}
    # and the full-text index over what the snapshot brought works
    from core import knowledge as kb
    from core.reference import reference_for

    with anna.store.read() as session:
        ref = reference_for(anna.store, session)
        assert [s.number for s in kb.suggest(session, ref, ref.user("anna"), "receipt printer")] == [published]
    cluster.check()
