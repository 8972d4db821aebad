"""The ticket table: a QAbstractTableModel over paged SQL (DESIGN §8, STYLE "Big
tables"). It keeps only the ordered row ids of the current filter and sort, asked
for on a worker; rows are read a page at a time by id when the view shows them,
through a small cache. Sorting and filtering happen in SQL, through the one
TicketQuery (core.ticket_query) the command line and the server also ask, so each
column sorts by the value it shows."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from datetime import UTC, datetime

from core.clock import parse_iso
from core.models.tickets import DONE_STATUSES
from core.ticket_query import TicketFilter, TicketQuery, TicketRow, rowid_of, ticket_rows
from core.uow import ChangeSet
from desktop import theme
from desktop.labels import label
from desktop.org_names import org_names
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from desktop.workspace import Workspace

COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("TicketTableModel", "Number")),
    ("title", QT_TRANSLATE_NOOP("TicketTableModel", "Title")),
    ("status", QT_TRANSLATE_NOOP("TicketTableModel", "Status")),
    ("priority", QT_TRANSLATE_NOOP("TicketTableModel", "Priority")),
    ("site", QT_TRANSLATE_NOOP("TicketTableModel", "Site")),
    ("category", QT_TRANSLATE_NOOP("TicketTableModel", "Category")),
    ("assignee", QT_TRANSLATE_NOOP("TicketTableModel", "Assignee")),
    ("sla_due", QT_TRANSLATE_NOOP("TicketTableModel", "SLA due")),
)
KEYS = tuple(key for key, _title in COLUMNS)
PAGE = 120
CACHE_ROWS = 3000
TicketIdRole = Qt.ItemDataRole.UserRole + 1
NumberRole = Qt.ItemDataRole.UserRole + 2
ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                   TicketIdRole, NumberRole})
FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def due_text(due: datetime | None, now: datetime) -> str:
    if due is None:
        return ""
    seconds = int((due - now).total_seconds())
    span = _span(abs(seconds))
    if seconds < 0:
        return QCoreApplication.translate("TicketTableModel", "{0} overdue").format(span)
    return QCoreApplication.translate("TicketTableModel", "in {0}").format(span)


def _span(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


class TicketTableModel(QAbstractTableModel):
    # the ids of a new filter or sort have arrived and the rows are in place
    sig_loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._names = org_names(workspace.ref)
        self._ids: list[int] = []
        self._cache: OrderedDict[int, TicketRow] = OrderedDict()
        self._filter = TicketFilter()
        self._sort, self._descending = "updated", True
        self._generation = 0
        self._loading = False
        self.now = lambda: datetime.now(UTC)
        workspace.bus.sig_changed.connect(self._on_changes)
        # "in 12m" counts down: repaint the SLA column every half minute (the view asks
        # only for the rows it shows)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._sla_tick)
        self._tick.start()

    def _sla_tick(self) -> None:
        if self._ids:
            column = KEYS.index("sla_due")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    # -- what the model shows -----------------------------------------------
    @property
    def filter(self) -> TicketFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    def set_filter(self, flt: TicketFilter) -> None:
        self._filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def set_order(self, key: str, descending: bool) -> None:
        """Sort by `key` at the next reload (a queue's own order)."""
        self._sort, self._descending = key, descending

    @property
    def order(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def reload(self) -> None:
        """Ask a worker for the ids; the newest request wins."""
        self._generation += 1
        generation, flt, sort, desc = self._generation, self._filter, self._sort, self._descending
        self._loading = True
        self._ws.read(
            lambda s, ref, user: TicketQuery(ref, user, flt, sort=sort, descending=desc,
                                             home_site=self._ws.home_site_id).row_ids(s),
            lambda ids: self._ids_arrived(generation, ids),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _ids_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if ids == self._ids:
            self._cache.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._cache.clear()
            self.endResetModel()
        self.sig_loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._ws.workers.on_unhandled(exc)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "ticket" in changes.kinds or changes.tickets:
            # membership and order may both have changed: ask again, keep the old rows meanwhile
            for rowid, row in list(self._cache.items()):
                if row.id in changes.tickets:
                    del self._cache[rowid]
            self.reload()

    # -- rows on demand -----------------------------------------------------
    def row_at(self, row: int) -> TicketRow | None:
        if not 0 <= row < len(self._ids):
            return None
        rowid = self._ids[row]
        found = self._cache.get(rowid)
        if found is None:
            self._fetch_page(row)
            found = self._cache.get(rowid)
        else:
            self._cache.move_to_end(rowid)
        return found

    def _fetch_page(self, row: int) -> None:
        start = max(0, row - PAGE // 4)
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        rows = self._ws.read_now(lambda s, ref, _user: ticket_rows(s, ref, wanted))
        self._cache.update(rows)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def row_of_number(self, number: str) -> int:
        """The row showing ticket `number`, or -1."""
        for rowid, row in self._cache.items():
            if row.number == number:
                try:
                    return self._ids.index(rowid)
                except ValueError:
                    return -1
        found = self._ws.read_now(lambda s, _ref, _user: rowid_of(s, number))
        try:
            return self._ids.index(found) if found is not None else -1
        except ValueError:
            return -1

    def number_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.number if found else None

    def ticket_id_at(self, row: int) -> uuid.UUID | None:
        found = self.row_at(row)
        return found.id if found else None

    # -- QAbstractTableModel ------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("TicketTableModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # called for every role of every visible cell at each paint: the cheap refusals first
        if role not in ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == TicketIdRole:
            return str(row.id)
        if role == NumberRole:
            return row.number
        key = KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(key, row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(key, row)
        # the tooltip: the cell's whole text, which a narrow column shortens with "…"
        if key == "sla_due":
            return self._due_tip(row)
        return self._text(key, row) or None

    def _text(self, key: str, row: TicketRow) -> str:
        if key == "status":
            return label("status", row.status)
        if key == "sla_due":
            if row.status in DONE_STATUSES:
                # a finished ticket is due nowhere; say only whether it missed its target
                return label("sla_state", "breached") if row.sla_state == "breached" else ""
            if row.sla_state == "paused" and row.sla_due is None:
                return label("sla_state", "paused")
            # the instant shown is the one the column sorts by (TicketRow.sla_due)
            return due_text(parse_iso(row.sla_due) if row.sla_due else None, self.now())
        if key == "category" and row.category:
            return self._names.category(row.category)  # in the window's language, where the file says it
        value = row.assignee_name if key == "assignee" else getattr(row, key)
        return "" if value is None else str(value)

    def _due_tip(self, row: TicketRow) -> str | None:
        text = self._text("sla_due", row)
        if row.sla_due is None:
            return text or None
        stamp = QDateTime.fromSecsSinceEpoch(int(parse_iso(row.sla_due).timestamp())).toLocalTime()
        tip = QCoreApplication.translate("TicketTableModel", "{0} (due {1})").format(
            text, QLocale().toString(stamp, "d MMM yyyy HH:mm"))
        if row.sla_state == "breached":
            tip += "\n" + QCoreApplication.translate("TicketTableModel", "The SLA target was missed.")
        return tip

    def _colour(self, key: str, row: TicketRow) -> QColor | None:
        if key not in ("priority", "sla_due", "status"):
            return None
        colours = theme.colours()
        if key == "priority":
            return theme.priority_colour(row.priority, self._ws.ref.spec.priority.levels)
        if key == "sla_due" and row.status in DONE_STATUSES:
            return QColor(colours.sla_breached) if row.sla_state == "breached" else None
        if key == "sla_due" and row.sla_due is None:
            return QColor(colours.sla_paused) if row.sla_state == "paused" else None
        if key == "sla_due" and row.sla_due is not None:
            if row.sla_state == "breached" or parse_iso(row.sla_due) <= self.now():
                return QColor(colours.sla_breached)
            if row.sla_state == "warning":
                return QColor(colours.sla_warning)
            return QColor(colours.sla_ok)
        if key == "status" and row.status in DONE_STATUSES:
            return QColor(colours.muted)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
