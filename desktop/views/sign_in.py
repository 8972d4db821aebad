"""Signing in to a standalone store: the person picks who they are among the
organisation's people and gives their password (checked by core.accounts)."""

from __future__ import annotations

from core.accounts import Account, authenticate
from core.reference import UserInfo
from core.store import Store
from desktop.errors import field_of, message_for
from desktop.labels import label
from desktop.qt import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.views.form import Form
from desktop.workers import Workers


class SignInDialog(QDialog):
    def __init__(self, store: Store, accounts: list[Account], workers: Workers, organisation: str,
                 preselect: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.workers = store, workers
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Sign in — Branchdesk"))
        self.setObjectName("signInDialog")
        intro = QLabel(self.tr("<b>{0}</b><br>Who are you?").format(organisation), self)
        self.form = Form(self)
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for account in accounts:
            where = f", {account.site}" if account.site else ""
            self.person.addItem(f"{account.name} ({account.username}) — {label('role', account.role)}{where}",
                                account.username)
        completer = self.person.completer()  # an editable combo box always has one
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.person.setCurrentIndex(max(0, self.person.findData(preselect)) if preselect else -1)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_row("username", self.tr("Name"), self.person)
        self.form.add_row("password", self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setObjectName("signIn")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.password if preselect else self.person).setFocus()

    def username(self) -> str:
        index = self.person.findText(self.person.currentText())
        if index >= 0:
            return str(self.person.itemData(index))
        return self.person.currentText().strip()

    def try_sign_in(self) -> None:
        self.form.clear_errors()
        self.sign_in.setEnabled(False)
        username, password = self.username(), self.password.text()
        self.workers.submit(lambda: authenticate(self.store, username, password), self._signed_in, self._refused)

    def _signed_in(self, user: UserInfo) -> None:
        self.user = user
        self.sign_in.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.sign_in.setEnabled(True)
        self.form.show_error(field_of(exc) or "password", message_for(exc))
        if field_of(exc) == "password":
            self.password.selectAll()
