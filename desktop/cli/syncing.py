"""`branchdesk login`, `sync`, `status` and `ack`: the store and the central server."""

from __future__ import annotations

import argparse
import getpass
import sys
import threading
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.clock import iso, utcnow
from core.errors import InvalidInput, NotFound
from core.models import ChangeEntry
from desktop.cli.context import Context
from desktop.cli.output import print_json

if TYPE_CHECKING:
    from sync.client import SyncSummary

# The sync modules (HTTP, keyring, pydantic) load only for the commands that use them,
# so that every other command starts quickly.


def add_commands(commands: Any) -> None:
    cmd = commands.add_parser("login", help="sign this store in to a central server")
    cmd.add_argument("--server", metavar="URL", help="the server's address (or give --enrolment)")
    cmd.add_argument("--enrolment", metavar="FILE", help="the enrolment file the server's administrator made for "
                                                         "this site: it gives the address, the site and the CA")
    cmd.add_argument("--username", required=True)
    cmd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    cmd.add_argument("--site", metavar="CODE", help="the site this device is at (default: your home site)")
    cmd.add_argument("--ca-bundle", metavar="FILE", help="CA certificates to trust for the server's TLS")
    cmd.set_defaults(handler=cmd_login)

    cmd = commands.add_parser("logout", help="sign out and forget the token")
    cmd.set_defaults(handler=cmd_logout)

    cmd = commands.add_parser("sync", help="push and pull until up to date")
    cmd.add_argument("--watch", action="store_true", help="keep going: connected mode")
    cmd.set_defaults(handler=cmd_sync)

    cmd = commands.add_parser("status", help="server, last sync, changes waiting, conflicts")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_status)

    cmd = commands.add_parser("ack", help="acknowledge a conflict or a rejected change")
    cmd.add_argument("id", help="the id (or its first characters) that 'status' shows")
    cmd.set_defaults(handler=cmd_ack)


def cmd_login(ctx: Context, args: argparse.Namespace) -> int:
    from sync.account import login

    if args.enrolment:
        for option, value in (("--server", args.server), ("--site", args.site), ("--ca-bundle", args.ca_bundle)):
            if value:
                raise InvalidInput(f"{option} comes from the enrolment file; leave it out with --enrolment",
                                   option.lstrip("-"))
        from core.enrolment import read_file

        enrolment_text = read_file(args.enrolment)
    elif not args.server:
        raise InvalidInput("give the server's address with --server URL, or an enrolment file with --enrolment FILE",
                           "server")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.username}: ")
    else:
        raise InvalidInput("give the password on standard input with --password-stdin", "password")
    if not password:
        raise InvalidInput("the password is empty", "password")

    if args.enrolment:
        from pathlib import Path

        from sync.enrolment import login_enrolled

        enrolled = login_enrolled(ctx.store_path, enrolment_text, args.username, password, utcnow(),
                                  progress_of=_progress, name=Path(args.enrolment).name)
        server, result = enrolled.server, enrolled.result
    else:
        server = args.server
        result = login(ctx.store_path, args.server, args.username, password, site=args.site,
                       ca_bundle=args.ca_bundle, progress_of=_progress)
    _progress_done()
    print(f"signed in to {server} as {result.username} ({result.role}); {result.summary.pulled} records"
          f" taken into {ctx.store_path}")
    return 0


