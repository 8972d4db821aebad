"""What every command works on: the store in the data dir and the person acting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotAllowed
from core.paths import data_dir, store_path
from core.reference import Reference, UserInfo, reference_for
from core.store import Store
from core.uow import UnitOfWork, unit_of_work


@dataclass
class Context:
    data_dir: Path
    username: str | None
    _store: Store | None = None

    @classmethod
    def from_args(cls, explicit_dir: str | None, username: str | None) -> Context:
        return cls(data_dir(explicit_dir), username)

    @property
    def store_path(self) -> Path:
        return store_path(self.data_dir)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.store_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def actor(self, ref: Reference) -> UserInfo:
        """The acting user: --user, else the store's signed-in or default user."""
        signed_in = self.store.meta("signed_in_user")
        default = signed_in or self.store.meta("default_user")
        name = self.username or default
        if not name:
            raise InvalidInput("say who you are with --user USERNAME (this store has no default user)", "user")
        if signed_in and name != signed_in:
            raise NotAllowed(f"this store is signed in as {signed_in}; --user must name that user")
        user = ref.user(name)
        if user.role == "system":
            raise NotAllowed(f"{name!r} is Branchdesk's own automatic actor; act as a person with --user")
        if not user.active:
            raise NotAllowed(f"user {name!r} is disabled")
        return user

    @contextmanager
    def command(self) -> Iterator[tuple[UnitOfWork, UserInfo]]:
        with unit_of_work(self.store) as uow:
            yield uow, self.actor(uow.ref)

    @contextmanager
    def reading(self) -> Iterator[tuple[Session, Reference, UserInfo]]:
        with self.store.read() as session:
            ref = reference_for(self.store, session)
            yield session, ref, self.actor(ref)
