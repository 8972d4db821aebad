"""Reading knowledge articles (DESIGN §15) from other systems, a portal for one:
the articles the caller may read (published ones for everyone; drafts for support
staff and their author), paged, and one article in full. An article the caller may
not read answers 404, word for word as one that does not exist. Articles are written
in Branchdesk and reach the server by sync."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from core.errors import InvalidInput, NotFound
from core.knowledge import list_articles, read_article
from core.models.knowledge import ARTICLE_STATUSES
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError
from server.schemas.articles import ArticleOut, ArticlePage, ArticleRowOut, LinkedTicketOut
from server.schemas.common import Problem

router = APIRouter(prefix="/articles", tags=["knowledge"], responses=ERROR_RESPONSES)

Status = Literal[ARTICLE_STATUSES]  # type: ignore[valid-type]
EVERY = 1_000_000  # the filters are applied to every readable article before the page is cut


@router.get("", response_model=ArticlePage)
def list_(
    caller: CurrentCaller, server: Server,
    status: Status | None = None,
    category: Annotated[str | None, Query(min_length=1, max_length=300,
                                          description="category path; includes its sub-categories")] = None,
    skip: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ArticlePage:
    """The articles the caller may read, most recently updated first."""
    with server.db.read() as session:
        try:
            found = list_articles(session, caller.ref, caller.user, status=status, category=category, limit=EVERY)
        except InvalidInput as exc:
            raise ApiError(422, str(exc), problems=[Problem(loc="query.category", message=str(exc))]) from None
    return ArticlePage(total=len(found), skip=skip, limit=limit,
                       items=[ArticleRowOut.model_validate(a) for a in found[skip: skip + limit]])


@router.get("/{number}", response_model=ArticleOut)
def get(
    caller: CurrentCaller, server: Server,
    number: Annotated[str, Path(min_length=1, max_length=40, description="the article's number, KB-…")],
) -> ArticleOut:
    with server.db.read() as session:
        try:
            article = read_article(session, caller.ref, caller.user, number)
        except NotFound:
            raise ApiError(404, f"no article {number}") from None
    return ArticleOut.model_validate({
        **{name: getattr(article, name) for name in ArticleOut.model_fields if name != "tickets"},
        "tickets": [LinkedTicketOut(number=n, status=s, title=t) for n, s, t in article.tickets],
    })
