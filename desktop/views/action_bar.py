"""A ticket's action buttons in one line that never clips them: the buttons that fit
at their full width are shown in order, and the rest go into a "More" menu at the
end of the line. A narrow pane (a 1000 px window) therefore shows "Start work" and
"More ▾", never "tart wor"."""

from __future__ import annotations

from desktop.qt import QAction, QMenu, QPushButton, QResizeEvent, QSize, QToolButton, QWidget

GAP = 6


class ActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self._shown: list[str] = []
        self._menu_actions: dict[str, QAction] = {}
        self.more = QToolButton(self)
        self.more.setObjectName("action_more")
        self.more.setText(self.tr("More") + " ▾")
        self.more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.more.setToolTip(self.tr("More actions"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.more)
        self.more.setMenu(self.menu)
        self.more.hide()

    def add(self, key: str, button: QPushButton) -> None:
        button.setParent(self)
        button.hide()
        self.buttons[key] = button
        action = QAction(button.text(), self)
        action.triggered.connect(button.click)
        self._menu_actions[key] = action

    def show_only(self, keys: list[str]) -> None:
        """Show these actions (in the order they were added), re-fitting the line."""
        self._shown = [k for k in self.buttons if k in keys]
        self._fit()
        self.updateGeometry()

    def refresh(self) -> None:
        """Re-fit after buttons changed text or were enabled or disabled."""
        self._fit()
        self.updateGeometry()

    def in_menu(self) -> list[str]:
        return [k for k in self._shown if not self.buttons[k].isVisible()]

    def _height(self) -> int:
        heights = [self.buttons[k].sizeHint().height() for k in self._shown]
        return max(heights or [self.more.sizeHint().height()])

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's names)
        widths = [self.buttons[k].sizeHint().width() for k in self._shown]
        return QSize(sum(widths) + GAP * max(0, len(widths) - 1), self._height() if self._shown else 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.more.sizeHint().width(), self._height() if self._shown else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room, height = self.width(), self._height()
        widths = {k: self.buttons[k].sizeHint().width() for k in self._shown}
        total = sum(widths.values()) + GAP * max(0, len(widths) - 1)
        fitted: list[str] = []
        if total <= room:
            fitted = list(self._shown)
        else:
            used, budget = 0, room - self.more.sizeHint().width() - GAP
            for key in self._shown:
                if used + widths[key] > budget:
                    break
                fitted.append(key)
                used += widths[key] + GAP
        x = 0
        for key, button in self.buttons.items():
            if key in fitted:
                button.setGeometry(x, 0, widths[key], height)
                x += widths[key] + GAP
            button.setVisible(key in fitted)
        self.menu.clear()
        rest = [k for k in self._shown if k not in fitted]
        for key in rest:
            action = self._menu_actions[key]
            action.setText(self.buttons[key].text())
            action.setEnabled(self.buttons[key].isEnabled())
            self.menu.addAction(action)
        self.more.setVisible(bool(rest))
        if rest:
            self.more.setGeometry(x, 0, self.more.sizeHint().width(), height)
