"""GUI fixtures: a workspace over a real standalone store (tests/fixtures/small-org.toml),
signed in as any of its people, and tickets made through the service layer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from core.services import tickets as service
from core.uow import unit_of_work


@pytest.fixture(autouse=True, scope="session")
def english(qapp):  # type: ignore[no-untyped-def]
    """Every GUI test reads English, with its plural forms, whatever the machine's language."""
    from desktop.i18n import install_translations

    install_translations(qapp, "en")


@pytest.fixture(autouse=True, scope="session")
def collector_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Python's cycle collector runs only between the window tests, on the GUI thread
    (nothing_outlives_the_test runs it). Left to itself it runs in whichever thread
    allocates when its threshold is reached, a worker's too, and deletes there the Qt
    objects a test left in reference cycles; one with a timer running ("QObject::
    killTimer: Timers cannot be stopped from another thread") crashes the GUI thread's
    event loop (SIGSEGV) the next time it runs, in whatever test is running then."""
    import gc

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def nothing_outlives_the_test(qapp, collector_on_the_gui_thread):  # type: ignore[no-untyped-def]
    """After each GUI test (and its fixtures' own clean-up), every window it left is
    closed and deleted and their timers with them, so that nothing of it fires later,
    in another test, over objects that are gone; then what the test left in reference
    cycles is collected, here on the GUI thread. A Qt timer still running in what is
    collected (an object the test made with no parent and did not delete) or after it
    fails the test that left it."""
    yield
    import gc

    from desktop.qt import QApplication, QCoreApplication, QEvent, QTimer, is_alive

    for widget in QApplication.topLevelWidgets():
        for timer in widget.findChildren(QTimer):
            timer.stop()
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage, to be looked at
    try:
        gc.collect()
        found = list(gc.garbage)
        gc.garbage.clear()
    finally:
        gc.set_debug(0)
    running = [obj for obj in found if isinstance(obj, QTimer) and is_alive(obj) and obj.isActive()]
    left = [f"a {timer.interval()} ms timer of a {type(timer.parent()).__name__} left in a reference cycle"
            for timer in running]
    for timer in running:
        timer.stop()
    del found, running  # freed by the next test's collection, here on the GUI thread too
    for obj in gc.get_objects():
        if isinstance(obj, QTimer) and is_alive(obj) and obj.isActive():
            left.append(f"a {obj.interval()} ms timer of a {type(obj.parent()).__name__} still held")
            obj.stop()
    assert not left, f"Qt timers still running after the test (give their object a parent, or delete it): {left}"


@pytest.fixture
def make_workspace(store, qtbot) -> Iterator[Callable[..., Any]]:  # type: ignore[no-untyped-def]
    from desktop.workspace import Workspace

    made: list[Workspace] = []

    def make(username: str = "ada") -> Workspace:
        with store.read() as session:
            from core.reference import reference_for

            user = reference_for(store, session).user(username)
        workspace = Workspace(store, user, store.path.parent)
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        workspace.workers.wait_idle()
    qtbot.wait(1)
    for workspace in made:  # deleted here, on the GUI thread, with its worker pools and what it owns
        workspace.deleteLater()


@pytest.fixture
def workspace(make_workspace):  # type: ignore[no-untyped-def]
    return make_workspace("ada")


@pytest.fixture
def new_ticket(store) -> Callable[..., str]:  # type: ignore[no-untyped-def]
    """Log a ticket as `actor` (default anna, a requester at PL-POZ-001); returns its number."""

    def make(actor: str = "anna", title: str = "Till 2 does not print receipts", category: str = "Network/Router",
             **values: Any) -> str:
        with unit_of_work(store) as uow:
            user = uow.ref.user(actor)
            cmd = service.NewTicket(title=title, category=category, impact=values.pop("impact", "medium"),
                                    urgency=values.pop("urgency", "medium"), **values)
            return service.create(uow, user, cmd).number

    return make


@pytest.fixture
def act(store) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """Run a service command as someone, outside any window (as another device would)."""

    def run(actor: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with unit_of_work(store) as uow:
            return fn(uow, uow.ref.user(actor), *args, **kwargs)

    return run


@pytest.fixture
def status_of(store) -> Callable[[str], str]:  # type: ignore[no-untyped-def]
    def status(number: str) -> str:
        from core.reference import SYSTEM_USER
        from core.ticket_detail import get_ticket

        with store.read() as session:
            return get_ticket(session, SYSTEM_USER, number).status

    return status


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    """Sign-in tokens kept in memory for the test, as the OS keyring keeps them."""
    import keyring
    from gui_sync_kit import MemoryKeyring

    previous = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(previous)


@pytest.fixture
def central(tmp_path, memory_keyring) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A central server of the test's own (tests/fixtures/small-org.toml) on a loopback port."""
    from gui_sync_kit import LocalServer, cheap_hashing

    with cheap_hashing():
        server = LocalServer(tmp_path / "server").start()
        yield server
        server.stop()


_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the window tests' process as the run ended, once everything is reported.
    PySide6 can abort while the interpreter tears down what is left of Qt's objects
    ("bool_dealloc", a reference-count bug in the bindings), after every test passed;
    that abort would be taken for a failed run."""
    if _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
