"""A label that never pushes its neighbours: it asks for its whole text's width but
settles for less, shortening the text with "…" and showing all of it as a tooltip.
Used for ticket numbers, titles, chips and the lines under them, so a narrow pane
shortens words instead of clipping or overlapping them."""

from __future__ import annotations

from desktop.qt import QLabel, QResizeEvent, QShowEvent, QSize, Qt, QTimer, QWidget, is_alive


class ElidedLabel(QLabel):
    # the narrowest it lets itself be squeezed, in characters of its font
    MIN_CHARS = 4

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self._mode = mode
        self.setWordWrap(False)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        super().setText(text)
        # whole until the layout has given it its new width; then shortened if need be
        self.setToolTip(self._tip)
        QTimer.singleShot(0, self._elide_if_alive)

    def _elide_if_alive(self) -> None:
        if is_alive(self):
            self._elide()

    def full_text(self) -> str:
        return self._full

    def set_tip(self, tip: str) -> None:
        """A tooltip of its own, shown whether or not the text is shortened."""
        self._tip = tip
        self._elide()

    def elided(self) -> bool:
        return self.text() != self._full

    def _room(self) -> int:
        return max(0, self.contentsRect().width())

    def _elide(self) -> None:
        # shortened only once laid out and shown: before that its width means nothing
        shown = self.fontMetrics().elidedText(self._full, self._mode, self._room()) if self.isVisible() \
            else self._full
        if shown != self.text():
            super().setText(shown)
        tips = [t for t in (self._full if shown != self._full else "", self._tip) if t]
        self.setToolTip("\n".join(tips))

    def sizeHint(self) -> QSize:  # noqa: N802
        # the label's own hint (with any style sheet padding) for the text it shows now,
        # widened by what the shortening took away
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        missing = metrics.horizontalAdvance(self._full) - metrics.horizontalAdvance(self.text())
        return QSize(hint.width() + max(0, missing), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        least = self.fontMetrics().averageCharWidth() * self.MIN_CHARS + margins.left() + margins.right()
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._elide()
