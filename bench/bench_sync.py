"""Sync benchmark: prints figures, asserts nothing (DESIGN §10 Sync).

    .venv/bin/python bench/bench_sync.py [--tickets N] [--changes M] [--sites S] [--rounds R]
                                         [--period SECONDS] [--backends sqlite,postgresql]
                                         [--database-url URL] [--no-pouchdb]
                                         [--scale [--processes 1,2,4] [--site-counts 128,256,512,1024]
                                          [--scale-only]]

For each backend, a real `branchdesk-server serve` on loopback, on a database made
with `branchdesk-server init --org resources/demo-org.toml` and `demo --tickets N`
(default 100,000): SQLite in a temp folder, and PostgreSQL in a schema of its own
(created in the database at --database-url, else BRANCHDESK_BENCH_DATABASE_URL, else
postgresql://postgres@127.0.0.1:5432/test, and dropped at the end). Then:

1. first sync: a new central device (an agent's empty store) signs in and takes a
   snapshot of every ticket, with history, comments and work logs, as one stream, then
   pulls after it; then the server makes its store image (`branchdesk-server image`,
   the worker's job when one is due; its time printed) and a second new central device
   starts from the image (DESIGN: under 10 s for 100,000). Each is printed with where
   the time went: waiting on the server, taking pages in (a snapshot or an image
   streams, so the two overlap: its waiting is until the answer begins);
2. round trip: a second central device (a copy of the first) makes M changes (default
   1,000 status changes on as many open tickets), pushes them, and the first pulls them
   (DESIGN: under 0.5 s for 1,000);
3. many sites: S simulated sites (bench/sync_sites.py; default 128; a requester's device
   at each site, each its own client id and session) each push 3 comments and pull, R rounds (default 3),
   every site once per period (default 30 s, the design's interval; --period 3 offers
   ten times the load),
   at a random phase. Printed: the server's answer times (from its request log, so the
   load generator's own work is not counted) at the 50th and 99th percentile (DESIGN:
   p99 under 250 ms for 128 sites every 30 s), and as the sites saw them.

With --scale, on PostgreSQL only:

4. scale: the many-sites load of 3 (the same sites' loop: 3 comments pushed and a pull,
   every --period seconds, --rounds rounds) against 1, 2 and 4 `branchdesk-server serve`
   processes on ports of their own over the same database (--processes), the sites
   spread over them round-robin (no load balancer), at 128, 256, 512 and 1,024 sites
   (--site-counts). Printed per point: the server's answer times p50 and p99, read from
   every process's request log; then, per process count, the site count where the p99
   first goes over 1 s. The demo organisation has about 135 sites with a requester, so
   past that a site is simulated by several devices: clients of another requester of
   that site or of the same requester, each its own client id and device code (a
   requester's devices share its session).
   --scale-only skips 1-3 and PouchDB.

Then PouchDB on the same machine in the same run (../shared/peers/pouchdb/run.sh N M,
which installs pouchdb from npm once) and both side by side, with the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sync_sites import AGENT, counter, login, percentile, server_times, site_rounds, sites_for  # noqa: E402

from core.errors import BranchdeskError  # noqa: E402
from core.models import Ticket  # noqa: E402
from core.models.tickets import OPEN_STATUSES  # noqa: E402
from core.services import tickets as service  # noqa: E402
from core.store import Store, new_device_code  # noqa: E402
from core.uow import unit_of_work  # noqa: E402
from sync.client import SyncClient, http_session  # noqa: E402

ORG = ROOT / "resources" / "demo-org.toml"
POUCHDB = ROOT.parent / "shared" / "peers" / "pouchdb" / "run.sh"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
CROSSING_MS = 1000.0  # the answer time whose crossing --scale reports
WARM_UP = 8  # syncs each new serve process answers before --scale measures it


# -- the server ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(url: str) -> list[str]:
    return [sys.executable, "-m", "server.cli", "--database-url", url]


def env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}, "PYTHONPATH": str(ROOT)}


def run(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env())
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return time.perf_counter() - started


@contextmanager
def serving(url: str, log: Path) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen([*server_command(url), "serve", "--port", str(port), "--log-level", "info"],
                                   cwd=ROOT, env=env(), stdout=out, stderr=out)
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    sys.exit(f"the server stopped before answering /health:\n{log.read_text()[-2000:]}")
                try:
                    if requests.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    sys.exit("the server did not answer /health")
                time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def serving_many(url: str, folder: Path, count: int) -> Iterator[list[tuple[str, Path]]]:
    """`count` serve processes over the same database, each on a port and with a request log of its own."""
    with ExitStack() as stack:
        yield [(stack.enter_context(serving(url, log)), log)
               for log in (folder / f"server-{count}-{number}.log" for number in range(count))]


class Timed(requests.Session):
    """SyncClient's session, keeping how long the server took to answer each request."""

    def __init__(self) -> None:
        super().__init__()
        self.adapters = http_session().adapters
        self.waited = 0.0
        self.requests = 0

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        started = time.perf_counter()
        try:
            return super().request(*args, **kwargs)
        finally:
            self.waited += time.perf_counter() - started
            self.requests += 1


