"""Help → About: which Branchdesk this is, the schema revision of the store it has
open, and the central server it syncs with (or that it works on its own), so a
person on the phone to the desk can read out what the desk needs to know."""

from __future__ import annotations

from core.migrate import current_revision
from core.store import Store
from core.version import branchdesk_version
from desktop.qt import QCoreApplication, QMessageBox, QWidget


def about_text(store: Store) -> str:
    server = store.meta("server_url") if store.meta("mode") == "server" else None
    rows = [
        QCoreApplication.translate("About", "Version: {0}").format(branchdesk_version()),
        QCoreApplication.translate("About", "Store schema revision: {0}").format(current_revision(store.read_engine) or "—"),
        (QCoreApplication.translate("About", "Syncs with: {0}").format(server) if server
         else QCoreApplication.translate("About", "Syncs with: no server; this computer works on its own")),
        QCoreApplication.translate("About", "Data folder: {0}").format(store.path.parent),
    ]
    return "<b>Branchdesk</b><br>" + "<br>".join(rows)


def show_about(parent: QWidget, store: Store) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("About", "About Branchdesk"), about_text(store),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    box.open()
    return box
