"""The queues on the left: the organisation's queues (core.ticket_query.QUEUES, so a
queue core adds, such as "major", appears by itself) and the person's saved
filters, each with a live count."""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.ticket_query import QUEUES, TicketFilter
from desktop.labels import label
from desktop.qt import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

FilterRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2
CountRole = Qt.ItemDataRole.UserRole + 3
SAVED_PREFIX = "saved:"


@dataclass(frozen=True)
class QueueEntry:
    key: str  # a queue name, or "saved:<name>"
    title: str
    filter: TicketFilter
    count: int | None = None

    @property
    def saved(self) -> bool:
        return self.key.startswith(SAVED_PREFIX)


def standard_queues(role: str) -> list[QueueEntry]:
    """The queues that make sense for a role: branch staff see their own requests and
    their site, with no own, team or SLA queue; support staff no "My requests"."""
    if role == "requester":
        skip = {"mine", "team", "triage", "breached", "due_soon"}
    else:
        skip = {"requests"} | ({"triage"} if role == "technician" else set())
    return [QueueEntry(q, label("queue", q), TicketFilter(queue=q)) for q in QUEUES if q not in skip]


def first_queue(role: str) -> str:
    """The queue a person starts in."""
    return "requests" if role == "requester" else "mine"


class QueueListModel(QAbstractListModel):
    def __init__(self, entries: list[QueueEntry], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)

    def entries(self) -> list[QueueEntry]:
        return list(self._entries)

    def entry(self, row: int) -> QueueEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.key == key), -1)

    def set_saved(self, saved: list[tuple[str, TicketFilter]]) -> None:
        """Replace the saved filters (kept after the standard queues, in their order)."""
        standard = [e for e in self._entries if not e.saved]
        old = {e.key: e.count for e in self._entries}
        new = [QueueEntry(SAVED_PREFIX + name, name, flt, old.get(SAVED_PREFIX + name)) for name, flt in saved]
        self.beginResetModel()
        self._entries = standard + new
        self.endResetModel()

    def set_counts(self, counts: dict[str, int]) -> None:
        for row, entry in enumerate(self._entries):
            if entry.key in counts and counts[entry.key] != entry.count:
                self._entries[row] = replace(entry, count=counts[entry.key])
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title if entry.count is None else f"{entry.title}  ({entry.count:,})".replace(",", "\u2009")
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.saved:
                return QCoreApplication.translate("QueueListModel", "Saved filter: {0}").format(entry.title)
            return entry.title
        if role == FilterRole:
            return entry.filter
        if role == KeyRole:
            return entry.key
        if role == CountRole:
            return entry.count
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
