"""`branchdesk-server backup` and `restore` as a person runs them: a backup taken while
a real server process serves and takes writes, a restore that brings back exactly what
the backup held under a new epoch, and bad input refused in one line, changing nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
from server_testkit import PASSWORD, make_ticket
from sqlalchemy import func, select
from test_limits import Serving

from core.models import Ticket
from server.backup import epoch_of
from server.db import Database

ROOT = Path(__file__).resolve().parents[2]


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "server.cli", "--database-url", url, *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def tickets_and_epoch(url: str) -> tuple[int, str | None]:
    db = Database(url)
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(Ticket)) or 0, epoch_of(session)
    finally:
        db.dispose()


def log_ticket(url: str, number: str) -> None:
    db = Database(url)
    try:
        make_ticket(db, number, "PL-POZ-001", None)
    finally:
        db.dispose()


def test_a_backup_taken_while_serving_restores_to_that_point_with_a_new_epoch(initialised, tmp_path):
    served = Serving(initialised, tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=served.base, timeout=60) as http:
            token = http.post("/auth/login", json={"username": "anna", "password": PASSWORD}).json()["token"]
            http.headers["Authorization"] = f"Bearer {token}"
            log_ticket(initialised, "PL-POZ-001-T1-00001")
            assert http.get("/tickets").status_code == 200
            before = tickets_and_epoch(initialised)
            out = tmp_path / "branchdesk.backup"
            done = cli(initialised, "backup", "--out", str(out))
            assert done.returncode == 0, done.stderr
            assert done.stdout.startswith("backup of ") and out.stat().st_size > 0
            log_ticket(initialised, "PL-POZ-001-T1-00002")
            assert http.get("/tickets").status_code == 200
    finally:
        served.stop()
    assert tickets_and_epoch(initialised)[0] == before[0] + 1
    done = cli(initialised, "restore", str(out))
    assert done.returncode == 0, done.stderr
    count, epoch = tickets_and_epoch(initialised)
    assert count == before[0]
    assert epoch and epoch != before[1] and epoch in done.stdout


def test_bad_backup_and_restore_input_is_refused_in_one_line_and_changes_nothing(initialised, tmp_path):
    before = tickets_and_epoch(initialised)
    taken = tmp_path / "taken.backup"
    taken.write_bytes(b"something else")
    cases = [
        (("backup", "--out", str(taken)), f"error: {taken} exists; name a new file for the backup"),
        (("backup", "--out", str(tmp_path / "no" / "such" / "dir.backup")), "error: no folder"),
        (("restore", str(tmp_path / "missing.backup")), "error: no backup file at"),
        (("restore", str(taken)), "error: "),
    ]
    for args, message in cases:
        done = cli(initialised, *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(message), (args, done.stderr)
    assert taken.read_bytes() == b"something else"
    assert tickets_and_epoch(initialised) == before
