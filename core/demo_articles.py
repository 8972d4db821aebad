"""The demo organisation's knowledge articles (resources/demo-articles.toml), written
and published through the service layer by the demo's agent, as people would: what
`branchdesk demo` and `branchdesk-server demo` hold, so that a cashier typing
"receipt printer" in a new ticket is offered the right article."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from core.models import Article
from core.paths import resources_dir
from core.services import knowledge
from core.uow import UnitOfWork


@dataclass(frozen=True)
class DemoArticle:
    title: str
    body: str
    categories: tuple[str, ...]


def demo_articles_file() -> Path:
    return resources_dir() / "demo-articles.toml"


def read_demo_articles(path: Path | None = None) -> list[DemoArticle]:
    with (path or demo_articles_file()).open("rb") as handle:
        data = tomllib.load(handle)
    return [DemoArticle(title=str(a["title"]), body=str(a["body"]).strip(), categories=tuple(a["categories"]))
            for a in data.get("articles", [])]


def publish_demo_articles(uow: UnitOfWork, writer: str, publisher: str, at: datetime) -> int:
    """Write and publish the demo articles whose categories this organisation has, once:
    nothing when the store holds articles already. Returns how many were made."""
    if uow.session.scalar(select(Article.id).limit(1)) is not None:
        return 0
    author, editor = uow.ref.user(writer), uow.ref.user(publisher)
    made = 0
    for i, item in enumerate(read_demo_articles()):
        categories = [c for c in item.categories if c in uow.ref.category_paths]
        if not categories:
            continue
        when = at + timedelta(minutes=10 * i)
        draft = knowledge.ArticleDraft(title=item.title, body=item.body, categories=categories)
        article = knowledge.new_article(uow, author, draft, when)
        knowledge.publish_article(uow, editor, article.number, when + timedelta(minutes=5))
        made += 1
    return made
