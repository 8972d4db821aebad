"""`branchdesk-server demo` writes the demo knowledge base too (DESIGN §15): published
articles in the categories the organisation has, made by the service layer on the
server and numbered for the feed, so that every device pulls them; once only."""

from __future__ import annotations

from sqlalchemy import func, select

from core.models import Article
from server.demo import load_demo
from sync.models import SyncRecord


def test_the_server_demo_publishes_articles_once_and_numbers_them_for_the_feed(db):
    load_demo(db, 5, seed=3)
    with db.read() as session:
        made = session.scalar(select(func.count()).select_from(Article))
        assert made and made == session.scalar(select(func.count()).select_from(Article)
                                               .where(Article.status == "published"))
        assert all(n.startswith("KB-SRV00-") for n in session.scalars(select(Article.number)))
        listed = session.scalar(select(func.count()).select_from(SyncRecord).where(SyncRecord.kind == "article"))
        assert listed == made
    load_demo(db, 5, seed=4)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == made
