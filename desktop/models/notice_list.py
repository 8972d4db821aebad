"""The window's notifications (DESIGN §13): what was told to the signed-in person,
newest first, read from the store on a worker (core.notifications) — the recent ones
when the window opens, then what is new after each change set — with the marks of
what they read kept on this device (desktop.settings).

A row is unread when its key is not among the read marks and it arrived after the
device first listed notices, so a new device starts with nothing unread and a
window reopened shows what came while it was closed."""

from __future__ import annotations

from typing import Any

from core.notifications import Mark, Notice, notices_since, recent_notices
from core.uow import ChangeSet
from desktop.notifier import kind_text
from desktop.qt import (
    QAbstractListModel,
    QColor,
    QDateTime,
    QFont,
    QLocale,
    QModelIndex,
    QObject,
    QPainter,
    QPersistentModelIndex,
    QPixmap,
    Qt,
    QTimer,
    Signal,
)
from desktop.settings import Settings
from desktop.workspace import Workspace

NoticeRole = Qt.ItemDataRole.UserRole + 1
UnreadRole = Qt.ItemDataRole.UserRole + 2
LIMIT = 100  # rows kept in the list
DAYS = 14  # how far back the list looks when the window opens
REFRESH_MS = 300  # change sets coming in a burst are read once


def _dot(colour: str) -> QPixmap:
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    if colour:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 8, 8)
        painter.end()
    return pixmap


def when_text(notice: Notice) -> str:
    if notice.at is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(notice.at.timestamp())).toLocalTime()
    today = stamp.date() == QDateTime.currentDateTime().date()
    return QLocale().toString(stamp, "HH:mm" if today else "d MMM HH:mm")


class NoticeListModel(QAbstractListModel):
    # how many rows are unread, after every change of it
    sig_unread = Signal(int)
    # the list was read (the first time, or afresh after changes)
    sig_loaded = Signal()

    def __init__(self, workspace: Workspace, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.settings = settings
        self.username = workspace.user.username
        self._rows: list[Notice] = []
        self._read: list[str] = settings.notices_read(self.username)
        self._read_set = set(self._read)
        self._from: tuple[int, int] | None = settings.notices_from(self.username)
        self._mark: Mark | None = None
        self._reading = False
        self._again = False
        self._dots = (_dot("#2f6db5"), _dot(""))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        workspace.bus.sig_changed.connect(self._changed)

    # -- reading ------------------------------------------------------------
    def load(self) -> None:
        """Read the recent notices (on a worker): the window calls this once, on opening."""
        self._reading = True

        def done(result: tuple[Mark, list[Notice]]) -> None:
            self._reading = False
            self._mark, notices = result
            if self._from is None:  # the first list on this device: what came before is not news
                self._from = (self._mark.history, self._mark.comments)
                self.settings.set_notices_from(self.username, *self._from)
            self.beginResetModel()
            self._rows = notices
            self.endResetModel()
            self._announce()
            if self._again:
                self.refresh()

        self.ws.read(lambda s, ref, user: recent_notices(s, ref, user, limit=LIMIT, days=DAYS), done,
                     self._failed, owner=self)

    def refresh(self) -> None:
        """Read what is new since the last read; a read asked for meanwhile runs after it."""
        if self._reading or self._mark is None:
            self._again = True
            return
        self._reading, self._again = True, False
        mark = self._mark

        def done(result: tuple[Mark, list[Notice], Any]) -> None:
            self._reading = False
            self._mark, notices, _changed = result
            self.add(notices)
            if self._again:
                self.refresh()

        self.ws.read(lambda s, ref, user: notices_since(s, ref, user, mark, limit=LIMIT), done, self._failed,
                     owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.ws.workers.on_unhandled(exc)

    def _changed(self, _changes: ChangeSet) -> None:
        self._timer.start()

    def add(self, notices: list[Notice]) -> None:
        """Put newly told notices at the top (newest first), once each."""
        known = {n.key for n in self._rows}
        fresh = [n for n in reversed(notices) if n.key not in known]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[:0] = fresh
        self.endInsertRows()
        if len(self._rows) > LIMIT:
            self.beginRemoveRows(QModelIndex(), LIMIT, len(self._rows) - 1)
            del self._rows[LIMIT:]
            self.endRemoveRows()
        self._announce()

    # -- read marks -----------------------------------------------------------
    def is_unread(self, notice: Notice) -> bool:
        if notice.key in self._read_set:
            return False
        if self._from is None:
            return True
        first = self._from[1] if notice.key.startswith("comment:") else self._from[0]
        return notice.seq > first

    def unread_count(self) -> int:
        return sum(1 for n in self._rows if self.is_unread(n))

    def mark_read(self, rows: list[int] | None = None) -> None:
        """Mark these rows (every row when None) read on this device."""
        chosen = range(len(self._rows)) if rows is None else [r for r in rows if 0 <= r < len(self._rows)]
        keys = [self._rows[r].key for r in chosen if self.is_unread(self._rows[r])]
        if not keys:
            return
        self._read = [k for k in self._read if k not in keys] + keys
        self._read_set = set(self._read)
        self.settings.set_notices_read(self.username, self._read)
        self.settings.sync()
        for row in chosen:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        self._announce()

    def _announce(self) -> None:
        self.sig_unread.emit(self.unread_count())
        self.sig_loaded.emit()

    # -- the model --------------------------------------------------------------
    def notice(self, row: int) -> Notice | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def notices(self) -> list[Notice]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        notice = self.notice(index.row()) if index.isValid() else None
        if notice is None:
            return None
        unread = self.is_unread(notice)
        if role == Qt.ItemDataRole.DisplayRole:
            head = f"{kind_text(notice.kind)} · {notice.number}  {notice.title}"
            said = " ".join(notice.text.split())
            said = said if len(said) <= 120 else said[:119] + "…"
            tail = " · ".join(part for part in (notice.by or "Branchdesk", when_text(notice), said) if part)
            return f"{head}\n{tail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return notice.text or notice.title
        if role == Qt.ItemDataRole.FontRole and unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            return self._dots[0] if unread else self._dots[1]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.data(index)
            return self.tr("Unread: {0}").format(text) if unread else text
        if role == NoticeRole:
            return notice
        if role == UnreadRole:
            return unread
        return None
