"""The soak (bench/bench_soak.py), bounded: 16 sites and 2 desk devices for 2 minutes
with the worker and two `serve` processes on a PostgreSQL cluster of the run's own,
runner processes killed with SIGKILL and PostgreSQL restarted halfway. What is
asserted is what the run checks (convergence, invariants, fates, no duplicates) and
that the faults happened; its figures are printed, never checked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chaos.test_postgres_away import BINS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_sites_syncing_through_client_kills_and_a_postgresql_restart_converge_with_nothing_lost():
    if not BINS:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_soak.py"), "--sites", "16", "--agents", "2", "--minutes", "2",
         "--period", "6", "--runners", "3", "--kill-every", "15", "--pg-down", "5", "--tickets", "300"],
        capture_output=True, text=True, cwd=ROOT, timeout=1400)
    print(done.stdout)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    for check in ("settled", "converged", "invariants", "SLA figures", "fates", "no duplicates"):
        assert f"check {check}: ok" in done.stdout
    assert done.stdout.strip().endswith("checks passed")
    kills = re.search(r"(\d+) runner processes killed", done.stdout)
    assert kills is not None and int(kills.group(1)) >= 1
    assert "PostgreSQL stopped at" in done.stdout
    made = re.search(r"(\d+) tickets logged at the sites", done.stdout)
    assert made is not None and int(made.group(1)) > 0
