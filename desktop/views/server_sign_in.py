"""Signing in to a central server: the server's address, the person's username and
password, and optionally the site this computer is at. Used by the first run (a new
store that joins the server) and when a server store's sign-in has ended (signed
out, or no token in the keyring), where the address and username are fixed.

sync.account.login runs on a worker; what goes wrong is shown next to the field
to fix: an unreachable server under the address, a wrong password under the
password, an unknown site under the site, a missing keyring above the form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.clock import utcnow
from core.enrolment import SUFFIX, EnrolmentError, parse, read_file
from desktop.errors import field_of, message_for, unreachable
from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.form import Form
from desktop.workers import Workers


def failure_field(exc: BaseException) -> str | None:
    """The form field a failed sign-in points at; None for a problem of the whole (keyring, store)."""
    field = field_of(exc)
    if field:
        return field
    if unreachable(exc):
        return "server"
    text = str(exc)  # how sync.account words the server's refusals
    if text.startswith("login refused"):
        return "site" if "unknown site" in text else "password"
    return None


class ServerForm(Form):
    """With `enrolment`, the form also takes the enrolment file an administrator made
    for the site (chosen, or dropped on the first-run dialog): it fills the address
    and the site, leaving the username and password to the person."""

    def __init__(self, parent: QWidget | None = None, *, server: str | None = None, username: str | None = None,
                 site: str | None = None, enrolment: bool = False) -> None:
        super().__init__(parent)
        self.enrolment_text: str | None = None
        if enrolment:
            row = QWidget(self)
            self.enrolment_file = QLineEdit(row)
            self.enrolment_file.setObjectName("enrolmentFile")
            self.enrolment_file.setReadOnly(True)
            self.enrolment_file.setPlaceholderText(self.tr("optional: the file your administrator gave you"))
            choose = QPushButton(self.tr("Choose…"), row)
            choose.setObjectName("chooseEnrolment")
            choose.clicked.connect(self.choose_enrolment)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(self.enrolment_file, 1)
            line.addWidget(choose)
            self.add_row("enrolment", self.tr("Enrolment file"), row)
        self.server = QLineEdit(server or "", self)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText("https://desk.example.com")
        self.username = QLineEdit(username or "", self)
        self.username.setObjectName("serverUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.site = QLineEdit(site or "", self)
        self.site.setObjectName("serverSite")
        self.site.setPlaceholderText(self.tr("optional: your home site if empty, e.g. PL-POZ-042"))
        self.add_row("server", self.tr("Server address"), self.server)
        self.add_row("username", self.tr("Username"), self.username)
        self.add_row("password", self.tr("Password"), self.password)
        self.add_row("site", self.tr("This computer's site"), self.site)
        for fixed, value in ((self.server, server), (self.username, username), (self.site, site)):
            fixed.setReadOnly(value is not None)

    # -- the enrolment file --------------------------------------------------------
    def choose_enrolment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Enrolment file"), str(Path.home()),
            self.tr("Enrolment files (*{0});;All files (*)").format(SUFFIX))
        if path:
            self.use_enrolment(path)

    def use_enrolment(self, path: str) -> bool:
        """Fill the address and the site from the file; False (and why, by the file's
        row) if the file cannot be used."""
        self.clear_errors()
        self.enrolment_file.setText(Path(path).name)
        try:
            text = read_file(path)
            enrolment = parse(text, utcnow(), Path(path).name)
        except EnrolmentError as exc:
            self.enrolment_text = None
            for field in (self.server, self.site):
                field.clear()
                field.setReadOnly(False)
            self.show_error("enrolment", self.enrolment_problem(exc))
            return False
        self.enrolment_text = text
        self.server.setText(enrolment.server)
        self.site.setText(enrolment.site)
        for field in (self.server, self.site):
            field.setReadOnly(True)
        self.username.setFocus()
        return True

    def enrolment_problem(self, exc: EnrolmentError) -> str:
        ask = self.tr("Ask your administrator for a new one.")
        words = {
            "unreadable": self.tr("This file cannot be read."),
            "not-enrolment": self.tr("This is not a Branchdesk enrolment file."),
            "other-version": self.tr("This enrolment file is for another version of Branchdesk.") + " " + ask,
            "tampered": self.tr("This enrolment file was changed after the server made it.") + " " + ask,
            "expired": self.tr("This enrolment file is out of date.") + " " + ask,
            "foreign": self.tr("The server named in this enrolment file did not make it.") + " " + ask,
        }
        return words.get(exc.kind, message_for(exc))

    def values(self) -> tuple[str, str, str, str | None]:
        return (self.server.text().strip(), self.username.text().strip(), self.password.text(),
                self.site.text().strip().upper() or None)

    def check(self) -> bool:
        """Show what is missing next to its field; True if the form can be sent."""
        self.clear_errors()
        server, username, password, _site = self.values()
        for key, value, text in (
            ("password", password, self.tr("Give your password")),
            ("username", username, self.tr("Give your username")),
            ("server", server, self.tr("Give the server's address, e.g. https://desk.example.com")),
        ):
            if not value:
                self.show_error(key, text)
        return bool(server and username and password)

    def show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, EnrolmentError) and self.has("enrolment"):
            self.show_error("enrolment", self.enrolment_problem(exc))
            return
        field = failure_field(exc)
        self.show_error(field, message_for(exc))
        if field == "password":
            self.password.selectAll()


class _Pulled(QObject):
    # records taken in so far, and how many the snapshot or image holds (0: not known):
    # emitted from the worker signing in
    sig_count = Signal(int, int)


class SignInRun(QObject):
    """One sign-in on the network worker, with its progress relayed to the GUI thread."""

    def __init__(self, workers: Workers, progress: QProgressBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workers, self.progress = workers, progress
        self._relay = _Pulled(self)
        self._relay.sig_count.connect(self._counted)

    def run(self, fn: Callable[[Callable[[int, int], None]], object], done: Callable[[object], None],
            failed: Callable[[BaseException], None]) -> None:
        relay = self._relay
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Signing in…"))
        self.progress.setVisible(True)
        self.workers.submit(lambda: fn(relay.sig_count.emit), done, failed, pool="network", owner=self)

    def _counted(self, count: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(count, total))
            self.progress.setFormat(self.tr("Taking your tickets from the server: %v of %m records"))
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Taking your tickets from the server: %n record(s)", "", count))


class ServerSignInDialog(QDialog):
    """Sign in again to the server this store belongs to."""

    def __init__(self, store_path: Path, workers: Workers, server: str, username: str, site: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.username: str | None = None
        self.setWindowTitle(self.tr("Sign in — Branchdesk"))
        self.setObjectName("serverSignInDialog")
        intro = QLabel(self.tr("<b>Sign in to the central server</b><br>This computer's store belongs to {0} "
                               "on {1}. Your work made here meanwhile is kept and sent once you are signed in.")
                       .format(username, server), self)
        intro.setWordWrap(True)
        self.form = ServerForm(self, server=server, username=username, site=site)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.runner = SignInRun(workers, self.progress, self)
        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setObjectName("signIn")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self.form.password.setFocus()

    def show_problem(self, exc: BaseException) -> None:
        self.form.show_failure(exc)

    def try_sign_in(self) -> None:
        if not self.form.check():
            return
        from sync.account import login

        server, username, password, site = self.form.values()
        path = self.store_path
        self.sign_in.setEnabled(False)

        def signed_in(_result: object) -> None:
            self.progress.setVisible(False)
            self.sign_in.setEnabled(True)
            self.username = username
            self.accept()

        def refused(exc: BaseException) -> None:
            self.progress.setVisible(False)
            self.sign_in.setEnabled(True)
            self.form.show_failure(exc)

        self.runner.run(lambda progress: login(path, server, username, password, site=site, progress_of=progress),
                        signed_in, refused)
