"""A full disk under a branch store (a small tmpfs of the test's own; root only): the
command says the disk is full in one `error:` line and exits 1, the store stays
openable, nothing committed before is lost, and work goes on once there is room."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORG = ROOT / "tests" / "fixtures" / "small-org.toml"
BIN = Path(sys.executable).parent


@pytest.fixture
def small_disk() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    where = Path(tempfile.mkdtemp(prefix="branchdesk-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4M", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)
        where.rmdir()


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
