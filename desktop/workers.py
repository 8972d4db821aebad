"""Work off the GUI thread (DESIGN §8): functions run on a QThreadPool and their
result or error comes back to the GUI thread through one queued signal.

Reads run on a small pool; commands (writes) run one at a time on their own
single-thread pool, in the order given. Network work (signing in, pushing) has a
pool of its own, so a slow server never delays a query; sync's long poll, which
waits on the server for up to 20 s, has another, so it never delays a push."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from desktop.qt import QObject, QRunnable, QThreadPool, Signal, is_alive

log = logging.getLogger("branchdesk.workers")

# what a callback gives back is ignored, so any callable of the right arguments will do
Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]


class _Relay(QObject):
    # task id, succeeded, the result or the exception; emitted from a worker thread,
    # delivered queued on the GUI thread where the relay lives
    sig_finished = Signal(int, bool, object)


class _Task(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._id, self._fn, self._relay = task_id, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the caller's on_error, never lost in a thread
            self._relay.sig_finished.emit(self._id, False, exc)
            return
        self._relay.sig_finished.emit(self._id, True, result)


class Workers(QObject):
    def __init__(self, read_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(1)
        self._poll = QThreadPool(self)
        self._poll.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.sig_finished.connect(self._finished)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[_Task, Done | None, Failed | None, QObject | None]] = {}
        self.on_unhandled: Failed = lambda exc: log.error("background task failed", exc_info=exc)

    def submit(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None,
        *, pool: str = "read", owner: QObject | None = None,
    ) -> int:
        """Run fn on a worker; on_done(result) or on_error(exception) follow on the GUI
        thread, unless `owner` (the widget that asked) has been deleted meanwhile."""
        task_id = next(self._ids)
        task = _Task(task_id, fn, self._relay)
        owner = owner if owner is not None else getattr(on_done, "__self__", None)
        self._pending[task_id] = (task, on_done, on_error, owner if isinstance(owner, QObject) else None)
        {"read": self._reads, "write": self._writes, "network": self._network, "poll": self._poll}[pool].start(task)
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _finished(self, task_id: int, ok: bool, payload: object) -> None:
        _task, on_done, on_error, owner = self._pending.pop(task_id, (None, None, None, None))
        if owner is not None and not is_alive(owner):
            return
        if ok:
            if on_done is not None:
                on_done(payload)
            return
        assert isinstance(payload, BaseException)
        (on_error or self.on_unhandled)(payload)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Let running tasks end (at shutdown); results still queued are dropped."""
        return all(pool.waitForDone(msecs) for pool in (self._writes, self._reads, self._network, self._poll))
