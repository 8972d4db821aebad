"""The notifications list of the main window (DESIGN §13): a bell in the toolbar with
a badge counting the unread, opening a popup list of what the person was told,
newest first, unread ones in bold with a dot. Click or Enter opens a row's ticket
and marks it read; "Mark all read" marks them all. The rows and the read marks
live in desktop.models.notice_list. Above them, the person's resolved tickets she
has not rated yet ("Rate your resolved ticket …", core.services.ratings.
awaiting_rating), each opening its ticket, where the rating bar waits; they are read
again after every change to a ticket or a rating, so the badge drops once she rates
and counts a ticket she resolved herself ("this solved it"), which tells her nothing."""

from __future__ import annotations

from typing import Any

from core.services.ratings import awaiting_rating
from core.ticket_detail import get_ticket
from core.uow import ChangeSet
from desktop.icons import bell_icon
from desktop.models.notice_list import REFRESH_MS, NoticeListModel
from desktop.qt import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPalette,
    QPoint,
    QPushButton,
    QSize,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class BellButton(QToolButton):
    """The bell: its badge and tooltip say how many notices are unread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationsBell")
        self.setIconSize(QSize(22, 22))
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.shortcut_text = ""
        self.unread = 0
        self.to_rate = 0
        self.set_unread(0)

    def set_unread(self, count: int) -> None:
        self.unread = count
        self._show()

    def set_to_rate(self, count: int) -> None:
        """Her resolved tickets waiting for a rating count on the badge too: otherwise
        nothing would say there is something to look at under the bell."""
        self.to_rate = count
        self._show()

    def _show(self) -> None:
        self.setIcon(bell_icon(self.palette().color(QPalette.ColorRole.ButtonText), self.unread + self.to_rate))
        parts = [self.tr("%n unread notification(s)", "", self.unread) if self.unread
                 else self.tr("No unread notifications")]
        if self.to_rate:
            parts.append(self.tr("%n resolved ticket(s) waiting for your rating", "", self.to_rate))
        text = "; ".join(parts)
        self.setAccessibleName(self.tr("Notifications"))
        self.setAccessibleDescription(text)
        self.setToolTip(f"{text} ({self.shortcut_text})" if self.shortcut_text else text)


class NotificationsPopup(QFrame):
    """The list, in a popup under the bell (Esc or a click outside closes it)."""

    # the person chose a notice: its ticket's number
    sig_open_ticket = Signal(str)
    # how many of her resolved tickets wait for her rating (read with the notices)
    sig_to_rate = Signal(int)

    def __init__(self, model: NoticeListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notificationsPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        title = QLabel(self.tr("Notifications"), self)
        title.setObjectName("notificationsTitle")
        self.mark_all = QPushButton(self.tr("Mark all read"), self)
        self.mark_all.setObjectName("markAllRead")
        self.mark_all.clicked.connect(lambda: model.mark_read())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.mark_all)
        self.view = QListView(self)
        self.view.setObjectName("notificationsList")
        self.view.setModel(model)
        self.view.setAccessibleName(self.tr("Notifications"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.clicked.connect(self.choose)
        self.view.activated.connect(self.choose)
        # resolved tickets of hers waiting for a rating
        self.to_rate_title = QLabel(self.tr("Waiting for your rating"), self)
        self.to_rate_title.setObjectName("toRateTitle")
        self.to_rate = QListWidget(self)
        self.to_rate.setObjectName("toRateList")
        self.to_rate.setAccessibleName(self.tr("Resolved tickets waiting for your rating"))
        self.to_rate.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.to_rate.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.to_rate.setMaximumHeight(96)
        self.to_rate.itemActivated.connect(self.choose_to_rate)
        self.to_rate.itemClicked.connect(self.choose_to_rate)
        self.rating_numbers: list[str] = []
        self._rate_generation = 0
        self.empty = QLabel(self.tr("Nothing to tell you yet: assignments, replies and other news on your "
                                    "tickets show here."), self)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.to_rate_title)
        layout.addWidget(self.to_rate)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.resize(560, 440)
        model.sig_unread.connect(self._counted)
        model.modelReset.connect(self._shown_rows)
        model.rowsInserted.connect(self._shown_rows)
        # after each read of the notices (the window opening, a change set) the tickets to rate are read too
        model.sig_loaded.connect(self.load_to_rate)
        # and after a change to a ticket or a rating that told her nothing (her own rating, a ticket she
        # resolved herself): change sets coming in a burst are read once
        self._rate_timer = QTimer(self)
        self._rate_timer.setSingleShot(True)
        self._rate_timer.setInterval(REFRESH_MS)
        self._rate_timer.timeout.connect(self.load_to_rate)
        model.ws.bus.sig_changed.connect(self._changed)
        self._shown_rows()
        self._counted(model.unread_count())

    def _counted(self, unread: int) -> None:
        self.mark_all.setEnabled(unread > 0)

    def _shown_rows(self) -> None:
        rows = self.model.rowCount()
        self.view.setVisible(rows > 0)
        self.to_rate_title.setVisible(bool(self.rating_numbers))
        self.to_rate.setVisible(bool(self.rating_numbers))
        self.empty.setVisible(rows == 0 and not self.rating_numbers)

    # -- tickets waiting for a rating --------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        if changes.tickets or "rating" in changes.kinds:
            self._rate_timer.start()

    def load_to_rate(self) -> None:
        """Read, on a worker, her resolved tickets not rated yet (the newest ten)."""
        self._rate_generation += 1
        generation = self._rate_generation

        def read(session: Any, _ref: Any, user: Any) -> list[tuple[str, str]]:
            return [(n, get_ticket(session, user, n).title) for n in awaiting_rating(session, user, limit=10)]

        self.model.ws.read(read, lambda found: self._to_rate(generation, found), lambda _exc: None, owner=self)

    def _to_rate(self, generation: int, found: list[tuple[str, str]]) -> None:
        if generation != self._rate_generation:
            return
        self.rating_numbers = [number for number, _title in found]
        self.to_rate.clear()
        for number, title in found:
            text = self.tr("Rate your resolved ticket {0}: {1}").format(number, title)
            item = QListWidgetItem(text, self.to_rate)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(text)
        self._shown_rows()
        self.sig_to_rate.emit(len(found))

    def choose_to_rate(self, item: QListWidgetItem) -> None:
        """Open the ticket to rate; the rating bar is on it."""
        if not self.isVisible():
            return
        self.hide()
        self.sig_open_ticket.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose(self, index: QModelIndex) -> None:
        """Open the notice's ticket and mark it read (once, however the click was signalled)."""
        notice = self.model.notice(index.row()) if index.isValid() else None
        if notice is None or not self.isVisible():
            return
        self.model.mark_read([index.row()])
        self.hide()
        self.sig_open_ticket.emit(notice.number)

    def popup_under(self, anchor: QWidget) -> None:
        """Show under `anchor` (the bell), its right edges aligned, kept on the screen;
        the first row is selected so arrows and Enter work at once."""
        below = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        screen = anchor.screen().availableGeometry()
        x = max(screen.left(), min(below.x() - self.width(), screen.right() - self.width()))
        y = min(below.y(), screen.bottom() - self.height())
        self.move(x, y)
        self.load_to_rate()
        self.show()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.setFocus()
        elif self.to_rate.count():
            self.to_rate.setCurrentRow(0)
            self.to_rate.setFocus()
        else:
            self.mark_all.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            self.choose(self.view.currentIndex())
            return
        super().keyPressEvent(event)
