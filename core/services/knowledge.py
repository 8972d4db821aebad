"""Knowledge article commands (DESIGN §15). Each runs inside one unit of work (one
transaction), checks the actor's role first, then writes the article and its change
entry through the unit of work, recorded as a command so that the server and a
rebasing store run the very same function (core.kb_commands).

Who may do what: support staff (technician, agent, manager, admin) write and edit
articles; agents, managers and admins publish them. Published articles are for
everyone; a draft only for support staff (its author is one). Anyone who may log a
ticket may say "this solved it" of a published article."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotAllowed, NotFound
from core.ids import new_id
from core.lifecycle import is_support, sees_internal
from core.models import Article, ArticleLink, Ticket
from core.reference import Reference, UserInfo
from core.scope import can_see_ticket
from core.services import tickets
from core.uow import UnitOfWork

TITLE_MAX = 300
BODY_MAX = 100_000
CATEGORIES_MAX = 10
PUBLISHERS = frozenset({"agent", "manager", "admin"})
# The resolution code of a ticket that a published article solved at once (first contact).
SOLVED_BY_ARTICLE = "solved_by_article"


@dataclass
class ArticleDraft:
    """A new article: what a person types, or what "from a resolved ticket" prefills."""

    title: str
    body: str = ""
    categories: list[str] = field(default_factory=list)
    # the number of the resolved ticket it is written from
    source_ticket: str | None = None


@dataclass
class ArticleEdit:
    """Changes to an article; None leaves a field as it is."""

    title: str | None = None
    body: str | None = None
    categories: list[str] | None = None


@dataclass(frozen=True)
class ArticleMade:
    """What creating an article drew where it was made: its id and number, taken as
    they were when the command runs again elsewhere."""

    id: uuid.UUID
    number: str
    # the link to the ticket it is written from, if any
    link_id: uuid.UUID | None = None


@dataclass(frozen=True)
class SolvedMade:
    """What "this solved it" drew where it was made: the ticket's id and number (none
    when the use was deflected), and the link's id."""

    ticket_id: uuid.UUID | None
    number: str | None
    link_id: uuid.UUID | None


@dataclass(frozen=True)
class Solved:
    article: Article
    # the ticket logged as resolved; None when the use needed no ticket (deflect)
    ticket: Ticket | None


# -- checks -------------------------------------------------------------------

def can_read(user: UserInfo, article: Article) -> bool:
    return article.status == "published" or sees_internal(user.role) or article.author_id == user.id


def _require_writer(actor: UserInfo, what: str) -> None:
    if not is_support(actor.role):
        raise NotAllowed(f"only support staff may {what}; you are a {actor.role}")


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("an article needs a title", "title")
    if len(title) > TITLE_MAX:
        raise InvalidInput(f"the title is {len(title)} characters; at most {TITLE_MAX}", "title")
    return title


def check_body(body: str) -> str:
    body = body.strip()
    if len(body) > BODY_MAX:
        raise InvalidInput(f"the body is {len(body)} characters; at most {BODY_MAX}", "body")
    return body


def check_categories(ref: Reference, paths: list[str]) -> list[str]:
    """Known category paths, each once, in the order given."""
    found: list[str] = []
    for path in paths:
        category = ref.category(path.strip())
        if category.path not in found:
            found.append(category.path)
    if len(found) > CATEGORIES_MAX:
        raise InvalidInput(f"an article has at most {CATEGORIES_MAX} categories", "category")
    return found


def find_article(session: Session, user: UserInfo, ref_or_number: str) -> Article:
    """The article by number (KB-…), as this user may read it; one the user may not
    read is reported as not found, as tickets are."""
    article = session.scalar(select(Article).where(Article.number == ref_or_number.strip()))
    if article is None or not can_read(user, article):
        raise NotFound(f"no article {ref_or_number}")
    return article


def _number(uow: UnitOfWork) -> str:
    return f"KB-{uow.device}-{uow.counter('article_number'):05d}"


def _data(article: Article) -> dict[str, Any]:
    return {c.key: getattr(article, c.key) for c in Article.__table__.columns}


# -- reading what a new article starts from -----------------------------------

