"""Making a store for the first-run dialog: the demo store `make run` uses, a
standalone store from an organisation file, or a store signed in to a central
server. Plain functions, run on a worker."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from core.orgfile import load_org
from core.paths import demo_org_path
from core.store import remove_database
from desktop.cli.setup import init_store

DEMO_TICKETS = 2000  # as `make run` makes
# every person's password in resources/demo-org.toml (a test keeps the two in step)
DEMO_PASSWORD = "demo"


def make_demo_store(path: Path, tickets: int = DEMO_TICKETS,
                    progress: Callable[[int, int], None] | None = None) -> str:
    """A demo store at `path`; returns the user it signs in as."""
    from core.demo import demo_agent, demo_site, generate

    spec = load_org(demo_org_path())
    agent = demo_agent(spec)
    store, _ = init_store(path, str(demo_org_path()), demo_site(spec), agent)
    try:
        generate(store, tickets, progress=progress)
    except BaseException:
        store.close()
        remove_database(path)
        raise
    store.close()
    return agent


def org_sites(org_file: str) -> list[tuple[str, str]]:
    """The sites of an organisation file, (code, name), after checking the whole file."""
    spec = load_org(org_file)
    return [(site.code, site.name) for site in spec.sites]


def make_org_store(path: Path, org_file: str, site: str) -> None:
    store, _ = init_store(path, org_file, site)
    store.close()


def connect_store(path: Path, server: str, username: str, password: str, site: str | None = None,
                  progress: Callable[[int, int], None] | None = None, enrolment: str | None = None) -> str:
    """A store at `path` signed in to a central server, holding the person's scope;
    returns their username (`progress`: the records taken in, of how many). With `enrolment` (an enrolment file's text) the server and
    the site are the file's, once that server confirms it made the file. A store that
    fails half way is removed again (its token forgotten), so the first run can start over."""
    from sync.account import login

    try:
        if enrolment is not None:
            from core.clock import utcnow
            from sync.enrolment import login_enrolled

            return login_enrolled(path, enrolment, username, password, utcnow(), progress_of=progress).result.username
        return login(path, server, username, password, site=site, progress_of=progress).username
    except BaseException:
        _forget(path)
        raise


def _forget(path: Path) -> None:
    from core.store import Store
    from sync.account import logout

    if path.exists():
        with contextlib.suppress(Exception):
            store = Store.open(path)
            try:
                if store.meta("mode") == "server":
                    logout(store)
            finally:
                store.close()
    remove_database(path)
