"""A layout that lines its widgets up left to right and starts a new line when the
next one does not fit (Qt's flow layout example), so a header's chips wrap in a
narrow pane instead of being clipped. It reports the height it needs for a width,
so whatever sits below moves down rather than being overlapped."""

from __future__ import annotations

from desktop.qt import QLayout, QLayoutItem, QRect, QSize, Qt, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's names)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._gap * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())  # one too wide for a line of its own is squeezed
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(x, y, width, hint.height()))
            x += width + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class BarLayout(FlowLayout):
    """A filter bar: a field that takes the room its line leaves, then boxes and
    buttons at their own widths. When the whole bar does not fit one line the field
    gets a line of its own and the rest flow below it, so no box is ever narrower
    than its text."""

    def sizeHint(self) -> QSize:  # noqa: N802
        visible = [i for i in self._items if not i.isEmpty()]
        if not visible:
            return QSize(0, 0)
        width = visible[0].minimumSize().width() + sum(i.sizeHint().width() for i in visible[1:]) \
            + self._gap * (len(visible) - 1)
        return QSize(width, max(i.sizeHint().height() for i in visible))

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        visible = [i for i in self._items if not i.isEmpty()]
        if not visible:
            return 0
        field, rest = visible[0], visible[1:]
        widths = [min(i.sizeHint().width(), area.width()) for i in rest]
        one_line = field.minimumSize().width() + sum(widths) + self._gap * len(rest) <= area.width()
        y = area.y()
        if one_line:
            line = max(i.sizeHint().height() for i in visible)
            field_width = area.width() - sum(widths) - self._gap * len(rest)
            if move:
                field.setGeometry(QRect(area.x(), y, field_width, field.sizeHint().height()))
            x = area.x() + field_width + self._gap
            for item, width in zip(rest, widths, strict=True):
                if move:
                    item.setGeometry(QRect(x, y, width, item.sizeHint().height()))
                x += width + self._gap
            return y + line - rect.y() + margins.bottom()
        # the field alone on the first line, the rest flowing below it
        if move:
            field.setGeometry(QRect(area.x(), y, area.width(), field.sizeHint().height()))
        y += field.sizeHint().height() + self._gap
        x, line = area.x(), 0
        for item, width in zip(rest, widths, strict=True):
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(x, y, width, item.sizeHint().height()))
            x += width + self._gap
            line = max(line, item.sizeHint().height())
        return y + line - rect.y() + margins.bottom()