def draft_from_ticket(session: Session, ref: Reference, user: UserInfo, number: str) -> ArticleDraft:
    """"Write an article from this resolution": the title, category and resolution
    note of a resolved (or closed) ticket, as a draft to edit before it is saved."""
    _require_writer(user, "write articles")
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    if ticket.status not in ("resolved", "closed") or not ticket.resolution_note:
        raise InvalidInput(f"ticket {number} is {ticket.status}; an article is written from a resolved ticket's "
                           "resolution", "ticket")
    parts = []
    if ticket.description.strip():
        parts.append("## Symptom\n\n" + ticket.description.strip())
    parts.append("## Solution\n\n" + ticket.resolution_note.strip())
    return ArticleDraft(title=ticket.title, body="\n\n".join(parts),
                        categories=[ref.categories[ticket.category_id].path], source_ticket=ticket.number)


# -- commands -----------------------------------------------------------------

def new_article(uow: UnitOfWork, actor: UserInfo, draft: ArticleDraft, at: datetime | None = None,
                made: ArticleMade | None = None) -> Article:
    """A draft article, written by support staff."""
    now = uow.now(at)
    _require_writer(actor, "write articles")
    title = check_title(draft.title)
    body = check_body(draft.body)
    categories = check_categories(uow.ref, draft.categories)
    source = tickets.find_ticket(uow, actor, draft.source_ticket) if draft.source_ticket else None
    source_id = source.id if source is not None else None
    if made is None:
        made = ArticleMade(new_id(), _number(uow), new_id() if source_id is not None else None)
    else:
        taken = uow.session.scalar(select(Article.id).where((Article.number == made.number)
                                                            | (Article.id == made.id)))
        if taken is not None or not made.number.startswith("KB-"):
            raise InvalidInput(f"article number {made.number} is taken or not an article number", "number")
    article = Article(
        id=made.id, number=made.number, title=title, body=body, categories=categories, status="draft",
        author_id=actor.id, source_ticket_id=source_id, created_at=now, updated_at=now, published_at=None,
        published_by_id=None, solved_count=0, deflected_count=0,
    )
    with uow.command("kb_new", {"article": asdict(draft), "made": asdict(made)}):
        uow.session.add(article)
        uow.replicate(actor, "article", article.id, "create", _data(article), now)
        if source is not None:
            _link_row(uow, actor, article, source, now, made.link_id)
    return article


def edit_article(uow: UnitOfWork, actor: UserInfo, number: str, edit: ArticleEdit,
                 at: datetime | None = None) -> Article:
    now = uow.now(at)
    article = find_article(uow.session, actor, number)
    _require_writer(actor, "edit articles")
    values: dict[str, Any] = {}
    if edit.title is not None:
        values["title"] = check_title(edit.title)
    if edit.body is not None:
        values["body"] = check_body(edit.body)
    if edit.categories is not None:
        values["categories"] = check_categories(uow.ref, edit.categories)
    if article.status == "published" and values.get("body", article.body) == "":
        raise InvalidInput("a published article needs a body", "body")
    changed = {k: v for k, v in values.items() if getattr(article, k) != v}
    if not changed:
        raise InvalidInput("nothing to change: every value given is the article's current one")
    with uow.command("kb_edit", {"number": number, "edit": asdict(edit)}):
        _update(uow, actor, article, {**changed, "updated_at": max(article.updated_at, now)}, now)
    return article


def publish_article(uow: UnitOfWork, actor: UserInfo, number: str, at: datetime | None = None) -> Article:
    now = uow.now(at)
    article = find_article(uow.session, actor, number)
    if actor.role not in PUBLISHERS:
        raise NotAllowed(f"only agents and managers may publish articles; you are a {actor.role}")
    if article.status == "published":
        raise InvalidInput(f"article {number} is published already")
    if not article.body.strip():
        raise InvalidInput(f"article {number} has no body yet; write it before publishing", "body")
    with uow.command("kb_publish", {"number": number}):
        _update(uow, actor, article, {"status": "published", "published_at": now, "published_by_id": actor.id,
                                      "updated_at": max(article.updated_at, now)}, now)
    return article


def link_article(uow: UnitOfWork, actor: UserInfo, ticket_number: str, number: str, at: datetime | None = None,
                 id: uuid.UUID | None = None) -> ArticleLink:
    """Link an article to a ticket: support staff, on a ticket they see, once per pair."""
    now = uow.now(at)
    article = find_article(uow.session, actor, number)
    ticket = tickets.find_ticket(uow, actor, ticket_number)
    _require_writer(actor, "link articles to tickets")
    if ticket.status == "cancelled":
        raise InvalidInput(f"ticket {ticket_number} is cancelled", "ticket")
    link_id = id or new_id()
    with uow.command("kb_link", {"ticket": ticket_number, "number": number, "id": link_id}):
        return _link_row(uow, actor, article, ticket, now, link_id)


