"""Local store benchmark: prints figures, asserts nothing (DESIGN §10).

    .venv/bin/python bench/bench_store.py [DATA_DIR] [--tickets N] [--creates 200] [--runs 20] [--copy]

DATA_DIR holds a store (reused as it is) or will hold the demo store this makes with
`branchdesk --data-dir DATA_DIR demo --tickets N` (default 100000); without it, a folder
under the system's temp dir named after N (reused by later runs). The creations add
--creates tickets to the store; with --copy they go to a copy made first (a 100,000-ticket
store is well over a gigabyte, so the copy takes a while).

Measured, each as median and p95 in milliseconds against its target:
1. making the demo store (wall time of the command; only when this run makes it);
2. creating one ticket through the service layer: core.services.tickets.create inside
   core.uow.unit_of_work, routing, priority, SLA figures, history, change log and the
   commit included, over --creates creations (target < 5 ms);
3. one page (50 rows) of every queue, as an agent, sorted by last update, and the "all"
   queue under a few more sorts and as a requester and a technician, --runs runs each, in
   a read session as the desktop's table model makes them (target < 50 ms);
4. search (core.queries.search) for a few words and prefixes, as an agent and as a
   requester, --runs runs each (target < 50 ms).
"""

from __future__ import annotations

import argparse
import math
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from core.migrate import head_revision  # noqa: E402
from core.models import Ticket  # noqa: E402
from core.paths import STORE_FILE  # noqa: E402
from core.queries import search  # noqa: E402
from core.reference import Reference, UserInfo, reference_for  # noqa: E402
from core.services import tickets as service  # noqa: E402
from core.store import Store  # noqa: E402
from core.ticket_query import QUEUES, TicketFilter, TicketQuery  # noqa: E402
from core.uow import unit_of_work  # noqa: E402

BRANCHDESK = Path(sys.executable).parent / "branchdesk"
CREATE_TARGET_MS = 5.0
LIST_TARGET_MS = 50.0
SEARCH_TARGET_MS = 50.0
SORTS = ("priority", "number", "created", "site", "assignee")
WORDS = ("printer", "reboot", "card terminal", "contactless", "vpn", "password reset", "ruta", "router blink")


def branchdesk_command() -> list[str]:
    if BRANCHDESK.exists():
        return [str(BRANCHDESK)]
    return [sys.executable, "-c", "from desktop.cli.main import main; main()"]


def ensure_store(data_dir: Path, tickets: int) -> float | None:
    """Make the demo store unless one is there; returns how long making it took."""
    if (data_dir / STORE_FILE).exists():
        return None
    print(f"making a demo store of {tickets} tickets in {data_dir} …", flush=True)
    started = time.perf_counter()
    subprocess.run([*branchdesk_command(), "--data-dir", str(data_dir), "demo", "--tickets", str(tickets)],
                   check=True)
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def report(name: str, samples_s: list[float], target_ms: float) -> None:
    median = statistics.median(samples_s) * 1000
    p95 = percentile(samples_s, 0.95) * 1000
    verdict = "ok" if p95 < target_ms else ("median ok, p95 over" if median < target_ms else "OVER")
    print(f"  {name:<44} median {median:8.2f} ms   p95 {p95:8.2f} ms   target < {target_ms:.0f} ms: {verdict}")


