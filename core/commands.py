"""Commands by name: what a change entry's `command` holds, run again with the same
service function that ran where it was made (DESIGN §6a). The server runs a pushed
command this way, and a branch store its own pending commands when it rebases them
on what the server confirmed. The arguments come from the network, so each is
checked for its type here before the service checks its value."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from core.command_args import Args, arg_bool, arg_id, arg_int, arg_record, arg_text, only_args
from core.errors import InvalidInput
from core.kb_commands import KB_COMMANDS
from core.reference import UserInfo
from core.services import attachments, conflicts, tickets
from core.uow import UnitOfWork

Runner = Callable[[UnitOfWork, UserInfo, Args, datetime], object]

# The commands the system itself makes; every other command is a person's.
SYSTEM_COMMANDS = frozenset({"auto_close"})


def _create(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "ticket", "made")
    cmd = arg_record(tickets.NewTicket, args.get("ticket"), "ticket")
    made = args.get("made")
    # priority and rule: only when a routing rule drew them (commands recorded before them lack both)
    if not isinstance(made, dict) or not {"id", "number", "team_id", "assignee_id"} <= set(made) <= {
            "id", "number", "team_id", "assignee_id", "priority", "rule"}:
        raise InvalidInput("the command's made must hold id, number, team_id and assignee_id "
                           "(and may hold priority and rule)")
    return tickets.create(uow, actor, cmd, at, made=tickets.Made(
        id=arg_id(made, "id") or uuid.uuid4(), number=arg_text(made, "number"),
        team_id=arg_id(made, "team_id", optional=True), assignee_id=arg_id(made, "assignee_id", optional=True),
        priority=arg_text(made, "priority", optional=True), rule=arg_text(made, "rule", optional=True),
    ))


def _edit(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "edit")
    return tickets.edit(uow, actor, arg_text(args, "number"), arg_record(tickets.TicketEdit, args.get("edit"), "edit"), at)


def _assign(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "team", "to", "note")
    return tickets.assign(uow, actor, arg_text(args, "number"), team=arg_text(args, "team", optional=True),
                          to=arg_text(args, "to", optional=True), at=at, note=arg_text(args, "note", optional=True))


def _escalate(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "note")
    return tickets.escalate(uow, actor, arg_text(args, "number"), at, note=arg_text(args, "note", optional=True))


def _move(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "status", "reason", "supplier", "code", "note")
    return tickets.move(
        uow, actor, arg_text(args, "number"), arg_text(args, "status"), reason=arg_text(args, "reason", optional=True),
        supplier=arg_text(args, "supplier", optional=True), code=arg_text(args, "code", optional=True),
        note=arg_text(args, "note", optional=True), at=at,
    )


def _comment(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "text", "internal", "id")
    return tickets.comment(uow, actor, arg_text(args, "number"), arg_text(args, "text"),
                           internal=arg_bool(args, "internal"), at=at, id=arg_id(args, "id"))


def _log_work(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "minutes", "note", "id")
    return tickets.log_work(uow, actor, arg_text(args, "number"), arg_int(args, "minutes"), arg_text(args, "note"), at,
                            id=arg_id(args, "id"))


def _link(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "other", "kind", "id")
    return tickets.link(uow, actor, arg_text(args, "number"), arg_text(args, "other"), arg_text(args, "kind"), at,
                        id=arg_id(args, "id"))


def _attach(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number", "name", "sha256", "size", "id")
    return attachments.add_attachment(uow, actor, arg_text(args, "number"), arg_text(args, "name"),
                                      arg_text(args, "sha256"), arg_int(args, "size"), at, id=arg_id(args, "id"))


def _acknowledge(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "conflict")
    conflict = arg_id(args, "conflict")
    assert conflict is not None
    conflicts.acknowledge_conflict(uow, actor, conflict, at)
    return None


def _auto_close(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    only_args(args, "number")
    return tickets.auto_close(uow, actor, arg_text(args, "number"), at)


COMMANDS: dict[str, Runner] = {
    "create": _create, "edit": _edit, "assign": _assign, "escalate": _escalate, "move": _move,
    "comment": _comment, "log_work": _log_work, "link": _link, "attach": _attach,
    "acknowledge": _acknowledge, "auto_close": _auto_close,
    **KB_COMMANDS,  # knowledge articles and ratings
}


def run(uow: UnitOfWork, actor: UserInfo, command: Any, at: datetime) -> object:
    """Run a recorded command as `actor` at the instant it was made. Refusals are the
    service layer's own (the same words a local command gets)."""
    if not isinstance(command, dict) or set(command) != {"name", "args"}:
        raise InvalidInput("a change names its command and the command's arguments")
    name, args = command["name"], command["args"]
    runner = COMMANDS.get(name) if isinstance(name, str) else None
    if runner is None:
        raise InvalidInput(f"unknown command {name!r}")
    if not isinstance(args, dict):
        raise InvalidInput("a command's arguments are an object")
    return runner(uow, actor, args, at)
