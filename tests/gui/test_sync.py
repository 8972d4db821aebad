"""Sync in the window: a background sync never stops the event loop and its changes
reach the open views; a conflict made through a real server shows in the conflicts
panel until acknowledged; a lost connection shows as offline and is retried."""

from __future__ import annotations

import threading
from pathlib import Path

from core.services import tickets as service
from core.store import Store
from core.uow import ChangeSet, unit_of_work
from desktop.qt import QTimer
from desktop.settings import Settings
from desktop.sync_controller import SyncController
from desktop.views.main_window import MainWindow
from desktop.views.ticket_view import TicketView
from desktop.workspace import Workspace
from sync.client import NotSignedIn, ServerUnreachable, SyncClient, SyncError, SyncSummary


class ScriptedClient(SyncClient):
    """A sync client whose server is a script: the first long poll answers only once
    `release` is set, with a reply another device made; later polls wait for `done`."""

    def __init__(self, store: Store, release: threading.Event, done: threading.Event, number: str) -> None:
        super().__init__(store, "http://127.0.0.1:9", "no-token")
        self.release, self.done, self.number = release, done, number
        self.waiting = threading.Event()  # the first long poll is waiting on the server
        self.polls = 0

    def sync(self, progress=None) -> SyncSummary:  # type: ignore[no-untyped-def]
        return SyncSummary()

    def push(self, summary: SyncSummary | None = None) -> SyncSummary:
        return summary or SyncSummary()

    def pull(self, summary=None, *, wait=0, progress=None) -> SyncSummary:  # type: ignore[no-untyped-def]
        self.polls += 1
        if self.polls > 1:
            self.done.wait(timeout=30)
            raise SyncError("the test is over")
        self.waiting.set()
        if not self.release.wait(timeout=30):
            raise TimeoutError("the GUI thread never turned")
        with unit_of_work(self.store) as uow:  # what the server sends: a reply made elsewhere
            service.comment(uow, uow.ref.user("nina"), self.number, "Router replaced, please check.")
        return SyncSummary(pulled=1, changes=uow.changes)


def test_a_background_sync_updates_an_open_view_without_freezing_it(qtbot, make_workspace, new_ticket):
    number = new_ticket()
    workspace = make_workspace("ada")
    view = TicketView(workspace)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    release, done = threading.Event(), threading.Event()
    client = ScriptedClient(workspace.store, release, done, number)
    sync = SyncController(workspace, client_factory=lambda _store: client)
    ticks: list[int] = []

    def tick() -> None:  # the slow answer comes only once the GUI thread has turned three times during it
        if client.waiting.is_set():
            ticks.append(1)
        if len(ticks) == 3:
            release.set()
        else:
            QTimer.singleShot(0, tick)

    try:
        with qtbot.waitSignal(view.sig_loaded, timeout=30_000):
            sync.start()
            QTimer.singleShot(0, tick)
        assert len(ticks) == 3
        assert "Router replaced" in view.timeline.toPlainText()
        assert sync.state.online is True
    finally:
        sync.stop()
        done.set()


class Offline(SyncClient):
    """A server that cannot be reached for the first `failures` tries."""

    def __init__(self, store: Store, failures: int) -> None:
        super().__init__(store, "http://127.0.0.1:9", "no-token")
        self.failures = failures

    def sync(self, progress=None) -> SyncSummary:  # type: ignore[no-untyped-def]
        if self.failures:
            self.failures -= 1
            raise ServerUnreachable("cannot reach the server at http://127.0.0.1:9: ConnectionError")
        return SyncSummary()

    def pull(self, summary=None, *, wait=0, progress=None) -> SyncSummary:  # type: ignore[no-untyped-def]
        raise ServerUnreachable("cannot reach the server at http://127.0.0.1:9: ConnectionError")


def test_offline_is_shown_and_retried(qtbot, workspace):
    client = Offline(workspace.store, failures=1)
    sync = SyncController(workspace, client_factory=lambda _store: client, backoff=(0,))
    states = []
    sync.sig_state.connect(states.append)
    sync.start()
    qtbot.waitUntil(lambda: any(s.online for s in states), timeout=10_000)
    first_offline = next(i for i, s in enumerate(states) if s.online is False)
    assert "Cannot reach the server" in (states[first_offline].error or "")
    assert not states[first_offline].halted
    sync.stop()


class SignedOut(SyncClient):
    def __init__(self, store: Store) -> None:
        super().__init__(store, "http://127.0.0.1:9", "no-token")

    def sync(self, progress=None) -> SyncSummary:  # type: ignore[no-untyped-def]
        raise NotSignedIn("the server no longer accepts this session; run 'branchdesk login' again")


def test_a_session_the_server_ended_stops_sync_until_the_person_signs_in_again(qtbot, workspace):
    from desktop.views.status_bar import StatusBar

    sync = SyncController(workspace, client_factory=SignedOut, backoff=(0,))
    bar = StatusBar()
    qtbot.addWidget(bar)
    sync.sig_state.connect(lambda s: bar.set_mode("server", s.online, busy=s.busy, stopped=s.halted,
                                                  problem=s.error))
    with qtbot.waitSignal(sync.sig_state, check_params_cb=lambda s: s.halted, timeout=10_000):
        sync.start()
    assert bar.mode_label.text() == "⚠ Sync stopped"
    assert "sign in again" in bar.mode_label.toolTip()
    workspace.bus.publish(ChangeSet(kinds={"ticket"}))  # as a local commit does
    assert not workspace.workers.busy  # nothing is sent with a session the server ended
    sync.stop()


