"""Help → About: which Branchdesk this is, the schema revision of the store it has
open, and the central server it syncs with (or that it works on its own), so a
person on the phone to the desk can read out what the desk needs to know."""

from __future__ import annotations

from core.migrate import current_revision
from core.store import Store
from core.version import branchdesk_version
from desktop.qt import QMessageBox, QObject, QWidget


class _Texts(QObject):
    pass


def about_text(store: Store) -> str:
    t = _Texts()
    server = store.meta("server_url") if store.meta("mode") == "server" else None
    rows = [
        t.tr("Version: {0}").format(branchdesk_version()),
        t.tr("Store schema revision: {0}").format(current_revision(store.read_engine) or "—"),
        t.tr("Syncs with: {0}").format(server) if server else t.tr("Syncs with: no server; this computer works on its own"),
        t.tr("Data folder: {0}").format(store.path.parent),
    ]
    return "<b>Branchdesk</b><br>" + "<br>".join(rows)


def show_about(parent: QWidget, store: Store) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("About Branchdesk"), about_text(store),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    box.open()
    return box
