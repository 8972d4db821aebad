"""The ticket table in the middle, with its filter bar (words, status, priority).
The filter bar stays as it is when the person changes queue; a queue may bring its
own order (the SLA queues: most urgent first). The table keeps the ticket shown
selected across reloads; when that ticket leaves the list (just escalated to
another team, say) it stays shown and no row is selected. An empty list says why.
It tells the window when it first painted rows (the start-up benchmark measures
that moment)."""

from __future__ import annotations

from dataclasses import replace

from core.orgspec import STATUSES
from core.ticket_query import QUEUE_SORT, TicketFilter
from desktop.labels import label
from desktop.models.ticket_table import COLUMNS, KEYS, TicketTableModel
from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QPushButton,
    QResizeEvent,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.flow_layout import BarLayout
from desktop.workspace import Workspace


class TicketTableView(QTableView):
    # rows were painted for the first time
    sig_first_paint = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        # the title column follows the table's width until the person sizes it
        self._title_chosen = False
        self._fitting = False
        self.setObjectName("ticketTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl/Shift+click selects several, for bulk work (desktop.views.bulk); the current row is the one shown
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setSortingEnabled(True)
        self.verticalHeader().setVisible(False)
        # fixed row heights: the view never measures rows, so 100,000 of them scroll smoothly
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(40)

    def default_widths(self) -> dict[str, int]:
        """Column widths that fit what they show in this font: the whole number, most
        of a title, and status and priority still in view in a 1000 px window."""
        chars = self.fontMetrics().averageCharWidth()
        number = self.fontMetrics().horizontalAdvance("PL-WRO-051-ZPFED-00000") + 14
        return {"number": number, "title": chars * 30, "status": chars * 12, "priority": chars * 7,
                "site": chars * 12, "category": chars * 20, "assignee": chars * 18, "sla_due": chars * 13}

    def setModel(self, model: object) -> None:  # noqa: N802 (Qt's name)
        super().setModel(model)  # type: ignore[arg-type]
        header = self.horizontalHeader()
        widths = self.default_widths()
        for i, (key, _title) in enumerate(COLUMNS):
            # never narrower than the column's own name and the sort arrow
            title = str(self.model().headerData(i, Qt.Orientation.Horizontal)) if self.model() else ""
            header.resizeSection(i, max(widths.get(key, 120), header.fontMetrics().horizontalAdvance(title) + 28))
        # when each ticket is due stands beside its priority, in view at 1600 px (a saved
        # column order the person chose replaces this)
        due, priority = KEYS.index("sla_due"), KEYS.index("priority")
        if header.visualIndex(due) > header.visualIndex(priority) + 1:
            header.moveSection(header.visualIndex(due), header.visualIndex(priority) + 1)
        header.sectionResized.connect(self._section_resized)

        self.empty = QLabel(self.viewport())
        self.empty.setObjectName("tableEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.hide()

    def show_empty(self, text: str | None) -> None:
        """Say why the list is empty (rich text, with a link to act on), or nothing."""
        self.empty.setText(text or "")
        self.empty.setVisible(bool(text))
        self._place_empty()

    def _place_empty(self) -> None:
        area = self.viewport().rect()
        self.empty.setGeometry(area.adjusted(24, 24, -24, -24))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_empty()
        self.fit_title()

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if not self._fitting and self.model() is not None and section == KEYS.index("title"):
            self._title_chosen = True

    def fit_title(self) -> None:
        """In a narrow table the title gives up room (down to about 16 characters) so the
        status and the priority stay in view; in a wide one it has about 30."""
        if self._title_chosen or self.model() is None:
            return
        header = self.horizontalHeader()
        title, priority = KEYS.index("title"), KEYS.index("priority")
        last = max(header.visualIndex(priority), header.visualIndex(KEYS.index("status")))
        others = sum(header.sectionSize(header.logicalIndex(v)) for v in range(last + 1)
                     if header.logicalIndex(v) != title and not header.isSectionHidden(header.logicalIndex(v)))
        chars = self.fontMetrics().averageCharWidth()
        width = max(chars * 16, min(chars * 30, self.viewport().width() - others))
        if width != header.sectionSize(title):
            self._fitting = True
            header.resizeSection(title, width)
            self._fitting = False

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._painted and self.model() is not None and self.model().rowCount() > 0:
            self._painted = True
            self.sig_first_paint.emit()


class TicketTable(QWidget):
    # the selected ticket (its number, or None)
    sig_current = Signal(object)
    # a ticket was double-clicked or Enter pressed on it
    sig_open = Signal(str)
    # the person asked to keep the current filter under a name
    sig_save_filter = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.model = TicketTableModel(workspace, self)
        self.view = TicketTableView(self)
        self.view.setModel(self.model)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Filter by words or number"))
        # its hint whole: the bar takes two lines before the hint is cut
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance(self.text.placeholderText()) + 24)
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("filterStatus")
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(label("status", status), status)
        self.priority = QComboBox(self)
        self.priority.setObjectName("filterPriority")
        self.priority.addItem(self.tr("Any priority"), None)
        for level in workspace.ref.spec.priority.levels:
            self.priority.addItem(level, level)
        for combo in (self.status, self.priority):
            # as wide as its longest entry ("Priorytet: każdy"): in a narrow table the bar
            # takes two lines rather than cutting a box's text
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setToolTip(combo.itemText(0))
        self.save = QPushButton(self.tr("Save filter…"), self)
        self.save.clicked.connect(self.sig_save_filter)
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        bar = BarLayout()
        bar.addWidget(self.text)
        bar.addWidget(self.status)
        bar.addWidget(self.priority)
        bar.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

        self._queue_filter = TicketFilter()
        self._queue_title = ""
        self._selected: str | None = None
        self._fresh = False  # the filter changed since the last load (not merely the data)
        self._queue_sorted = False  # the order is the queue's own, not one the person chose
        self.view.empty.linkActivated.connect(lambda _link: self.clear_filter())
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_chosen)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._apply)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply())
        self.priority.currentIndexChanged.connect(lambda _i: self._apply())
        self.model.sig_loaded.connect(self._loaded)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current(cur.row()))
        # activated: a double-click, or Enter on the selected row
        self.view.activated.connect(lambda index: self._open(index.row()))

    # -- filters -------------------------------------------------------------
    def show_queue(self, flt: TicketFilter, saved: bool = False, title: str = "") -> None:
        """Show a queue or saved filter. A saved filter sets the bar; a queue keeps what
        the bar holds, so the words typed still narrow the next queue."""
        self._queue_filter = flt
        self._queue_title = title or label("queue", flt.queue)
        if saved:
            for combo, value in ((self.status, flt.status), (self.priority, flt.priority)):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.blockSignals(False)
            self.text.blockSignals(True)
            self.text.setText(flt.text)
            self.text.blockSignals(False)
        self._queue_order(flt.queue)
        self._apply()

    def _queue_order(self, queue: str) -> None:
        """The queue's own order (breached: longest overdue first), or back to the most
        recently changed first after one; an order the person chose stays."""
        order = QUEUE_SORT.get(queue)
        if order is None and not self._queue_sorted:
            return
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        if order is None:
            self.model.set_order("updated", True)
            header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        else:
            key, descending = order
            self.model.set_order(key, descending)
            header.setSortIndicator(KEYS.index(key) if key in KEYS else -1,
                                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self._queue_sorted = order is not None

    def _sort_chosen(self, _column: int, _order: Qt.SortOrder) -> None:
        self._queue_sorted = False

    def clear_filter(self) -> None:
        """Empty the bar: no words, any status, any priority."""
        for widget in (self.text, self.status, self.priority):
            widget.blockSignals(True)
        self.text.clear()
        self.status.setCurrentIndex(0)
        self.priority.setCurrentIndex(0)
        for widget in (self.text, self.status, self.priority):
            widget.blockSignals(False)
        self._apply()

    def narrowed(self) -> bool:
        """Whether the bar narrows the queue."""
        return bool(self.text.text().strip()) or self.status.currentIndex() > 0 or self.priority.currentIndex() > 0

    def current_filter(self) -> TicketFilter:
        return replace(self._queue_filter, text=self.text.text().strip(), status=self.status.currentData(),
                       priority=self.priority.currentData())

    def _apply(self) -> None:
        self._debounce.stop()
        self._fresh = True
        self.model.set_filter(self.current_filter())

    def _loaded(self) -> None:
        rows = self.model.rowCount()
        self.count.setText(self.tr("%n ticket(s)", "", rows))
        self.view.show_empty(None if rows else self.why_empty())
        fresh, self._fresh = self._fresh, False
        if self._selected is not None:
            row = self.model.row_of_number(self._selected)
            if row >= 0:
                self.select_row(row, emit=False)
                return
            if not fresh:
                # the ticket shown left this list (escalated, resolved, …): it stays shown
                self.view.selectionModel().clearSelection()
                return
        # a new queue or filter, like a mail client: show its first ticket
        if rows:
            self.select_row(0)
        elif self._selected is not None:
            self._selected = None
            self.sig_current.emit(None)

    def why_empty(self) -> str:
        """Why nothing shows, in words, with a way out where there is one."""
        if self.narrowed():
            return self.tr("No ticket in “{0}” matches the filter.<br><a href=\"clear\">Clear the filter</a>"
                           ).format(self._queue_title)
        reasons = {
            "mine": self.tr("Nothing is assigned to you right now."),
            "requests": self.tr("You have no open requests. Press Ctrl+N to log one."),
            "team": self.tr("Your teams have no open tickets."),
            "triage": self.tr("Nothing waits for triage."),
            "breached": self.tr("No open ticket has missed its SLA target."),
            "due_soon": self.tr("No open ticket is due within the next 2 hours."),
            "major": self.tr("There is no open major incident."),
            "site": self.tr("This site has no open tickets."),
        }
        return reasons.get(self._queue_filter.queue, self.tr("No tickets here yet."))

    # -- selection -------------------------------------------------------------
    def select_row(self, row: int, emit: bool = True) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        selection = self.view.selectionModel()
        selection.blockSignals(not emit)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.view.scrollTo(index)

    def select_number(self, number: str) -> bool:
        row = self.model.row_of_number(number)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def follow(self, number: str) -> None:
        """The ticket view shows `number` (chosen elsewhere: search, a link, just logged):
        select its row if the list holds it, else no row; and keep following it."""
        self._selected = number
        row = self.model.row_of_number(number)
        if row >= 0:
            self.select_row(row, emit=False)
        else:
            self.view.selectionModel().clearSelection()

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) ticket."""
        row = self.view.currentIndex().row()
        self.select_row(max(0, min(self.model.rowCount() - 1, (row if row >= 0 else -1) + delta)))

    def selected_number(self) -> str | None:
        return self._selected

    def selected_numbers(self) -> list[str]:
        """The tickets of the selected rows, top to bottom (several for bulk work)."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [number for number in (self.model.number_at(row) for row in rows) if number]

    def _current(self, row: int) -> None:
        number = self.model.number_at(row) if row >= 0 else None
        if number != self._selected:
            self._selected = number
            self.sig_current.emit(number)

    def _open(self, row: int) -> None:
        number = self.model.number_at(row)
        if number:
            self.sig_open.emit(number)