def solved(
    uow: UnitOfWork, actor: UserInfo, number: str, ticket: tickets.NewTicket | None, at: datetime | None = None,
    made: SolvedMade | None = None,
) -> Solved:
    """"This solved it": a published article solved the problem being logged. With a
    ticket, the ticket is logged and resolved at once by the person logging it (code
    `solved_by_article`, first contact: no team, no hand-over), the article linked; without
    one (where the organisation allows it, `[organisation] deflect = true`) only the use
    is recorded. The article's count of uses goes up either way."""
    now = uow.now(at)
    article = find_article(uow.session, actor, number)
    if article.status != "published":
        raise InvalidInput(f"article {number} is a draft; only a published article solves a problem", "article")
    if ticket is None and not uow.ref.spec.deflect:
        raise InvalidInput("this organisation logs every problem as a ticket; give the ticket's title and category "
                           "([organisation] deflect is off)", "ticket")
    if made is None:
        made = SolvedMade(None, None, None) if ticket is None else SolvedMade(
            new_id(), _ticket_number(uow, actor, ticket), new_id())
    elif (ticket is None) != (made.ticket_id is None) or (made.ticket_id is not None
                                                          and (not made.number or made.link_id is None)):
        raise InvalidInput("the command's made must name a ticket, its number and its link exactly when it "
                           "logs one", "ticket")
    args = {"number": number, "ticket": asdict(ticket) if ticket is not None else None, "made": asdict(made)}
    logged: Ticket | None = None
    with uow.command("kb_solved", args):
        if ticket is not None:
            assert made.ticket_id is not None and made.number is not None
            # first contact: no team and no assignee, so nobody hands it over (reports count it as FCR);
            # the category's required fields tell a technician what to work on, and nobody will
            logged = tickets.create(uow, actor, ticket, now, made=tickets.Made(made.ticket_id, made.number, None, None),
                                    fields_required=False)
            uow.update_ticket(actor, logged, {
                "status": "resolved", "resolution_code": SOLVED_BY_ARTICLE,
                "resolution_note": f"Solved with knowledge article {article.number}: {article.title}",
                "resolved_at": now, "first_response_at": now,
            }, now)
            _link_row(uow, actor, article, logged, now, made.link_id)
        counts = {"solved_count": article.solved_count + 1}
        if ticket is None:
            counts["deflected_count"] = article.deflected_count + 1
        _update(uow, actor, article, counts, now)
    return Solved(article, logged)


def _ticket_number(uow: UnitOfWork, actor: UserInfo, ticket: tickets.NewTicket) -> str:
    if ticket.site:
        site = uow.ref.site(ticket.site)
    else:
        requester = uow.ref.user(ticket.requester, "requester") if ticket.requester else actor
        if requester.site_id is None:
            raise InvalidInput(f"{requester.username} has no home site; say which site", "site")
        site = uow.ref.sites[requester.site_id]
    return f"{site.code}-{uow.device}-{uow.counter('ticket_number'):05d}"


# -- writing ------------------------------------------------------------------

def _update(uow: UnitOfWork, actor: UserInfo, article: Article, values: dict[str, Any], at: datetime) -> None:
    for name, value in values.items():
        setattr(article, name, value)
    uow.replicate(actor, "article", article.id, "update", values, at)


def _link_row(uow: UnitOfWork, actor: UserInfo, article: Article, ticket: Ticket, at: datetime,
              id: uuid.UUID | None) -> ArticleLink:
    session = uow.session
    with session.no_autoflush:
        existing = session.scalar(select(ArticleLink.id).where(ArticleLink.article_id == article.id,
                                                               ArticleLink.ticket_id == ticket.id))
    if existing is not None or any(r["article_id"] == article.id and r["ticket_id"] == ticket.id
                                   for r in uow.pending_children(ArticleLink.__table__)):
        raise InvalidInput(f"article {article.number} is linked to ticket {ticket.number} already")
    row = ArticleLink(id=id or new_id(), article_id=article.id, ticket_id=ticket.id, created_at=at,
                      actor_id=actor.id)
    # insert-only, written after the ticket it hangs on, with a history event on the ticket
    uow.insert_child(actor, "article_link", row, ticket, at, history_note=f"article {article.number}")
    return row
