"""Fixtures every layer of the suite shares: organisation files and real stores on disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The GUI tests run headless; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SMALL_ORG = ROOT / "tests" / "fixtures" / "small-org.toml"
DEMO_ORG = ROOT / "resources" / "demo-org.toml"


@pytest.fixture
def small_org() -> Path:
    return SMALL_ORG


@pytest.fixture
def store_factory(tmp_path: Path) -> Iterator:
    """Makes standalone stores from an organisation file, each in its own folder."""
    from core.store import Store
    from desktop.cli.setup import init_store

    opened: list[Store] = []

    def make(name: str = "store", org: Path = SMALL_ORG, site: str = "PL-POZ-001", *, log: bool = False) -> Store:
        store, _ = init_store(tmp_path / name / "branchdesk.sqlite3", str(org), site)
        if log:
            # as a store signed in to a server is: it keeps the change log it will send
            with store.write() as session:
                store.set_meta(session, "mode", "server")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory):  # type: ignore[no-untyped-def]
    return store_factory()


@pytest.fixture
def logging_store(store_factory):  # type: ignore[no-untyped-def]
    """A store that keeps a change log, as one signed in to a server does."""
    return store_factory(log=True)
