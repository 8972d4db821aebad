"""Installing a newer package over an older one keeps each person's data and the
administrator's settings, and the new version upgrades an older store on first start
(the existing migration path). The newer package is built here, from the same bundle
at another version (installer/build.py stamps the version into the bundle's metadata)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from installer_kit import DpkgRoot, build, run
from sqlalchemy import create_engine

from core.migrate import upgrade_to
from core.store import APPLICATION_ID

pytestmark = pytest.mark.installer


def old_store(path: Path) -> str:
    """A store as the oldest schema revision wrote it, holding one worked ticket."""
    from tests.integration.test_migrations import OLDER, fill_old_store

    revision = OLDER[0]
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, revision)
    with engine.begin() as conn:
        fill_old_store(conn, mode="standalone")
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    engine.dispose()
    return revision


def revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_newer_package_over_an_older_one_keeps_the_data_and_upgrades_the_store(
        deb: Path, bundle: Path, version: str, tmp_path: Path) -> None:
    newer_version = f"{version}+upgrade1"
    newer = build.build_deb(newer_version, bundle, tmp_path / "newer", compression="none")
    root = DpkgRoot(tmp_path / "root")
    root.install(deb)
    assert root.installed_version() == version
    home = tmp_path / "home"
    home.mkdir()
    demo = home / "demo"
    run(root.program("branchdesk"), "--data-dir", str(demo), "demo", "--tickets", "50", home=home)
    older = home / "older"
    older.mkdir()
    made_at = old_store(older / "branchdesk.sqlite3")
    env = root.path / "etc/branchdesk/server.env"
    env.write_text(env.read_text() + "BRANCHDESK_DATABASE_URL=postgresql://branchdesk@db.internal/branchdesk\n")

    root.install(newer)
    assert root.installed_version() == newer_version
    assert run(root.program("branchdesk"), "--version", home=home).stdout == f"branchdesk {newer_version}\n"
    assert "db.internal" in env.read_text()  # the administrator's settings stay

    # the demo store made by the old version opens and reads as before
    listed = run(root.program("branchdesk"), "--data-dir", str(demo), "ticket", "list", "--queue", "all",
                 "--limit", "100", home=home).stdout
    with closing(sqlite3.connect(demo / "branchdesk.sqlite3")) as db:
        numbers = [row[0] for row in db.execute("SELECT number FROM tickets")]
    assert len(numbers) == 50 and all(number in listed for number in numbers[:5])

    # a store of an older schema is upgraded on first start, a copy of it kept beside it
    versions = root.path / "opt/branchdesk/_internal/core/migrations/versions"
    head = max(p.name[:4] for p in versions.glob("0*.py"))
    assert made_at != head
    run(root.program("branchdesk"), "--data-dir", str(older), "--user", "ada", "status", home=home)
    assert revision_of(older / "branchdesk.sqlite3") == head
    copies = list(older.glob("branchdesk.sqlite3.before-*.bak"))
    assert len(copies) == 1 and revision_of(copies[0]) == made_at
    with closing(sqlite3.connect(older / "branchdesk.sqlite3")) as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == 1
