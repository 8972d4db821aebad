"""What of the reference data each role receives (server/README.md, "Reference data
by role"). Everyone gets the organisation and every user's name, role, sites and
teams: routing picks assignees from team members, priority raises for VIP
requesters, and screens name the people on a ticket. Contact details (`email`) go
only to support staff, whose scope is every ticket; preferences (`notify`,
`language`) and the server's channel settings are used by the server alone, so
only administrators receive them.

Every key a user has in the organisation file or in the API's user view is
decided here, shared or withheld per shape; tests/server/test_reference_shapes.py
fails when a new one appears without a decision."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any, Literal

from server.orgsource import SECRET_KEYS, dumps, strip_secrets

Shape = Literal["basic", "staff", "full"]

SHAPES: dict[str, Shape] = {
    "requester": "basic", "technician": "basic", "integration": "basic",
    "agent": "staff", "manager": "staff",
    "admin": "full",
}

# the keys of a [[users]] table, as each shape receives them
_WORK = frozenset({"username", "name", "role", "site", "teams", "sites", "vip"})
_CONTACT = frozenset({"email"})
_PREFERENCES = frozenset({"notify", "language"})
FILE_USER_KEYS: dict[Shape, frozenset[str]] = {
    "basic": _WORK,
    "staff": _WORK | _CONTACT,
    "full": _WORK | _CONTACT | _PREFERENCES,
}
WITHHELD_FILE_USER_KEYS = SECRET_KEYS  # from everyone (server.orgsource)

# the keys of an entry of the answer's `users` (server.schemas.users.UserOut)
VIEW_USER_KEYS: dict[Shape, frozenset[str]] = {
    "basic": frozenset({"id", "username", "name", "role", "site", "teams", "sites", "vip", "active"}),
    "staff": frozenset({"id", "username", "name", "role", "site", "teams", "sites", "vip", "active", "email"}),
    "full": frozenset({"id", "username", "name", "role", "site", "teams", "sites", "vip", "active", "email"}),
}

# top-level tables of the file only the server acts on: the SMTP login and webhooks
SERVER_ONLY_TABLES: dict[Shape, frozenset[str]] = {
    "basic": frozenset({"channels"}),
    "staff": frozenset({"channels"}),
    "full": frozenset(),
}


def shape_of(role: str) -> Shape:
    """The shape for a role; a role not listed gets the least."""
    return SHAPES.get(role, "basic")


@lru_cache(maxsize=8)
def shaped_source(source: str, shape: Shape) -> str:
    """The organisation file without secrets and with only what `shape` receives,
    written out again (comments go: they may name anyone). A pure function,
    memoised per process."""
    data = strip_secrets(tomllib.loads(source.removeprefix("\ufeff")))
    data = {k: v for k, v in data.items() if k not in SERVER_ONLY_TABLES[shape]}
    users = data.get("users")
    if isinstance(users, list):
        data["users"] = [_user(u, shape) for u in users]
    text = dumps(data)
    if tomllib.loads(text) != data:  # never hand out something that reads back differently
        raise ValueError("the organisation file could not be written back faithfully")
    return text


def _user(user: Any, shape: Shape) -> Any:
    if not isinstance(user, dict) or shape == "full":
        return user  # admins see every key the file has, secrets aside
    return {k: v for k, v in user.items() if k in FILE_USER_KEYS[shape]}