def _edit(store: Store, number: str, fn, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(store) as uow:
        fn(uow, uow.ref.user("ada"), number, *args, **kwargs)


def _pending(store: Store) -> int:
    """Change entries the store has not had answered yet."""
    from sqlalchemy import func, select

    from core.models import ChangeEntry

    with store.read() as session:
        return session.scalar(select(func.count()).where(ChangeEntry.state == "pending")) or 0


def test_the_conflicts_panel_shows_a_conflict_made_through_sync(qtbot, central, tmp_path: Path):
    from desktop.cli.context import Context
    from desktop.cli.syncing import status_document
    from sync.account import client_for

    # Ada works on two computers, one at each site; both hold the same ticket
    here = central.sign_in(tmp_path / "here", "ada", "pw-ada", site="PL-WAW-002")
    there = central.sign_in(tmp_path / "there", "ada", "pw-ada", site="PL-POZ-001")
    with unit_of_work(there) as uow:
        number = service.create(uow, uow.ref.user("ada"), service.NewTicket(
            title="Router down", category="Network/Router", impact="medium", urgency="medium",
            site="PL-POZ-001")).number
    client_for(there).sync()
    client_for(here).sync()
    # offline on both: each renames the ticket; there it is resolved, here it is cancelled
    _edit(there, number, service.edit, service.TicketEdit(title="Router down at the till"))
    _edit(there, number, service.move, "resolved", code="fixed", note="Power cycled the router")
    _edit(here, number, service.edit, service.TicketEdit(title="Router down since the storm"))
    _edit(here, number, service.move, "cancelled")
    client_for(there).sync()
    there.close()

    with here.read() as session:
        from core.reference import reference_for

        ada = reference_for(here, session).user("ada")
    workspace = Workspace(here, ada, tmp_path / "here")
    window = MainWindow(workspace, Settings(tmp_path / "here"))
    qtbot.addWidget(window)
    window.show()
    sync = SyncController(workspace, parent=window)
    window.attach_sync(sync)
    try:
        # the window's first round pushes: the title merges, the move is refused
        sync.start()
        # the count is shown as the round's parts are answered: wait for the whole of it
        qtbot.waitUntil(lambda: window.status.conflicts_label.isVisibleTo(window)
                        and "3 conflict" in window.status.conflicts_label.text(), timeout=30_000)
        qtbot.waitUntil(lambda: window.status.mode_label.text() == "● Online", timeout=10_000)
        panel = window.conflicts
        with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
            window.status.conflicts_label.linkActivated.emit("#conflicts")
        assert window.conflicts_dock.isVisible()
        by_field = {c.field: c for c in panel.conflicts}
        assert set(by_field) == {"title", "status"}
        title = by_field["title"]
        assert (title.kept, title.lost, title.outcome) == ("Router down since the storm", "Router down at the till",
                                                           "overridden")
        assert by_field["status"].outcome == "rejected" and by_field["status"].kept == "resolved"
        [refused] = panel.rejected
        assert "meanwhile the ticket became resolved" in (refused.reason or "") and refused.ticket == number
        row = next(r for r in range(panel.conflicts_table.rowCount())
                   if panel.conflicts_table.item(r, 1).text() == "Title")
        assert panel.conflicts_table.item(row, 2).text() == "Router down since the storm (Ada Agent)"
        assert "Cancelled" in panel.rejected_table.item(0, 1).text()

        with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
            panel.conflicts_table.cellWidget(row, 0).linkActivated.emit(number)
        assert window.ticket.number == number

        for item in [*panel.conflicts, *panel.rejected]:
            with qtbot.waitSignal(panel.sig_acknowledged, timeout=10_000):
                panel.acknowledge(item.id)
        # a reading started by an earlier acknowledgement's change set may land first: wait for the last one
        qtbot.waitUntil(lambda: panel.conflicts == [] and panel.rejected == [] and panel.empty.isVisibleTo(panel),
                        timeout=10_000)
        qtbot.waitUntil(lambda: not window.status.conflicts_label.isVisibleTo(window), timeout=10_000)
        # the acknowledgements went to the server at once, and reach the other computer
        # (asked of the store: the status shown may still be the one from before the
        # acknowledgements, when nothing was waiting either)
        qtbot.waitUntil(lambda: _pending(here) == 0, timeout=10_000)
        qtbot.waitUntil(lambda: sync.state.status is not None and sync.state.status.pending_changes == 0,
                        timeout=10_000)
    finally:
        sync.stop()
        window.close()
        workspace.workers.wait_idle()
    context = Context(tmp_path / "there", None)
    try:
        client_for(context.store).sync()
        assert status_document(context)["conflicts"] == []
    finally:
        context.close()
        here.close()


def test_a_server_store_opens_as_its_person_or_asks_to_sign_in_again(qtbot, central, tmp_path, memory_keyring):
    from desktop.app import DesktopApp
    from desktop.cli.context import Context
    from desktop.views.server_sign_in import ServerSignInDialog

    central.sign_in(tmp_path / "data", "anna", "pw-anna").close()
    for kept in (True, False):
        if not kept:
            memory_keyring.secrets.clear()  # as on a machine whose keyring was reset
        app = DesktopApp(Context(tmp_path / "data", None))
        try:
            if kept:
                with qtbot.waitSignal(app.sig_main_window, timeout=10_000) as opened:
                    app.start()
                assert opened.args[0].ws.user.username == "anna"
                qtbot.waitUntil(lambda a=app: a.sync is not None and a.sync.state.online is True, timeout=10_000)
            else:
                app.start()
                qtbot.waitUntil(lambda a=app: isinstance(a.dialog, ServerSignInDialog), timeout=10_000)
                assert app.dialog.form.error_text() == ""  # a missing token only means: sign in
        finally:
            if app.window is not None:
                app.window.close()
            app.shutdown()
            app.ctx.close()
