"""SLA engine benchmark: prints figures, asserts nothing (DESIGN §10).

    .venv/bin/python bench/bench_sla.py [DATA_DIR] [--tickets N] [--runs 50] [--in-place]

With --ahead HOURS the recomputes run as of that much later, as after a day with
nothing done: the first then records the warnings and breaches falling due meanwhile.

DATA_DIR holds a store (reused as it is) or will hold the demo store this makes with
`branchdesk --data-dir DATA_DIR demo --tickets N`; without it, a folder under the
system's temp dir named after N (reused by later runs). Unless --in-place, the
measurements run on a copy, so the store stays as the demo made it and the first
recompute records the warnings and breaches that fell due since.

Measured:
1. recompute the SLA figures of every open ticket (core.sla.figures.recompute_all in
   one unit of work, commit included), twice: the first run may record many warning
   and breach events, the second is the steady state. Target: under 5 s on 2 cores.
2. one `sla explain` in process (core.ticket_detail.sla_report for the ticket with the
   longest history, in a read session as the command does): median and p95 over
   --runs runs. Target: under 50 ms.
3. `branchdesk sla explain NUMBER` wall time, one process each, a few times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from core.clock import utcnow  # noqa: E402
from core.models import HistoryEvent, Ticket  # noqa: E402
from core.models.tickets import OPEN_STATUSES  # noqa: E402
from core.paths import STORE_FILE  # noqa: E402
from core.reference import reference_for  # noqa: E402
from core.sla.figures import recompute_all  # noqa: E402
from core.store import Store  # noqa: E402
from core.ticket_detail import get_ticket, sla_report  # noqa: E402
from core.uow import store_work  # noqa: E402

BRANCHDESK = Path(sys.executable).parent / "branchdesk"


def branchdesk_command() -> list[str]:
    if BRANCHDESK.exists():
        return [str(BRANCHDESK)]
    return [sys.executable, "-c", "from desktop.cli.main import main; main()"]


def ensure_store(data_dir: Path, tickets: int) -> float | None:
    """Make the demo store unless one is there; returns how long making it took."""
    if (data_dir / STORE_FILE).exists():
        print(f"reusing the store in {data_dir}")
        return None
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    print(f"making a demo store of {tickets} tickets in {data_dir} ...", flush=True)
    started = time.perf_counter()
    subprocess.run([*branchdesk_command(), "--data-dir", str(data_dir), "demo", "--tickets", str(tickets)],
                   check=True, cwd=ROOT)
    took = time.perf_counter() - started
    print(f"  demo generator: {took:.1f} s ({tickets / took:.0f} tickets/s)")
    return took


def working_copy(data_dir: Path, into: Path) -> Path:
    """A consistent copy of the store (SQLite's backup API, WAL included)."""
    into.mkdir(parents=True, exist_ok=True)
    target = into / STORE_FILE
    with sqlite3.connect(data_dir / STORE_FILE) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return into


def describe(store: Store) -> None:
    with store.read() as session:
        total = session.scalar(select(func.count()).select_from(Ticket))
        open_ = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.status.in_(OPEN_STATUSES)))
        history = session.scalar(select(func.count()).select_from(HistoryEvent))
    print(f"store: {total} tickets, {open_} open, {history} history events")


def recompute(store: Store, label: str, ahead: float) -> None:
    """recompute_all in one unit of work, its parts timed: the recompute itself, the
    unit of work's finish (which refreshes again any ticket that got an event), commit."""
    now = utcnow() + timedelta(hours=ahead)
    started = time.perf_counter()
    with store.write() as session:
        uow = store_work(store, session)
        a = time.perf_counter()
        tickets, events = recompute_all(uow, now)
        b = time.perf_counter()
        uow.finish()
        c = time.perf_counter()
    done = time.perf_counter()
    print(f"recompute_all, {label}: {done - started:.2f} s for {tickets} open tickets, {events} events recorded"
          f"  [recompute {b - a:.2f} s, finish {c - b:.2f} s, commit {done - c:.2f} s,"
          f" open/reference {a - started:.2f} s]")


def longest_history(store: Store) -> tuple[str, int]:
    with store.read() as session:
        ticket_id, count = session.execute(
            select(HistoryEvent.ticket_id, func.count().label("n"))
            .where(HistoryEvent.kind == "field")
            .group_by(HistoryEvent.ticket_id).order_by(func.count().desc()).limit(1)
        ).one()
        number = session.scalar(select(Ticket.number).where(Ticket.id == ticket_id))
    assert number is not None
    return number, count


def explain_in_process(store: Store, number: str, runs: int) -> None:
    username = store.meta("default_user") or ""  # the demo's agent, as the command line acts
    def once() -> float:
        started = time.perf_counter()
        with store.read() as session:
            ref = reference_for(store, session)
            ticket = get_ticket(session, ref.user(username), number)
            sla_report(session, ref, ticket.id, utcnow()).as_dict()
        return time.perf_counter() - started

    cold = once()
    times = sorted(once() for _ in range(runs))
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"sla explain in process ({number}): median {statistics.median(times) * 1000:.1f} ms,"
          f" p95 {p95 * 1000:.1f} ms, min {times[0] * 1000:.1f} ms over {runs} runs"
          f" (first, cold: {cold * 1000:.1f} ms)")


def explain_cli(data_dir: Path, number: str, runs: int = 3) -> None:
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*branchdesk_command(), "--data-dir", str(data_dir), "sla", "explain", number],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
    print("branchdesk sla explain (one process each): " + ", ".join(f"{w:.2f} s" for w in walls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", help="a data dir holding a store, or where to make one")
    parser.add_argument("--tickets", type=int, default=100_000, help="demo size when making a store (default 100000)")
    parser.add_argument("--runs", type=int, default=50, help="in-process explain runs (default 50)")
    parser.add_argument("--in-place", action="store_true", help="measure on the store itself, not on a copy")
    parser.add_argument("--ahead", type=float, default=0, metavar="HOURS",
                        help="recompute as of this many hours from now: a fresh demo store has recorded every"
                             " warning due so far, so this is how to see a first run that records many")
    args = parser.parse_args()

    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.gettempdir()) / f"branchdesk-bench-sla-{args.tickets}"
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"cpus {os.cpu_count()}, load average {load}")
    ensure_store(data_dir, args.tickets)

    scratch = None
    if not args.in_place:
        scratch = Path(tempfile.mkdtemp(prefix="bench-sla-"))
        started = time.perf_counter()
        work_dir = working_copy(data_dir, scratch)
        print(f"measuring on a copy in {work_dir} (copied in {time.perf_counter() - started:.1f} s)")
    else:
        work_dir = data_dir
    try:
        store = Store.open(work_dir / STORE_FILE)
        try:
            describe(store)
            when = f", as of now + {args.ahead:g} h" if args.ahead else ""
            recompute(store, f"first run{when}", args.ahead)
            recompute(store, f"second run (steady state){when}", args.ahead)
            number, count = longest_history(store)
            print(f"ticket with the longest history: {number}, {count} field changes")
            explain_in_process(store, number, args.runs)
        finally:
            store.close()
        explain_cli(work_dir, number)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

if __name__ == "__main__":
    main()