def timed(fn: Callable[[], Any], runs: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def field_value(field: Any) -> str:
    if field.type == "choice":
        return field.choices[0]
    if field.type == "number":
        return "1"
    if field.type == "bool":
        return "yes"
    if field.type == "date":
        return date.today().isoformat()
    return "BENCH-1"


def people(ref: Reference, store: Store) -> tuple[UserInfo, UserInfo | None, UserInfo | None]:
    agent = ref.user(store.meta("default_user") or next(u for u in ref.usernames.values() if u.role == "agent").username)
    requester = next((u for u in ref.usernames.values() if u.role == "requester" and u.active and u.site_id), None)
    technician = next((u for u in ref.usernames.values() if u.role == "technician" and u.active and u.team_ids), None)
    return agent, requester, technician


def bench_create(store: Store, creates: int) -> None:
    with store.read() as session:
        ref = reference_for(store, session)
    agent, requester, _ = people(ref, store)
    leaves = [c for c in ref.spec.categories
              if not any(o.path.startswith(c.path + "/") for o in ref.spec.categories)]
    impacts, urgencies = ref.spec.priority.impact, ref.spec.priority.urgency

    def command(i: int) -> service.NewTicket:
        category = leaves[i % len(leaves)]
        return service.NewTicket(
            title=f"Bench ticket {i}: till {i % 9 + 1} keeps rebooting", category=category.path,
            impact=impacts[i % len(impacts)], urgency=urgencies[(i // 3) % len(urgencies)],
            description="Made by bench/bench_store.py", channel="phone",
            requester=requester.username if requester else None,
            fields={f.key: field_value(f) for f in category.fields if f.required},
        )

    samples = []
    for i in range(creates + 5):
        cmd = command(i)
        started = time.perf_counter()
        with unit_of_work(store) as uow:
            service.create(uow, agent, cmd)
        if i >= 5:  # the first few warm caches up
            samples.append(time.perf_counter() - started)
    print(f"creating a ticket (service layer, commit included), {creates} creations as {agent.username}:")
    report("create", samples, CREATE_TARGET_MS)


def bench_lists(store: Store, runs: int) -> None:
    with store.read() as session:
        ref = reference_for(store, session)
    agent, requester, technician = people(ref, store)
    home = store.meta("home_site")
    home_id = ref.site_codes[home].id if home in ref.site_codes else None

    def page(user: UserInfo, queue: str, sort: str, descending: bool = True, offset: int = 0) -> Callable[[], Any]:
        def run() -> Any:
            with store.read() as session:
                query = TicketQuery(ref, user, TicketFilter(queue=queue), sort=sort, descending=descending,
                                    home_site=home_id)
                return query.page(session, offset, 50)
        return run

    print(f"a page of 50 rows, {runs} runs each:")
    for queue in QUEUES:
        rows = len(page(agent, queue, "updated")())
        report(f"{queue} queue as {agent.username} ({rows} rows)", timed(page(agent, queue, "updated"), runs),
               LIST_TARGET_MS)
    for sort in SORTS:
        report(f"all, sorted by {sort}", timed(page(agent, "all", sort, descending=False), runs), LIST_TARGET_MS)
    report("all, by update, page 200 (offset 10000)", timed(page(agent, "all", "updated", offset=10000), runs),
           LIST_TARGET_MS)
    for who in (requester, technician):
        if who is not None:
            report(f"all as {who.role} {who.username}", timed(page(who, "all", "updated"), runs), LIST_TARGET_MS)


def bench_search(store: Store, runs: int) -> None:
    with store.read() as session:
        ref = reference_for(store, session)
    agent, requester, _ = people(ref, store)

    def find(user: UserInfo, text: str) -> Callable[[], Any]:
        def run() -> Any:
            with store.read() as session:
                return search(session, ref, user, text)
        return run

    print(f"search (50 best), {runs} runs each:")
    for word in WORDS:
        hits = len(find(agent, word)())
        report(f"{word!r} as {agent.username} ({hits} hits)", timed(find(agent, word), runs), SEARCH_TARGET_MS)
    if requester is not None:
        for word in WORDS[:3]:
            report(f"{word!r} as requester {requester.username}", timed(find(requester, word), runs),
                   SEARCH_TARGET_MS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", help="folder with (or for) the demo store")
    parser.add_argument("--tickets", type=int, default=100_000, help="tickets in a new demo store (default 100000)")
    parser.add_argument("--creates", type=int, default=200, help="ticket creations to time (default 200)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each list and search (default 20)")
    parser.add_argument("--copy", action="store_true", help="measure on a copy, leaving the store as it was")
    args = parser.parse_args()

    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.gettempdir()) / f"branchdesk-bench-{args.tickets}"
    if data_dir.name == STORE_FILE:
        data_dir = data_dir.parent
    made_in = ensure_store(data_dir, args.tickets)
    path = data_dir / STORE_FILE
    if args.copy:
        # SQLite's backup from a read-only connection: consistent, and the source is not
        # even opened as a store (which could migrate it).
        target = Path(tempfile.mkdtemp(prefix="branchdesk-bench-copy-")) / STORE_FILE
        started = time.perf_counter()
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source, \
                closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        print(f"copied the store in {time.perf_counter() - started:.1f} s")
        path = target
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    if schema != head_revision():
        print(f"the store is at schema {schema}; opening it upgrades it to {head_revision()} "
              "(and copies it aside first)")

    opened = time.perf_counter()
    store = Store.open(path)
    opened = time.perf_counter() - opened
    try:
        with store.read() as session:
            count = session.scalar(select(func.count()).select_from(Ticket)) or 0
        size = sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*") if p.suffix != ".bak")
        print(f"store {path}: {count} tickets, {size / 2**20:.0f} MiB ({size / max(1, count) / 1000:.1f} KB a ticket; "
              f"issue 11 asks under 4); opened in {opened * 1000:.0f} ms")
        if made_in is not None:
            print(f"making the demo store ({args.tickets} tickets): {made_in:.1f} s "
                  f"({made_in / max(1, args.tickets) * 1000:.2f} ms a ticket)")
        bench_create(store, args.creates)
        bench_lists(store, args.runs)
        bench_search(store, args.runs)
    finally:
        store.close()
        if args.copy:
            shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
