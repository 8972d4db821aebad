"""Search hits (core.queries.search) as a table: number, title, status, site."""

from __future__ import annotations

from typing import Any

from desktop.labels import label
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("SearchResultsModel", "Number")),
    ("title", QT_TRANSLATE_NOOP("SearchResultsModel", "Title")),
    ("status", QT_TRANSLATE_NOOP("SearchResultsModel", "Status")),
    ("site", QT_TRANSLATE_NOOP("SearchResultsModel", "Site")),
)
NumberRole = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[dict[str, Any]] = []

    def set_hits(self, hits: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def add_hits(self, hits: list[dict[str, Any]]) -> None:
        """The next page of hits, after those shown."""
        if not hits:
            return
        start = len(self._hits)
        self.beginInsertRows(QModelIndex(), start, start + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    def number_at(self, row: int) -> str | None:
        return self._hits[row]["number"] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("SearchResultsModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == NumberRole:
            return hit["number"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMNS[index.column()][0]
        if key == "status":
            return label("status", hit["status"])
        return hit.get(key) or ""

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
