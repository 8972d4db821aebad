"""Central server benchmark: prints figures, asserts nothing (DESIGN §10).

    .venv/bin/python bench/bench_server.py [--tickets N] [--clients C] [--requests R]
                                           [--workers W] [--database-url URL]

Makes a server database in a temp folder (or in the PostgreSQL URL given, which
must point at an empty database or schema) with `branchdesk-server init --org
resources/demo-org.toml` and `branchdesk-server demo --tickets N` (default 2000),
starts `branchdesk-server serve` on a free loopback port (W uvicorn workers,
default 1), signs in as an agent and as a requester, and then, for each endpoint,
has C client threads (default 16, each with its own keep-alive connection) make R
requests in all (default 2000). Printed per endpoint: requests per second, and the
median and 99th-percentile latency in milliseconds. DESIGN §10 asks one server
process for a 99th-percentile answer under 250 ms with 128 sites syncing.

Endpoints measured:
1. GET /reference as an agent (the organisation file without passwords, every user);
2. GET /reference with the ETag from before (the 304 a client gets when nothing changed);
3. GET /tickets?limit=50 as an agent (all tickets, newest first, with the total);
4. GET /tickets?limit=50 as a requester (one site's tickets);
5. GET /tickets?limit=50&status=new&sort=priority as an agent.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ORG = ROOT / "resources" / "demo-org.toml"
AGENT = ("katarzyna.mazur", "demo")
REQUESTER = ("malgorzata.ostrowska", "demo")


def server_command(data_dir: Path, url: str | None) -> list[str]:
    command = [sys.executable, "-m", "server.cli", "--data-dir", str(data_dir)]
    return command + (["--database-url", url] if url else [])


def run(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the server stopped before answering /health")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    sys.exit("the server did not answer /health")


def login(base: str, user: tuple[str, str]) -> dict[str, str]:
    answer = httpx.post(f"{base}/auth/login", json={"username": user[0], "password": user[1]}, timeout=30)
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def load(base: str, path: str, headers: dict[str, str], clients: int, requests: int, expect: int = 200) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        mine: list[float] = []
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            http.get(path)  # open the connection before the clock starts
            while True:
                with lock:
                    if next(counter, None) is None:
                        break
                started = time.perf_counter()
                answer = http.get(path)
                mine.append(time.perf_counter() - started)
                if answer.status_code != expect:
                    with lock:
                        errors.append(f"{answer.status_code} {answer.text[:200]}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed, "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "n": len(latencies), "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--database-url", help="an empty PostgreSQL database or schema (default: SQLite in a temp dir)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-server-") as folder:
        data = Path(folder)
        base_command = server_command(data, args.database_url)
        print(f"server database: {args.database_url or 'SQLite in ' + folder}")
        print(f"init from the demo organisation: {run([*base_command, 'init', '--org', str(ORG)]):.1f} s")
        print(f"demo --tickets {args.tickets}: {run([*base_command, 'demo', '--tickets', str(args.tickets)]):.1f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
        process = subprocess.Popen(
            [*base_command, "serve", "--port", str(port), "--workers", str(args.workers), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base, process)
            agent, requester = login(base, AGENT), login(base, REQUESTER)
            tag = httpx.get(f"{base}/reference", headers=agent, timeout=30).headers["etag"]
            cases = [
                ("GET /reference (agent)", "/reference", agent, 200),
                ("GET /reference, If-None-Match (304)", "/reference", {**agent, "If-None-Match": tag}, 304),
                ("GET /tickets?limit=50 (agent, all sites)", "/tickets?limit=50", agent, 200),
                ("GET /tickets?limit=50 (requester, one site)", "/tickets?limit=50", requester, 200),
                ("GET /tickets?status=new&sort=priority (agent)", "/tickets?limit=50&status=new&sort=priority",
                 agent, 200),
            ]
            print(f"{args.clients} concurrent clients on loopback, {args.requests} requests per endpoint, "
                  f"{args.workers} worker{'s' if args.workers != 1 else ''}:")
            print(f"  {'endpoint':48} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
            for name, path, headers, expect in cases:
                figures = load(base, path, headers, args.clients, args.requests, expect)
                note = f"  ({len(figures['errors'])} unexpected answers, e.g. {figures['errors'][0]})" \
                    if figures["errors"] else ""
                print(f"  {name:48} {figures['rps']:8.0f} {figures['p50']:8.1f} {figures['p99']:8.1f}{note}")
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


if __name__ == "__main__":
    main()
