"""Soak: many sites syncing for a bounded time through faults, then checked.

    .venv/bin/python bench/bench_soak.py [--sites 128] [--agents 4] [--minutes 10] [--period 30]
                                         [--runners 4] [--kill-every 45] [--pg-down 10]
                                         [--tickets 1000] [--seed 1] [--keep DIR]

On a PostgreSQL cluster of its own (made with initdb and pg_ctl on a free port, as
tests/chaos does, and removed at the end), initialised with resources/demo-org.toml
and `demo --tickets N`, it runs `branchdesk-server worker` and two `branchdesk-server
serve` processes, and S simulated sites: at each site a requester's device (a real
store) logs tickets and comments, and a few central desk devices (agents) take,
resolve, assign and comment on tickets; every device syncs once per period (at a
random phase), through one server process and then the other. The devices run in
runner processes of their own; every --kill-every seconds (on average) one runner is
killed with SIGKILL, whatever its devices were doing, and started again. Halfway
through PostgreSQL is stopped, kept down for --pg-down seconds, and started again.

At the end every device syncs until nothing moves, and the run is checked:

- converged: each device holds exactly the server's records of its scope;
- invariants: every ticket on the server and every device keeps every rule
  (core.invariants.store_problems), and each device's SLA figures equal the server's;
- fates: every change a device made was answered, and is on the server or shown to
  its author as rejected or overridden;
- no duplicates: each ticket and comment the devices made is on the server once,
  and no ticket's history says the same thing twice.

Printed: the syncs as the devices saw them (p50, p99), the servers' answer times
(p50, p99 of push and pull, from their request logs), and per minute the syncs, the
failed ones and the servers' 5xx answers. Exit status 1 if a check fails (the figures
are never checked). `tests/chaos/test_soak.py` (slow) runs it for 2 minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))

import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from core.errors import BranchdeskError  # noqa: E402
from core.models import Comment, HistoryEvent, Ticket  # noqa: E402
from core.models.tickets import OPEN_STATUSES  # noqa: E402
from core.services import tickets as svc  # noqa: E402
from core.store import Store  # noqa: E402
from core.uow import unit_of_work  # noqa: E402
from sync.client import SyncClient, http_session  # noqa: E402

ORG = ROOT / "resources" / "demo-org.toml"
PASSWORD = "demo"  # every demo user's
STARTUP_LIMIT = 120
REQUESTER_WORK = {"Network/Router": {}, "Hardware/Price sign": {}, "Software/Back office": {},
                  "Hardware/Printer": {"printer": "Receipt printer"}}
LEVELS = ("high", "medium", "low")


def env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}, "PYTHONPATH": str(ROOT)}


def server_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "server.cli", "--database-url", url, *args], capture_output=True,
                          text=True, cwd=ROOT, env=env(), timeout=1800)
    if done.returncode != 0:
        sys.exit(f"branchdesk-server {' '.join(args)} failed:\n{done.stderr}")
    return done


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


# -- the devices (in runner processes) ------------------------------------------------------------

def work(store: Store, username: str, role: str, rng: random.Random, tag: str) -> None:
    """One piece of a person's work, offline; work they may not do here and now changes nothing."""
    with contextlib.suppress(BranchdeskError), unit_of_work(store) as uow:
        actor = uow.ref.user(username)
        numbers = list(uow.session.scalars(select(Ticket.number).where(Ticket.status.in_(OPEN_STATUSES))))
        pick = rng.random()
        if role == "requester":
            if pick < 0.5 or not numbers:
                category = rng.choice(sorted(REQUESTER_WORK))
                svc.create(uow, actor, svc.NewTicket(
                    title=f"Soak {tag}", category=category, impact=rng.choice(LEVELS), urgency=rng.choice(LEVELS),
                    fields=dict(REQUESTER_WORK[category])))
            elif pick < 0.9:
                svc.comment(uow, actor, rng.choice(numbers), f"Soak note {tag}")
            else:
                svc.move(uow, actor, rng.choice(numbers), "cancelled")
            return
        if not numbers:
            return
        number = rng.choice(numbers)
        if pick < 0.3:
            svc.move(uow, actor, number, "in_progress")
        elif pick < 0.5:
            svc.move(uow, actor, number, "resolved", code="fixed", note=f"Soak fix {tag}")
        elif pick < 0.6:
            svc.move(uow, actor, number, "pending", reason="customer")
        elif pick < 0.75:
            svc.assign(uow, actor, number, team=rng.choice(("DESK", "FIELD-PL", "NETPOS")))
        else:
            svc.comment(uow, actor, number, f"Soak note {tag}", internal=rng.random() < 0.3)


