"""The queue list on the left, with live counts recounted on a worker after each
change set (merged: a burst of changes recounts once). A name too long for the
list's width is shortened in the middle, so its count stays in view ("Wszystkie
zgł…  (2 001)"), and shown whole as its tooltip; the list never scrolls sideways."""

from __future__ import annotations

from core.queue_counts import queue_counts
from core.ticket_query import TicketFilter
from desktop.models.queue_list import QueueEntry, QueueListModel, standard_queues
from desktop.qt import (
    QAbstractItemView,
    QListView,
    QMenu,
    QPoint,
    QResizeEvent,
    QSize,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from desktop.workspace import Workspace


class QueueList(QListView):
    # the person chose a queue or saved filter: its key and filter
    sig_chosen = Signal(str, object)
    # the person asked to forget a saved filter (its name)
    sig_forget = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setObjectName("queueList")
        self.model_ = QueueListModel(standard_queues(workspace.user.role), self)
        self.setModel(self.model_)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.model_.dataChanged.connect(lambda *_args: self._fit_rows())
        self.model_.modelReset.connect(self._fit_rows)
        self.selectionModel().currentChanged.connect(lambda current, _prev: self._chosen(current.row()))
        self.setContextMenuPolicy(self.contextMenuPolicy().CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(250)
        self._recount.timeout.connect(self.recount)
        self._counting = False
        workspace.bus.sig_changed.connect(self._changed)

    # -- every row as wide as the list: the view then shortens a name instead of scrolling --
    def _fit_rows(self) -> None:
        if self.model_.rowCount() == 0:
            return
        size = QSize(max(1, self.viewport().width()), self.sizeHintForRow(0))
        if size != self.gridSize():
            self.setGridSize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_rows()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the longest name with its count, if the window has room."""
        hint = super().sizeHint()
        widest = max((self.sizeHintForIndex(self.model_.index(row, 0)).width()
                      for row in range(self.model_.rowCount())), default=0)
        return QSize(max(hint.width(), widest + 2 * self.frameWidth() + 8), hint.height())

    def _changed(self, _changes: object) -> None:
        self._recount.start()

    def set_saved(self, saved: list[tuple[str, TicketFilter]]) -> None:
        key = self.current_key()
        self.model_.set_saved(saved)
        self.choose(key or "all", emit=False)
        self.recount()

    def current_key(self) -> str | None:
        entry = self.model_.entry(self.currentIndex().row())
        return entry.key if entry else None

    def current_entry(self) -> QueueEntry | None:
        return self.model_.entry(self.currentIndex().row())

    def choose(self, key: str, emit: bool = True) -> None:
        row = self.model_.row_of(key)
        if row < 0:
            row = self.model_.row_of("all")
        self.blockSignals(not emit)
        self.setCurrentIndex(self.model_.index(row, 0))
        self.blockSignals(False)

    def _chosen(self, row: int) -> None:
        entry = self.model_.entry(row)
        if entry is not None:
            self.sig_chosen.emit(entry.key, entry.filter)

    def recount(self) -> None:
        if self._counting:
            self._recount.start()
            return
        self._counting = True
        filters = [(e.key, e.filter) for e in self.model_.entries()]
        home = self.ws.home_site_id

        def done(counts: dict[str, int]) -> None:
            self._counting = False
            self.model_.set_counts(counts)

        def failed(exc: BaseException) -> None:
            self._counting = False
            self.ws.workers.on_unhandled(exc)

        self.ws.read(lambda s, ref, user: queue_counts(s, ref, user, filters, home), done, failed, owner=self)

    def _menu(self, point: QPoint) -> None:
        entry = self.model_.entry(self.indexAt(point).row())
        if entry is None or not entry.saved:
            return
        menu = QMenu(self)
        forget = menu.addAction(self.tr("Forget this filter"))
        forget.triggered.connect(lambda: self.sig_forget.emit(entry.title))
        menu.popup(self.viewport().mapToGlobal(point))
