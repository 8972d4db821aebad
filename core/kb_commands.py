"""The knowledge and rating commands by name (core.commands runs them): their
arguments come from the network, so each is checked for its type here before the
service checks its value."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import datetime

from core.command_args import Args, arg_id, arg_int, arg_object, arg_text, arg_texts, only_args
from core.errors import InvalidInput
from core.reference import UserInfo
from core.services import knowledge, ratings, tickets
from core.uow import UnitOfWork


def _new(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "article", "made")
    article, made = arg_object(args, "article"), arg_object(args, "made")
    only_args(article, "title", "body", "categories", "source_ticket")
    only_args(made, "id", "number", "link_id")
    draft = knowledge.ArticleDraft(title=arg_text(article, "title"), body=arg_text(article, "body"),
                                   categories=arg_texts(article, "categories") or [],
                                   source_ticket=arg_text(article, "source_ticket", optional=True))
    drew = knowledge.ArticleMade(id=arg_id(made, "id") or uuid.uuid4(), number=arg_text(made, "number"),
                                 link_id=arg_id(made, "link_id", optional=True))
    return knowledge.new_article(uow, actor, draft, at, made=drew)


def _edit(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "edit")
    edit = arg_object(args, "edit")
    only_args(edit, "title", "body", "categories")
    change = knowledge.ArticleEdit(title=arg_text(edit, "title", optional=True), body=arg_text(edit, "body", optional=True),
                                   categories=arg_texts(edit, "categories", optional=True))
    return knowledge.edit_article(uow, actor, arg_text(args, "number"), change, at)


def _publish(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number")
    return knowledge.publish_article(uow, actor, arg_text(args, "number"), at)


def _link(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "ticket", "number", "id")
    return knowledge.link_article(uow, actor, arg_text(args, "ticket"), arg_text(args, "number"), at, id=arg_id(args, "id"))


def _solved(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "ticket", "made")
    made = arg_object(args, "made")
    only_args(made, "ticket_id", "number", "link_id")
    ticket = None
    if args.get("ticket") is not None:
        ticket = _new_ticket(arg_object(args, "ticket"))
    drew = knowledge.SolvedMade(ticket_id=arg_id(made, "ticket_id", optional=True),
                                number=arg_text(made, "number", optional=True),
                                link_id=arg_id(made, "link_id", optional=True))
    return knowledge.solved(uow, actor, arg_text(args, "number"), ticket, at, made=drew)


def _new_ticket(value: Args) -> tickets.NewTicket:
    known = {f.name for f in dataclasses.fields(tickets.NewTicket)}
    only_args(value, *known)
    fields = value.get("fields") or {}
    if not isinstance(fields, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        raise InvalidInput("the command's ticket.fields must map names to text")
    return tickets.NewTicket(
        title=arg_text(value, "title"), category=arg_text(value, "category"), impact=arg_text(value, "impact"),
        urgency=arg_text(value, "urgency"), type=arg_text(value, "type", optional=True) or "incident",
        description=arg_text(value, "description", optional=True) or "",
        channel=arg_text(value, "channel", optional=True) or "portal",
        requester=arg_text(value, "requester", optional=True), site=arg_text(value, "site", optional=True),
        fields=dict(fields), asset_tag=arg_text(value, "asset_tag", optional=True),
        parent=arg_text(value, "parent", optional=True), major_incident=value.get("major_incident") is True,
    )


def _rate(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "score", "effort", "comment")
    return ratings.rate(uow, actor, arg_text(args, "number"), arg_int(args, "score"), arg_int(args, "effort", optional=True),
                        arg_text(args, "comment", optional=True) or "", at)


KB_COMMANDS: dict[str, Callable[[UnitOfWork, UserInfo, Args, datetime], object]] = {
    "kb_new": _new, "kb_edit": _edit, "kb_publish": _publish, "kb_link": _link, "kb_solved": _solved,
    "rate": _rate,
}
