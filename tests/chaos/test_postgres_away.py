"""PostgreSQL itself goes away under a running `branchdesk-server serve` and comes
back: a throwaway cluster made here with initdb/pg_ctl on a free port (never the
machine's own server). While it is down every request is answered 503 with
Retry-After, never 500, and the worker's pass fails in one `error:` line; once it is
back, the same server process answers again without a restart."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ORG = ROOT / "tests" / "server" / "fixtures" / "org.toml"
PASSWORD = "pw-secret-1"
BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A PostgreSQL cluster of the test's own, run as the postgres user when the test is
    root: in a new folder inside `where` (a small file system, say) when given, made by
    initdb with `initdb_options` as well."""

    def __init__(self, where: Path | None = None, initdb_options: tuple[str, ...] = ()) -> None:
        self.bin = Path(BINS[0])
        self.dir = Path(tempfile.mkdtemp(prefix="branchdesk-chaos-pg-", dir=where))
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  *initdb_options)
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.as_user, *command], capture_output=True, text=True, timeout=120, cwd=self.dir)
        assert done.returncode == 0, done.stdout + done.stderr

    def start(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w",
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start")

    def running(self) -> bool:
        done = subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "status"],
                              capture_output=True, timeout=60, cwd=self.dir)
        return done.returncode == 0

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster(request: pytest.FixtureRequest) -> Iterator[Cluster]:
    """A cluster of the test's own, started. Parametrised indirectly with the name of a
    fixture that gives a folder (a small file system, say), it is made in that folder."""
    if not BINS or not shutil.which("runuser") and os.geteuid() == 0:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    made = Cluster(request.getfixturevalue(request.param) if hasattr(request, "param") else None)
    made.start()
    yield made
    made.remove()


def server_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "server.cli", "--database-url", url, *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_requests_are_answered_503_while_postgresql_is_away_and_served_again_after(cluster, tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "server"))
    from test_limits import Serving

    done = server_cli(cluster.url, "init", "--org", str(ORG))
    assert done.returncode == 0, done.stderr
    served = Serving(cluster.url, tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=served.base, timeout=60) as http:
            token = http.post("/auth/login", json={"username": "ada", "password": PASSWORD}).json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            assert http.get("/tickets", headers=auth).status_code == 200

            cluster.stop()
            answers = [
                http.get("/tickets", headers=auth),
                http.get("/auth/me", headers=auth),
                http.post("/auth/login", json={"username": "ada", "password": PASSWORD}),
                http.get("/sync/pull", headers={**auth, "X-Branchdesk-Protocol": "2", "X-Branchdesk-Schema": "3"}),
            ]
            for answer in answers:
                assert answer.status_code == 503, (answer.request.url, answer.status_code, answer.text)
                assert answer.headers["Retry-After"].isdigit()
                assert "database" in answer.json()["detail"]
            worker = server_cli(cluster.url, "worker", "--once")
            assert worker.returncode == 1
            assert worker.stderr.strip().splitlines()[-1].startswith("error: ")

            cluster.start()
            # the same process serves again: its pool finds the dead connections and opens new ones
            status = 0
            for _ in range(20):
                status = http.get("/tickets", headers=auth).status_code
                if status == 200:
                    break
                assert status == 503
                time.sleep(0.5)
            assert status == 200
            assert http.post("/auth/login", json={"username": "ada", "password": PASSWORD}).status_code == 200
            assert server_cli(cluster.url, "worker", "--once").returncode == 0
    finally:
        served.stop()
    assert b" 500 " not in (tmp_path / "serve.log").read_bytes()


def test_a_branch_syncing_while_postgresql_is_away_keeps_its_change_and_sends_it_once_after(cluster, tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "server"))
    from sqlalchemy import func, select
    from test_limits import Serving

    from core.models import Ticket
    from server.db import Database

    assert server_cli(cluster.url, "init", "--org", str(ORG)).returncode == 0
    served = Serving(cluster.url, tmp_path / "serve.log")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_") and k != "PYTHON_KEYRING_BACKEND"}
    env.update(PYTHON_KEYRING_BACKEND="tests.support.keyring_file.FileKeyring",
               BRANCHDESK_TEST_KEYRING=str(tmp_path / "keyring.json"), PYTHONPATH=str(ROOT))
    store = tmp_path / "branch"

    def branchdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(Path(sys.executable).parent / "branchdesk"), "--data-dir", str(store), *args],
                              input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)

    def on_server() -> int:
        db = Database(cluster.url)
        try:
            with db.read() as session:
                return session.scalar(select(func.count()).select_from(Ticket).where(
                    Ticket.title == "Logged while the database was away")) or 0
        finally:
            db.dispose()

    try:
        done = branchdesk("login", "--server", served.base, "--username", "anna", "--password-stdin",
                          stdin=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
        cluster.stop()
        done = branchdesk("--user", "anna", "ticket", "new", "--title", "Logged while the database was away",
                          "--category", "Hardware/POS terminal", "--impact", "low", "--urgency", "low",
                          "--field", "terminal_id=T-1")
        assert done.returncode == 0, done.stderr
        done = branchdesk("sync")
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
        cluster.start()
        for _ in range(3):  # the first sync sends it, the ones after find nothing to send
            done = branchdesk("sync")
            assert done.returncode == 0, done.stderr
        assert on_server() == 1
    finally:
        served.stop()
    assert b" 500 " not in (tmp_path / "serve.log").read_bytes()