def signed_in(path: Path, base: str, username: str, token: str, http: Timed) -> SyncClient:
    """What `branchdesk login` leaves, less the keyring: a store that names the server."""
    store = Store.open(path, create=True)
    with store.write() as session:
        store.set_meta(session, "mode", "server")
        store.set_meta(session, "server_url", base)
        store.set_meta(session, "signed_in_user", username)
        store.set_meta(session, "token_key", str(uuid.uuid4()))
    return SyncClient(store, base, token, http=http)


def copy_store(source: Path, target: Path) -> None:
    """A second device: the same data, a client id and device code of its own."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(target)) as conn, conn:
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'client_id'", (str(uuid.uuid4()),))
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'device_code'", (new_device_code(),))


# -- 1 and 2 ------------------------------------------------------------------------------------

@dataclass
class Figures:
    backend: str
    first_sync_s: float = 0.0
    stream_sync_s: float = 0.0
    first_records: int = 0
    first_waited_s: float = 0.0
    first_pages: int = 0
    push_s: float = 0.0
    pull_s: float = 0.0
    changes: int = 0
    pulled_changes: int = 0
    sites: dict[str, Any] = field(default_factory=dict)
    scale: list[dict[str, Any]] = field(default_factory=list)  # one per (processes, sites) point


def first_sync(base: str, folder: Path, figures: Figures, name: str, how: str) -> Path:
    """A new central device's first sync; `how` says what it starts from (the figures
    keep the time of the last one)."""
    http = Timed()
    token = login(base, *AGENT, http)["token"]
    http.waited, http.requests = 0.0, 0
    path = folder / name / "branchdesk.sqlite3"
    client = signed_in(path, base, AGENT[0], token, http)
    try:
        started = time.perf_counter()
        summary = client.sync()
        figures.first_sync_s = time.perf_counter() - started
        figures.first_records = summary.pulled
        figures.first_waited_s = http.waited
        figures.first_pages = http.requests
        with client.store.read() as session:
            tickets = len(session.scalars(select(Ticket.id)).all())
        size = sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*"))
        print(f"  1. new central device, first sync from {how}: {figures.first_sync_s:6.2f} s for {tickets} tickets "
              f"({summary.pulled} records in {http.requests} requests, "
              f"{summary.pushed} SLA events of its own pushed back)")
        # (a snapshot or an image streams: its request counts until the answer begins,
        # and the rest, the server writing while the device takes rows in, counts as taking in)
        print(f"     waiting on the server {http.waited:6.2f} s, taking the pages in "
              f"{figures.first_sync_s - http.waited:6.2f} s; the store holds {size / 2**20:.0f} MiB, "
              f"{size / max(1, tickets) / 1000:.1f} KB a ticket")
    finally:
        client.store.close()
    return path


def first_syncs(base: str, url: str, folder: Path, figures: Figures) -> Path:
    """The first sync from the snapshot stream, then the store image made (as the worker
    does when one is due) and a first sync from it: the figure compared is the image's."""
    first_sync(base, folder, figures, "central-stream", "the snapshot stream (no store image yet)")
    figures.stream_sync_s = figures.first_sync_s
    made = subprocess.run([*server_command(url), "image"], capture_output=True, text=True, cwd=ROOT, env=env())
    if made.returncode != 0:
        sys.exit(f"branchdesk-server image failed:\n{made.stderr}")
    print(f"     the worker's job, run now: {made.stdout.strip()}")
    return first_sync(base, folder, figures, "central-1", "the store image")


