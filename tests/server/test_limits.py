"""Limits and floods against a real `branchdesk-server serve` on loopback: a body
above the limit is answered 413 with the JSON error (not a reset connection), a body
trickled in too slowly 408, one address failing logins is made to wait (429 with
Retry-After) beside each account's own lockout, and the OpenAPI document states the
paging and batch limits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from server_testkit import PASSWORD

from sync.protocol import MAX_BATCH, MAX_PAGE

ROOT = Path(__file__).resolve().parents[2]
STARTUP_LIMIT = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Serving:
    """`branchdesk-server serve` with the options given, stopped at the test's end."""

    def __init__(self, url: str, log: Path, *extra: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
        env["PYTHONPATH"] = str(ROOT)
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--database-url", url, "serve", "--port", str(self.port),
             "--log-level", "warning", *extra], stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        deadline = time.monotonic() + STARTUP_LIMIT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"no answer from {self.base}/health")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def serve(initialised: str, tmp_path: Path) -> Iterator[Callable[..., Serving]]:
    started: list[Serving] = []

    def start(*extra: str) -> Serving:
        started.append(Serving(initialised, tmp_path / f"serve-{len(started)}.log", *extra))
        return started[-1]

    yield start
    for served in started:
        served.stop()


def _raw_answer(sock: socket.socket) -> bytes:
    sock.settimeout(60)
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        part = sock.recv(65536)
        if not part:
            break
        answer += part
    return answer


def test_a_body_above_the_limit_is_answered_413_with_the_json_error(serve):
    served = serve()
    big = b"x" * (50 * 1024 * 1024)
    with httpx.Client(base_url=served.base, timeout=120) as http:
        answer = http.post("/auth/login", content=big, headers={"Content-Type": "application/json"})
        assert answer.status_code == 413
        assert answer.json()["detail"] == "the request body is larger than 1048576 bytes"

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is found while reading
            for _ in range(8):
                yield b"y" * (512 * 1024)

        answer = http.post("/auth/login", content=chunks(), headers={"Content-Type": "application/json"})
        assert answer.status_code == 413 and "larger than" in answer.json()["detail"]
        # the server goes on serving: a body within the limit is read as before
        answer = http.post("/auth/login", json={"username": "anna", "password": PASSWORD})
        assert answer.status_code == 200


