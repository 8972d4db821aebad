"""Sync's HTTP, made interruptible from the GUI thread.

In connected mode a long poll holds a request open for up to 20 s, and closing the
window must not wait for it. This adapter keeps the sockets its connections open;
`cancel()` shuts them down, so a request in flight fails at once (a SyncError the
stopped controller ignores) and no new one can start. It retries nothing itself:
the sync controller retries with its own backoff."""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError


class CancellableAdapter(HTTPAdapter):
    def __init__(self) -> None:
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.cancelled = False
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _tracking_pool(HTTPConnectionPool, HTTPConnection, self),
            "https": _tracking_pool(HTTPSConnectionPool, HTTPSConnection, self),
        }

    def track(self, sock: socket.socket) -> bool:
        """Keep a new connection's socket; False (and the socket closed) once cancelled."""
        with self._lock:
            if not self.cancelled:
                self._sockets.add(sock)
                return True
        sock.close()
        return False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


def _tracking_pool(pool: type[HTTPConnectionPool], connection: type[HTTPConnection],
                   adapter: CancellableAdapter) -> type[HTTPConnectionPool]:
    class TrackedConnection(connection):  # type: ignore[valid-type,misc]
        def _new_conn(self) -> socket.socket:
            sock: socket.socket = super()._new_conn()
            if not adapter.track(sock):
                raise NewConnectionError(self, "the request was cancelled")
            return sock

    return type(f"Tracked{pool.__name__}", (pool,), {"ConnectionCls": TrackedConnection})


def make_cancellable(session: requests.Session) -> CancellableAdapter:
    """Send every request of `session` through a new cancellable adapter (its headers,
    certificates and cookies stay as they are)."""
    adapter = CancellableAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return adapter
