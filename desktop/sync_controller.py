"""Connected mode in the window (DESIGN §6 Connected mode, §8) for a store signed in
to a central server: the store's changes are pushed right after each local commit,
and a long poll pulls what others change as soon as the server has it. Every change
set sync takes in goes out on the change-set bus, so open views refresh.

This object lives on the GUI thread and only schedules: pushes run on the workers'
network pool, pulls one at a time on their poll pool, so two pulls never race over
the cursor. While the server cannot be reached it tries again with backoff, and the
first exchange after that is a full round (reference data, push, pull). sig_state
tells the window where sync stands after every exchange. stop() ends it at once:
the sockets in flight are shut down, so closing the window never waits for a long
poll to time out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from core.errors import BranchdeskError
from core.store import Store
from core.store_status import StoreStatus, store_status
from core.uow import ChangeSet
from desktop.cancellable_http import CancellableAdapter, make_cancellable
from desktop.errors import message_for, unreachable
from desktop.qt import QObject, QTimer, Signal
from desktop.workspace import Workspace
from sync.client import NotSignedIn, SyncClient, SyncError, SyncSummary, UpdateRequired

WAIT = 20  # seconds the server holds a long poll open when nothing changes
BACKOFF = (1, 2, 4, 8, 15, 30)  # seconds between tries while the server cannot be reached
SYNC_KIND = "sync"  # marks the change sets sync publishes, which need no push back

ClientFactory = Callable[[Store], SyncClient]


def _client_for(store: Store) -> SyncClient:
    from sync.account import client_for

    return client_for(store)


@dataclass(frozen=True)
class SyncState:
    # whether the server answered the last exchange; None until there was one
    online: bool | None = None
    status: StoreStatus | None = None
    # a round the window started (the first, a reconnection, "Sync now") is running
    busy: bool = False
    # why sync stopped or the last exchange failed, in words for the person
    error: str | None = None
    # stopped until the person acts (signs in again, updates Branchdesk, unlocks the keyring)
    halted: bool = False


class SyncController(QObject):
    # SyncState, after every exchange with the server and every change of state
    sig_state = Signal(object)
    # records taken in so far by the pull under way, and how many in all (0: not known);
    # a new device's first snapshot knows its total. Emitted from the poll worker.
    sig_progress = Signal(int, int)

    def __init__(self, workspace: Workspace, *, client_factory: ClientFactory | None = None, wait: int = WAIT,
                 backoff: tuple[float, ...] = BACKOFF, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.wait = wait
        self.backoff = backoff
        self.state = SyncState()
        self._factory = client_factory or _client_for
        self._clients: dict[str, SyncClient] = {}  # "poll" and "push": each used on its own pool only
        self._adapters: list[CancellableAdapter] = []
        self._running = False
        self._polling = False
        self._full = True  # the next pull is a full round
        self._pushing = False
        self._push_again = False
        self._manual = False  # the push in flight is the person's "Sync now"
        self._failures = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._poll)
        workspace.bus.sig_changed.connect(self._changed)

    # -- what the window asks --------------------------------------------------
    def start(self) -> None:
        """Begin with a full round, then keep a long poll open. A controller runs once:
        after stop(), the window makes a new one."""
        if self._running or self._adapters:
            return
        self._running = True
        self._poll()

    def stop(self) -> None:
        """Stop at once: no new exchange starts, and the ones in flight fail and are ignored."""
        self._running = False
        self._retry.stop()
        for adapter in self._adapters:
            adapter.cancel()

    def sync_now(self) -> None:
        """What F5 does: while offline or halted, try again at once; else send what waits
        and take fresh reference data (the long poll brings the rest as it happens)."""
        if not self._running:
            return
        if self.state.halted or self._retry.isActive():
            self._retry.stop()
            self._full = True
            self._set(halted=False, error=None)
            self._poll()
        else:
            self._push(reference=True)

    # -- pulling -----------------------------------------------------------------
    def _poll(self) -> None:
        if not self._running or self._polling or self.state.halted:
            return
        self._polling = True
        full, wait, store = self._full, self.wait, self.ws.store

        def work() -> tuple[SyncSummary, StoreStatus]:
            client = self._client("poll")

            def progress(count: int) -> None:
                self.sig_progress.emit(count, client.snapshot_total)

            if not full:
                summary = client.pull(wait=wait, progress=progress)
                return summary, store_status(store)
            before = store.meta("reference_version")
            summary = client.sync(progress=progress)
            if store.meta("reference_version") != before:
                summary.changes.kinds.add("reference")
            return summary, store_status(store)

        self.ws.workers.submit(work, lambda result: self._polled(full, result), self._poll_failed,
                               pool="poll", owner=self)
        self._set()

    def _polled(self, full: bool, result: tuple[SyncSummary, StoreStatus]) -> None:
        self._polling = False
        if not self._running:
            return
        summary, status = result
        self._full = False
        self._failures = 0
        self._publish(summary)
        self._set(online=True, status=status, error=None)
        if status.pending_changes or (full and self._push_again):
            self._push()
        self._poll()

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        if not self._running:
            return
        self._full = True
        if self._halts(exc):
            return
        delay = self.backoff[min(self._failures, len(self.backoff) - 1)]
        self._failures += 1
        self._retry.start(int(delay * 1000))

    # -- pushing -----------------------------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        if SYNC_KIND not in changes.kinds:
            self._push()

    def _push(self, *, reference: bool = False) -> None:
        if not self._running or self.state.halted:
            return
        if self._pushing or (self._polling and self._full):
            self._push_again = True  # after the round in flight, which pushes too
            return
        self._pushing, self._push_again, self._manual = True, False, reference
        store = self.ws.store

        def work() -> tuple[SyncSummary, StoreStatus]:
            client = self._client("push")
            summary = SyncSummary()
            if reference and client.fetch_reference() is not None:
                summary.changes.kinds.add("reference")
            client.push(summary)
            return summary, store_status(store)

        self.ws.workers.submit(work, self._pushed, self._push_failed, pool="network", owner=self)
        self._set()

    def _pushed(self, result: tuple[SyncSummary, StoreStatus]) -> None:
        self._pushing = self._manual = False
        if not self._running:
            return
        summary, status = result
        self._publish(summary)
        self._set(online=True, status=status, error=None)
        if self._push_again:
            self._push()

    def _push_failed(self, exc: BaseException) -> None:
        # no retry of its own: the poll loop notices too, and its first round after
        # reconnecting pushes what waits
        self._pushing = self._manual = self._push_again = False
        if self._running:
            self._halts(exc)

    # -- shared ------------------------------------------------------------------
    def _client(self, role: str) -> SyncClient:
        """The client of one pool (made on that pool's thread: the keyring may be slow)."""
        client = self._clients.get(role)
        if client is None:
            if not self._running:
                raise SyncError("sync has stopped")
            client = self._factory(self.ws.store)
            adapter = make_cancellable(client.http)
            self._adapters.append(adapter)
            if not self._running:  # stopped while the client was being made
                adapter.cancel()
            self._clients[role] = client
        return client

    def _halts(self, exc: BaseException) -> bool:
        """Record a failure; True if sync must wait for the person to act."""
        halt = isinstance(exc, NotSignedIn | UpdateRequired) or (
            isinstance(exc, BranchdeskError) and not isinstance(exc, SyncError))
        if isinstance(exc, NotSignedIn):
            text = self.tr("The server no longer accepts this sign-in: sign out, then sign in again to sync.")
        else:
            text = message_for(exc)  # which logs anything unexpected in full
        # a server that answers, if only to refuse, is not offline
        online = False if halt or unreachable(exc) else self.state.online
        self._set(online=online, error=text, halted=halt)
        return halt

    def _publish(self, summary: SyncSummary) -> None:
        if summary.changes:
            summary.changes.kinds.add(SYNC_KIND)
            self.ws.bus.publish(summary.changes)

    def _set(self, **changes: object) -> None:
        busy = (self._polling and self._full) or self._manual
        state = dataclasses.replace(self.state, busy=busy, **changes)  # type: ignore[arg-type]
        if state != self.state:
            self.state = state
            self.sig_state.emit(state)