def _progress(count: int, total: int = 0) -> None:
    """Records taken in so far (of how many, when a snapshot says), on one line of a
    terminal (a long first pull takes a while)."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{count} of {total} records" if total else f"\r{count} records")
        sys.stderr.flush()


def _progress_done() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")


def cmd_logout(ctx: Context, args: argparse.Namespace) -> int:
    from sync.account import logout

    logout(ctx.store)
    print("signed out; the store keeps its data and its unsent changes")
    return 0


def _report(summary: SyncSummary) -> str:
    text = (f"pushed {summary.pushed} (applied {summary.applied}, merged {summary.merged}, "
            f"rejected {summary.rejected}), pulled {summary.pulled} records")
    if summary.uploaded or summary.downloaded:
        text += f"; attachments: {summary.uploaded} uploaded, {summary.downloaded} downloaded"
    for reason in summary.reasons:
        text += f"\n  rejected: {reason}"
    for problem in summary.transfer_problems:
        text += f"\n  attachment: {problem}"
    return text


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    from sync.account import client_for
    from sync.client import ServerUnreachable

    client = client_for(ctx.store)
    if not args.watch:
        try:
            summary = client.sync(progress=lambda count: _progress(count, client.snapshot_total))
            _progress_done()
            print(_report(summary))
        except ServerUnreachable as exc:
            # offline is a normal state of a branch: say what is kept for later
            raise ServerUnreachable(f"{exc}; {client.pending()} change(s) wait here for the next sync") from None
        return 0
    return _watch(ctx)


def _watch(ctx: Context) -> int:
    """Connected mode: push as soon as a local change is committed, and hold a long
    poll open so that what others change shows here within a couple of seconds.
    A lost connection is retried with backoff; Ctrl+C stops."""
    from sync.account import client_for
    from sync.client import SyncError

    stop = threading.Event()
    client = client_for(ctx.store)
    client.fetch_reference()

    def pusher() -> None:
        delay = 1.0
        while not stop.is_set():
            try:
                if client.pending():
                    summary = client.push()
                    print(f"{iso(utcnow())} {_report(summary)}", flush=True)
                delay = 1.0
                stop.wait(0.2)
            except SyncError as exc:
                print(f"{iso(utcnow())} offline: {exc}", file=sys.stderr, flush=True)
                stop.wait(delay)
                delay = min(delay * 2, 30)

    thread = threading.Thread(target=pusher, name="branchdesk-push", daemon=True)
    thread.start()
    delay = 1.0
    try:
        while True:
            try:
                summary = client.pull(wait=20)
                if summary.pulled:
                    print(f"{iso(utcnow())} pulled {summary.pulled} records", flush=True)
                delay = 1.0
            except SyncError as exc:
                print(f"{iso(utcnow())} offline: {exc}", file=sys.stderr, flush=True)
                time.sleep(delay)
                delay = min(delay * 2, 30)
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()
        thread.join(timeout=5)


def status_document(ctx: Context) -> dict[str, Any]:
    from core.store_status import to_review

    store = ctx.store
    with ctx.reading() as (session, ref, actor):
        pending = session.scalar(select(func.count()).where(ChangeEntry.state == "pending")) or 0
        conflicts, rejected = to_review(session, ref)
        return {
            "mode": store.meta("mode"),
            "server": store.meta("server_url"),
            "user": actor.username,
            "device": store.device_code,
            "client_id": str(store.client_id),
            "last_sync_at": store.meta("last_sync_at"),
            "last_pull_at": store.meta("last_pull_at"),
            "cursor": int(store.meta("sync_cursor") or 0),
            "pending": pending,
            "conflicts": [{**asdict(c), "id": str(c.id), "at": iso(c.at)} for c in conflicts],
            "rejected": [{**asdict(r), "id": str(r.id), "at": iso(r.at)} for r in rejected],
        }


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    doc = status_document(ctx)
    if args.json:
        print_json(doc)
        return 0
    if doc["mode"] == "server":
        print(f"server {doc['server']} as {doc['user']} (device {doc['device']})")
        print(f"last sync {doc['last_sync_at'] or 'never'}; {doc['pending']} change(s) waiting to be sent")
    else:
        # a standalone store sends nothing to anybody: it keeps no change log, so nothing waits
        print(f"standalone store, acting as {doc['user']}")
    for c in doc["conflicts"]:
        print(f"conflict {c['id'][:8]} on {c['ticket']} {c['field']}: kept {c['kept']!r} ({c['kept_by']}),"
              f" {c['outcome']} {c['lost']!r} ({c['lost_by']})")
    for r in doc["rejected"]:
        print(f"rejected {r['id'][:8]} {r['kind']} change{' to ' + r['ticket'] if r['ticket'] else ''}: "
              f"{r['reason']}")
    return 0


def cmd_ack(ctx: Context, args: argparse.Namespace) -> int:
    from core.services.conflicts import acknowledge

    prefix = args.id.strip().lower()
    if len(prefix) < 4:
        raise InvalidInput("give at least the first 4 characters of the id", "id")
    with ctx.command() as (uow, actor):
        what = acknowledge(uow, actor, prefix)
    if what is None:
        raise NotFound(f"no open conflict or rejection with id {args.id}")
    print(f"acknowledged {what}")
    return 0
