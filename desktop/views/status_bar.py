"""The window's status bar: the store's mode (standalone, or online/offline for a
store signed in to a server), changes waiting to be sent (only on a store signed in
to a server: a standalone store sends nothing and keeps no change log), the last
sync and the conflicts and refused changes to look at (a link that opens them). A
small widget with setters; the main window drives it from the store's status and
sync's state."""

from __future__ import annotations

import html

from core.clock import parse_iso
from desktop.qt import QDateTime, QLabel, QLocale, QStatusBar, Qt, QTimer, QWidget, Signal


class StatusBar(QStatusBar):
    # the person clicked the conflicts count
    sig_conflicts_clicked = Signal()
    # the person clicked the ticket a message names (its number)
    sig_open_ticket = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a message about one ticket ("Ticket … logged"), its number a link that shows it
        self.ticket_message = QLabel(self)
        self.ticket_message.setObjectName("statusTicketMessage")
        self.ticket_message.setTextFormat(Qt.TextFormat.RichText)
        self.ticket_message.linkActivated.connect(self._ticket_clicked)
        self.addWidget(self.ticket_message, 1)
        self.ticket_message.hide()
        self._ticket_timer = QTimer(self)
        self._ticket_timer.setSingleShot(True)
        self._ticket_timer.timeout.connect(self.clear_ticket_message)
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("statusMode")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("statusPending")
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("statusSync")
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("statusConflicts")
        self.conflicts_label.linkActivated.connect(lambda _link: self.sig_conflicts_clicked.emit())
        for widget in (self.mode_label, self.pending_label, self.sync_label, self.conflicts_label):
            self.addPermanentWidget(widget)
        self.set_mode("standalone")
        self.set_pending(None)
        self.set_last_sync(None)
        self.set_conflicts(0)

    def set_mode(self, mode: str, online: bool | None = None, *, busy: bool = False, stopped: bool = False,
                 problem: str | None = None) -> None:
        """standalone; or signed in to a server: online True/False, None while not known yet.
        `busy` says a sync round is running; `stopped` that sync waits for the person to act;
        `problem` why sync fails or stopped."""
        if mode == "standalone":
            text = self.tr("Standalone")
            tip = self.tr("This computer keeps its own store and does not sync with a server.")
        elif stopped:
            text, tip = self.tr("⚠ Sync stopped"), self.tr("Work is kept here and sent once sync can go on.")
        elif busy:
            text, tip = self.tr("⟳ Syncing…"), self.tr("Exchanging changes with the central server.")
        elif online:
            text, tip = self.tr("● Online"), self.tr("Connected to the central server.")
        elif online is None:
            text, tip = self.tr("◌ Connecting…"), self.tr("Reaching the central server.")
        else:
            text, tip = self.tr("○ Offline"), self.tr("The server cannot be reached; work is kept and sent later.")
        if problem and not busy:
            tip = f"{tip}\n{problem}"
        self.mode_label.setText(text)
        self.mode_label.setToolTip(tip)

    def set_pending(self, count: int | None) -> None:
        """How many changes wait to be sent; None (a standalone store) says nothing of them."""
        self.pending_label.setVisible(count is not None)
        if count is None:
            self.pending_label.clear()
            return
        self.pending_label.setText(self.tr("%n change(s) waiting", "", count))
        self.pending_label.setToolTip(self.tr("Changes made here that no server has confirmed yet."))

    def set_last_sync(self, when: str | None) -> None:
        """`when` is an ISO 8601 instant; shown in local time, with the date unless it is today."""
        self.sync_label.setVisible(when is not None)
        if when is None:
            return
        stamp = QDateTime.fromSecsSinceEpoch(int(parse_iso(when).timestamp())).toLocalTime()
        today = stamp.date() == QDateTime.currentDateTime().date()
        text = QLocale().toString(stamp, "HH:mm" if today else "d MMM HH:mm")
        self.sync_label.setText(self.tr("Last sync {0}").format(text))
        self.sync_label.setToolTip(QLocale().toString(stamp, QLocale.FormatType.LongFormat))

    def set_conflicts(self, count: int) -> None:
        self.conflicts_label.setVisible(count > 0)
        text = self.tr("%n conflict(s) to look at", "", count)
        self.conflicts_label.setText(f'<a href="#conflicts">{text}</a>')
        self.conflicts_label.setToolTip(self.tr("Changes that sync overrode or the server refused: click to see them."))

    def show_ticket_message(self, text: str, number: str, timeout: int = 10_000) -> None:
        """`text` names the ticket as {0}: shown with the number a link that shows the ticket
        again (after the person moved on, or when it left the queue), for `timeout` ms."""
        self.clearMessage()
        link = f'<a href="ticket:{html.escape(number)}">{html.escape(number)}</a>'
        self.ticket_message.setText(html.escape(text).replace("{0}", link))
        self.ticket_message.setToolTip(self.tr("Click the number to show the ticket."))
        self.ticket_message.show()
        self._ticket_timer.start(timeout)

    def clear_ticket_message(self) -> None:
        self._ticket_timer.stop()
        self.ticket_message.clear()
        self.ticket_message.hide()

    def _ticket_clicked(self, link: str) -> None:
        if link.startswith("ticket:"):
            self.sig_open_ticket.emit(link.removeprefix("ticket:"))
