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


def test_a_technician_without_a_password_is_told_who_can_give_one(qtbot, dialog):
    for typed in ("tom", "Tomasz Field"):  # not offered, but typed by username or by name
        dialog.person.setEditText(typed)
        dialog.password.setText("")
        dialog.sign_in.click()
        assert dialog.form.error_text("username") == (
            "Tomasz Field has no password yet. An administrator gives one in the organisation's file: "
            "ask Rita Admin.")
        assert dialog.sign_in.isEnabled() and dialog.user is None


def test_the_list_offers_only_people_who_can_sign_in(dialog):
    # the others have no password in the organisation file (an integration account never would)
    names = [dialog.person.itemData(i) for i in range(dialog.person.count())]
    assert set(names) == {"anna", "ola", "ada"}
    assert dialog.demo_hint.isHidden()


def test_the_demo_sign_in_says_its_password_and_it_is_right(qtbot, tmp_path):
    from core.accounts import authenticate
    from desktop.setup_tasks import DEMO_PASSWORD, make_demo_store

    path = tmp_path / "demo" / "branchdesk.sqlite3"
    make_demo_store(path, tickets=0)
    ctx = Context(path.parent, None)
    app = DesktopApp(ctx)
    try:
        app.ask_sign_in()
        sign_in = app.dialog
        assert isinstance(sign_in, SignInDialog)
        assert sign_in.demo_hint.isVisible() and f"“{DEMO_PASSWORD}”" in sign_in.demo_hint.text()
        offered = [sign_in.person.itemData(i) for i in range(sign_in.person.count())]
        assert offered and "monitoring" not in offered  # the integration account works through the API only
        for username in offered[:3]:
            assert authenticate(ctx.store, username, DEMO_PASSWORD).username == username
        sign_in.reject()
    finally:
        app.shutdown()
        ctx.close()


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
