"""One signed-in person's work on one store: who they are, the organisation's
reference data, the workers that run queries and commands off the GUI thread,
and the bus that announces every committed change set.

Views ask the workspace; they never open a session or write SQL themselves."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from core.reference import Reference, UserInfo, reference_for
from core.store import Store
from core.uow import ChangeSet, UnitOfWork, unit_of_work
from desktop.qt import QObject, Signal, is_alive
from desktop.signals import ChangeBus
from desktop.workers import Done, Failed, Workers

T = TypeVar("T")
Reader = Callable[[Session, Reference, UserInfo], T]
Command = Callable[[UnitOfWork, UserInfo], T]


class Workspace(QObject):
    # a background task failed with nobody to tell: the message for the status bar
    sig_error = Signal(str)

    def __init__(
        self, store: Store, user: UserInfo, data_dir: Path, *, workers: Workers | None = None,
        bus: ChangeBus | None = None, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.data_dir = data_dir
        self.workers = workers or Workers(parent=self)
        self.workers.on_unhandled = self._unhandled
        self.bus = bus or ChangeBus(self)
        with store.read() as session:
            self.ref = reference_for(store, session)
        home = store.meta("home_site")
        self.home_site_code = home
        self.home_site_id: uuid.UUID | None = self.ref.site_codes[home].id if home in self.ref.site_codes else None
        self.bus.sig_changed.connect(self._changed)

    # -- reading ------------------------------------------------------------
    def read(self, fn: Reader[Any], on_done: Done | None = None, on_error: Failed | None = None,
             owner: QObject | None = None) -> int:
        """Run fn(session, ref, user) on a worker; on_done gets its result on the GUI
        thread (not at all if `owner`, the asking widget, was deleted meanwhile)."""
        ref, user = self.ref, self.user
        return self.workers.submit(lambda: self._read(fn, ref, user), on_done, on_error, owner=owner)

    def read_now(self, fn: Reader[T]) -> T:
        """A read bounded by a primary key (a page of rows by id) on the calling thread."""
        return self._read(fn, self.ref, self.user)

    def _read(self, fn: Reader[T], ref: Reference, user: UserInfo) -> T:
        with self.store.read() as session:
            return fn(session, ref, user)

    # -- changing -----------------------------------------------------------
    def command(self, fn: Command[Any], on_done: Done | None = None, on_error: Failed | None = None,
                owner: QObject | None = None) -> int:
        """Run fn(uow, user) as one transaction on the write worker; when it commits,
        its change set is published once, then on_done gets fn's result."""
        user = self.user

        def run() -> tuple[Any, ChangeSet]:
            with unit_of_work(self.store) as uow:
                result = fn(uow, user)
            return result, uow.changes

        def done(payload: tuple[Any, ChangeSet]) -> None:
            result, changes = payload
            # the change is committed: announce it even if the asking widget is gone
            self.bus.publish(changes)
            if on_done is not None and (owner is None or is_alive(owner)):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if owner is None or is_alive(owner):
                (on_error or self.workers.on_unhandled)(exc)

        return self.workers.submit(run, done, failed, pool="write", owner=self)

    def _changed(self, changes: ChangeSet) -> None:
        if "reference" in changes.kinds:
            with self.store.read() as session:
                self.ref = reference_for(self.store, session)
            self.user = self.ref.users.get(self.user.id, self.user)

    def _unhandled(self, exc: BaseException) -> None:
        from desktop.errors import message_for

        self.sig_error.emit(message_for(exc))

    def close(self) -> None:
        self.workers.wait_idle()
