"""The many-sites load of bench/bench_sync.py (its steps 3 and 4): simulated requester
devices, each with a client id, device code and cursor of its own, that push three
comments and pull once a period against one or more `branchdesk-server serve`
processes, and the servers' answer times read from their request logs."""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, text

from core.store import new_device_code
from sync.client import PAGE

AGENT = ("katarzyna.mazur", "demo")


def login(base: str, username: str, password: str, http: requests.Session | None = None) -> dict[str, Any]:
    answer = (http or requests).post(f"{base}/auth/login", json={"username": username, "password": password},
                                     timeout=60)
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


def database_rows(url: str, sql: str) -> list[Any]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql)))
    finally:
        engine.dispose()


@dataclass
class Site:
    """One simulated site: a requester's device there (several devices may share a requester)."""
    username: str
    user_id: str
    site_id: str
    token: str
    tickets: list[tuple[str, str]]  # (id, number)
    cursor: int
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    device: str = field(default_factory=new_device_code)
    seq: int = 0


def counter(url: str) -> int:
    return int(database_rows(url, "SELECT value FROM sync_counter WHERE id = 1")[0][0])


def sites_for(base: str, url: str, count: int) -> list[Site]:
    """`count` requester devices, one per site with open tickets as far as there are such
    sites; past that, more devices at the same sites, taking the site's other requesters
    first and then the same requesters again. Each device has a client id and device code
    of its own; the devices of one requester share the requester's session (a login is an
    Argon2 hash: 1,024 of them would take minutes on 2 cores). Each starts at the current
    cursor, as a device that has synced."""
    agent = {"Authorization": f"Bearer {login(base, *AGENT)['token']}"}
    users = requests.get(f"{base}/reference", headers=agent, timeout=60).json()["users"]
    rows = database_rows(url, "SELECT code, id, number FROM (SELECT s.code, t.id, t.number, ROW_NUMBER() OVER "
                              "(PARTITION BY s.code ORDER BY t.number) AS n FROM tickets t JOIN sites s "
                              "ON s.id = t.site_id WHERE t.status NOT IN ('closed', 'cancelled')) x WHERE n <= 20")
    open_tickets: dict[str, list[tuple[str, str]]] = {}
    for code, ticket_id, number in rows:
        # a raw query gives an id as PostgreSQL's uuid, or as SQLite's 16 bytes
        as_text = str(uuid.UUID(bytes=ticket_id)) if isinstance(ticket_id, bytes) else str(ticket_id)
        open_tickets.setdefault(code, []).append((as_text, number))
    first: dict[str, dict[str, Any]] = {}
    others: list[dict[str, Any]] = []
    for user in users:
        if user["role"] == "requester" and user.get("site") in open_tickets:
            if user["site"] in first:
                others.append(user)
            else:
                first[user["site"]] = user
    people = list(first.values()) + others
    if not people:
        return []
    chosen = [people[number % len(people)] for number in range(count)]
    names = list(dict.fromkeys(person["username"] for person in chosen))
    with ThreadPoolExecutor(max_workers=4) as pool:
        sessions = dict(zip(names, pool.map(lambda name: login(base, name, "demo"), names), strict=True))
    cursor = counter(url)
    made = []
    for person in chosen:
        session = sessions[person["username"]]
        code = session["user"].get("site")
        made.append(Site(person["username"], session["user"]["id"], code, session["token"], open_tickets[code],
                         cursor))
    return made


def site_rounds(bases: list[str], sites: list[Site], rounds: int, period: float) -> dict[str, Any]:
    """Every site syncs `rounds` times, once a period at a random phase; site i talks to
    bases[i % len(bases)] (several serve processes, the sites spread round-robin)."""
    from sync.protocol import PROTOCOL_VERSION, WIRE_SCHEMA

    seen: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.monotonic() + 1.0

    def site_loop(site: Site, base: str, phase: float) -> None:
        rng = random.Random(site.client_id)
        headers = {"Authorization": f"Bearer {site.token}", "X-Branchdesk-Protocol": str(PROTOCOL_VERSION),
                   "X-Branchdesk-Schema": WIRE_SCHEMA, "X-Branchdesk-Device": site.device}
        mine: list[float] = []
        with requests.Session() as http:
            http.headers.update(headers)
            for turn in range(rounds):
                wake = start + phase + turn * period
                time.sleep(max(0.0, wake - time.monotonic()))
                now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
                entries: list[dict[str, Any]] = []
                for _ in range(3):
                    site.seq += 1
                    comment = str(uuid.uuid4())
                    ticket_id, number = rng.choice(site.tickets)
                    text = "Any news? The queue at the till is growing."
                    entries.append({
                        "id": str(uuid.uuid4()), "seq": site.seq, "kind": "comment", "record_id": comment,
                        "op": "insert", "base": {}, "actor_id": site.user_id, "occurred_at": now,
                        "hlc": f"{int(time.time() * 1000)}-{site.seq:05d}-{site.client_id[:8]}",
                        "data": {"id": comment, "ticket_id": ticket_id, "author_id": site.user_id,
                                 "body": text, "public": True, "created_at": now, "device": site.device},
                        "command": {"name": "comment", "args": {"number": number, "text": text, "internal": False,
                                                                "id": comment}},
                    })
                body: dict[str, Any] = {"protocol": PROTOCOL_VERSION, "schema_revision": WIRE_SCHEMA,
                                        "client_id": site.client_id, "entries": entries}
                started = time.perf_counter()
                answer = http.post(f"{base}/sync/push", json=body, timeout=120)
                mine.append(time.perf_counter() - started)
                if answer.status_code != 200 or any(r["outcome"] == "rejected" for r in answer.json()["results"]):
                    with lock:
                        errors.append(f"push {answer.status_code} {answer.text[:200]}")
                more = True
                while more:
                    started = time.perf_counter()
                    answer = http.get(f"{base}/sync/pull", params={"cursor": site.cursor, "limit": PAGE}, timeout=120)
                    mine.append(time.perf_counter() - started)
                    if answer.status_code != 200:
                        with lock:
                            errors.append(f"pull {answer.status_code} {answer.text[:200]}")
                        break
                    page = answer.json()
                    site.cursor, more = page["cursor"], page["more"]
        with lock:
            seen.extend(mine)

    threads = [threading.Thread(target=site_loop, args=(s, bases[i % len(bases)], random.random() * period))
               for i, s in enumerate(sites)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"seen": sorted(seen), "errors": errors, "elapsed": time.perf_counter() - started}


def server_times(*logs: tuple[Path, int]) -> dict[str, list[float]]:
    """Answer times of the sync endpoints from the servers' request logs, each (log, skip)
    read after its first `skip` bytes."""
    times: dict[str, list[float]] = {"/sync/push": [], "/sync/pull": []}
    for log, skip in logs:
        with log.open("rb") as handle:
            handle.seek(skip)
            for line in handle:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if entry.get("message") == "request" and entry.get("path") in times:
                    times[entry["path"]].append(float(entry["ms"]))
    return {k: sorted(v) for k, v in times.items()}


def percentile(values: list[float], fraction: float) -> float:
    return values[min(len(values) - 1, int(len(values) * fraction))] if values else float("nan")
