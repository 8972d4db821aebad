"""Reports benchmark: prints figures, asserts nothing (DESIGN §10, issue 14).

    .venv/bin/python bench/bench_reports.py DATA_DIR [--runs 5]

DATA_DIR holds a demo store (`branchdesk --data-dir DATA_DIR demo --tickets N`).
Measured, over the full year up to the newest ticket:
1. core.reports.kpis.kpi_report by site, in process (a read session, as the command
   runs it): each run, the median and the best. Target: under 2 s on 2 cores.
2. `branchdesk report --by site --json` wall time, one process (start-up included).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from core.models import Ticket
from core.paths import store_path
from core.reference import reference_for
from core.reports.kpis import kpi_report
from core.reports.period import Period
from core.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--by", default="site")
    args = parser.parse_args()
    store = Store.open(store_path(Path(args.data_dir)))
    with store.read() as session:
        count = session.scalar(select(func.count()).select_from(Ticket))
        newest = session.scalar(select(func.max(Ticket.created_at)))
        ref = reference_for(store, session)
        user = ref.user(store.meta("default_user") or "")
    assert newest is not None
    period = Period(newest.date() - timedelta(days=364), newest.date())
    print(f"store: {count} tickets; period {period.first} to {period.last}; by {args.by}; as {user.username}")
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        with store.read() as session:
            found = kpi_report(session, user, period, args.by)
        times.append(time.perf_counter() - started)
    print(f"kpi_report in process: median {statistics.median(times):.3f} s, best {min(times):.3f} s"
          f" ({len(found.rows)} groups; total tickets {found.total['tickets']}, resolved {found.total['resolved']},"
          f" backlog {found.total['backlog']})")
    store.close()
    started = time.perf_counter()
    program = Path(sys.executable).with_name("branchdesk")
    subprocess.run([str(program), "--data-dir", args.data_dir, "report", "--by", args.by,
                    "--from", period.first.isoformat(), "--to", period.last.isoformat(), "--json"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"branchdesk report --by {args.by} --json, one process: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
