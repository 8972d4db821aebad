"""A real central server inside the test process (the FastAPI app under uvicorn on a
free loopback port, in a thread) and a keyring that keeps tokens in memory, so GUI
tests sign stores in and sync them exactly as the app does. Also used by
scripts/screenshots.py for the conflicts panel."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

import core.orgimport
from core.clock import utcnow
from core.store import Store

ROOT = Path(__file__).resolve().parents[2]
SMALL_ORG = ROOT / "tests" / "fixtures" / "small-org.toml"
STARTUP_LIMIT = 30  # seconds the server may take to listen before the test gives up


@contextmanager
def cheap_hashing() -> Iterator[None]:
    """Argon2 made cheap while imports hash every password (hashes carry their own
    parameters, so the server verifies them exactly as in production)."""
    saved = core.orgimport._hasher
    core.orgimport._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        yield
    finally:
        core.orgimport._hasher = saved


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LocalServer:
    """`branchdesk-server init --org ORG` and `serve`, in this process."""

    def __init__(self, data_dir: Path, org: Path = SMALL_ORG) -> None:
        from server.app import create_app
        from server.config import Settings
        from server.db import Database
        from server.setup import init_database, read_org

        data_dir.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{data_dir / 'server.sqlite3'}"
        spec, source = read_org(str(org))
        with cheap_hashing():
            init_database(url, spec, source, utcnow())
        self.database = Database(url)
        self.data_dir, self.database_url = data_dir, url
        # the key `branchdesk-server --data-dir DATA_DIR enrol` signs enrolment files with
        app = create_app(Settings(database_url=url, enrolment_key=data_dir / "enrolment-key.pem"),
                         database=self.database)
        # a long poll still held open does not delay the end (it is abandoned, as a client's would be)
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, log_level="warning",
                                lifespan="off", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="central-server", daemon=True)
        self.url = ""

    def start(self) -> LocalServer:
        self._thread.start()
        deadline = time.monotonic() + STARTUP_LIMIT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the local server did not start")
            time.sleep(0.01)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def stop(self) -> None:
        # a long poll still open is cut off after a second, which uvicorn reports as an error
        quiet = logging.getLogger("uvicorn.error")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            self._server.should_exit = True
            self._thread.join(timeout=STARTUP_LIMIT)
        finally:
            quiet.setLevel(level)
        self.database.dispose()

    def sign_in(self, data_dir: Path, username: str, password: str, site: str | None = None) -> Store:
        """A new store in data_dir signed in as `username` (as `branchdesk login` makes it), opened."""
        from sync.account import login

        path = data_dir / "branchdesk.sqlite3"
        login(path, self.url, username, password, site=site)
        return Store.open(path)
