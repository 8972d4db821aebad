"""The checks of a command's arguments by type (core.commands, core.kb_commands):
they come from the network, so each is checked here before a service checks its
value, and a wrong one is refused in words naming it."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from core.errors import InvalidInput

Args = dict[str, Any]


def only_args(args: Args, *keys: str) -> Args:
    unknown = set(args) - set(keys)
    if unknown:
        raise InvalidInput(f"the command has unknown arguments: {', '.join(sorted(unknown))}")
    return args


def arg_text(args: Args, key: str, *, optional: bool = False) -> Any:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"the command's {key} must be text")
    return value


def arg_int(args: Args, key: str, *, optional: bool = False) -> Any:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"the command's {key} must be a whole number")
    return value


def arg_bool(args: Args, key: str) -> bool:
    value = args.get(key)
    if not isinstance(value, bool):
        raise InvalidInput(f"the command's {key} must be true or false")
    return value


def arg_id(args: Args, key: str, *, optional: bool = False) -> uuid.UUID | None:
    value = args.get(key)
    if value is None and optional:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"the command's {key} must be an id") from None


def arg_texts(args: Args, key: str, *, optional: bool = False) -> list[str] | None:
    value = args.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"the command's {key} must be a list of texts")
    return list(value)


def arg_object(args: Args, key: str) -> Args:
    value = args.get(key)
    if not isinstance(value, dict):
        raise InvalidInput(f"the command's {key} must be an object")
    return value


def arg_record(cls: Any, value: Any, what: str) -> Any:
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
