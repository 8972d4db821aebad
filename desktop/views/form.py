"""A form whose rows can each show an error right under their field, as the
service layer names the field it refuses (core.errors.InvalidInput.field)."""

from __future__ import annotations

from typing import cast

from desktop.qt import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class Form(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = error_label(self)
        self.layout_.addRow(self.general_error)
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        self._aliases: dict[str, str] = {}

    def add_row(self, key: str, text: str, widget: QWidget, *, aliases: tuple[str, ...] = (),
                at: int | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(box)
        column.addWidget(error)
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        if at is None:
            self.layout_.addRow(caption, box)
        else:
            self.layout_.insertRow(at, caption, box)
        self._errors[key], self._widgets[key], self._rows[key] = error, widget, (caption, box)
        for alias in aliases:
            self._aliases[alias] = key
        return widget

    def row_index(self, key: str) -> int:
        """The layout row of field `key` (for inserting rows after it)."""
        position = self.layout_.getWidgetPosition(self._rows[key][1])
        # PySide6's stub says `object`; Qt gives back the pair (row, role)
        row, _role = cast("tuple[int, QFormLayout.ItemRole]", position)
        return row

    def remove_row(self, key: str) -> None:
        caption, box = self._rows.pop(key)
        self.layout_.removeRow(box)
        del caption
        self._errors.pop(key, None)
        self._widgets.pop(key, None)

    def set_row_visible(self, key: str, visible: bool) -> None:
        caption, box = self._rows[key]
        caption.setVisible(visible)
        box.setVisible(visible)

    def has(self, key: str) -> bool:
        return key in self._rows

    def show_error(self, key: str | None, message: str) -> None:
        """Show `message` under the field `key` (or above the form) and focus that field."""
        key = self._aliases.get(key or "", key)
        target = self._errors.get(key or "")
        if target is None:
            self.general_error.setText(message)
            self.general_error.setVisible(True)
        else:
            target.setText(message)
            target.setVisible(True)
            self._widgets[key or ""].setFocus()
        self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog to show a problem whole. Qt sizes a window by its layout's
        minimum, which does not count a wrapped line of text, so a refusal under a row
        (or above the form) would be cut off and squeeze the rows."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None or not isinstance(window, QDialog):
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > window.height():
            window.resize(window.width(), needed)

    def error_text(self, key: str | None = None) -> str:
        label = self.general_error if key is None else self._errors.get(self._aliases.get(key, key))
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in [self.general_error, *self._errors.values()]:
            label.clear()
            label.setVisible(False)
