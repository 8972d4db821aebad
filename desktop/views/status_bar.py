"""The window's status bar: the store's mode (standalone, or online/offline once
sync arrives), changes waiting to be sent, the last sync and conflicts to look at.
A small widget with setters, so a sync controller can drive it later."""

from __future__ import annotations

from desktop.qt import QLabel, QStatusBar, QWidget, Signal


class StatusBar(QStatusBar):
    # the person clicked the conflicts count
    sig_conflicts_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.set_pending(0)
        self.set_last_sync(None)
        self.set_conflicts(0)

    def set_mode(self, mode: str, online: bool | None = None) -> None:
        """standalone, or connected with online True/False."""
        if mode == "standalone":
            text = self.tr("Standalone")
            tip = self.tr("This computer keeps its own store and does not sync with a server.")
        elif online:
            text, tip = self.tr("● Online"), self.tr("Connected to the central server.")
        else:
            text, tip = self.tr("○ Offline"), self.tr("The server cannot be reached; work is kept and sent later.")
        self.mode_label.setText(text)
        self.mode_label.setToolTip(tip)

    def set_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("%n change(s) waiting", "", count))
        self.pending_label.setToolTip(self.tr("Changes made here that no server has confirmed yet."))

    def set_last_sync(self, when: str | None) -> None:
        self.sync_label.setVisible(when is not None)
        if when is not None:
            self.sync_label.setText(self.tr("Last sync {0}").format(when))

    def set_conflicts(self, count: int) -> None:
        self.conflicts_label.setVisible(count > 0)
        self.conflicts_label.setText(f'<a href="#conflicts">{self.tr("%n conflict(s)", "", count)}</a>')