def test_a_body_trickled_in_slowly_is_answered_408_and_its_connection_closed(serve):
    served = serve("--body-seconds", "1")
    body = b'{"username": "anna", "password": "' + PASSWORD.encode() + b'"}'
    with socket.create_connection(("127.0.0.1", served.port)) as sock:
        sock.sendall(b"POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        sent = 0
        # one byte at a time, far slower than the deadline allows; the loop is bounded by
        # the body's length: the server must answer before the body is complete
        for byte in body[:-1]:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            sent += 1
            time.sleep(0.1)
            sock.setblocking(False)
            try:
                peek = sock.recv(1, socket.MSG_PEEK)
            except BlockingIOError:
                peek = b""
            finally:
                sock.setblocking(True)
            if peek:
                break
        answer = _raw_answer(sock)
    assert sent < len(body) - 1
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"the request body did not arrive within 1 seconds"' in answer
    assert httpx.get(f"{served.base}/health", timeout=10).status_code == 200


def test_one_address_failing_logins_waits_429_beside_each_accounts_lockout(serve):
    served = serve("--throttle-failures", "6", "--lockout-failures", "3")
    accounts = ["anna", "ola", "tom", "nosuchuser", "ada"]
    outcomes: list[int] = []
    with httpx.Client(base_url=served.base, timeout=60) as http:
        # a bounded loop: six failures over five names, so no account reaches its own lockout
        for attempt in range(10):
            answer = http.post("/auth/login", json={"username": accounts[attempt % len(accounts)],
                                                   "password": "wrong-password"})
            outcomes.append(answer.status_code)
            if answer.status_code == 429:
                retry = answer.headers["Retry-After"]
                assert retry.isdigit() and 0 < int(retry) <= 15 * 60
                assert "too many failed logins from this address" in answer.json()["detail"]
                break
        assert outcomes == [401] * 6 + [429]
        # now even the right password waits, for any account, from this address
        answer = http.post("/auth/login", json={"username": "max", "password": PASSWORD})
        assert answer.status_code == 429 and "Retry-After" in answer.headers
    # another address is not held up by this one's failures
    other = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(base_url=served.base, timeout=60, transport=other) as http:
        assert http.post("/auth/login", json={"username": "max", "password": PASSWORD}).status_code == 200
        # and the per-account lockout is still there: three wrong passwords for one account
        codes = [http.post("/auth/login", json={"username": "nina", "password": "nope"}).status_code
                 for _ in range(4)]
        assert codes == [401, 401, 401, 423]


def test_the_openapi_document_states_the_limits(serve):
    served = serve()
    document = httpx.get(f"{served.base}/openapi.json", timeout=30).json()
    description = document["info"]["description"]
    assert f"at most {MAX_BATCH} entries" in description and f"at most {MAX_PAGE} records" in description
    assert "429" in description and "413" in description and "408" in description
    push = document["components"]["schemas"]["PushRequest"]["properties"]["entries"]
    assert push["maxItems"] == MAX_BATCH
    pull = document["paths"]["/sync/pull"]["get"]["parameters"]
    limit = next(p for p in pull if p["name"] == "limit")
    assert limit["schema"]["maximum"] == MAX_PAGE
    login = document["paths"]["/auth/login"]["post"]["responses"]
    assert "429" in login and "Retry-After" in login["429"]["headers"]
    assert "413" in login and "503" in login


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _cut_short(port: int, token: str, sha: str, start: int, total: int, chunk: bytes) -> None:
    """Send a chunk's head and half its body, then drop the connection."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"PUT /blobs/{sha} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                     f"Content-Range: bytes {start}-{start + len(chunk) - 1}/{total}\r\n"
                     f"Content-Type: application/octet-stream\r\nContent-Length: {len(chunk)}\r\n\r\n".encode())
        sock.sendall(chunk[: len(chunk) // 2])


def test_a_20_mib_upload_cut_three_times_resumes_whole_and_server_memory_stays_flat(serve, initialised):
    import hashlib
    import random

    from core.blobs import MAX_ATTACHMENT_BYTES, MIB
    from server import blobstore
    from server.db import Database

    served = serve()
    content = random.Random(7).randbytes(MAX_ATTACHMENT_BYTES)
    sha, total = hashlib.sha256(content).hexdigest(), len(content)
    cuts = {5 * MIB, 10 * MIB, 15 * MIB}
    with httpx.Client(base_url=served.base, timeout=120) as http:
        token = http.post("/auth/login", json={"username": "anna", "password": PASSWORD}).json()["token"]
        http.headers["Authorization"] = f"Bearer {token}"
        samples: list[int] = []
        received = 0
        cut = 0
        while received < total:
            chunk = content[received: received + MIB]
            if received in cuts:
                cuts.discard(received)
                _cut_short(served.port, token, sha, received, total, chunk)
                cut += 1
                # the client asks where the upload stands, and goes on from there
                state = http.get(f"/blobs/{sha}/upload").json()
                assert state == {"size": total, "received": received, "complete": False}
                continue
            answer = http.put(f"/blobs/{sha}", content=chunk, headers={
                "Content-Range": f"bytes {received}-{received + len(chunk) - 1}/{total}",
                "Content-Type": "application/octet-stream"})
            assert answer.status_code == 200, answer.text
            received = answer.json()["received"]
            samples.append(_rss(served.process.pid))
        assert cut == 3
        assert http.get(f"/blobs/{sha}/upload").json() == {"size": total, "received": total, "complete": True}
    db = Database(initialised)
    try:
        with db.read() as session:
            assert hashlib.sha256(blobstore.content(session, sha) or b"").hexdigest() == sha
    finally:
        db.dispose()
    # The server held at most a chunk or two at a time: from the first chunk to the
    # last (and the whole-content check), it grew by far less than the file.
    growth = max(samples) - samples[0]
    print(f"server RSS during the 20 MiB upload: {samples[0] / MIB:.1f} MiB after the first chunk, "
          f"at most {max(samples) / MIB:.1f} MiB (growth {growth / MIB:.1f} MiB)")
    assert growth < total // 4, f"the server grew by {growth / MIB:.1f} MiB over a {total // MIB} MiB upload"
