"""`branchdesk-server`: make, upgrade and run the central server.

Errors reach the person as `error:` lines on standard error with exit status 1
(2 for wrong usage), never as a traceback."""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from core.clock import parse_iso, utcnow
from core.errors import BranchdeskError, InvalidInput, StoreError
from core.models import Organisation
from core.orgfile import OrgFileError
from core.version import branchdesk_version
from server import config


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(2)


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
        return value

    return parse


def _instant(text: str) -> datetime:
    try:
        return parse_iso(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 instant (2026-12-07T08:00:00Z)") from None


def build_parser() -> Parser:
    parser = Parser(prog="branchdesk-server", description="The Branchdesk central server")
    parser.add_argument("--version", action="version", version=f"branchdesk-server {branchdesk_version()}")
    parser.add_argument("--data-dir", help="folder of the SQLite database (default: BRANCHDESK_SERVER_HOME "
                                           "or the user data dir); unused with --database-url")
    parser.add_argument("--database-url", metavar="URL",
                        help="postgresql://user@host/db or sqlite:///FILE (default: BRANCHDESK_DATABASE_URL, "
                             "else SQLite in the data dir)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, required=True)

    init = commands.add_parser("init", help="create the database from an organisation file, or import a changed one")
    init.add_argument("--org", required=True, metavar="FILE", help="the organisation file (TOML)")

    commands.add_parser("upgrade", help="bring the database to this server's schema (back it up first)")

    serve = commands.add_parser("serve", help="run the server (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=_positive(int), default=1, help="server processes (default 1)")
    serve.add_argument("--ssl-certfile", metavar="FILE", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", metavar="FILE", help="the certificate's private key (PEM)")
    serve.add_argument("--forwarded-allow-ips", metavar="IPS", default=None,
                       help="reverse proxies trusted for X-Forwarded-* headers (uvicorn's option)")
    serve.add_argument("--session-hours", type=_positive(float), default=12.0,
                       help="a session ends this long after login (default 12)")
    serve.add_argument("--lockout-failures", type=_positive(int), default=5,
                       help="failed logins in a row that lock an account (default 5)")
    serve.add_argument("--lockout-minutes", type=_positive(float), default=15.0,
                       help="how long a locked account stays locked (default 15)")
    serve.add_argument("--max-body-bytes", type=_positive(int), default=config.MIB,
                       help="largest request body accepted (default 1 MiB)")
    serve.add_argument("--throttle-failures", type=_positive(int), default=20,
                       help="failed logins from one address that make it wait (429) (default 20)")
    serve.add_argument("--throttle-minutes", type=_positive(float), default=15.0,
                       help="the window those failures are counted in, and the wait (default 15)")
    serve.add_argument("--body-seconds", type=_positive(float), default=30.0,
                       help="a request body must arrive whole within this time, else 408 (default 30)")
    serve.add_argument("--limit-concurrency", type=_positive(int), default=1000,
                       help="connections per process at once; more are answered 503 (default 1000)")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])

    demo = commands.add_parser("demo", help="add realistic demo tickets to an initialised database")
    demo.add_argument("--tickets", type=int, default=2000, metavar="N", help="how many tickets (default 2000)")
    demo.add_argument("--seed", type=int, default=42, help="random seed, for repeatable data")

    worker = commands.add_parser("worker", help="run the automation: SLA warnings and breaches, escalations, "
                                                "closing resolved tickets, notifications")
    worker.add_argument("--once", action="store_true", help="run one pass and exit (for tests and cron)")
    worker.add_argument("--interval", type=_positive(float), default=60.0, metavar="SECONDS",
                        help="pause between passes (default 60)")
    worker.add_argument("--now", metavar="INSTANT", type=_instant,
                        help="run as if the clock said this ISO 8601 instant (to replay a period)")
    worker.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])

    commands.add_parser("image", help="make the store image new central devices start from, now (the worker "
                                      "makes one when due)")

    notifications = commands.add_parser("notifications", help="list the notification outbox, newest first "
                                                              "(failed ones with their reasons)")
    notifications.add_argument("--failed", action="store_true", help="only notifications given up on")
    notifications.add_argument("--limit", type=_positive(int), default=50, metavar="N",
                               help="at most N rows (default 50)")

    password = commands.add_parser("set-password", help="set a user's password (and lift any lockout)")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    enrol = commands.add_parser("enrol", help="write an enrolment file that sets a branch PC up for a site "
                                              "without typing an address")
    enrol.add_argument("--site", required=True, metavar="CODE", help="the site the PC is at")
    enrol.add_argument("--out", required=True, metavar="FILE", help="the file to write (e.g. PL-POZ-042.bdenrol)")
    enrol.add_argument("--ca", metavar="FILE", help="the CA certificate (PEM) the server's TLS certificate is "
                                                   "signed by, for PCs that do not trust it already")
    enrol.add_argument("--url", metavar="URL", help="the address PCs reach this server at "
                                                    "(default: BRANCHDESK_PUBLIC_URL)")
    enrol.add_argument("--days", type=_positive(float), default=30.0, metavar="N",
                       help="the file may be used for N days (default 30)")

    backup = commands.add_parser("backup", help="write a consistent copy of the database while it serves "
                                                "(SQLite's online backup; pg_dump for PostgreSQL)")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (must not exist)")
    restore = commands.add_parser("restore", help="put the database back as a backup holds it (stop the server "
                                                  "and worker first); devices notice and send again what it lost")
    restore.add_argument("file", metavar="FILE", help="a file written by 'branchdesk-server backup'")

    from server.cli_users import add_parser as add_users_parser

    add_users_parser(commands)

    mail_in = commands.add_parser("mail-in", help="take mail to the organisation's [mail_in] address over SMTP: "
                                                  "new tickets and replies")
    mail_in.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    mail_in.add_argument("--port", type=int, default=8025, help="port (default 8025; 25 for a public MX)")
    mail_in.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        url = config.database_url(args.database_url, config.data_dir(args.data_dir))
        handler = {"init": cmd_init, "upgrade": cmd_upgrade, "serve": cmd_serve, "demo": cmd_demo,
                   "worker": cmd_worker, "set-password": cmd_set_password, "notifications": cmd_notifications,
                   "users": cmd_users, "mail-in": cmd_mail_in, "enrol": cmd_enrol, "backup": cmd_backup,
                   "restore": cmd_restore, "image": cmd_image}[args.command]
        return handler(args, url)
    except OrgFileError as exc:
        sys.stderr.write(f"error: {exc.source or 'organisation file'} refused:\n")
        for problem in exc.problems:
            sys.stderr.write(f"error: {problem}\n")
        return 1
    except BranchdeskError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        sys.stderr.write(f"error: database: {str(reason).strip().splitlines()[0] if str(reason).strip() else type(reason).__name__}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except Exception as exc:  # the last line of defence: no traceback reaches a person
        sys.stderr.write(f"error: unexpected {type(exc).__name__}: {exc}\n")
        return 1


def main() -> None:
    sys.exit(run())


def cmd_init(args: argparse.Namespace, url: str) -> int:
    from server.setup import init_database, read_org

    spec, source = read_org(args.org)
    version, created = init_database(url, spec, source, utcnow())
    where = config.safe_url(url)
    if created:
        print(f"server database ready at {where}: {spec.name}, {len(spec.users)} users (reference version {version})")
    else:
        print(f"organisation imported into {where}: {spec.name} (reference version {version})")
    return 0


def cmd_backup(args: argparse.Namespace, url: str) -> int:
    from server.backup import backup

    size = backup(url, Path(args.out))
    print(f"backup of {config.safe_url(url)} written to {args.out} ({size} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace, url: str) -> int:
    from server.backup import restore

    epoch = restore(url, Path(args.file), utcnow())
    print(f"{config.safe_url(url)} restored from {args.file} (epoch {epoch}); devices that synced after the "
          "backup send again what it lacks at their next sync")
    return 0


def cmd_upgrade(args: argparse.Namespace, url: str) -> int:
    from server.setup import upgrade_database

    before, after = upgrade_database(url)
    if before == after:
        print(f"the database is already at schema {after}")
    else:
        print(f"database upgraded from schema {before or 'none'} to {after}")
    return 0


def _check_ready(url: str) -> None:
    from server.db import Database
    from server.migrate import check_schema

    db = Database(url)
    try:
        check_schema(db.read_engine, db.display)
        with db.read() as session:
            if session.scalar(select(Organisation.id)) is None:
                raise StoreError(f"{db.display} holds no organisation; run 'branchdesk-server init --org FILE'")
    finally:
        db.dispose()


def _check_port(host: str, port: int) -> None:
    if not 0 < port < 65536:
        raise InvalidInput(f"--port must be between 1 and 65535, not {port}", "port")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InvalidInput(f"cannot listen on {host}: {exc.strerror}", "host") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InvalidInput(f"cannot listen on {host}:{port}: {exc.strerror}", "port") from None


SHUTDOWN_GRACE = 3  # seconds


def cmd_serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from server.logs import log_config

    for option, path in (("--ssl-certfile", args.ssl_certfile), ("--ssl-keyfile", args.ssl_keyfile)):
        if path and not Path(path).is_file():
            raise InvalidInput(f"{option}: no file at {path}", option)
    if args.ssl_keyfile and not args.ssl_certfile:
        raise InvalidInput("--ssl-keyfile needs --ssl-certfile", "ssl-certfile")
    _check_ready(url)
    _check_port(args.host, args.port)
    settings = config.Settings(
        database_url=url, session_ttl=timedelta(hours=args.session_hours), lockout_failures=args.lockout_failures,
        lockout_period=timedelta(minutes=args.lockout_minutes), max_body_bytes=args.max_body_bytes,
        throttle_failures=args.throttle_failures, throttle_period=timedelta(minutes=args.throttle_minutes),
        body_seconds=args.body_seconds,
        enrolment_key=config.enrolment_key_path(config.data_dir(args.data_dir)),
    )
    os.environ.update(settings.to_env())  # every worker process builds its app from these
    scheme = "https" if args.ssl_certfile else "http"
    sys.stderr.write(f"branchdesk-server: serving {config.safe_url(url)} on {scheme}://{args.host}:{args.port} "
                     f"with {args.workers} worker{'s' if args.workers != 1 else ''}\n")
    sys.stderr.flush()
    options = {} if args.forwarded_allow_ips is None else {"forwarded_allow_ips": args.forwarded_allow_ips}
    uvicorn.run(
        "server.app:from_env", factory=True, host=args.host, port=args.port, workers=args.workers,
        # Long polls would hold a stop for up to their wait; a push still applying is one
        # transaction, and one cut short is rolled back and replayed by its client.
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile, access_log=False,
        log_config=log_config(args.log_level), log_level=args.log_level, proxy_headers=True,
        server_header=False, limit_concurrency=args.limit_concurrency, **options,
    )
    return 0


def cmd_demo(args: argparse.Namespace, url: str) -> int:
    from server.db import Database
    from server.demo import load_demo

    if args.tickets < 0:
        raise InvalidInput("--tickets must be 0 or more", "tickets")
    _check_ready(url)
    db = Database(url)
    try:
        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r{done}/{total} tickets")
            sys.stderr.flush()

        made = load_demo(db, args.tickets, seed=args.seed, progress=progress if sys.stderr.isatty() else None)
    finally:
        db.dispose()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"{made} demo tickets added to {config.safe_url(url)}")
    return 0


def cmd_worker(args: argparse.Namespace, url: str) -> int:
    import logging.config
    import signal
    import threading

    from server.db import Database
    from server.logs import log_config
    from server.worker import Worker, pass_fields

    _check_ready(url)
    logging.config.dictConfig(log_config(args.log_level))
    clock = utcnow
    if args.now is not None:
        # the given instant, and time going on from it as it does
        offset = args.now - utcnow()
        clock = lambda: utcnow() + offset  # noqa: E731
    db = Database(url)
    try:
        worker = Worker(db, clock)
        if args.once:
            report, queued = worker.run_once()
            delivered = f", delivered: {worker.delivered.summary()}" if worker.delivered is not None else ""
            imaged = (f", store image made at cursor {worker.imaged.image.cursor}" if worker.imaged is not None
                      else "")
            print(f"worker pass done: {report.summary()}, {queued} notifications queued{delivered}{imaged}")
            for failure in report.failed:
                sys.stderr.write(f"warning: {failure}\n")
            logging.getLogger("branchdesk.worker").debug(
                "pass", extra={"fields": pass_fields(report, queued, worker.delivered, worker.imaged)})
            return 0
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        worker.run_forever(args.interval, stop)
    finally:
        db.dispose()
    return 0


def cmd_image(_args: argparse.Namespace, url: str) -> int:
    import time

    from server.db import Database
    from server.store_image import make

    _check_ready(url)
    db = Database(url)
    try:
        started = time.perf_counter()
        made = make(db, utcnow())
    finally:
        db.dispose()
    print(f"store image made in {time.perf_counter() - started:.1f} s: {made.tickets} tickets, "
          f"{made.image.records} records at cursor {made.image.cursor}, {made.image.size / 2**20:.1f} MiB")
    return 0


def cmd_users(args: argparse.Namespace, url: str) -> int:
    from server import cli_users
    from server.db import Database

    _check_ready(url)
    db = Database(url)
    try:
        return cli_users.run(args, db)
    finally:
        db.dispose()


def cmd_mail_in(args: argparse.Namespace, url: str) -> int:
    import logging.config

    from server.logs import log_config
    from server.mail_in import serve

    _check_ready(url)
    _check_port(args.host, args.port)
    logging.config.dictConfig(log_config(args.log_level))
    return serve(url, args.host, args.port)


def cmd_enrol(args: argparse.Namespace, url: str) -> int:
    from core.clock import iso
    from core.models import Site
    from server.db import Database
    from server.enrolment import ENV_PUBLIC_URL, check_server_url, key_path, load_key, make_enrolment, read_ca

    server_url = check_server_url(args.url or os.environ.get(ENV_PUBLIC_URL))
    ca_pem = read_ca(args.ca) if args.ca else None
    out = Path(args.out)
    if out.is_dir() or not out.parent.is_dir():
        raise InvalidInput(f"--out: cannot write a file at {args.out}", "out")
    _check_ready(url)
    db = Database(url)
    try:
        with db.read() as session:
            site = session.scalar(select(Site.code).where(Site.code == args.site.strip().upper()))
    finally:
        db.dispose()
    if site is None:
        raise InvalidInput(f"there is no site {args.site!r} in the organisation", "site")
    key = load_key(key_path(config.data_dir(args.data_dir)), create=True)
    assert key is not None
    enrolment, text = make_enrolment(key, server_url, site, ca_pem, utcnow(), args.days)
    partial = out.with_name(out.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    print(f"enrolment file for {site} on {enrolment.server} written to {out}; it may be used until "
          f"{iso(enrolment.expires_at)}")
    return 0


def cmd_notifications(args: argparse.Namespace, url: str) -> int:
    from server.db import Database
    from server.outbox_list import outbox_lines

    _check_ready(url)
    db = Database(url)
    try:
        with db.read() as session:
            lines = outbox_lines(session, failed_only=args.failed, limit=int(args.limit))
    finally:
        db.dispose()
    if not lines:
        print("no failed notifications" if args.failed else "the notification outbox is empty")
    for line in lines:
        print(line)
    return 0


def cmd_set_password(args: argparse.Namespace, url: str) -> int:
    from core.orgimport import hash_password
    from server import accounts
    from server.db import Database

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"new password for {args.username}: ")
        if getpass.getpass("again: ") != password:
            raise InvalidInput("the two passwords differ", "password")
    else:
        raise InvalidInput("give the password on standard input with --password-stdin", "password")
    if len(password) < 8:
        raise InvalidInput("a password needs at least 8 characters", "password")
    _check_ready(url)
    db = Database(url)
    try:
        with db.read() as session:
            accounts.find_user(session, args.username)
        password_hash = hash_password(password)
        with db.write() as session:
            user = accounts.find_user(session, args.username)
            accounts.set_password(session, user, password_hash, utcnow())
            name = user.username
    finally:
        db.dispose()
    print(f"password set for {name}; their sessions have ended")
    return 0


if __name__ == "__main__":
    main()
