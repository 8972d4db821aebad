"""The first run, when there is no store: demo data, or an organisation file and
then signing in. (Connecting to a central server arrives with sync.)"""

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
