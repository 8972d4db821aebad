"""A full disk (a small tmpfs of the test's own; root only) under a branch store: the
command says the disk is full in one `error:` line and exits 1, the store stays
openable, nothing committed before is lost, and work goes on once there is room.
Under the server's SQLite database, and under the data directory of a throwaway
PostgreSQL cluster (tables and write-ahead log) with `serve` running on it: writes are
503 saying so, reads go on, a branch's push is kept on the branch and sent once there
is room, and nothing written before is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORG = ROOT / "tests" / "fixtures" / "small-org.toml"
BIN = Path(sys.executable).parent


@contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    where = Path(tempfile.mkdtemp(prefix="branchdesk-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)
        where.rmdir()


@pytest.fixture
def small_disk() -> Iterator[Path]:
    with tmpfs("4M") as where:
        yield where


def branchdesk(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
    return subprocess.run([str(BIN / "branchdesk"), "--data-dir", str(data), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def new_ticket(data: Path, title: str) -> subprocess.CompletedProcess[str]:
    return branchdesk(data, "--user", "anna", "ticket", "new", "--title", title, "--category",
                      "Hardware/POS terminal", "--impact", "low", "--urgency", "low", "--field", "terminal_id=T1")


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_under_a_branch_store_is_said_and_loses_nothing(small_disk):
    data = small_disk / "store"
    assert branchdesk(data, "init", "--org", str(ORG), "--site", "PL-POZ-001").returncode == 0
    assert new_ticket(data, "Saved before the disk filled").returncode == 0
    filler = fill(small_disk)

    for attempt in ("Made on a full disk", "Tried again on a full disk"):
        done = new_ticket(data, attempt)
        assert done.returncode == 1, done.stdout + done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: the disk holding ") and "is full" in lines[0], lines

    filler.unlink()
    listed = branchdesk(data, "--user", "anna", "ticket", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Saved before the disk filled" in listed.stdout and "full disk" not in listed.stdout
    assert new_ticket(data, "Made once there was room").returncode == 0
    titles = branchdesk(data, "--user", "anna", "ticket", "list").stdout
    assert titles.count("Made once there was room") == 1
    check = subprocess.run([sys.executable, "-c", "import sqlite3, sys; "
                            "print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                            str(data / "branchdesk.sqlite3")], capture_output=True, text=True)
    assert check.stdout.strip() == "ok"


def test_a_full_disk_under_the_servers_data_folder_is_503_and_loses_nothing(small_disk, tmp_path):
    import httpx

    sys.path.insert(0, str(ROOT / "tests" / "server"))
    from test_limits import Serving

    url = f"sqlite:///{small_disk / 'server.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
    init = subprocess.run([sys.executable, "-m", "server.cli", "--database-url", url, "init", "--org",
                           str(ROOT / "tests" / "server" / "fixtures" / "org.toml")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert init.returncode == 0, init.stderr
    served = Serving(url, tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=served.base, timeout=60) as http:
            login = {"username": "ada", "password": "pw-secret-1"}
            token = http.post("/auth/login", json=login).json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            filler = fill(small_disk)
            # a login writes its session: refused with 503 and Retry-After, never 500
            answers = [http.post("/auth/login", json=login) for _ in range(3)]
            assert [a.status_code for a in answers] == [503] * 3, [a.text for a in answers]
            assert all(a.headers.get("Retry-After") for a in answers)
            assert "disk is full" in answers[0].json()["detail"]
            assert http.get("/auth/me", headers=auth).status_code == 200  # reading goes on
            filler.unlink()
            assert http.post("/auth/login", json=login).status_code == 200
            assert http.get("/auth/me", headers=auth).status_code == 200
    finally:
        served.stop()
    check = subprocess.run([sys.executable, "-c", "import sqlite3, sys; "
                            "print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                            str(small_disk / "server.sqlite3")], capture_output=True, text=True)
    assert check.stdout.strip() == "ok"


@pytest.fixture
def data_disk() -> Iterator[Path]:
    """A 64 MiB tmpfs for a whole PostgreSQL cluster (`cluster` made on it): its tables
    and its write-ahead log, as on a server with one data volume."""
    with tmpfs("64M") as where:
        yield where


ON_DATA_DISK = pytest.mark.parametrize("cluster", ["data_disk"], indirect=True)


def make_room(filler: Path, cluster) -> None:  # type: ignore[no-untyped-def]
    """Free the disk; a PostgreSQL that stopped on it (a write-ahead log that could not
    grow is a PANIC) is started again, as an administrator would."""
    filler.unlink()
    if not cluster.running():
        cluster.start()


@ON_DATA_DISK
def test_a_full_disk_under_postgresqls_data_directory_is_503_and_loses_nothing(cluster, data_disk, tmp_path):
    """The disk that holds PostgreSQL's data directory fills up while `serve` runs on it:
    writes are 503 with Retry-After saying the disk is full (or, should PostgreSQL stop,
    that the database cannot be reached), never 500; reads go on while PostgreSQL runs;
    once there is room, every session written before is there and logins go on."""
    import httpx
    from synckit import init_database

    sys.path.insert(0, str(ROOT / "tests" / "server"))
    from test_limits import Serving

    init_database(cluster.url, ROOT / "tests" / "server" / "fixtures" / "org.toml")
    served = Serving(cluster.url, tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=served.base, timeout=60) as http:
            login = {"username": "ada", "password": "pw-secret-1"}
            kept = [http.post("/auth/login", json=login).json()["token"]]
            filler = fill(data_disk)
            # each login writes its session: some still fit in pages the table has, then
            # the table must grow and cannot
            answers: list[httpx.Response] = []
            while len(answers) < 300 and sum(a.status_code != 200 for a in answers) < 3:
                answers.append(http.post("/auth/login", json=login))
            codes = {a.status_code for a in answers}
            assert codes <= {200, 503} and 503 in codes, [a.text for a in answers if a.status_code != 200][:3]
            refused = [a for a in answers if a.status_code == 503]
            assert all(a.headers["Retry-After"].isdigit() for a in refused)
            assert all("disk is full" in a.json()["detail"] or "cannot be reached" in a.json()["detail"]
                       for a in refused), [a.text for a in refused]
            kept += [a.json()["token"] for a in answers if a.status_code == 200]
            me = http.get("/auth/me", headers={"Authorization": f"Bearer {kept[0]}"})
            assert me.status_code == (200 if cluster.running() else 503)  # reading goes on while it runs

            make_room(filler, cluster)
            status = 0
            for _ in range(20):
                again = http.post("/auth/login", json=login)
                status = again.status_code
                if status == 200:
                    break
                assert status == 503, again.text
                time.sleep(0.5)
            assert status == 200
            # every session written before the disk filled up is there
            for token in [*kept, again.json()["token"]]:
                assert http.get("/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    finally:
        served.stop()
    log = (tmp_path / "serve.log").read_bytes()
    assert b"Traceback" not in log and b" 500 " not in log


@ON_DATA_DISK
def test_a_branch_pushing_to_postgresql_on_a_full_disk_keeps_its_change_and_sends_it_once(
        cluster, data_disk, cli, keyring_file, tmp_path):  # type: ignore[no-untyped-def]
    """A branch device syncs while the disk under PostgreSQL's data directory is full:
    the push is refused (503 saying the disk is full, or that the database cannot be
    reached should PostgreSQL stop), the change stays on the branch, the branch still
    pulls while PostgreSQL runs, and once there is room the next sync sends it: on the
    server once, with everything pushed before and while the disk filled."""
    import contextlib
    import json
    import secrets
    from collections import Counter

    from sqlalchemy import func, select
    from synckit import ServerProcess, init_database, org_text

    from core.models import Ticket
    from core.services import tickets as svc
    from core.store import Store
    from core.uow import unit_of_work
    from server.db import Database
    from sync.client import SyncClient, SyncError, http_session

    url = cluster.url
    org = tmp_path / "org.toml"
    org.write_text(org_text(), encoding="utf-8")
    init_database(url, org)
    served = ServerProcess(url, tmp_path / "serve.log").start()
    branch = tmp_path / "branch"

    def log_ticket(store: Store, title: str) -> None:
        # a description that does not compress, so that each ticket takes room of its own
        with unit_of_work(store) as uow:
            svc.create(uow, uow.ref.user("anna"), svc.NewTicket(
                title=title, category="Hardware/POS terminal", impact="low", urgency="low",
                fields={"terminal_id": "T1"}, description=secrets.token_urlsafe(3000)))

    def on_server() -> dict[str, int]:
        db = Database(url)
        try:
            with db.read() as session:
                rows = session.execute(select(Ticket.title, func.count()).where(Ticket.title.like("Branch %"))
                                       .group_by(Ticket.title)).all()
                return {title: count for title, count in rows}
        finally:
            db.dispose()

    try:
        cli.login(branch, served.base, "anna")
        token = next(iter(json.loads(keyring_file.read_text()).values()))
        store = Store.open(branch / "branchdesk.sqlite3")
        try:
            # the branch's own client, without the retries a person's sync makes, so that
            # each refusal is seen at once
            client = SyncClient(store, served.base, token, http=http_session(retries=0))
            log_ticket(store, "Branch 0 before the disk filled")
            assert client.sync().applied >= 1
            filler = fill(data_disk)
            # a change whose rows still fit in the pages the tables have goes through;
            # the first one that needs a table to grow is refused
            sent: list[str] = []
            refusal = None
            while refusal is None and len(sent) < 30:
                title = f"Branch {len(sent) + 1} on a full disk"
                log_ticket(store, title)
                try:
                    summary = client.sync()
                except SyncError as exc:
                    refusal = str(exc)
                else:
                    assert summary.applied >= 1 and summary.rejected == 0, summary
                    sent.append(title)
            assert refusal is not None and ("disk is full" in refusal or "cannot be reached" in refusal), refusal
            with pytest.raises(SyncError, match="disk is full|cannot be reached"):  # asked again, refused again
                client.sync()
            assert client.pending()  # kept on the branch
            if cluster.running():
                client.pull()  # reading goes on
        finally:
            store.close()
        make_room(filler, cluster)
        assert title not in on_server()
        done = cli.run(branch, "sync")
        assert "pushed 1 (applied 1, merged 0, rejected 0)" in done.stdout, done.stdout
        assert "pushed 0" in cli.run(branch, "sync").stdout
        assert on_server() == {"Branch 0 before the disk filled": 1, **{t: 1 for t in sent}, title: 1}
        with contextlib.closing(Store.open(branch / "branchdesk.sqlite3")) as store, store.read() as session:
            on_branch = Counter(session.scalars(select(Ticket.title).where(Ticket.title.like("Branch %"))))
        assert on_branch == on_server()
    finally:
        served.stop()
    log = (tmp_path / "serve.log").read_bytes()
    assert b"Traceback" not in log and b" 500 " not in log
