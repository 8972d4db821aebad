"""Desktop benchmarks (DESIGN §10), measured with Qt offscreen on a demo store:

  * start-up: from process start to the first queue's rows painted (target < 1.5 s);
  * re-sorting the table by each column, and filtering it (target < 100 ms), from the
    request to the rows repainted, over the "All tickets" queue.

    .venv/bin/python bench/bench_gui.py [--data-dir DIR] [--tickets N] [--runs N]

DIR holds a store made by `branchdesk demo` (made there first, with N tickets, if
missing; 100,000 take a while). Prints figures; never part of the test suite."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(data_dir: str) -> None:
    """Run the app as `branchdesk --data-dir DIR` does; print the instant rows first paint."""
    from desktop.app import DesktopApp, application
    from desktop.cli.context import Context

    app = application()
    desk = DesktopApp(Context(Path(data_dir), None))

    def painted() -> None:
        print(f"painted {time.time():.6f} rows {desk.window.table.model.rowCount()}", flush=True)
        app.quit()

    desk.sig_main_window.connect(lambda window: window.sig_first_paint.connect(painted))
    desk.sig_finished.connect(app.quit)
    desk.start()
    app.exec()
    desk.shutdown()


def startup(data_dir: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first run warms the OS file cache and is not counted
        started = time.time()
        out = subprocess.run([sys.executable, __file__, "--child", str(data_dir)], capture_output=True,
                             text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("painted ")), None)
        if line is None:
            raise SystemExit(f"the app did not paint: {out.stderr[-2000:]}")
        times.append(float(line.split()[1]) - started)
    return times[1:]


def table_timings(data_dir: Path, runs: int) -> dict[str, list[float]]:
    from core.accounts import sign_in_default
    from core.store import Store
    from core.ticket_query import TicketFilter
    from desktop.app import application
    from desktop.models.ticket_table import COLUMNS
    from desktop.qt import QApplication, Qt
    from desktop.settings import Settings
    from desktop.views.main_window import MainWindow
    from desktop.workspace import Workspace

    application()
    store = Store.open(data_dir / "branchdesk.sqlite3")
    user = sign_in_default(store)
    assert user is not None, "the bench needs a demo store (it signs in as its default user)"
    workspace = Workspace(store, user, data_dir)
    window = MainWindow(workspace, Settings(data_dir))
    window.resize(1440, 860)
    window.show()
    model = window.table.model

    def idle() -> None:
        # the ticket pane loads the newly selected ticket on a worker: let it finish, so
        # each figure is the table's own work, not a neighbour's
        while workspace.workers.busy:
            QApplication.processEvents()
            time.sleep(0.001)

    def timed(change) -> float:  # type: ignore[no-untyped-def]
        idle()
        done = []
        model.sig_loaded.connect(lambda: done.append(1))
        start = time.perf_counter()
        change()
        while not done:
            QApplication.processEvents()
            time.sleep(0.0005)
        window.table.view.viewport().repaint()
        elapsed = time.perf_counter() - start
        model.sig_loaded.disconnect()
        model.sig_loaded.connect(window.table._loaded)
        return elapsed

    timed(lambda: window.table.show_queue(TicketFilter(queue="all")))
    print(f"table holds {model.rowCount():,} tickets (All tickets, as {user.username})")
    results: dict[str, list[float]] = {}
    for run in range(runs):
        for column, (key, _title) in enumerate(COLUMNS):
            order = Qt.SortOrder.AscendingOrder if run % 2 == 0 else Qt.SortOrder.DescendingOrder
            results.setdefault(f"sort by {key}", []).append(timed(lambda c=column, o=order: model.sort(c, o)))
        for name, flt in (("filter words 'printer'", TicketFilter(queue="all", text="printer")),
                          ("filter status pending", TicketFilter(queue="all", status="pending")),
                          ("filter priority P1", TicketFilter(queue="all", priority="P1")),
                          ("queue 'This site'", TicketFilter(queue="site")),
                          ("back to all", TicketFilter(queue="all"))):
            results.setdefault(name, []).append(timed(lambda f=flt: model.set_filter(f)))
    window.close()
    workspace.close()
    store.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=str(ROOT / "var" / "bench-100k"))
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    data_dir = Path(args.data_dir)
    if not (data_dir / "branchdesk.sqlite3").exists():
        print(f"making a demo store with {args.tickets:,} tickets in {data_dir} (once)…", flush=True)
        subprocess.run([sys.executable, "-c", "from desktop.cli.main import main; main()", "--data-dir",
                        str(data_dir), "demo", "--tickets", str(args.tickets)], check=True, cwd=ROOT)
    from core.store import Store

    Store.open(data_dir / "branchdesk.sqlite3").close()  # any schema upgrade happens before timing

    first = startup(data_dir, args.runs)
    print(f"start to first queue painted: median {statistics.median(first):.3f} s, "
          f"max {max(first):.3f} s (target < 1.5 s; {len(first)} runs)")
    for name, times in table_timings(data_dir, args.runs).items():
        print(f"{name:28s} median {statistics.median(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms"
              f"   (target < 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
