"""The window for a requester and a technician whose device holds no e-mail address
(server/README.md, "Reference data by role"): someone else's ticket shows with its
people's names, and a new ticket is logged, in the main window and a ticket window."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from core.models import User
from core.reference import reference_for
from core.services import tickets as service
from core.store import Store
from core.uow import unit_of_work
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.workspace import Workspace
from sync.account import client_for
from tests.support.contacts import with_contacts

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})
PASSWORDS = {"vip": "pw-vip-1", "ada": "pw-ada", "anna": "pw-anna", "tom": "pw-tom-1"}


@pytest.fixture
def contacts_central(tmp_path, memory_keyring):  # type: ignore[no-untyped-def]
    """A central server whose organisation gives every user an e-mail address."""
    from gui_sync_kit import SMALL_ORG, LocalServer, cheap_hashing

    source = SMALL_ORG.read_text(encoding="utf-8")
    for user, password in PASSWORDS.items():
        line = f'username = "{user}"\n'
        if f'password = "{password}"' not in source:
            source = source.replace(line, f'{line}password = "{password}"\n', 1)
    org = tmp_path / "org.toml"
    org.write_text(with_contacts(source, "pw-hook-1"), encoding="utf-8")
    with cheap_hashing():
        server = LocalServer(tmp_path / "server", org).start()
        yield server
        server.stop()


def _act(store: Store, username: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(store) as uow:
        return fn(uow, uow.ref.user(username), *args, **kwargs)


@pytest.mark.parametrize("username", ["anna", "tom"])
def test_someone_elses_ticket_and_a_new_one_without_addresses(qtbot, contacts_central, tmp_path: Path, username):
    vip = contacts_central.sign_in(tmp_path / "vip", "vip", PASSWORDS["vip"])
    number = _act(vip, "vip", service.create, service.NewTicket(title="Card terminal frozen", **POS)).number
    client_for(vip).sync()
    vip.close()
    ada = contacts_central.sign_in(tmp_path / "ada", "ada", PASSWORDS["ada"], site="PL-POZ-001")
    client_for(ada).sync()
    _act(ada, "ada", service.assign, number, team="FIELD", to="tom")
    _act(ada, "ada", service.comment, number, "Tom is on his way")
    client_for(ada).sync()
    ada.close()

    store = contacts_central.sign_in(tmp_path / username, username, PASSWORDS[username])
    client_for(store).sync()
    with store.read() as session:
        assert session.scalars(select(User.email).where(User.email.is_not(None))).all() == []
        me = reference_for(store, session).user(username)
    workspace = Workspace(store, me, tmp_path / username)
    window = MainWindow(workspace, Settings(tmp_path / username))
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
            window.ticket.show_ticket(number)
        who = window.ticket.header.who.full_text()
        assert "Victor Important" in who and "Tomasz Field" in who
        assert "Tom is on his way" in window.ticket.timeline.toPlainText()

        opened = window.open_window(number)
        qtbot.waitUntil(lambda: "Victor Important" in opened.view.header.who.full_text(), timeout=10_000)
        opened.close()

        dialog = window.new_ticket()
        qtbot.waitExposed(dialog)
        dialog.choose_category("Hardware/POS terminal")
        qtbot.keyClicks(dialog.title, "Receipt printer jams")
        qtbot.keyClicks(dialog._editors["terminal_id"].widget, "T-9")
        if dialog.requester.isVisibleTo(dialog):  # a technician logs for someone of a site
            dialog.requester.setCurrentIndex(dialog.requester.findData("anna"))
        with qtbot.waitSignal(dialog.sig_created, timeout=10_000) as created:
            dialog.send()
        assert created.args[0]
    finally:
        window.close()
        workspace.workers.wait_idle()
        store.close()
