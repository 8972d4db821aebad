"""Every benchmark in bench/, one after another, at a modest size: what `make bench` runs.

    .venv/bin/python bench/run_all.py [--tickets N] [--only NAME ...]

Each bench/bench_*.py prints its own figures; this runs them in turn (bench_store,
bench_sla, bench_gui, bench_server, bench_sync when present) and prints a line on
how each ended. A benchmark's options are read from its --help: it gets --tickets N
(default 2000, not the 100,000 of DESIGN §10, so the whole run takes minutes), and
the ones that work on a demo store share one, made once in var/bench-N. Figures
at full size come from running a benchmark by itself (see the README's Speed)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def arguments(script: Path, tickets: int, data_dir: Path) -> list[str]:
    """The options a benchmark takes for its size and its store, read from its --help."""
    shown = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, cwd=ROOT,
                           check=False).stdout
    usage = shown.split("\n\n")[0]  # argparse's usage lines, before the description
    args: list[str] = []
    if "--tickets" in usage:
        args += ["--tickets", str(tickets)]
    if "--data-dir" in usage:
        args += ["--data-dir", str(data_dir)]
    elif "data_dir]" in usage:  # an optional store folder as its first argument
        args.insert(0, str(data_dir))
    return args


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=2000, help="demo size for every benchmark (default 2000)")
    parser.add_argument("--only", nargs="*", metavar="NAME", help="run only these, e.g. store gui")
    args = parser.parse_args()
    data_dir = ROOT / "var" / f"bench-{args.tickets}"
    scripts = sorted(BENCH.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    ended: list[tuple[str, int, float]] = []
    for script in scripts:
        command = [sys.executable, str(script), *arguments(script, args.tickets, data_dir)]
        print(f"\n=== {script.name} {' '.join(command[2:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        ended.append((script.name, code, time.perf_counter() - started))
    print("\n=== summary")
    for name, code, seconds in ended:
        print(f"{name:20s} {'ok' if code == 0 else f'failed (exit {code})':18s} {seconds:7.1f} s")
    return 0 if all(code == 0 for _name, code, _s in ended) else 1


if __name__ == "__main__":
    raise SystemExit(main())
