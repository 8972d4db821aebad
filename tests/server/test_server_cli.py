"""`branchdesk-server` from the command line: init, re-import, upgrade, the checks
`serve` makes before it starts, set-password, and its errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from server_testkit import ORG, PASSWORD
from sqlalchemy import func, select, text

from core.models import Organisation, User
from core.orgimport import verify_password
from server.cli import run
from server.db import Database
from server.migrate import VERSION_TABLE, current_revision, head_revision
from server.models import Account


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(url: str) -> dict[str, object]:
    """What a database holds, to compare before and after a refused command."""
    database = Database(url)
    try:
        with database.read() as session:
            org = session.get(Organisation, 1)
            return {
                "version": org.version if org else None, "source": org.source if org else None,
                "users": sorted(session.scalars(select(User.username)).all()),
                "revision": current_revision(database.engine),
            }
    finally:
        database.dispose()


def test_init_creates_the_database_and_its_users(capsys, empty_database_url):
    code, out, err = cli(capsys, "--database-url", empty_database_url, "init", "--org", str(ORG))
    assert (code, err) == (0, "")
    assert "Server Test Fuel" in out and "reference version 1" in out
    database = Database(empty_database_url)
    try:
        assert current_revision(database.engine) == head_revision()
        with database.read() as session:
            anna = session.scalar(select(User).where(User.username == "anna"))
            assert anna.password_hash.startswith("$argon2")
            assert verify_password(anna.password_hash, PASSWORD)
            assert PASSWORD not in anna.password_hash
            assert session.scalar(select(func.count()).select_from(Account)) == 8
    finally:
        database.dispose()


def test_init_in_the_default_data_dir(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("BRANCHDESK_DATABASE_URL", raising=False)
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "srv"), "init", "--org", str(ORG))
    assert code == 0
    assert (tmp_path / "srv" / "branchdesk-server.sqlite3").is_file()


def bad_org(tmp_path: Path) -> Path:
    text_ = ORG.read_text(encoding="utf-8").replace('calendar = "stations"\n', 'calendar = "statons"\n', 1)
    path = tmp_path / "bad.toml"
    path.write_text(text_, encoding="utf-8")
    return path


def test_init_on_a_bad_organisation_file_creates_nothing(capsys, tmp_path):
    data = tmp_path / "srv"
    code, out, err = cli(capsys, "--data-dir", str(data), "init", "--org", str(bad_org(tmp_path)))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines)
    assert any('sites[0].calendar: unknown calendar "statons"' in line for line in lines)
    assert not (data / "branchdesk-server.sqlite3").exists()


def test_init_on_a_bad_organisation_file_changes_nothing(capsys, tmp_path, database_url):
    before = snapshot(database_url)
    code, _, err = cli(capsys, "--database-url", database_url, "init", "--org", str(bad_org(tmp_path)))
    assert code == 1 and "statons" in err
    missing = tmp_path / "missing.toml"
    code, _, err = cli(capsys, "--database-url", database_url, "init", "--org", str(missing))
    assert code == 1 and "cannot read" in err
    assert snapshot(database_url) == before


def test_reimporting_a_changed_file_bumps_the_version(capsys, tmp_path, database_url):
    assert snapshot(database_url)["version"] == 1
    code, out, _ = cli(capsys, "--database-url", database_url, "init", "--org", str(ORG))
    assert code == 0 and "reference version 1" in out  # the same file changes nothing
    changed = tmp_path / "changed.toml"
    changed.write_text(ORG.read_text(encoding="utf-8").replace('name = "Ada Agent"', 'name = "Ada Agentka"')
                       + '\n[[users]]\nusername = "zed"\nname = "Zed New"\nrole = "agent"\npassword = "zz-zz-zz-1"\n',
                       encoding="utf-8")
    code, out, _ = cli(capsys, "--database-url", database_url, "init", "--org", str(changed))
    assert code == 0 and "reference version 2" in out
    after = snapshot(database_url)
    assert after["version"] == 2 and "zed" in after["users"]
    database = Database(database_url)
    try:
        with database.read() as session:
            assert session.scalar(select(User.name).where(User.username == "ada")) == "Ada Agentka"
            # a re-import keeps the passwords people already have
            anna = session.scalar(select(User.password_hash).where(User.username == "anna"))
            assert verify_password(anna, PASSWORD)
    finally:
        database.dispose()


def test_serve_refuses_a_database_that_is_not_there(capsys, tmp_path):
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "none"), "serve", "--port", "1")
    assert code == 1
    assert err.startswith("error: no server database at") and "branchdesk-server init" in err
    assert not (tmp_path / "none").exists()


def test_serve_refuses_an_empty_database(capsys, empty_database_url):
    if empty_database_url.startswith("sqlite"):
        Path(empty_database_url.removeprefix("sqlite:///")).touch()
    code, _, err = cli(capsys, "--database-url", empty_database_url, "serve")
    assert code == 1 and "run 'branchdesk-server init" in err


def _set_revision(url: str, revision: str) -> None:
    database = Database(url)
    try:
        with database.write() as session:
            session.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = :v"), {"v": revision})
    finally:
        database.dispose()


def test_serve_refuses_a_database_from_a_newer_server(capsys, own_database_url):
    database_url = own_database_url
    _set_revision(database_url, "9999")
    code, _, err = cli(capsys, "--database-url", database_url, "serve")
    assert code == 1 and "newer than this server" in err
    code, _, err = cli(capsys, "--database-url", database_url, "upgrade")
    assert code == 1 and "newer than this server" in err


def test_serve_refuses_a_database_behind_the_code_until_upgraded(capsys, database_url, monkeypatch):
    """A schema behind the code is named, and `upgrade` (never `serve`) moves it."""
    import server.migrate as migrate

    # A revision after the real head: the database (at the real head) is one behind it.
    known = migrate.known_revisions() | {"9000"}
    monkeypatch.setattr(migrate, "head_revision", lambda: "9000")
    monkeypatch.setattr(migrate, "known_revisions", lambda: known)
    code, _, err = cli(capsys, "--database-url", database_url, "serve")
    assert code == 1
    assert "older than this server's 9000" in err and "branchdesk-server upgrade" in err


def test_upgrade_on_a_database_at_head_says_so(capsys, database_url):
    code, out, err = cli(capsys, "--database-url", database_url, "upgrade")
    assert (code, err) == (0, "") and f"already at schema {head_revision()}" in out


def test_upgrade_makes_the_schema_of_an_empty_database(capsys, empty_database_url):
    if empty_database_url.startswith("sqlite"):
        Path(empty_database_url.removeprefix("sqlite:///")).touch()
    code, out, _ = cli(capsys, "--database-url", empty_database_url, "upgrade")
    assert code == 0 and f"from schema none to {head_revision()}" in out


def test_init_refuses_a_database_of_another_program(capsys, tmp_path):
    import sqlite3

    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE mine (x)")
    code, _, err = cli(capsys, "--database-url", f"sqlite:///{path}", "init", "--org", str(ORG))
    assert code == 1 and "not a server database" in err


def test_set_password(capsys, database_url, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("a-fresh-password\n"))
    code, out, _ = cli(capsys, "--database-url", database_url, "set-password", "NOPASS", "--password-stdin")
    assert code == 0 and "nopass" in out
    database = Database(database_url)
    try:
        with database.read() as session:
            stored = session.scalar(select(User.password_hash).where(User.username == "nopass"))
        assert verify_password(stored, "a-fresh-password")
    finally:
        database.dispose()
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    code, _, err = cli(capsys, "--database-url", database_url, "set-password", "nopass", "--password-stdin")
    assert code == 1 and "at least 8" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("long-enough-1\n"))
    code, _, err = cli(capsys, "--database-url", database_url, "set-password", "ghost", "--password-stdin")
    assert code == 1 and "no user 'ghost'" in err


@pytest.mark.parametrize("args, message", [
    ([], "the following arguments are required: COMMAND"),
    (["frobnicate"], "invalid choice"),
    (["init"], "the following arguments are required: --org"),
    (["serve", "--port", "eighty"], "invalid int value"),
    (["serve", "--workers", "0"], "must be more than 0"),
])
def test_wrong_usage_exits_2_with_one_error_line(capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        run(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        next(line for line in err.splitlines() if line.startswith("error:"))
    ]
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("url, message", [
    ("mysql://x@y/z", "unsupported database 'mysql'"),
    ("not a url", "not a database URL"),
    ("sqlite://", "must name a file"),
])
def test_a_wrong_database_url_is_one_error_line(capsys, url, message):
    code, _, err = cli(capsys, "--database-url", url, "upgrade")
    assert code == 1 and err.count("\n") == 1 and message in err


def test_an_unreachable_postgresql_is_one_error_line(capsys):
    code, _, err = cli(capsys, "--database-url", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", "upgrade")
    assert code == 1 and err.startswith("error: database: ") and err.count("\n") == 1


def test_serve_checks_its_options_before_starting(capsys, database_url, tmp_path):
    code, _, err = cli(capsys, "--database-url", database_url, "serve", "--ssl-certfile", str(tmp_path / "no.pem"))
    assert code == 1 and "--ssl-certfile: no file at" in err
    code, _, err = cli(capsys, "--database-url", database_url, "serve", "--port", "70000")
    assert code == 1 and "between 1 and 65535" in err


def test_the_console_script_never_shows_a_traceback(tmp_path):
    env = {**os.environ, "BRANCHDESK_SERVER_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "server.cli", "serve"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("error: no server database") and "Traceback" not in done.stderr


def test_image_makes_the_store_image_new_central_devices_start_from(capsys, database_url):
    from server.demo import load_demo
    from server.models import StoreImage

    database = Database(database_url)
    try:
        load_demo(database, 30, seed=3)
        code, out, err = cli(capsys, "--database-url", database_url, "image")
        assert code == 0 and not err
        assert out.startswith("store image made in ") and "30 tickets" in out
        code, again, _ = cli(capsys, "--database-url", database_url, "image")
        assert code == 0
        with database.read() as session:
            images = session.scalars(select(StoreImage)).all()
            assert len(images) == 1  # the newer one, in place of the first
            assert f"at cursor {images[0].cursor}" in again
    finally:
        database.dispose()


def test_image_refuses_a_database_that_is_not_there(capsys, tmp_path):
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "none"), "image")
    assert code == 1 and err.startswith("error: no server database at")
