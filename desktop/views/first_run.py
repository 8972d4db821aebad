"""The first run, when there is no store yet: try Branchdesk with demo data, open
an organisation file to make a standalone store for one site, or connect to a
central server (the store then holds the person's scope and syncs). An enrolment
file from the server's administrator, chosen or dropped on the dialog, fills in the
server's address and the site, so a branch PC is set up without typing a URL."""

from __future__ import annotations

from pathlib import Path

from desktop.errors import message_for
from desktop.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.setup_tasks import DEMO_TICKETS, connect_store, make_demo_store, make_org_store, org_sites
from desktop.views.form import Form
from desktop.views.server_sign_in import ServerForm, SignInRun
from desktop.workers import Workers


class _Progress(QObject):
    # done, total: emitted from the worker making the store
    sig_progress = Signal(int, int)


class FirstRunDialog(QDialog):
    # the store is made: "demo", "org" or "server"
    sig_ready = Signal(str)

    def __init__(self, store_path: Path, workers: Workers, demo_tickets: int = DEMO_TICKETS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path, self.workers, self.demo_tickets = store_path, workers, demo_tickets
        self.result_kind: str | None = None
        self.demo_user: str | None = None
        self.setWindowTitle(self.tr("Welcome to Branchdesk"))
        self.setObjectName("firstRunDialog")
        intro = QLabel(self.tr("<h2>Welcome to Branchdesk</h2>"
                               "<p>There is no Branchdesk data on this computer yet. How would you like to start?"
                               "</p>"), self)
        intro.setWordWrap(True)
        self.demo = QRadioButton(self.tr("Try it with demo data"), self)
        self.demo.setObjectName("choiceDemo")
        demo_hint = self._hint(self.tr("A made-up fuel station company with a few thousand tickets. "
                                       "You are signed in as one of its service desk agents."))
        self.org = QRadioButton(self.tr("Open an organisation file"), self)
        self.org.setObjectName("choiceOrg")
        org_hint = self._hint(self.tr("Set up this computer for one site from your organisation's file "
                                      "(TOML), working on its own without a server."))
        self.server = QRadioButton(self.tr("Connect to a central server"), self)
        self.server.setObjectName("choiceServer")
        server_hint = self._hint(self.tr("Sign in with your account on your organisation's Branchdesk server. "
                                         "This computer keeps your tickets and works on when the link is down. "
                                         "Got an enrolment file? Choose it or drop it here."))
        group = QButtonGroup(self)
        for choice in (self.demo, self.org, self.server):
            group.addButton(choice)
        self.demo.setChecked(True)
        self.server_form = ServerForm(self, enrolment=True)
        self.server_form.setContentsMargins(24, 0, 0, 0)
        self.server_form.setEnabled(False)
        self.server.toggled.connect(self.server_form.setEnabled)

        self.org_box = QWidget(self)
        self.org_form = Form(self.org_box)
        file_row = QWidget(self.org_box)
        self.org_file = QLineEdit(file_row)
        self.org_file.setObjectName("orgFile")
        self.org_file.setReadOnly(True)
        browse = QPushButton(self.tr("Choose…"), file_row)
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.org_file, 1)
        row.addWidget(browse)
        self.site = QComboBox(self.org_box)
        self.site.setObjectName("orgSite")
        self.org_form.add_row("org", self.tr("Organisation file"), file_row)
        self.org_form.add_row("site", self.tr("This computer's site"), self.site)
        box_layout = QVBoxLayout(self.org_box)
        box_layout.setContentsMargins(24, 0, 0, 0)
        box_layout.addWidget(self.org_form)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.go = self.buttons.addButton(self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("start")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.demo)
        layout.addWidget(demo_hint)
        layout.addWidget(self.org)
        layout.addWidget(org_hint)
        layout.addWidget(self.org_box)
        layout.addWidget(self.server)
        layout.addWidget(server_hint)
        layout.addWidget(self.server_form)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.org.toggled.connect(self.org_box.setEnabled)
        self.org_box.setEnabled(False)
        self._relay = _Progress(self)
        self._relay.sig_progress.connect(self._progressed)
        self.sign_in = SignInRun(workers, self.progress, self)
        self._room_for_placeholders(layout)
        self.setAcceptDrops(True)

    def _room_for_placeholders(self, layout: QVBoxLayout) -> None:
        """Every box wide enough to show its hint whole ("optional: your home site if
        empty, e.g. PL-POZ-042"), in any language: the dialog widens to hold them."""
        for box in self.findChildren(QLineEdit):
            hint = box.placeholderText()
            if hint:
                margins = box.textMargins()
                # the frame and the style's own padding around the text
                room = box.fontMetrics().horizontalAdvance(hint) + margins.left() + margins.right() + 16
                box.setMinimumWidth(max(box.minimumWidth(), room))
        # (an explicit minimum width would win over what the layout needs for them)
        self.setMinimumWidth(max(560, layout.minimumSize().width()))

    # -- a file dropped on the dialog: an enrolment file, or an organisation file --
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return urls[0].toLocalFile() or None if len(urls) == 1 and urls[0].isLocalFile() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) and self.go.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if not path or not self.go.isEnabled():
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    def open_file(self, path: str) -> None:
        """An organisation file (TOML) goes to its choice; anything else is taken as
        an enrolment file, whose row says so if it is not one."""
        if path.lower().endswith(".toml"):
            self.set_org_file(path)
            return
        self.server.setChecked(True)
        self.server_form.use_enrolment(path)

    def _hint(self, text: str) -> QLabel:
        hint = QLabel(text, self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        hint.setContentsMargins(24, 0, 0, 8)
        return hint

    # -- the organisation file ----------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Organisation file"), str(Path.home()), self.tr("Organisation files (*.toml);;All files (*)"))
        if path:
            self.set_org_file(path)

    def set_org_file(self, path: str) -> None:
        """Check the whole file on a worker and offer its sites."""
        self.org.setChecked(True)
        self.org_file.setText(path)
        self.site.clear()
        self.org_form.clear_errors()
        self.go.setEnabled(False)

        def done(sites: list[tuple[str, str]]) -> None:
            for code, name in sites:
                self.site.addItem(f"{code} — {name}", code)
            self.go.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.org_form.show_error("org", message_for(exc))
            self.go.setEnabled(True)

        self.workers.submit(lambda: org_sites(path), done, failed)

    # -- making the store ---------------------------------------------------
    def start(self) -> None:
        self.error.setVisible(False)
        if self.server.isChecked():
            self._connect()
            return
        if self.org.isChecked():
            org_file, site = self.org_file.text(), self.site.currentData()
            if not org_file:
                self.org_form.show_error("org", self.tr("Choose your organisation's file"))
                return
            if not site:
                self.org_form.show_error("site", self.tr("Choose the site this computer is at"))
                return
            self._busy(True, self.tr("Setting up the store…"))
            self.workers.submit(lambda: make_org_store(self.store_path, org_file, site),
                                lambda _none: self._made("org"), self._failed, pool="write")
            return
        self._busy(True, self.tr("Making demo data…"))
        tickets, relay = self.demo_tickets, self._relay
        self.workers.submit(
            lambda: make_demo_store(self.store_path, tickets, lambda done, total: relay.sig_progress.emit(done, total)),
            self._demo_made, self._failed, pool="write")

    # -- a central server ---------------------------------------------------
    def _connect(self) -> None:
        if not self.server_form.check():
            return
        server, username, password, site = self.server_form.values()
        path, enrolment = self.store_path, self.server_form.enrolment_text
        self._busy(True)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self.server_form.show_failure(exc)

        self.sign_in.run(lambda progress: connect_store(path, server, username, password, site, progress, enrolment),
                         lambda _username: self._made("server"), failed)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.go.setEnabled(not busy)
        for widget, choice in ((self.demo, None), (self.org, None), (self.server, None),
                               (self.org_box, self.org), (self.server_form, self.server)):
            widget.setEnabled(not busy and (choice is None or choice.isChecked()))
        self.progress.setVisible(busy)
        if busy and text:
            self.progress.setRange(0, 0)
            self.progress.setFormat(text)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Making demo tickets: %v of %m"))

    def _demo_made(self, user: str) -> None:
        self.demo_user = user
        self._made("demo")

    def _made(self, kind: str) -> None:
        self._busy(False)
        self.result_kind = kind
        self.sig_ready.emit(kind)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.setText(message_for(exc))
        self.error.setVisible(True)
