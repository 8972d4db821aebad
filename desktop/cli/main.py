"""`branchdesk`: with no command the desktop app; with one, the same store from a terminal.

Errors reach the person as one `error:` line on standard error with exit status 1
(2 for wrong usage), never as a traceback; an unexpected failure is logged in full
to the data dir's log file."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from core.errors import BranchdeskError
from core.orgfile import OrgFileError
from core.version import branchdesk_version
from desktop.cli import knowledge, reports, setup, sla, syncing, tickets
from desktop.cli.context import Context

log = logging.getLogger("branchdesk")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(2)


def build_parser() -> Parser:
    parser = Parser(prog="branchdesk", description="Branchdesk service desk")
    parser.add_argument("--version", action="version", version=f"branchdesk {branchdesk_version()}")
    parser.add_argument("--data-dir", help="folder of the local store (default: BRANCHDESK_HOME or the user data dir)")
    parser.add_argument("--user", help="act as this user of the store")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    commands.add_parser("gui", help="the desktop app (the default)")
    setup.add_commands(commands)
    tickets.add_commands(commands)
    sla.add_commands(commands)
    syncing.add_commands(commands)
    reports.add_commands(commands)
    knowledge.add_commands(commands)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context.from_args(args.data_dir, args.user)
    try:
        if args.command in (None, "gui"):
            from desktop.app import run_app

            return run_app(ctx)
        handler = args.handler
        return int(handler(ctx, args) or 0)
    except OrgFileError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"error: {problem}\n")
        return 1
    except BranchdeskError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    except BrokenPipeError:
        # The reader (a pager, `head`) went away; nothing more to say to it.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except Exception as exc:  # the last line of defence: no traceback reaches a person
        _log_crash(ctx)
        sys.stderr.write(f"error: unexpected {type(exc).__name__}: {exc}\n")
        return 1
    finally:
        ctx.close()


def _log_crash(ctx: Context) -> None:
    try:
        ctx.data_dir.mkdir(parents=True, exist_ok=True)
        with (ctx.data_dir / "branchdesk.log").open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    except OSError:
        pass


def main() -> None:
    raise SystemExit(run())