def run_device(device: dict[str, Any], plan: dict[str, Any], out: Any, lock: threading.Lock,
               stop: threading.Event) -> None:
    rng = random.Random(f"{device['name']}-{os.getpid()}")
    store = Store.open(Path(device["path"]))
    client = SyncClient(store, plan["bases"][0], device["token"], http=http_session())
    period = plan["period"]
    due = time.time() + rng.random() * period
    turn = 0
    try:
        while not stop.is_set():
            if stop.wait(max(0.0, due - time.time())) or time.time() >= plan["deadline"]:
                return
            for _ in range(rng.randint(1, 3)):
                work(store, device["username"], device["role"], rng, uuid.uuid4().hex[:12])
            client.server = plan["bases"][turn % len(plan["bases"])]
            turn += 1
            started, error, summary = time.time(), None, None
            try:
                summary = client.sync()
            except Exception as exc:  # noqa: BLE001 - a failed sync is a figure; the next one tries again
                error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
            line = {"t": started, "ms": (time.time() - started) * 1000, "device": device["name"], "ok": error is None,
                    "error": error, "pushed": summary.pushed if summary else 0,
                    "pulled": summary.pulled if summary else 0}
            with lock:
                out.write(json.dumps(line) + "\n")
                out.flush()
            due += period
            while due < time.time():  # a sync longer than the period: the next one at its own phase
                due += period
    finally:
        store.close()


def runner(plan_path: Path, index: int) -> None:
    plan = json.loads(plan_path.read_text())
    mine = [d for n, d in enumerate(plan["devices"]) if n % plan["runners"] == index]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    lock = threading.Lock()
    with open(Path(plan["out"]) / f"runner-{index}.jsonl", "a", encoding="utf-8") as out:
        threads = [threading.Thread(target=run_device, args=(d, plan, out, lock, stop)) for d in mine]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


# -- the run ----------------------------------------------------------------------------------------

class Processes:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.logs: list[Any] = []

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        self.logs.append(log)
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env())

    def close(self) -> None:
        for log in self.logs:
            log.close()


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM, wait: float = 60) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(processes: Processes, url: str, name: str) -> tuple[subprocess.Popen[bytes], str]:
    from synckit import free_port

    port = free_port()
    process = processes.start(name, [sys.executable, "-m", "server.cli", "--database-url", url, "serve", "--port",
                                     str(port), "--log-level", "info"])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_LIMIT
    while True:
        if process.poll() is not None:
            sys.exit(f"{name} stopped before answering /health")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{base}/health", timeout=2).status_code == 200:
                return process, base
        if time.monotonic() > deadline:
            sys.exit(f"{name} did not answer /health")
        time.sleep(0.1)


def login(base: str, username: str) -> dict[str, Any]:
    answer = requests.post(f"{base}/auth/login", json={"username": username, "password": PASSWORD}, timeout=120)
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


def make_devices(base: str, folder: Path, sites: int, agents: int) -> list[dict[str, Any]]:
    """A requester's device at each of `sites` sites and `agents` central desk devices,
    signed in as `branchdesk login` leaves a store (less the keyring), with the
    reference data taken once and copied."""
    from synckit import reset_identity, sqlite_copy

    staff = login(base, "katarzyna.mazur")
    people = requests.get(f"{base}/reference", headers={"Authorization": f"Bearer {staff['token']}"},
                          timeout=120).json()["users"]
    by_site: dict[str, dict[str, Any]] = {}
    for person in people:
        if person["role"] == "requester" and person.get("site") and person["site"] not in by_site:
            by_site[person["site"]] = person
    chosen = [(p["username"], "requester", p["site"]) for p in list(by_site.values())[:sites]]
    chosen += [(p["username"], "agent", None) for p in people if p["role"] == "agent"][:agents]
    if len(chosen) < sites + agents:
        print(f"  (the organisation has {len(by_site)} sites with a requester: {len(chosen) - agents} sites)")
    template = folder / "template" / "branchdesk.sqlite3"
    template.parent.mkdir(parents=True)
    with contextlib.closing(Store.open(template, create=True)) as store:
        SyncClient(store, base, staff["token"], http=http_session()).fetch_reference()
    devices = []
    for number, (username, role, site) in enumerate(chosen):
        name = f"{'site' if role == 'requester' else 'desk'}-{number:03d}"
        path = folder / name / "branchdesk.sqlite3"
        sqlite_copy(template, path)
        reset_identity(path)
        session = login(base, username)
        with contextlib.closing(Store.open(path)) as store, store.write() as db:
            store.set_meta(db, "mode", "server")
            store.set_meta(db, "server_url", base)
            store.set_meta(db, "signed_in_user", username)
            store.set_meta(db, "token_key", str(uuid.uuid4()))
            if site:
                store.set_meta(db, "home_site", site)
        devices.append({"name": name, "username": username, "role": role, "path": str(path),
                        "token": session["token"]})
    return devices


