"""The organisation's categories as a tree ("Hardware" > "POS terminal"), for the
new-ticket form, with a proxy that filters it by words typed (keeping parents of
matches, so a match is always shown in its place). A category matches by its path,
its description and the labels and choices of its own fields, so "receipt printer"
or "terminal ID" finds the category whose form asks for them; where the organisation file translates
them into the window's language, the tree shows the translation and both are found."""

from __future__ import annotations

from core.reference import Reference
from desktop.org_names import org_names
from desktop.qt import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardItem,
    QStandardItemModel,
    Qt,
)

PathRole = Qt.ItemDataRole.UserRole + 1
# the words a category is found by: path, description, its fields' labels and choices
SearchRole = Qt.ItemDataRole.UserRole + 2


class CategoryTreeModel(QStandardItemModel):
    def __init__(self, ref: Reference, parent: QObject | None = None) -> None:
        super().__init__(parent)
        nodes: dict[str, QStandardItem] = {}
        descriptions = {c.path: c.description for c in ref.spec.categories}
        names = org_names(ref)
        root = self.invisibleRootItem()
        for path in sorted(ref.category_paths, key=str.casefold):
            parts = path.split("/")
            for depth in range(1, len(parts) + 1):
                prefix = "/".join(parts[:depth])
                if prefix in nodes:
                    continue
                item = QStandardItem(names.category_part(prefix))
                item.setEditable(False)
                real = prefix in ref.category_paths
                item.setData(prefix if real else None, PathRole)
                info = ref.category_paths.get(prefix)
                shown = names.category(prefix)
                description = descriptions.get(prefix, "")
                own_description = names.description(prefix, description)
                item.setToolTip(f"{shown}\n{own_description}" if own_description else shown)
                fields = info.fields if info is not None else ()
                words = [prefix, shown, description, own_description,
                         *(f.label for f in fields), *(names.field(prefix, f.key, f.label) for f in fields),
                         *(choice for f in fields for choice in f.choices)]
                item.setData(" ".join(dict.fromkeys(w for w in words if w)), SearchRole)
                if not real:
                    item.setSelectable(False)
                (nodes["/".join(parts[:depth - 1])] if depth > 1 else root).appendRow(item)
                nodes[prefix] = item
        self._nodes = nodes

    def index_of(self, path: str) -> QModelIndex | None:
        item = self._nodes.get(path)
        return item.index() if item is not None else None


class CategoryFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def searching(self) -> bool:
        return bool(self._words)

    def matches(self, text: str) -> bool:
        folded = text.casefold()
        return all(word in folded for word in self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.matches(index.data(SearchRole) or "")

    def first_match(self) -> QModelIndex | None:
        """The first category, depth first, that matches the words itself (not just by a child)."""
        pending = [self.index(row, 0) for row in range(self.rowCount())]
        while pending:
            index = pending.pop(0)
            path = index.data(PathRole)
            if path and self.matches(index.data(SearchRole) or ""):
                return index
            pending[0:0] = [self.index(row, 0, index) for row in range(self.rowCount(index))]
        return None
