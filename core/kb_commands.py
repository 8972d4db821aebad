"""The knowledge and rating commands by name (core.commands runs them): their
arguments come from the network, so each is checked for its type here before the
service checks its value."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from core.errors import InvalidInput
from core.reference import UserInfo
from core.services import knowledge, ratings, tickets
from core.uow import UnitOfWork

Args = dict[str, Any]


def _only(args: Args, *keys: str) -> None:
    unknown = set(args) - set(keys)
    if unknown:
        raise InvalidInput(f"the command has unknown arguments: {', '.join(sorted(unknown))}")


def _text(args: Args, key: str, *, optional: bool = False) -> Any:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"the command's {key} must be text")
    return value


def _int(args: Args, key: str, *, optional: bool = False) -> Any:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"the command's {key} must be a whole number")
    return value


def _id(args: Args, key: str, *, optional: bool = False) -> uuid.UUID | None:
    value = args.get(key)
    if value is None and optional:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"the command's {key} must be an id") from None


def _texts(args: Args, key: str, *, optional: bool = False) -> list[str] | None:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"the command's {key} must be a list of texts")
    return list(value)


def _object(args: Args, key: str) -> Args:
    value = args.get(key)
    if not isinstance(value, dict):
        raise InvalidInput(f"the command's {key} must be an object")
    return value


def _new(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "article", "made")
    article, made = _object(args, "article"), _object(args, "made")
    _only(article, "title", "body", "categories", "source_ticket")
    _only(made, "id", "number", "link_id")
    draft = knowledge.ArticleDraft(title=_text(article, "title"), body=_text(article, "body"),
                                   categories=_texts(article, "categories") or [],
                                   source_ticket=_text(article, "source_ticket", optional=True))
    drew = knowledge.ArticleMade(id=_id(made, "id") or uuid.uuid4(), number=_text(made, "number"),
                                 link_id=_id(made, "link_id", optional=True))
    return knowledge.new_article(uow, actor, draft, at, made=drew)


def _edit(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "edit")
    edit = _object(args, "edit")
    _only(edit, "title", "body", "categories")
    change = knowledge.ArticleEdit(title=_text(edit, "title", optional=True), body=_text(edit, "body", optional=True),
                                   categories=_texts(edit, "categories", optional=True))
    return knowledge.edit_article(uow, actor, _text(args, "number"), change, at)


def _publish(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number")
    return knowledge.publish_article(uow, actor, _text(args, "number"), at)


def _link(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "ticket", "number", "id")
    return knowledge.link_article(uow, actor, _text(args, "ticket"), _text(args, "number"), at, id=_id(args, "id"))


def _solved(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "ticket", "made")
    made = _object(args, "made")
    _only(made, "ticket_id", "number", "link_id")
    ticket = None
    if args.get("ticket") is not None:
        ticket = _new_ticket(_object(args, "ticket"))
    drew = knowledge.SolvedMade(ticket_id=_id(made, "ticket_id", optional=True),
                                number=_text(made, "number", optional=True),
                                link_id=_id(made, "link_id", optional=True))
    return knowledge.solved(uow, actor, _text(args, "number"), ticket, at, made=drew)


def _new_ticket(value: Args) -> tickets.NewTicket:
    known = {f.name for f in dataclasses.fields(tickets.NewTicket)}
    _only(value, *known)
    fields = value.get("fields") or {}
    if not isinstance(fields, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        raise InvalidInput("the command's ticket.fields must map names to text")
    return tickets.NewTicket(
        title=_text(value, "title"), category=_text(value, "category"), impact=_text(value, "impact"),
        urgency=_text(value, "urgency"), type=_text(value, "type", optional=True) or "incident",
        description=_text(value, "description", optional=True) or "",
        channel=_text(value, "channel", optional=True) or "portal",
        requester=_text(value, "requester", optional=True), site=_text(value, "site", optional=True),
        fields=dict(fields), asset_tag=_text(value, "asset_tag", optional=True),
        parent=_text(value, "parent", optional=True), major_incident=value.get("major_incident") is True,
    )


def _rate(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "score", "effort", "comment")
    return ratings.rate(uow, actor, _text(args, "number"), _int(args, "score"), _int(args, "effort", optional=True),
                        _text(args, "comment", optional=True) or "", at)


KB_COMMANDS: dict[str, Callable[[UnitOfWork, UserInfo, Args, datetime], object]] = {
    "kb_new": _new, "kb_edit": _edit, "kb_publish": _publish, "kb_link": _link, "kb_solved": _solved,
    "rate": _rate,
}