def round_trip(base: str, folder: Path, central: Path, changes: int, figures: Figures) -> None:
    second = folder / "central-2" / "branchdesk.sqlite3"
    copy_store(central, second)
    token = login(base, *AGENT)["token"]
    pusher = SyncClient(Store.open(second), base, token, http=Timed())
    puller = SyncClient(Store.open(central), base, token, http=Timed())
    try:
        with unit_of_work(pusher.store) as uow:
            actor = uow.ref.user(AGENT[0])
            numbers = uow.session.scalars(
                select(Ticket.number).where(Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.number)
            ).all()
            made = 0
            for number in numbers:
                target = "pending" if made % 2 else "in_progress"
                try:
                    service.move(uow, actor, number, target, reason="customer" if target == "pending" else None)
                except BranchdeskError:  # a move this ticket does not allow: take the next one
                    continue
                made += 1
                if made == changes:
                    break
        pending = pusher.pending()
        started = time.perf_counter()
        pushed = pusher.push()
        figures.push_s = time.perf_counter() - started
        started = time.perf_counter()
        pulled = puller.pull()
        figures.pull_s = time.perf_counter() - started
        figures.changes, figures.pulled_changes = made, pulled.pulled
        print(f"  2. {made} changes ({pending} change entries) round trip: {figures.push_s + figures.pull_s:6.3f} s "
              f"(push {figures.push_s:.3f} s: {pushed.applied} applied, {pushed.merged} merged, "
              f"{pushed.rejected} rejected; pull {figures.pull_s:.3f} s: {pulled.pulled} records)")
    finally:
        pusher.store.close()
        puller.store.close()


# -- 3 ------------------------------------------------------------------------------------------

def many_sites(base: str, url: str, log: Path, args: argparse.Namespace, figures: Figures) -> None:
    sites = sites_for(base, url, args.sites)
    skip = log.stat().st_size
    result = site_rounds([base], sites, args.rounds, args.period)
    on_server = server_times((log, skip))
    both = sorted(on_server["/sync/push"] + on_server["/sync/pull"])
    seen = [s * 1000 for s in result["seen"]]
    figures.sites = {"p50": percentile(both, 0.5), "p99": percentile(both, 0.99), "seen_p99": percentile(seen, 0.99)}
    rate = len(sites) / args.period
    print(f"  3. {len(sites)} sites, each pushing 3 comments and pulling once every {args.period:g} s "
          f"({rate:.1f} syncs/s offered, {30 / args.period:.1f}x the load of every site every 30 s), "
          f"{args.rounds} rounds in {result['elapsed']:.1f} s:")
    for name, values in (("push", on_server["/sync/push"]), ("pull", on_server["/sync/pull"]), ("both", both)):
        print(f"     server answer, {name:4}: p50 {percentile(values, 0.5):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms"
              f"  ({len(values)} answers)")
    print(f"     as the sites saw it:  p50 {percentile(seen, 0.5):7.1f} ms  p99 {percentile(seen, 0.99):7.1f} ms")
    if result["errors"]:
        print(f"     {len(result['errors'])} unexpected answers, e.g. {result['errors'][0]}")


# -- 4 ------------------------------------------------------------------------------------------

def crossing(points: list[dict[str, Any]], processes: int) -> str:
    """The first site count at which the server's p99 went over CROSSING_MS with `processes` processes."""
    mine = sorted((p for p in points if p["processes"] == processes), key=lambda p: p["sites"])
    over = next((p for p in mine if p["p99"] > CROSSING_MS), None)
    if over is not None:
        return f"{over['sites']:,} sites"
    return f"not crossed up to {mine[-1]['sites']:,} sites" if mine else "not measured"


