"""Reports benchmark: prints figures, asserts nothing (DESIGN §10, issue 14).

    .venv/bin/python bench/bench_reports.py DATA_DIR [--runs 5] [--by site] [--explain]
                                                    [--backfill] [--dashboard]

DATA_DIR holds a demo store (`branchdesk --data-dir DATA_DIR demo --tickets N`).
Measured, over the full year up to the newest ticket:
0. With --backfill: the tickets whose figures predate store 0009 (core.sla.figures.
   backfill_due), and the time to store them all, as `branchdesk sla recompute` does.
   Until then they count in no MTTR, FRT or OLA figure.
1. core.reports.kpis.kpi_report by site, in process (a read session, as the command
   runs it): each run, the median and the best, and the slowest statements of the
   last run. Target: under 2 s on 2 cores. With --explain, each statement's
   EXPLAIN QUERY PLAN.
2. `branchdesk report --by site --json` wall time, one process (start-up included).
3. With --dashboard: the reports window (offscreen Qt) on the same store for the
   year: from asking for the figures to their being shown (counted on the worker),
   and the paint of the whole window. Target: within 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.clock import utcnow  # noqa: E402
from core.models import Ticket  # noqa: E402
from core.paths import store_path  # noqa: E402
from core.reference import reference_for  # noqa: E402
from core.reports.kpis import kpi_report  # noqa: E402
from core.reports.period import Period  # noqa: E402
from core.sla.figures import backfill, backfill_due  # noqa: E402
from core.store import Store  # noqa: E402
from core.uow import unit_of_work  # noqa: E402


@contextmanager
def statements(store: Store) -> Iterator[list[tuple[float, str, Any]]]:
    """Every statement run meanwhile, with its time: (seconds, SQL, parameters). SQLite
    does its work as rows are fetched, so a statement's time runs from its start to
    the next one's (the last one's, to the end of the block)."""
    found: list[tuple[float, str, Any]] = []
    starts: list[float] = []
    engine = store.read_engine

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        starts.append(time.perf_counter())
        found.append((0.0, statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", before)
        ends = [*starts[1:], time.perf_counter()]
        found[:] = [(end - start, statement, parameters)
                    for (_, statement, parameters), start, end in zip(found, starts, ends, strict=True)]


def first_line(statement: str) -> str:
    return " ".join(statement.split())[:110]


def run_backfill(store: Store) -> None:
    with store.read() as session:
        due = len(backfill_due(session, 10_000_000))
    print(f"backfill: {due} tickets without the figures store 0009 keeps")
    if not due:
        return
    started = time.perf_counter()
    stored = 0
    while True:
        with unit_of_work(store) as uow:
            done = backfill(uow, utcnow(), 5000)
        if not done:
            break
        stored += done
    took = time.perf_counter() - started
    print(f"backfill: stored {stored} tickets' figures in {took:.1f} s ({1000 * took / max(stored, 1):.2f} ms each)")


def by_region(window: Any, period: Period) -> None:
    window.set_period(period)
    window.set_grouping("region")


def dashboard(data_dir: str, store: Store, period: Period, username: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop

    from desktop.qt import QApplication, QTimer
    from desktop.views.reports import ReportsWindow
    from desktop.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    with store.read() as session:
        user = reference_for(store, session).user(username)
    workspace = Workspace(store, user, Path(data_dir))
    window = ReportsWindow(workspace, today=period.last)
    window.resize(1600, 1000)
    window.show()

    def shown_after(change: Any) -> float:
        """Seconds from the change of the pickers to the figures being shown."""
        loop = QEventLoop()
        window.sig_shown.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        started = time.perf_counter()
        change()
        loop.exec()
        window.sig_shown.disconnect(loop.quit)
        return time.perf_counter() - started

    shown_after(lambda: None)  # the 30 days the window opens on
    for label, change in (("this year", lambda: window.set_period(period)),
                          ("last 30 days", lambda: window.set_preset(30)),
                          ("this year by region", lambda: by_region(window, period))):
        shown = shown_after(change)
        started = time.perf_counter()
        window.grab()  # the whole window painted: tiles, five charts, the table
        painted = time.perf_counter() - started
        print(f"dashboard, {label}: figures shown {shown:.2f} s after asking (on the worker), "
              f"window painted in {painted * 1000:.0f} ms")
    window.close()
    workspace.workers.wait_idle()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--by", default="site")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--backfill", action="store_true")
    parser.add_argument("--dashboard", action="store_true")
    args = parser.parse_args()
    store = Store.open(store_path(Path(args.data_dir)))
    if args.backfill:
        run_backfill(store)
    with store.read() as session:
        count = session.scalar(select(func.count()).select_from(Ticket))
        newest = session.scalar(select(func.max(Ticket.created_at)))
        ref = reference_for(store, session)
        user = ref.user(store.meta("default_user") or "")
    assert newest is not None
    period = Period(newest.date() - timedelta(days=364), newest.date())
    print(f"store: {count} tickets; period {period.first} to {period.last}; by {args.by}; as {user.username}")
    times, cpu = [], []
    for _ in range(args.runs):
        with statements(store) as ran:
            started, used = time.perf_counter(), time.process_time()
            with store.read() as session:
                found = kpi_report(session, user, period, args.by)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
    print(f"kpi_report in process: median {statistics.median(times):.3f} s, best {min(times):.3f} s"
          f" (CPU time of this process: best {min(cpu):.3f} s; the machine's load: {os.getloadavg()[0]:.1f})"
          f" ({len(found.rows)} groups; total tickets {found.total['tickets']}, resolved {found.total['resolved']},"
          f" backlog {found.total['backlog']})")
    for took, statement, _ in sorted(ran, key=lambda r: -r[0])[:6]:
        print(f"  {took * 1000:7.1f} ms  {first_line(statement)}")
    if args.explain:
        with store.read_engine.connect() as conn:
            for took, statement, parameters in sorted(ran, key=lambda r: -r[0]):
                print(f"\n-- {took * 1000:.1f} ms: {first_line(statement)}")
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters):
                    print("   ", row[-1])
    store.close()
    started = time.perf_counter()
    program = Path(sys.executable).with_name("branchdesk")
    subprocess.run([str(program), "--data-dir", args.data_dir, "report", "--by", args.by,
                    "--from", period.first.isoformat(), "--to", period.last.isoformat(), "--json"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"branchdesk report --by {args.by} --json, one process: {time.perf_counter() - started:.2f} s"
          f" (start-up included)")
    if args.dashboard:
        store = Store.open(store_path(Path(args.data_dir)))
        dashboard(args.data_dir, store, period, user.username)
        store.close()


if __name__ == "__main__":
    main()
