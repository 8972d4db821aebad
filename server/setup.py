"""Making and updating the server database: `init` and `upgrade`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from core.orgfile import OrgFileError, load_org
from core.orgspec import OrgSpec
from core.store import remove_database
from server.accounts import import_organisation
from server.db import Database
from server.migrate import prepare_for_upgrade, upgrade


def read_org(path: str, environ: Mapping[str, str] | None = None) -> tuple[OrgSpec, str]:
    """The organisation file checked whole, with the secrets its channels name present
    in the environment, and its text as imported. Raises OrgFileError, naming every
    problem, before anything is touched."""
    spec = load_org(path)
    problems = missing_secrets(spec, os.environ if environ is None else environ)
    if problems:
        raise OrgFileError(problems, path)
    try:
        source = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:  # it was readable a moment ago
        raise OrgFileError([f"cannot read the file: {exc}"], path) from None
    return spec, source


def missing_secrets(spec: OrgSpec, environ: Mapping[str, str]) -> list[str]:
    """The channels' secrets that the server's environment lacks, each named by its key:
    the file names the variables, the worker reads them when it delivers."""
    problems = []
    if spec.email is not None and spec.email.password_env and not environ.get(spec.email.password_env):
        problems.append(f"channels.email.password_env: the environment variable {spec.email.password_env} "
                        "is not set (it holds the mail server's password)")
    for i, hook in enumerate(spec.webhooks):
        if not environ.get(hook.url_env):
            problems.append(f"channels.webhook[{i}].url_env: the environment variable {hook.url_env} is not set "
                            f"(it holds the address of webhook {hook.name!r})")
    return problems


def init_database(url: str, spec: OrgSpec, source: str, now: datetime) -> tuple[int, bool]:
    """Create the server database (or bring it to the code's schema) and import
    the organisation into it in one transaction. Returns (version, created). A new
    SQLite file that fails half way is removed again."""
    db = Database(url, create=True)
    created = db.path is not None and (not db.path.exists() or db.path.stat().st_size == 0)
    try:
        prepare_for_upgrade(db.engine, db.display)
        upgrade(db.engine)
        with db.write() as session:
            version = import_organisation(session, spec, source, now)
    except BaseException:
        db.dispose()
        if created and db.path is not None:
            remove_database(db.path)
        raise
    db.dispose()
    return version, created


def upgrade_database(url: str) -> tuple[str | None, str]:
    """Apply the server's migrations; returns (revision before, revision after)."""
    db = Database(url)
    try:
        state = prepare_for_upgrade(db.engine, db.display)
        upgrade(db.engine)
        return state.current, state.head
    finally:
        db.dispose()