def scale(url: str, folder: Path, args: argparse.Namespace, figures: Figures) -> None:
    counts = sorted(int(c) for c in args.site_counts.split(","))
    processes = [int(p) for p in args.processes.split(",")]
    started = time.perf_counter()
    with serving(url, folder / "server-logins.log") as base:
        devices = sites_for(base, url, counts[-1])
    signed_in_s = time.perf_counter() - started
    users = len({d.username for d in devices})
    places = len({d.site_id for d in devices})
    print(f"  4. scale: {'/'.join(map(str, processes))} serve processes over this one database, "
          f"{'/'.join(map(str, counts))} sites spread over them round-robin, each pushing 3 comments and "
          f"pulling once every {args.period:g} s, {args.rounds} rounds")
    print(f"     the sites are {len(devices)} requester devices (each its own client id and device code) "
          f"of {users} requesters (a session each) at {places} sites"
          + (f": past {places} a site is simulated by several devices" if len(devices) > places else "")
          + f" (signed in in {signed_in_s:.0f} s)")
    print(f"     the load generator runs on the same {os.cpu_count()} CPUs; server answer times from every "
          f"process's request log; each process first warmed by {WARM_UP} syncs, not counted")
    print(f"     {'processes':>9} {'sites':>6} {'syncs/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'push p99':>9} "
          f"{'pull p99':>9} {'seen p99':>9} {'answers':>8} {'elapsed s':>9} {'errors':>7}")
    for count in processes:
        with serving_many(url, folder, count) as servers:
            start = counter(url)
            for site in devices:
                site.cursor = start
            site_rounds([base for base, _ in servers], devices[:WARM_UP * count], 1, 2.0)
            for total in counts:
                sites = devices[:total]
                start = counter(url)
                for site in sites:
                    site.cursor = start
                skips = [(log, log.stat().st_size) for _, log in servers]
                result = site_rounds([base for base, _ in servers], sites, args.rounds, args.period)
                on_server = server_times(*skips)
                both = sorted(on_server["/sync/push"] + on_server["/sync/pull"])
                seen = [s * 1000 for s in result["seen"]]
                point = {"processes": count, "sites": len(sites), "p50": percentile(both, 0.5),
                         "p99": percentile(both, 0.99), "push_p99": percentile(on_server["/sync/push"], 0.99),
                         "pull_p99": percentile(on_server["/sync/pull"], 0.99), "seen_p99": percentile(seen, 0.99),
                         "answers": len(both), "elapsed": result["elapsed"], "errors": result["errors"]}
                figures.scale.append(point)
                print(f"     {count:>9} {len(sites):>6} {len(sites) / args.period:>8.1f} {point['p50']:>8.1f} "
                      f"{point['p99']:>8.1f} {point['push_p99']:>9.1f} {point['pull_p99']:>9.1f} "
                      f"{point['seen_p99']:>9.1f} {len(both):>8} {result['elapsed']:>9.1f} "
                      f"{len(result['errors']):>7}", flush=True)
                if result["errors"]:
                    print(f"               e.g. {result['errors'][0]}")
    for count in processes:
        print(f"     {count} process{'es' if count > 1 else '':2}: p99 over {CROSSING_MS / 1000:g} s from "
              f"{crossing(figures.scale, count)}")


# -- one backend --------------------------------------------------------------------------------

@contextmanager
def database(backend: str, folder: Path, pg_base: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'server.sqlite3'}"
        return
    schema = f"bench_sync_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(pg_base).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(pg_base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def bench_backend(backend: str, args: argparse.Namespace, pg_base: str) -> Figures | None:
    figures = Figures(backend)
    with tempfile.TemporaryDirectory(prefix=f"branchdesk-bench-sync-{backend}-") as name:
        folder = Path(name)
        try:
            context = database(backend, folder, pg_base)
            url = context.__enter__()
        except Exception as exc:  # noqa: BLE001 - no PostgreSQL here: say so and go on
            print(f"\n{backend}: skipped ({type(exc).__name__}: {str(exc).splitlines()[0]})")
            return None
        try:
            print(f"\n{backend}: {url if backend == 'postgresql' else 'SQLite in a temp folder'}")
            print(f"  setup: init {run([*server_command(url), 'init', '--org', str(ORG)]):.1f} s, "
                  f"demo --tickets {args.tickets} {run([*server_command(url), 'demo', '--tickets', str(args.tickets)]):.1f} s")
            if not args.scale_only:
                log = folder / "server.log"
                with serving(url, log) as base:
                    central = first_syncs(base, url, folder, figures)
                    round_trip(base, folder, central, args.changes, figures)
                    many_sites(base, url, log, args, figures)
            if args.scale and backend == "postgresql":
                scale(url, folder, args, figures)
            elif args.scale:
                print("  4. scale: run on PostgreSQL only (several serve processes over one database)")
        finally:
            context.__exit__(None, None, None)
    return figures


# -- PouchDB ------------------------------------------------------------------------------------

def pouchdb(tickets: int, changes: int) -> dict[str, Any] | None:
    if not POUCHDB.exists() or shutil.which("node") is None or shutil.which("npm") is None:
        print(f"\nPouchDB: skipped (needs {POUCHDB} and node with npm)")
        return None
    print(f"\nPouchDB: {POUCHDB} {tickets} {changes}")
    done = subprocess.run(["bash", str(POUCHDB), str(tickets), str(changes)], capture_output=True, text=True,
                          check=False)
    steps: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        steps[entry.get("step")] = entry
        print(f"  {line}")
    if done.returncode != 0:
        print(f"  failed ({done.returncode}): {done.stderr.strip()[-500:]}")
        return None
    return steps


