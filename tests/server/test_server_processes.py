"""Several `branchdesk-server serve` processes on one database serve the same data:
nothing a request needs is kept in one process's memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from server_testkit import PASSWORD

STARTUP_LIMIT = 90  # seconds a process may take to answer /health before the test gives up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    def __init__(self, url: str, *extra: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--database-url", url, "serve", "--port", str(self.port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
        )

    def wait(self) -> None:
        deadline = time.monotonic() + STARTUP_LIMIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode(errors="replace") if self.process.stdout else ""
                raise AssertionError(f"server exited with {self.process.returncode}:\n{output}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"server on port {self.port} did not answer /health")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


@pytest.fixture
def serve(initialised: str) -> Iterator:
    started: list[Served] = []

    def start(*extra: str) -> Served:
        served = Served(initialised, *extra)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


def test_two_processes_serve_the_same_data(serve):
    one, two = serve(), serve()
    one.wait()
    two.wait()
    with httpx.Client(base_url=one.base, timeout=30) as a, httpx.Client(base_url=two.base, timeout=30) as b:
        token = a.post("/auth/login", json={"username": "root", "password": PASSWORD}).json()["token"]
        admin = {"Authorization": f"Bearer {token}"}
        # a session made through one process works through the other
        assert b.get("/auth/me", headers=admin).json()["user"]["username"] == "root"
        version = a.get("/reference", headers=admin).json()["version"]
        made = a.post("/users", headers=admin, json={"username": "kasia", "name": "Kasia", "role": "agent",
                                                      "password": "kasia-pass-1"})
        assert made.status_code == 201
        # the user made through one is seen, and signs in, through the other
        assert b.get("/users/kasia", headers=admin).json()["origin"] == "api"
        assert b.get("/reference", headers=admin).json()["version"] == version + 1
        kasia = b.post("/auth/login", json={"username": "kasia", "password": "kasia-pass-1"})
        assert kasia.status_code == 200
        kasia_headers = {"Authorization": f"Bearer {kasia.json()['token']}"}
        assert a.get("/auth/me", headers=kasia_headers).json()["user"]["role"] == "agent"
        # a logout through one ends the session on the other
        assert b.post("/auth/logout", headers=kasia_headers).status_code == 204
        assert a.get("/auth/me", headers=kasia_headers).status_code == 401
        # a disabled user is refused by both
        assert a.post("/users/kasia/disable", headers=admin).status_code == 200
        assert b.post("/auth/login", json={"username": "kasia", "password": "kasia-pass-1"}).status_code == 403


def test_uvicorn_workers_share_the_database(serve):
    served = serve("--workers", "2")
    served.wait()
    with httpx.Client(base_url=served.base, timeout=30) as http:
        token = http.post("/auth/login", json={"username": "ada", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        # whichever worker answers, the session is there
        assert all(http.get("/auth/me", headers=headers).status_code == 200 for _ in range(10))
