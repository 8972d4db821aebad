"""The first run, when there is no store: demo data, an organisation file and then
signing in, or connecting to a central server (and signing out and in again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.store import Store
from desktop.app import DesktopApp
from desktop.cli.context import Context
from desktop.views.first_run import FirstRunDialog
from desktop.views.main_window import MainWindow
from desktop.views.sign_in import SignInDialog
from desktop.workers import Workers

SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"


@pytest.fixture
def desk(qtbot, tmp_path):
    apps: list[DesktopApp] = []

    def make(username: str | None = None) -> DesktopApp:
        app = DesktopApp(Context(tmp_path / "data", username), demo_tickets=3)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.window is not None:
            app.window.close()
        app.shutdown()
        app.ctx.close()


def test_demo_data_signs_in_as_the_demo_agent(qtbot, desk):
    app = desk()
    app.start()
    first = app.dialog
    assert isinstance(first, FirstRunDialog) and first.demo.isChecked()
    with qtbot.waitSignal(app.sig_main_window, timeout=60_000) as opened:
        first.go.click()
    window = opened.args[0]
    assert isinstance(window, MainWindow)
    assert window.ws.user.role == "agent"
    assert app.ctx.store_path.exists()
    qtbot.waitUntil(lambda: window.table.model.rowCount() > 0 or not window.table.model.loading, timeout=10_000)


def test_an_organisation_file_makes_a_standalone_store_then_asks_who_you_are(qtbot, desk):
    app = desk()
    app.start()
    first = app.dialog
    assert isinstance(first, FirstRunDialog)
    first.set_org_file(str(SMALL_ORG))
    qtbot.waitUntil(lambda: first.site.count() == 2, timeout=10_000)
    first.site.setCurrentIndex(first.site.findData("PL-WAW-002"))
    with qtbot.waitSignal(first.accepted, timeout=30_000):
        first.go.click()
    sign_in = app.dialog
    assert isinstance(sign_in, SignInDialog)
    store = Store.open(app.ctx.store_path)
    try:
        assert store.meta("home_site") == "PL-WAW-002" and store.meta("mode") == "standalone"
    finally:
        store.close()
    sign_in.person.setCurrentIndex(sign_in.person.findData("ola"))
    sign_in.password.setText("pw-ola")
    with qtbot.waitSignal(app.sig_main_window, timeout=10_000) as opened:
        sign_in.sign_in.click()
    assert opened.args[0].ws.user.username == "ola"


def test_a_wrong_organisation_file_is_refused_with_its_problems(qtbot, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[organisation]\nname = "X"\n[[sites]]\ncode = "A"\n', encoding="utf-8")
    workers = Workers()
    first = FirstRunDialog(tmp_path / "data" / "branchdesk.sqlite3", workers)
    qtbot.addWidget(first)
    first.set_org_file(str(bad))
    qtbot.waitUntil(lambda: bool(first.org_form.error_text("org")), timeout=10_000)
    assert "refused" in first.org_form.error_text("org")
    first.go.click()
    assert "Choose the site" in first.org_form.error_text("site")
    assert not (tmp_path / "data" / "branchdesk.sqlite3").exists()
    workers.wait_idle()


def test_cancelling_the_first_run_ends_the_app(qtbot, desk):
    app = desk()
    app.start()
    with qtbot.waitSignal(app.sig_finished):
        app.dialog.reject()
    assert not app.ctx.store_path.exists()


def _fill(first: FirstRunDialog, server: str, username: str, password: str, site: str = "") -> None:
    first.server.setChecked(True)
    form = first.server_form
    form.server.setText(server)
    form.username.setText(username)
    form.password.setText(password)
    form.site.setText(site)


def test_a_central_server_signs_in_syncs_and_signs_out(qtbot, desk, central, memory_keyring):
    from desktop.views.server_sign_in import ServerSignInDialog

    app = desk()
    app.start()
    first = app.dialog
    assert isinstance(first, FirstRunDialog)
    first.server.setChecked(True)
    first.go.click()  # nothing given: each field says what it needs
    assert "server's address" in first.server_form.error_text("server")
    assert "password" in first.server_form.error_text("password")
    _fill(first, central.url, "anna", "pw-anna")
    with qtbot.waitSignal(app.sig_main_window, timeout=30_000) as opened:
        first.go.click()
    window = opened.args[0]
    assert window.ws.user.username == "anna" and window.ws.home_site_code == "PL-POZ-001"
    assert app.ctx.store.meta("mode") == "server" and app.ctx.store.meta("server_url") == central.url
    assert window.sync is not None
    qtbot.waitUntil(lambda: window.sync.state.online is True, timeout=10_000)
    assert window.act_sync.text() == "Sync now"
    assert len(memory_keyring.secrets) == 1  # the token is in the keyring, and nowhere else

    with qtbot.waitSignal(window.sig_closed, timeout=10_000):
        window.sign_out()
    qtbot.waitUntil(lambda: isinstance(app.dialog, ServerSignInDialog), timeout=10_000)
    again = app.dialog
    assert memory_keyring.secrets == {}  # signing out forgot the token
    assert again.form.server.isReadOnly() and again.form.username.text() == "anna"
    again.form.password.setText("wrong")
    again.sign_in.click()
    qtbot.waitUntil(lambda: bool(again.form.error_text("password")), timeout=10_000)
    assert "wrong username or password" in again.form.error_text("password")
    again.form.password.setText("pw-anna")
    with qtbot.waitSignal(app.sig_main_window, timeout=30_000) as reopened:
        again.sign_in.click()
    assert reopened.args[0].ws.user.username == "anna"


@pytest.mark.parametrize("problem", ["password", "server", "keyring"])
def test_a_failed_server_sign_in_says_why_next_to_the_field(qtbot, tmp_path, central, monkeypatch, problem):
    import functools

    import keyring
    from keyring.backends import fail

    import sync.account
    from sync.client import http_session

    path = tmp_path / "data" / "branchdesk.sqlite3"
    workers = Workers()
    first = FirstRunDialog(path, workers)
    qtbot.addWidget(first)
    url, password = central.url, "pw-anna"
    if problem == "password":
        password = "not-her-password"
    elif problem == "server":
        monkeypatch.setattr(sync.account, "http_session", functools.partial(http_session, retries=0))
        url = f"http://127.0.0.1:{closed_port()}"
    else:
        keyring.set_keyring(fail.Keyring())
    _fill(first, url, "anna", password)
    first.go.click()
    form = first.server_form
    qtbot.waitUntil(lambda: first.go.isEnabled(), timeout=30_000)
    if problem == "password":
        assert "wrong username or password" in form.error_text("password")
    elif problem == "server":
        assert "Cannot reach the server" in form.error_text("server")
    else:
        assert "no password store" in form.error_text()
    assert not path.exists()  # nothing half made is left behind
    workers.wait_idle()


def closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("language", ["en", "pl"])
def test_every_hint_shows_whole(qtbot, qapp, tmp_path, language):
    """The boxes' hints ("optional: your home site if empty, …") are not cut off, in Polish too."""
    from desktop.i18n import install_translations
    from desktop.qt import QLineEdit

    install_translations(qapp, language)
    try:
        dialog = FirstRunDialog(tmp_path / "store.sqlite3", Workers())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.server.setChecked(True)
        boxes = [b for b in dialog.findChildren(QLineEdit) if b.placeholderText() and b.isVisible()]
        assert len(boxes) >= 3
        if language == "pl":
            assert boxes[0].placeholderText() != "optional: the file your administrator gave you"
        for box in boxes:
            qtbot.waitUntil(lambda box=box: box.width() > 0)
            text = box.fontMetrics().horizontalAdvance(box.placeholderText())
            assert text + 8 <= box.contentsRect().width(), box.placeholderText()
    finally:
        install_translations(qapp, "en")