def side_by_side(results: list[Figures], peer: dict[str, Any] | None, args: argparse.Namespace) -> None:
    print(f"\nside by side ({args.tickets} tickets, {args.changes} changes; ratio = PouchDB / Branchdesk, "
          "above 1 means Branchdesk is faster):")
    header = f"  {'':44}" + "".join(f"{'Branchdesk ' + f.backend:>24}" for f in results) + f"{'PouchDB':>12}"
    print(header)
    pouch_first = peer["first_pull_new_device"]["ms"] / 1000 if peer and "first_pull_new_device" in peer else None
    pouch_trip = peer["changes_round_trip"]["ms"] / 1000 if peer and "changes_round_trip" in peer else None
    rows = [
        ("new central device pulls every ticket (s)", [f.first_sync_s for f in results], pouch_first),
        ("  the same from the stream, no image (s)", [f.stream_sync_s for f in results], pouch_first),
        ("changes pushed and pulled, round trip (s)", [f.push_s + f.pull_s for f in results], pouch_trip),
    ]
    for label, ours, theirs in rows:
        cells = "".join(f"{value:24.3f}" for value in ours)
        ratio = "  ".join(f"x{theirs / value:.1f}" for value in ours if value) if theirs else ""
        peer_cell = f"{theirs:12.3f}" if theirs else f"{'-':>12}"
        print(f"  {label:44}{cells}{peer_cell}   ratio {ratio}")
    cells = "".join(f"{f.sites.get('p99', float('nan')):24.1f}" for f in results)
    print(f"  {str(args.sites) + ' sites syncing, server p99 answer (ms)':44}{cells}{'-':>12}")
    scale_summary(results, args)


def scale_summary(results: list[Figures], args: argparse.Namespace) -> None:
    for figures in results:
        if not figures.scale:
            continue
        print(f"\nscale, {figures.backend} ({args.tickets} tickets, every site every {args.period:g} s, "
              f"{args.rounds} rounds): server p50 / p99 ms, and unexpected answers (err: not 200, or an entry rejected)")
        counts = sorted({p["sites"] for p in figures.scale})
        print(f"  {'processes':>9}" + "".join(f"{str(c) + ' sites':>26}" for c in counts)
              + f"   p99 over {CROSSING_MS / 1000:g} s from")
        for count in dict.fromkeys(p["processes"] for p in figures.scale):
            cells = {p["sites"]: f"{p['p50']:.0f} / {p['p99']:.0f}" + (f" ({len(p['errors'])} err)" if p["errors"] else "")
                     for p in figures.scale if p["processes"] == count}
            print(f"  {count:>9}" + "".join(f"{cells.get(c, '-'):>26}" for c in counts)
                  + f"   {crossing(figures.scale, count)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=100_000, help="demo tickets on the server (default 100000)")
    parser.add_argument("--changes", type=int, default=1000, help="changes in the round trip (default 1000)")
    parser.add_argument("--sites", type=int, default=128, help="simulated sites (default 128)")
    parser.add_argument("--rounds", type=int, default=3, help="syncs per site, in 3 and in --scale (default 3)")
    parser.add_argument("--period", type=float, default=30.0, help="seconds between a site's syncs (default 30)")
    parser.add_argument("--backends", default="sqlite,postgresql", help="sqlite, postgresql or both (default)")
    parser.add_argument("--database-url", help="PostgreSQL database for a schema of the benchmark's own "
                                               f"(default BRANCHDESK_BENCH_DATABASE_URL or {DEFAULT_PG})")
    parser.add_argument("--no-pouchdb", action="store_true", help="skip the PouchDB peer")
    parser.add_argument("--scale", action="store_true",
                        help="also run the many-sites load against several serve processes (PostgreSQL only)")
    parser.add_argument("--processes", default="1,2,4", help="serve processes for --scale (default 1,2,4)")
    parser.add_argument("--site-counts", default="128,256,512,1024",
                        help="site counts for --scale (default 128,256,512,1024)")
    parser.add_argument("--scale-only", action="store_true",
                        help="with --scale, run only the scale grid (no first sync, round trip, 128 sites, PouchDB)")
    args = parser.parse_args()
    args.scale = args.scale or args.scale_only
    pg_base = args.database_url or os.environ.get("BRANCHDESK_BENCH_DATABASE_URL") or DEFAULT_PG
    print(f"bench_sync: {args.tickets} tickets, {args.changes} changes, {args.sites} sites x {args.rounds} rounds; "
          f"{os.cpu_count()} CPUs")
    results = [f for b in args.backends.split(",") if (f := bench_backend(b.strip(), args, pg_base)) is not None]
    if args.scale_only:
        scale_summary(results, args)
        return
    peer = None if args.no_pouchdb else pouchdb(args.tickets, args.changes)
    side_by_side(results, peer, args)


if __name__ == "__main__":
    main()
