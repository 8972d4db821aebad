"""Editors for a category's own fields (core.orgspec.FieldSpec): text, number,
choice, yes/no and date. Every editor gives back the text typed; core.fields
converts and checks it, so the rules live in one place."""

from __future__ import annotations

from core.orgspec import FieldSpec
from desktop.qt import QComboBox, QCoreApplication, QLineEdit, QWidget


class FieldEditor:
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        self.spec = spec
        self.widget: QWidget
        if spec.type in ("choice", "bool"):
            combo = QComboBox(parent)
            combo.addItem("", "")
            if spec.type == "bool":
                combo.addItem(QCoreApplication.translate("FieldEditor", "Yes"), "yes")
                combo.addItem(QCoreApplication.translate("FieldEditor", "No"), "no")
            else:
                for choice in spec.choices:
                    combo.addItem(choice, choice)
            self.widget = combo
        else:
            edit = QLineEdit(parent)
            if spec.type == "date":
                edit.setPlaceholderText(QCoreApplication.translate("FieldEditor", "YYYY-MM-DD"))
            elif spec.type == "number":
                edit.setPlaceholderText(QCoreApplication.translate("FieldEditor", "a number"))
            self.widget = edit
        self.widget.setObjectName(f"field_{spec.key}")

    @property
    def caption(self) -> str:
        return self.spec.label + (" *" if self.spec.required else "")

    def value(self) -> str:
        if isinstance(self.widget, QComboBox):
            return str(self.widget.currentData() or "")
        assert isinstance(self.widget, QLineEdit)
        return self.widget.text().strip()

    def set_value(self, value: object) -> None:
        text = "" if value is None else ("yes" if value is True else "no" if value is False else str(value))
        if isinstance(self.widget, QComboBox):
            index = self.widget.findData(text)
            self.widget.setCurrentIndex(max(0, index))
        else:
            assert isinstance(self.widget, QLineEdit)
            self.widget.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.widget, QLineEdit):
            self.widget.setReadOnly(read_only)
        else:
            self.widget.setEnabled(not read_only)
