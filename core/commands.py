"""Commands by name: what a change entry's `command` holds, run again with the same
service function that ran where it was made (DESIGN §6a). The server runs a pushed
command this way, and a branch store its own pending commands when it rebases them
on what the server confirmed. The arguments come from the network, so each is
checked for its type here before the service checks its value."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from core.errors import InvalidInput
from core.kb_commands import KB_COMMANDS
from core.reference import UserInfo
from core.services import attachments, conflicts, tickets
from core.uow import UnitOfWork

Args = dict[str, Any]
Runner = Callable[[UnitOfWork, UserInfo, Args, datetime], object]

# The commands the system itself makes; every other command is a person's.
SYSTEM_COMMANDS = frozenset({"auto_close"})


def _text(args: Args, key: str, *, optional: bool = False) -> Any:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"the command's {key} must be text")
    return value


def _int(args: Args, key: str) -> int:
    value = args.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"the command's {key} must be a whole number")
    return value


def _bool(args: Args, key: str) -> bool:
    value = args.get(key)
    if not isinstance(value, bool):
        raise InvalidInput(f"the command's {key} must be true or false")
    return value


def _id(args: Args, key: str, *, optional: bool = False) -> uuid.UUID | None:
    value = args.get(key)
    if value is None and optional:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"the command's {key} must be an id") from None


def _record(cls: Any, value: Any, what: str) -> Any:
    """A dataclass of the service layer from its JSON, every field of the right kind."""
    if not isinstance(value, dict):
        raise InvalidInput(f"the command's {what} must be an object")
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(value) - set(known)
    if unknown:
        raise InvalidInput(f"the command's {what} has unknown fields: {', '.join(sorted(unknown))}")
    for name, item in value.items():
        kind = str(known[name].type)
        if item is None:
            if "None" not in kind:
                raise InvalidInput(f"the command's {what}.{name} is missing")
        elif kind.startswith("dict"):
            if not isinstance(item, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                     for k, v in item.items()):
                raise InvalidInput(f"the command's {what}.{name} must map names to text")
        elif kind.startswith("bool"):
            if not isinstance(item, bool):
                raise InvalidInput(f"the command's {what}.{name} must be true or false")
        elif not isinstance(item, str):
            raise InvalidInput(f"the command's {what}.{name} must be text")
    missing = [f.name for f in known.values()
               if f.name not in value and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise InvalidInput(f"the command's {what} lacks {', '.join(missing)}")
    return cls(**value)


def _only(args: Args, *keys: str) -> Args:
    unknown = set(args) - set(keys)
    if unknown:
        raise InvalidInput(f"the command has unknown arguments: {', '.join(sorted(unknown))}")
    return args


def _create(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "ticket", "made")
    cmd = _record(tickets.NewTicket, args.get("ticket"), "ticket")
    made = args.get("made")
    # priority and rule: only when a routing rule drew them (commands recorded before them lack both)
    if not isinstance(made, dict) or not {"id", "number", "team_id", "assignee_id"} <= set(made) <= {
            "id", "number", "team_id", "assignee_id", "priority", "rule"}:
        raise InvalidInput("the command's made must hold id, number, team_id and assignee_id "
                           "(and may hold priority and rule)")
    return tickets.create(uow, actor, cmd, at, made=tickets.Made(
        id=_id(made, "id") or uuid.uuid4(), number=_text(made, "number"),
        team_id=_id(made, "team_id", optional=True), assignee_id=_id(made, "assignee_id", optional=True),
        priority=_text(made, "priority", optional=True), rule=_text(made, "rule", optional=True),
    ))


def _edit(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "edit")
    return tickets.edit(uow, actor, _text(args, "number"), _record(tickets.TicketEdit, args.get("edit"), "edit"), at)


def _assign(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "team", "to", "note")
    return tickets.assign(uow, actor, _text(args, "number"), team=_text(args, "team", optional=True),
                          to=_text(args, "to", optional=True), at=at, note=_text(args, "note", optional=True))


def _escalate(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "note")
    return tickets.escalate(uow, actor, _text(args, "number"), at, note=_text(args, "note", optional=True))


def _move(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "status", "reason", "supplier", "code", "note")
    return tickets.move(
        uow, actor, _text(args, "number"), _text(args, "status"), reason=_text(args, "reason", optional=True),
        supplier=_text(args, "supplier", optional=True), code=_text(args, "code", optional=True),
        note=_text(args, "note", optional=True), at=at,
    )


def _comment(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "text", "internal", "id")
    return tickets.comment(uow, actor, _text(args, "number"), _text(args, "text"),
                           internal=_bool(args, "internal"), at=at, id=_id(args, "id"))


def _log_work(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "minutes", "note", "id")
    return tickets.log_work(uow, actor, _text(args, "number"), _int(args, "minutes"), _text(args, "note"), at,
                            id=_id(args, "id"))


def _link(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "other", "kind", "id")
    return tickets.link(uow, actor, _text(args, "number"), _text(args, "other"), _text(args, "kind"), at,
                        id=_id(args, "id"))


def _attach(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number", "name", "sha256", "size", "id")
    return attachments.add_attachment(uow, actor, _text(args, "number"), _text(args, "name"),
                                      _text(args, "sha256"), _int(args, "size"), at, id=_id(args, "id"))


def _acknowledge(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "conflict")
    conflict = _id(args, "conflict")
    assert conflict is not None
    conflicts.acknowledge_conflict(uow, actor, conflict, at)
    return None


def _auto_close(uow: UnitOfWork, actor: UserInfo, args: Args, at: datetime) -> object:
    _only(args, "number")
    return tickets.auto_close(uow, actor, _text(args, "number"), at)


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
