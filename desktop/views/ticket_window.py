"""A ticket in its own window (double-click in the table), remembering its size."""

from __future__ import annotations

from desktop.qt import QCloseEvent, QMainWindow, QWidget
from desktop.settings import Settings
from desktop.views.ticket_view import TicketView
from desktop.workspace import Workspace


class TicketWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: Settings, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.view = TicketView(workspace, self)
        self.setCentralWidget(self.view)
        self.view.sig_loaded.connect(lambda n: self.setWindowTitle(
            self.tr("{0} — Branchdesk").format(f"{n}  {self.view.ticket.title if self.view.ticket else ''}")))
        self.view.sig_open_ticket.connect(self.view.show_ticket)
        geometry = settings.layout("ticket_window")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(760, 720)
        self.view.show_ticket(number)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_layout("ticket_window", self.saveGeometry())
        super().closeEvent(event)
