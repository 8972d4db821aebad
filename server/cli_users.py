"""`branchdesk-server users`: accounts made on the server itself, beside the ones the
organisation file names, with the same checks as the administrators' `POST /users`.

An integration account (a monitoring system) signs in no other way: `users create
NAME --role integration` prints a token for it, and `users token NAME` gives a new one
and ends the old. The token alone goes to standard output, so a script can take it;
what it is for goes to standard error."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from typing import Any

from pydantic import ValidationError

from core.clock import iso, utcnow
from core.errors import InvalidInput
from core.orgimport import hash_password
from server import accounts
from server.auth import issue_token
from server.db import Database
from server.schemas.users import UserCreate

TOKEN_DAYS = 365
TOKEN_DAYS_MAX = 3650


def add_parser(commands: Any) -> None:
    users = commands.add_parser("users", help="accounts made on the server (beside the organisation file's)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True, parser_class=type(users))
    create = actions.add_parser("create", help="make an account; for an integration, print its token")
    create.add_argument("username")
    create.add_argument("--role", required=True, help="requester, technician, agent, manager, admin or integration")
    create.add_argument("--name", help="the name people see (default: the username)")
    create.add_argument("--email", help="e-mail address (mail to the desk from it logs tickets as this account)")
    create.add_argument("--site", metavar="CODE", help="home site (required for requesters and technicians)")
    create.add_argument("--team", action="append", default=[], metavar="CODE", help="a team (repeat for more)")
    create.add_argument("--password-stdin", action="store_true",
                        help="read a password from standard input (people; an integration gets a token)")
    create.add_argument("--token-days", type=int, default=TOKEN_DAYS, metavar="N",
                        help=f"an integration's token is valid this many days (default {TOKEN_DAYS})")
    token = actions.add_parser("token", help="a new token for an integration account; its old ones end")
    token.add_argument("username")
    token.add_argument("--days", type=int, default=TOKEN_DAYS, metavar="N",
                       help=f"the token is valid this many days (default {TOKEN_DAYS})")


def run(args: argparse.Namespace, db: Database) -> int:
    if args.users_command == "create":
        return _create(args, db)
    return _token(args, db)


def _lifetime(days: int, option: str) -> timedelta:
    if not 1 <= days <= TOKEN_DAYS_MAX:
        raise InvalidInput(f"{option} must be from 1 to {TOKEN_DAYS_MAX}, not {days}", option.lstrip("-"))
    return timedelta(days=days)


def _checked(values: dict[str, Any]) -> UserCreate:
    """The values as `POST /users` takes them, refused in the same words."""
    try:
        return UserCreate.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error.get("loc", ())) or "user"
        message = "must be one of requester, technician, agent, manager, admin, integration" if where == "role" \
            else str(error.get("msg", "invalid value"))
        raise InvalidInput(f"{where}: {message}", where) from None


def _create(args: argparse.Namespace, db: Database) -> int:
    password = None
    if args.password_stdin:
        if args.role == "integration":
            raise InvalidInput("an integration signs in with its token, not a password; leave out --password-stdin",
                               "password")
        password = sys.stdin.readline().rstrip("\r\n")
    lifetime = _lifetime(args.token_days, "--token-days")
    values: dict[str, Any] = {"username": args.username, "name": args.name or args.username, "role": args.role,
                              "site": args.site, "teams": args.team, "email": args.email}
    if password is not None:
        values["password"] = password
    body = _checked(values)
    new = accounts.NewUser(
        username=body.username, name=body.name, role=body.role, site=body.site, teams=tuple(body.teams),
        email=body.email, password_hash=hash_password(password) if password else None,
    )
    now = utcnow()
    with db.write() as session:
        user = accounts.create_user(session, new, now)
        token = issue_token(session, user.id, now, lifetime) if body.role == "integration" else None
    if token is None:
        print(f"created {body.role} {body.username}")
        if password is None:
            sys.stderr.write(f"{body.username} has no password yet: "
                             f"branchdesk-server set-password {body.username}\n")
        return 0
    _tell_token(body.username, *token)
    return 0


def _token(args: argparse.Namespace, db: Database) -> int:
    lifetime = _lifetime(args.days, "--days")
    now = utcnow()
    with db.write() as session:
        user = accounts.find_user(session, args.username)
        if user.role != "integration":
            raise InvalidInput(f"{user.username} is a {user.role}, who signs in with a password; tokens are "
                               "for integration accounts", "username")
        if not user.active:
            raise InvalidInput(f"{user.username} is disabled; enable the account first", "username")
        accounts.revoke_sessions(session, user.id, now)
        token = issue_token(session, user.id, now, lifetime)
        name = user.username
    _tell_token(name, *token)
    return 0


def _tell_token(username: str, token: str, expires: Any) -> None:
    sys.stderr.write(
        f"integration account {username}: its token follows, shown this once. Send it as "
        f"'Authorization: Bearer TOKEN' to POST /tickets; valid until {iso(expires)}. "
        f"'branchdesk-server users token {username}' gives a new one and ends this one.\n"
    )
    sys.stderr.flush()
    print(token)
