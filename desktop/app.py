"""The desktop app: `branchdesk` with no command (or `gui`). The first run makes a
store (demo data, an organisation file, or a sign-in to a central server); then the
person signs in and works in the main window until they quit or sign out. A store
signed in to a server opens as its signed-in person while the keyring holds their
token, and syncs in the background while the window is open."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from core.accounts import accounts, sign_in_default
from core.errors import BranchdeskError, NotAllowed
from core.reference import UserInfo
from core.services import tickets as service
from desktop.cli.context import Context
from desktop.errors import message_for
from desktop.i18n import install_translations
from desktop.icons import app_icon
from desktop.notifier import Notifier
from desktop.qt import QApplication, QDialog, QMessageBox, QObject, QTimer, Signal
from desktop.settings import Settings
from desktop.sla_sweeper import SlaSweeper
from desktop.theme import apply_theme, follow_system
from desktop.views.main_window import MainWindow
from desktop.views.sign_in import SignInDialog
from desktop.workers import Workers
from desktop.workspace import Workspace

if TYPE_CHECKING:
    from desktop.sync_controller import SyncController


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Branchdesk")
    app.setOrganizationName("Branchdesk")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    install_translations(app)
    apply_theme(app)
    follow_system(app)
    return app


class DesktopApp(QObject):
    """The flow between first run, sign-in and the main window, without blocking
    the event loop (each step is a dialog opened, not exec'd), so tests can drive it."""

    # the main window is up, for this person
    sig_main_window = Signal(object)
    # there is nothing more to show: the app should end
    sig_finished = Signal()

    def __init__(self, ctx: Context, *, demo_tickets: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workers = Workers(parent=self)
        self.demo_tickets = demo_tickets
        self.window: MainWindow | None = None
        self.workspace: Workspace | None = None
        self.notifier: Notifier | None = None
        self.sweeper: SlaSweeper | None = None
        self.sync: SyncController | None = None
        self.dialog: QDialog | None = None
        self._signing_out = False

    def start(self) -> None:
        if not self.ctx.store_path.exists():
            from desktop.setup_tasks import DEMO_TICKETS
            from desktop.views.first_run import FirstRunDialog

            demo_tickets = DEMO_TICKETS if self.demo_tickets is None else self.demo_tickets
            first = FirstRunDialog(self.ctx.store_path, self.workers, demo_tickets=demo_tickets)
            first.accepted.connect(lambda: self._store_ready(first.demo_user))
            first.rejected.connect(self.sig_finished)
            self.dialog = first
            first.open()
            return
        self._store_ready(None)

    def _store_ready(self, demo_user: str | None) -> None:
        try:
            store = self.ctx.store
            if store.meta("mode") == "server":
                self._server_store_ready()
                return
            user = None
            if self.ctx.username is None or self.ctx.username == (store.meta("default_user") or demo_user):
                user = sign_in_default(store)
        except BranchdeskError as exc:
            QMessageBox.critical(None, "Branchdesk", message_for(exc))
            self.sig_finished.emit()
            return
        if user is not None:
            self.open_main(user)
        else:
            self.ask_sign_in(self.ctx.username)

    # -- a store signed in to a central server ----------------------------------
    def _server_store_ready(self) -> None:
        username = self.ctx.store.meta("signed_in_user")
        if username and self.ctx.username not in (None, username):
            raise NotAllowed(f"this store is signed in as {username}; --user must name that user")
        store = self.ctx.store

        def has_token() -> None:  # the keyring may be slow, or ask to be unlocked
            from sync.account import client_for

            client_for(store)

        self.workers.submit(has_token, lambda _none: self._open_signed_in(), self.ask_server_sign_in,
                            pool="network")

    def _open_signed_in(self) -> None:
        store = self.ctx.store
        try:
            with store.read() as session:
                from core.reference import reference_for

                user = reference_for(store, session).user(store.meta("signed_in_user") or "")
        except BranchdeskError as exc:
            QMessageBox.critical(None, "Branchdesk", message_for(exc))
            self.sig_finished.emit()
            return
        self.open_main(user)

    def ask_server_sign_in(self, problem: BaseException | None = None) -> QDialog:
        """Sign in again to the store's server (after signing out, or with no token kept)."""
        from desktop.views.server_sign_in import ServerSignInDialog
        from sync.credentials import NoKeyring

        store = self.ctx.store
        dialog = ServerSignInDialog(self.ctx.store_path, self.workers, store.meta("server_url") or "",
                                    store.meta("signed_in_user") or "", store.meta("home_site"))
        # no token kept only means: sign in; a keyring that cannot keep one, or a fault, is worth saying
        if isinstance(problem, NoKeyring) or (problem is not None and not isinstance(problem, BranchdeskError)):
            dialog.show_problem(problem)
        dialog.accepted.connect(self._open_signed_in)
        dialog.rejected.connect(self.sig_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_sign_in(self, preselect: str | None = None) -> SignInDialog:
        store = self.ctx.store
        settings = Settings(self.ctx.data_dir)
        with store.read() as session:
            from core.reference import reference_for

            organisation = reference_for(store, session).spec.name
        from desktop.setup_tasks import DEMO_PASSWORD

        dialog = SignInDialog(store, accounts(store), self.workers, organisation,
                              preselect or settings.last_user,
                              demo_password=DEMO_PASSWORD if store.meta("demo") else None)
        dialog.accepted.connect(lambda: self.open_main(dialog.user) if dialog.user else None)
        dialog.rejected.connect(self.sig_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_main(self, user: UserInfo) -> MainWindow:
        settings = Settings(self.ctx.data_dir)
        settings.last_user = user.username
        self.workspace = Workspace(self.ctx.store, user, self.ctx.data_dir, workers=self.workers)
        self.window = MainWindow(self.workspace, settings)
        self.window.sig_sign_out.connect(self._sign_out)
        self.window.sig_closed.connect(self._closed)
        self.notifier = Notifier(self.workspace, app_icon(), parent=self.window)
        self.notifier.start()
        self.sweeper = SlaSweeper(self.workspace, parent=self.window)
        self.sweeper.start()
        if self.ctx.store.meta("mode") == "server":
            from desktop.sync_controller import SyncController  # HTTP loads only for a server store

            self.sync = SyncController(self.workspace, parent=self.window)
            self.window.attach_sync(self.sync)
            self.sync.start()
        self.window.show()
        # resolved tickets whose reopen period ended close now, as the command line does
        self.workspace.command(lambda uow, _user: service.close_expired(uow))
        self.sig_main_window.emit(self.window)
        return self.window

    def _sign_out(self) -> None:
        self._signing_out = True

    def _closed(self) -> None:
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        if self.notifier is not None:
            self.notifier.stop()
        if self.sweeper is not None:
            self.sweeper.stop()
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
        if not self._signing_out:
            self.sig_finished.emit()
        elif self.ctx.store.meta("mode") == "server":
            self._signing_out = False
            store = self.ctx.store

            def sign_out() -> None:  # the server ends the session; the keyring forgets the token
                from sync.account import logout

                logout(store)

            self.workers.submit(sign_out, lambda _none: self.ask_server_sign_in(), self.ask_server_sign_in,
                                pool="network")
        else:
            self._signing_out = False
            self.ask_sign_in(self.workspace.user.username if self.workspace else None)

    def close(self) -> None:
        """End as the person closing the window would (the layout is kept)."""
        if self.window is not None:
            self.window.close()
        elif self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
        else:
            self.sig_finished.emit()

    def shutdown(self) -> None:
        self.workers.wait_idle()


def _log_to_file(ctx: Context) -> None:
    try:
        ctx.data_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(ctx.data_dir / "branchdesk.log", encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("branchdesk").addHandler(handler)


def _close_on_terminate(app: QApplication, desk: DesktopApp) -> None:
    """SIGTERM (a session ending, a service manager, `kill`) closes the window as the
    person would, keeping its layout, instead of killing the process mid-write. The
    timer hands control to Python now and then, so that the handler runs at all."""
    import signal

    if not hasattr(signal, "SIGTERM"):
        return
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, desk.close))
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def run_app(ctx: Context) -> int:
    """Open Branchdesk's window and run until the person quits."""
    _log_to_file(ctx)
    app = application()
    desk = DesktopApp(ctx)
    desk.sig_finished.connect(app.quit)
    _close_on_terminate(app, desk)
    desk.start()
    try:
        return app.exec()
    finally:
        desk.shutdown()
