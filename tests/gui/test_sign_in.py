"""Signing in to a standalone store, and signing out."""

from __future__ import annotations

import pytest

from core.accounts import accounts
from desktop.app import DesktopApp
from desktop.cli.context import Context
from desktop.views.sign_in import SignInDialog
from desktop.workers import Workers


@pytest.fixture
def dialog(qtbot, store):
    workers = Workers()
    dialog = SignInDialog(store, accounts(store), workers, "Test Fuel")
    qtbot.addWidget(dialog)
    yield dialog
    workers.wait_idle()


def _sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.person.setCurrentIndex(dialog.person.findData(username))
    dialog.password.setText(password)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=10_000)


def test_the_right_password_signs_in(qtbot, dialog):
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _sign_in(qtbot, dialog, "anna", "pw-anna")
    assert dialog.user is not None and dialog.user.username == "anna"


def test_a_wrong_password_is_shown_by_the_password(qtbot, dialog):
    _sign_in(qtbot, dialog, "anna", "nope")
    assert dialog.form.error_text("password") == "Wrong password"
    assert dialog.user is None and dialog.result() == 0


def test_someone_without_a_password_is_told_why(qtbot, dialog):
    _sign_in(qtbot, dialog, "tom", "")
    assert "no password" in dialog.form.error_text("password")


def test_the_list_holds_the_organisations_people(dialog):
    names = [dialog.person.itemData(i) for i in range(dialog.person.count())]
    assert set(names) == {"anna", "ola", "vip", "tom", "nina", "ada", "max", "root"}


def test_signing_out_asks_again(qtbot, store):
    ctx = Context(store.path.parent, None)
    ctx._store = store
    app = DesktopApp(ctx)
    app.start()
    sign_in = app.dialog
    assert isinstance(sign_in, SignInDialog)  # no default user on this store
    sign_in.person.setCurrentIndex(sign_in.person.findData("ada"))
    sign_in.password.setText("pw-ada")
    with qtbot.waitSignal(app.sig_main_window, timeout=10_000) as opened:
        sign_in.sign_in.click()
    window = opened.args[0]
    window.sign_out()
    again = app.dialog
    assert isinstance(again, SignInDialog) and again is not sign_in
    assert again.username() == "ada"
    with qtbot.waitSignal(app.sig_finished):
        again.reject()
    app.shutdown()
