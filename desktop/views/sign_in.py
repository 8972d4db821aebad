"""Signing in to a standalone store: the person picks who they are among the
organisation's people and gives their password (checked by core.accounts).

Only people who can sign in here are offered: those with a password, in a role that
works in the window (an integration account only talks to the server). Someone who
types the name of a person without a password is told who can give them one (the
organisation's administrators, who keep its file); a demo store says its password."""

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

# roles that work through the server's API only, never in the window
API_ONLY_ROLES = frozenset({"integration"})


def can_sign_in(account: Account) -> bool:
    return account.has_password and account.role not in API_ONLY_ROLES


class SignInDialog(QDialog):
    def __init__(self, store: Store, accounts: list[Account], workers: Workers, organisation: str,
                 preselect: str | None = None, parent: QWidget | None = None, *,
                 demo_password: str | None = None) -> None:
        super().__init__(parent)
        self.store, self.workers = store, workers
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Sign in — Branchdesk"))
        self.setObjectName("signInDialog")
        intro = QLabel(self.tr("<b>{0}</b><br>Who are you?").format(organisation), self)
        self.demo_hint = QLabel(self)
        self.demo_hint.setObjectName("demoPassword")
        self.demo_hint.setProperty("role", "hint")
        self.demo_hint.setWordWrap(True)
        if demo_password:
            self.demo_hint.setText(self.tr("This is demo data: everyone's password is “{0}”.").format(demo_password))
        self.demo_hint.setVisible(bool(demo_password))
        self.cannot_sign_in = {a.username: a for a in accounts if not can_sign_in(a)}
        self.administrators = [a.name for a in accounts if a.role == "admin"]
        accounts = [a for a in accounts if can_sign_in(a)]
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
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.password if preselect else self.person).setFocus()

    def username(self) -> str:
        index = self.person.findText(self.person.currentText())
        if index >= 0:
            return str(self.person.itemData(index))
        typed = self.person.currentText().strip()
        for account in self.cannot_sign_in.values():  # typed by name rather than username
            if typed.casefold() == account.name.casefold():
                return account.username
        return typed

    def no_password_text(self, account: Account) -> str:
        if self.administrators:
            return self.tr("{0} has no password yet. An administrator gives one in the organisation's file: "
                           "ask {1}.").format(account.name, self.tr(" or ").join(self.administrators))
        return self.tr("{0} has no password yet. Whoever keeps your organisation's file gives one: ask them."
                       ).format(account.name)

    def try_sign_in(self) -> None:
        self.form.clear_errors()
        username, password = self.username(), self.password.text()
        unable = self.cannot_sign_in.get(username)
        if unable is not None:
            self.form.show_error("username", self.no_password_text(unable) if not unable.has_password
                                 else self.tr("{0} cannot sign in to the window.").format(unable.name))
            return
        self.sign_in.setEnabled(False)
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