def replicas_of(devices: list[dict[str, Any]], base: str) -> list[Any]:
    from synckit import Replica

    made = []
    for device in devices:
        store = Store.open(Path(device["path"]))
        http = http_session()
        made.append(Replica(device["name"], device["username"], store,
                            SyncClient(store, base, device["token"], http=http), http))
    return made


def server_answers(folder: Path, start: float) -> tuple[dict[str, list[float]], Counter[int]]:
    """Answer times of push and pull, and the 5xx answers per minute, from the servers' request logs."""
    times: dict[str, list[float]] = {"/sync/push": [], "/sync/pull": []}
    failures: Counter[int] = Counter()
    for log in folder.glob("serve-*.log"):
        for raw in log.read_bytes().splitlines():
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if entry.get("message") != "request":
                continue
            if entry.get("path") in times and entry.get("status") == 200:
                times[entry["path"]].append(float(entry["ms"]))
            if int(entry.get("status") or 0) >= 500:
                at = datetime.fromisoformat(entry["ts"].replace("Z", "+00:00")).timestamp()
                failures[int((at - start) // 60)] += 1
    return times, failures


def check(name: str, problems: list[str], test: Any) -> None:
    try:
        test()
    except Exception as exc:  # noqa: BLE001 - a check that cannot finish has failed too
        text = f"{type(exc).__name__}: {exc}".strip()
        problems.append(f"{name}: {text[:3000]}")
        print(f"  check {name}: FAILED\n    {text[:3000]}")
    else:
        print(f"  check {name}: ok")


def no_duplicates(db: Any) -> None:
    with db.read() as session:
        titles = Counter(t for t in session.scalars(select(Ticket.title)) if t.startswith("Soak "))
        bodies = Counter(b for b in session.scalars(select(Comment.body)) if b.startswith("Soak "))
        rows = session.execute(select(HistoryEvent.ticket_id, HistoryEvent.kind, HistoryEvent.field,
                                      HistoryEvent.new, HistoryEvent.actor_id, HistoryEvent.occurred_at,
                                      HistoryEvent.stamp, HistoryEvent.note)).all()
    twice = [t for t, n in titles.items() if n > 1] + [b for b, n in bodies.items() if n > 1]
    said = Counter((t, k, f, json.dumps(n, sort_keys=True), a, o, s, note) for t, k, f, n, a, o, s, note in rows)
    history = [key for key, n in said.items() if n > 1]
    assert not twice and not history, f"made twice: {twice[:10]}; history twice: {history[:10]}"
    assert titles, "no ticket of the run reached the server"


def soak(args: argparse.Namespace, folder: Path) -> int:
    from synckit import assert_converged, assert_fates, assert_invariants, assert_sla_equal, settle

    from server.db import Database
    from tests.chaos.test_postgres_away import BINS, Cluster

    if not BINS:
        sys.exit("error: no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    cluster = Cluster()
    processes = Processes(folder)
    running: list[subprocess.Popen[bytes]] = []
    runners: dict[int, subprocess.Popen[bytes]] = {}
    try:
        cluster.start()
        url = cluster.url
        started = time.perf_counter()
        server_cli(url, "init", "--org", str(ORG))
        server_cli(url, "demo", "--tickets", str(args.tickets))
        print(f"  setup: a PostgreSQL cluster on port {cluster.port}, init and {args.tickets} demo tickets "
              f"in {time.perf_counter() - started:.0f} s")
        running.append(processes.start("worker", [sys.executable, "-m", "server.cli", "--database-url", url,
                                                  "worker", "--interval", "10"]))
        one, base_one = serve(processes, url, "serve-1")
        two, base_two = serve(processes, url, "serve-2")
        running += [one, two]
        started = time.perf_counter()
        devices = make_devices(base_one, folder, args.sites, args.agents)
        print(f"  {len(devices)} devices made and signed in in {time.perf_counter() - started:.0f} s")

        start = time.time()
        deadline = start + args.minutes * 60
        plan = folder / "plan.json"
        plan.write_text(json.dumps({"bases": [base_one, base_two], "deadline": deadline, "period": args.period,
                                    "runners": args.runners, "devices": devices, "out": str(folder)}))

        def start_runner(index: int) -> None:
            runners[index] = processes.start(f"runner-{index}", [sys.executable, __file__, "--runner", str(plan),
                                                                  "--index", str(index)])

        for index in range(args.runners):
            start_runner(index)
        rng = random.Random(args.seed)
        kills, restarted = 0, None
        next_kill = start + rng.expovariate(1 / args.kill_every)
        while time.time() < deadline:
            time.sleep(0.5)
            now = time.time()
            if restarted is None and now >= start + args.minutes * 30:
                cluster.stop()
                down = now - start
                time.sleep(args.pg_down)  # PostgreSQL stays away this long
                cluster.start()
                restarted = (down, time.time() - start)
                print(f"  PostgreSQL stopped at {down:.0f} s and started again at {restarted[1]:.0f} s")
            if now >= next_kill and now < deadline - 5:
                index = rng.randrange(args.runners)
                runners[index].kill()
                runners[index].wait()
                start_runner(index)
                kills += 1
                next_kill = now + rng.expovariate(1 / args.kill_every)
        for process in runners.values():
            stop(process, signal.SIGTERM, wait=args.period + 120)
        print(f"  ran {args.minutes:g} min: {kills} runner processes killed (SIGKILL) and started again, "
              f"{(len(devices) + args.runners - 1) // args.runners} devices each")
        stop(running[0])  # the worker: what it did is in; the devices settle on it

        synced = []
        for path in folder.glob("runner-*.jsonl"):
            synced += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        on_server, failures = server_answers(folder, start)
        good = [s["ms"] for s in synced if s["ok"]]
        minutes = int(args.minutes + 0.999)
        per_minute = [[s for s in synced if int((s["t"] - start) // 60) == m] for m in range(minutes)]
        print(f"  figures ({datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} CPUs, the run's own processes "
              "share them):")
        print(f"    syncs as the devices saw them: {len(synced)} ({len(good)} ok), "
              f"p50 {percentile(good, 0.5):7.1f} ms  p99 {percentile(good, 0.99):7.1f} ms")
        for endpoint, values in on_server.items():
            print(f"    server answer {endpoint:10}: p50 {percentile(values, 0.5):7.1f} ms  "
                  f"p99 {percentile(values, 0.99):7.1f} ms  ({len(values)} answers)")
        print("    per minute, syncs / failed syncs / server 5xx: "
              + "  ".join(f"{len(m)}/{sum(not s['ok'] for s in m)}/{failures.get(n, 0)}"
                          for n, m in enumerate(per_minute)))
        errors = Counter(s["error"].split(":")[0] for s in synced if not s["ok"])
        if errors:
            print(f"    failed syncs by kind: {dict(errors)}")

        started = time.perf_counter()
        replicas = replicas_of(devices, base_two)
        problems: list[str] = []
        db = Database(url)
        try:
            check("settled", problems, lambda: settle(replicas, rounds=12))
            print(f"  every device synced until nothing moved in {time.perf_counter() - started:.0f} s")
            instant = datetime.now(UTC)
            check("converged", problems, lambda: assert_converged(db, replicas))
            check("invariants", problems, lambda: assert_invariants(db, replicas, instant))
            check("SLA figures", problems, lambda: assert_sla_equal(db, replicas, instant))
            check("fates", problems, lambda: assert_fates(db, replicas))
            check("no duplicates", problems, lambda: no_duplicates(db))
            with db.read() as session:
                made = len([t for t in session.scalars(select(Ticket.title)) if t.startswith("Soak ")])
            print(f"  {made} tickets logged at the sites during the run")
        finally:
            for replica in replicas:
                replica.store.close()
            db.dispose()
        if problems:
            print(f"checks FAILED: {len(problems)}")
            return 1
        print("checks passed")
        return 0
    finally:
        for process in [*runners.values(), *running]:
            stop(process)
        processes.close()
        cluster.remove()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=128, help="sites, a requester's device at each (default 128)")
    parser.add_argument("--agents", type=int, default=4, help="central desk devices (default 4)")
    parser.add_argument("--minutes", type=float, default=10.0, help="how long the devices work (default 10)")
    parser.add_argument("--period", type=float, default=30.0, help="seconds between a device's syncs (default 30)")
    parser.add_argument("--runners", type=int, default=4, help="processes the devices run in (default 4)")
    parser.add_argument("--kill-every", type=float, default=45.0,
                        help="mean seconds between kills of a runner process (default 45)")
    parser.add_argument("--pg-down", type=float, default=10.0, help="seconds PostgreSQL stays stopped (default 10)")
    parser.add_argument("--tickets", type=int, default=1000, help="demo tickets on the server first (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kills' times and victims")
    parser.add_argument("--keep", type=Path, help="a folder to keep the stores and logs in (default: removed)")
    parser.add_argument("--runner", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runner is not None:
        runner(args.runner, args.index)
        return
    print(f"bench_soak: {args.sites} sites and {args.agents} desk devices, {args.minutes:g} min, a sync each "
          f"{args.period:g} s, a runner killed each {args.kill_every:g} s on average, PostgreSQL down "
          f"{args.pg_down:g} s halfway; {os.cpu_count()} CPUs")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        sys.exit(soak(args, args.keep))
    with tempfile.TemporaryDirectory(prefix="branchdesk-soak-") as name:
        folder = Path(name)
        os.chmod(folder, 0o755)
        sys.exit(soak(args, folder))


if __name__ == "__main__":
    main()
