"""The server worker's benchmark: prints figures, asserts nothing (DESIGN §10, §12).

    .venv/bin/python bench/bench_worker.py [--tickets N] [--database-url URL]

Makes a server database in a temp folder (or in the PostgreSQL URL given, which must
point at an empty database or schema) with `branchdesk-server init --org
resources/demo-org.toml` and `branchdesk-server demo --tickets N` (default 2000),
then times `branchdesk-server worker --once` as separate processes:

1. the first pass on the fresh demo data (every breach since the demo's tickets were
   logged, every escalation rule due, every resolved ticket due to close);
2. a pass right after it, with nothing new to do (what a worker costs each minute
   on a quiet day);
3. a pass after a simulated weekend (--now 62 hours on), which catches up on
   everything that fell due meanwhile.

Each line gives the wall time of the process (start-up of about a second included)
and what the pass did.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORG = ROOT / "resources" / "demo-org.toml"


def run(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return time.perf_counter() - started, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--database-url", help="an empty PostgreSQL database or schema (default: SQLite in a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = [sys.executable, "-m", "server.cli", "--data-dir", folder]
        if args.database_url:
            server += ["--database-url", args.database_url]
        backend = "postgresql" if args.database_url else "sqlite"
        run([*server, "init", "--org", str(ORG)])
        made, _ = run([*server, "demo", "--tickets", str(args.tickets)])
        print(f"demo: {args.tickets} tickets in {made:.1f} s ({backend})")
        for label, now in (
            ("first pass on fresh demo data", None),
            ("next pass, nothing new", None),
            ("pass after a 62-hour weekend", datetime.now(UTC) + timedelta(hours=62)),
        ):
            extra = ["--now", now.strftime("%Y-%m-%dT%H:%M:%SZ")] if now else []
            took, said = run([*server, "worker", "--once", *extra])
            print(f"{label}: {took:.2f} s — {said.removeprefix('worker pass done: ')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
