"""`branchdesk init` and `branchdesk demo`: making a store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.errors import InvalidInput, StoreError
from core.orgfile import load_org
from core.paths import demo_org_path
from core.reference import load_reference
from core.store import Store, remove_database, set_meta
from desktop.cli.context import Context


def add_commands(commands: Any) -> None:
    init = commands.add_parser("init", help="a standalone store from an organisation file")
    init.add_argument("--org", required=True, metavar="FILE", help="the organisation file (TOML)")
    init.add_argument("--site", required=True, metavar="CODE", help="the site this store serves")
    init.set_defaults(handler=cmd_init)

    demo = commands.add_parser("demo", help="a store full of realistic demo data")
    demo.add_argument("--tickets", type=int, default=2000, metavar="N", help="how many tickets (default 2000)")
    demo.add_argument("--seed", type=int, default=42, help="random seed, for repeatable data")
    demo.set_defaults(handler=cmd_demo)


def _read_org(path: str) -> tuple[Any, str]:
    file = Path(path)
    try:
        source = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"no organisation file at {path}", "org") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}", "org") from None
    return load_org(file), source


def init_store(path: Path, org_file: str, site: str, default_user: str | None = None) -> tuple[Store, int]:
    """Create (or update) a standalone store. The file is checked whole before the
    store is touched, so a wrong file leaves nothing behind."""
    spec, source = _read_org(org_file)
    if site not in {s.code for s in spec.sites}:
        raise InvalidInput(f"site {site!r} is not in {org_file}", "site")
    if default_user and default_user not in {u.username for u in spec.users}:
        raise InvalidInput(f"user {default_user!r} is not in {org_file}", "user")
    from core.orgimport import import_org

    existed = path.exists()
    store = Store.open(path, create=True)
    try:
        with store.write() as session:
            home = store.meta("home_site")
            if home is not None and home != site:
                raise StoreError(f"this store serves site {home}; make a new one for {site} (--data-dir)")
            version = import_org(session, spec, source)
            load_reference(session)  # proves the imported data reads back before committing
            set_meta(session, "home_site", site)
            set_meta(session, "mode", "standalone")
            if Path(org_file).resolve() == demo_org_path().resolve():
                set_meta(session, "demo", "1")  # the sign-in says the demo people's password
            if default_user:
                set_meta(session, "default_user", default_user)
    except BaseException:
        store.close()
        if not existed:
            remove_database(path)
        raise
    return store, version


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    store, version = init_store(ctx.store_path, args.org, args.site, ctx.username)
    store.close()
    print(f"store ready at {ctx.store_path} for site {args.site} (organisation version {version})")
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from core.demo import demo_agent, demo_site, generate

    if args.tickets < 0:
        raise InvalidInput("--tickets must be 0 or more", "tickets")
    if ctx.store_path.exists():
        raise StoreError(f"a store already exists at {ctx.store_path}; choose another --data-dir")
    spec = load_org(demo_org_path())
    agent = demo_agent(spec)
    store, _ = init_store(ctx.store_path, str(demo_org_path()), demo_site(spec), agent)
    try:
        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r{done}/{total} tickets")
            sys.stderr.flush()

        made = generate(store, args.tickets, seed=args.seed, progress=progress if sys.stderr.isatty() else None)
    finally:
        store.close()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"demo store ready at {ctx.store_path}: {made} tickets, acting as {agent}")
    return 0
