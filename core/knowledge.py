"""Reading knowledge articles (DESIGN §15): lists, one article in full, full-text
search (FTS5, as tickets are searched) and suggestions while a ticket is logged.

Suggestions rank published articles by the words of the title being typed and its
category. The score (0 to 1, three decimals) is
    0.70 × text + 0.25 × category + 0.05 × use
where text is the article's FTS5 bm25 relevance (title weighted 10, categories 3,
body 1) over any of the words typed (each a prefix), relative to the best match;
category is 1 when the article's main (first) category is the category given or
below it, 0.75 when another of its categories is, 0.5 when one is its parent or a
sibling, else 0; use is the article's "this solved it" count
relative to the most used candidate. Ties go to the older number."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import column, func, literal_column, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from core.clock import iso
from core.errors import InvalidInput, NotFound
from core.lifecycle import sees_internal
from core.models import Article, ArticleLink, Ticket
from core.models.knowledge import ARTICLE_STATUSES
from core.reference import Reference, UserInfo
from core.scope import can_see_ticket
from core.services.knowledge import can_read, find_article
from core.ticket_words import match_term, words_match, words_of

SUGGEST_LIMIT = 5
CANDIDATES = 50
# words too common to tell faults apart, in the languages of the demo organisation
STOPWORDS = frozenset({
    "a", "an", "the", "is", "are", "was", "not", "no", "and", "or", "of", "on", "in", "at", "to", "for", "with",
    "it", "its", "my", "our", "does", "doesnt", "dont", "cant", "wont", "has", "have", "be", "by", "from",
    "i", "we", "this", "that", "nie", "w", "na", "z", "do", "się", "jest", "oraz",
})
WEIGHTS = (10.0, 1.0, 3.0)  # title, body, categories


@dataclass(frozen=True)
class ArticleSummary:
    number: str
    title: str
    status: str
    categories: list[str]
    author: str | None
    updated_at: datetime
    solved_count: int

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title, "status": self.status, "categories": self.categories,
                "author": self.author, "updated_at": iso(self.updated_at), "solved_count": self.solved_count}


@dataclass(frozen=True)
class ArticleDetail(ArticleSummary):
    id: uuid.UUID
    body: str
    created_at: datetime
    published_at: datetime | None
    published_by: str | None
    deflected_count: int
    source_ticket: str | None
    # linked tickets the reader sees: (number, status, title)
    tickets: list[tuple[str, str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {**super().as_json(), "id": str(self.id), "body": self.body, "created_at": iso(self.created_at),
                "published_at": iso(self.published_at), "published_by": self.published_by,
                "deflected_count": self.deflected_count, "source_ticket": self.source_ticket,
                "tickets": [{"number": n, "status": s, "title": t} for n, s, t in self.tickets]}


@dataclass(frozen=True)
class Suggestion:
    number: str
    title: str
    categories: list[str]
    score: float
    solved_count: int

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title, "categories": self.categories, "score": self.score,
                "solved_count": self.solved_count}


def _summary(ref: Reference, a: Article) -> ArticleSummary:
    return ArticleSummary(number=a.number, title=a.title, status=a.status, categories=list(a.categories),
                          author=ref.username_of(a.author_id), updated_at=a.updated_at, solved_count=a.solved_count)


def _readable(user: UserInfo) -> Any:
    """The articles this user may read, as an SQL condition."""
    if sees_internal(user.role):
        return Article.status.in_(ARTICLE_STATUSES)
    return (Article.status == "published") | (Article.author_id == user.id)


def list_articles(session: Session, ref: Reference, user: UserInfo, *, status: str | None = None,
                  category: str | None = None, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
    """Articles the user may read, most recently updated first; `category` keeps those
    filed under that category or below it."""
    if status is not None and status not in ARTICLE_STATUSES:
        raise InvalidInput(f"status must be one of {', '.join(ARTICLE_STATUSES)}, not {status!r}", "status")
    if limit < 1 or offset < 0:
        raise InvalidInput("limit must be at least 1 and offset not negative", "limit")
    query = select(Article).where(_readable(user))
    if status is not None:
        query = query.where(Article.status == status)
    rows = session.scalars(query.order_by(Article.updated_at.desc(), Article.number)).all()
    if category is not None:
        path = ref.category(category).path
        rows = [a for a in rows if any(c == path or str(c).startswith(path + "/") for c in a.categories)]
    return [_summary(ref, a) for a in rows[offset: offset + limit]]


def read_article(session: Session, ref: Reference, user: UserInfo, number: str) -> ArticleDetail:
    a = find_article(session, user, number)
    linked = session.scalars(
        select(Ticket).join(ArticleLink, ArticleLink.ticket_id == Ticket.id)
        .where(ArticleLink.article_id == a.id).order_by(Ticket.created_at)
    ).all()
    source = session.get(Ticket, a.source_ticket_id) if a.source_ticket_id else None
    return ArticleDetail(
        **vars(_summary(ref, a)), id=a.id, body=a.body, created_at=a.created_at, published_at=a.published_at,
        published_by=ref.username_of(a.published_by_id), deflected_count=a.deflected_count,
        source_ticket=source.number if source is not None and can_see_ticket(user, source) else None,
        tickets=[(t.number, t.status, t.title) for t in linked if can_see_ticket(user, t)],
    )


def articles_for_ticket(session: Session, ref: Reference, user: UserInfo, number: str) -> list[ArticleSummary]:
    """The articles linked to a ticket, as the user may read them."""
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    rows = session.scalars(select(Article).join(ArticleLink, ArticleLink.article_id == Article.id)
                           .where(ArticleLink.ticket_id == ticket.id).order_by(ArticleLink.created_at)).all()
    return [_summary(ref, a) for a in rows if can_read(user, a)]


def search_articles(session: Session, ref: Reference, user: UserInfo, text: str, limit: int = 50) -> list[ArticleSummary]:
    """Articles the user may read holding every word typed (prefixes match), best first."""
    match = words_match(text)
    if match is None:
        raise InvalidInput("search needs at least one word", "text")
    hits = sql("SELECT rowid AS rid, bm25(article_fts, :wt, :wb, :wc) AS rank FROM article_fts "
               "WHERE article_fts MATCH :q").columns(column("rid"), column("rank")).subquery("hits")
    rows = session.scalars(
        select(Article).join(hits, hits.c.rid == literal_column("articles.rowid"))
        .where(_readable(user)).order_by(hits.c.rank, Article.number).limit(max(1, limit)),
        {"q": match, "wt": WEIGHTS[0], "wb": WEIGHTS[1], "wc": WEIGHTS[2]},
    ).all()
    return [_summary(ref, a) for a in rows]


def search_with_tickets(session: Session, ref: Reference, user: UserInfo, text: str,
                        limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """One search over tickets (core.queries.search, in the user's scope) and articles."""
    from core.queries import search

    return {"tickets": search(session, ref, user, text, limit=limit),
            "articles": [a.as_json() for a in search_articles(session, ref, user, text, limit=limit)]}


def _category_match(wanted: str | None, paths: list[Any]) -> float:
    if not wanted:
        return 0.0
    best = 0.0
    parent = wanted.rsplit("/", 1)[0] if "/" in wanted else wanted
    for i, path in enumerate(map(str, paths)):
        if path == wanted or path.startswith(wanted + "/"):
            best = max(best, 1.0 if i == 0 else 0.75)
        elif path == parent or path.startswith(parent + "/"):
            best = max(best, 0.5)
    return best


def suggest(session: Session, ref: Reference, user: UserInfo, title: str, category: str | None = None,
            limit: int = SUGGEST_LIMIT) -> list[Suggestion]:
    """Published articles for a ticket being logged with this title (and category),
    best first, with their scores (see the module's docstring)."""
    if not isinstance(title, str):
        raise InvalidInput("the title must be text", "title")
    wanted = ref.category(category).path if category else None
    words = [w for w in words_of(title) if w.lower() not in STOPWORDS] or words_of(title)
    if not words and wanted is None:
        raise InvalidInput("suggestions need a title or a category", "title")
    if limit < 1:
        raise InvalidInput("limit must be at least 1", "limit")
    relevance: dict[int, float] = {}
    if words:
        match = " OR ".join(match_term(w) for w in words[:20])
        rows = session.execute(sql(
            "SELECT article_fts.rowid, bm25(article_fts, :wt, :wb, :wc) FROM article_fts "
            "JOIN articles a ON a.rowid = article_fts.rowid "
            "WHERE article_fts MATCH :q AND a.status = 'published' ORDER BY 2 LIMIT :n"
        ), {"q": match, "wt": WEIGHTS[0], "wb": WEIGHTS[1], "wc": WEIGHTS[2], "n": CANDIDATES}).all()
        relevance = {int(rid): -float(rank) for rid, rank in rows}
    if wanted is not None:
        # articles filed under the category (or its parent) that the words did not find
        like = wanted.rsplit("/", 1)[0] if "/" in wanted else wanted
        for rid, in session.execute(sql(
            "SELECT rowid FROM articles WHERE status = 'published' AND categories LIKE :like LIMIT :n"
        ), {"like": f"%{json.dumps(like)[:-1]}%", "n": CANDIDATES}):  # as the JSON column keeps it
            relevance.setdefault(int(rid), 0.0)
    if not relevance:
        return []
    found = session.execute(sql(
        f"SELECT rowid, number, title, categories, solved_count FROM articles "
        f"WHERE rowid IN ({','.join(str(r) for r in relevance)})"
    )).all()
    best_text = max(relevance.values()) or 1.0
    most_used = max((int(r[4]) for r in found), default=0) or 1
    scored = []
    for rid, number, title_, categories, used in found:
        paths = _json_list(categories)
        score = (0.70 * max(relevance[int(rid)], 0.0) / best_text + 0.25 * _category_match(wanted, paths)
                 + 0.05 * int(used) / most_used)
        scored.append(Suggestion(number=number, title=title_, categories=paths, score=round(score, 3),
                                 solved_count=int(used)))
    scored.sort(key=lambda s: (-s.score, s.number))
    return scored[:limit]


def _json_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    try:
        found = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(v) for v in found] if isinstance(found, list) else []


def count_articles(session: Session, user: UserInfo) -> int:
    return int(session.scalar(select(func.count()).select_from(Article).where(_readable(user))) or 0)
