"""A ticket's fields, editable as the person's role allows: support staff edit
title, type, impact, urgency, category and its own fields, asset and description;
agents and managers may also override the priority, with a reason."""

from __future__ import annotations

from typing import Any

from core.orgspec import TICKET_TYPES
from core.reference import Reference
from core.services.tickets import TicketEdit
from core.ticket_detail import TicketDetail
from desktop.labels import label
from desktop.org_names import org_names
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.field_editors import FieldEditor
from desktop.views.form import Form

COMPUTED = ""


def _combo(parent: QWidget, items: list[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class TicketFields(QScrollArea):
    # the person asked to save: the edit holds only what they changed
    sig_save = Signal(object)

    def __init__(self, ref: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.names = org_names(ref)
        self.setWidgetResizable(True)
        body = QWidget(self)
        self.form = Form(body)
        levels = ref.spec.priority
        self.title = QLineEdit(body)
        self.title.setObjectName("editTitle")
        self.type = _combo(body, [(label("type", t), t) for t in TICKET_TYPES], "editType")
        self.impact = _combo(body, [(label("impact", i), i) for i in levels.impact], "editImpact")
        self.urgency = _combo(body, [(label("impact", u), u) for u in levels.urgency], "editUrgency")
        categories = sorted(((self.names.category(p), p) for p in ref.category_paths), key=lambda c: c[0].casefold())
        self.category = _combo(body, categories, "editCategory")
        self.priority = _combo(body, [(self.tr("Computed"), COMPUTED)] + [(p, p) for p in levels.levels],
                               "editPriority")
        self.reason = QLineEdit(body)
        self.reason.setPlaceholderText(self.tr("Why the priority differs from the matrix"))
        self.asset = QLineEdit(body)
        self.major = QCheckBox(self.tr("Major incident"), body)
        self.description = QPlainTextEdit(body)
        self.description.setObjectName("editDescription")
        self.description.setTabChangesFocus(True)
        self.info = QLabel(body)
        self.info.setProperty("role", "hint")
        self.info.setWordWrap(True)
        self.form.add_row("title", self.tr("Title"), self.title)
        self.form.add_row("type", self.tr("Type"), self.type)
        self.form.add_row("impact", self.tr("Impact"), self.impact)
        self.form.add_row("urgency", self.tr("Urgency"), self.urgency)
        self.form.add_row("priority", self.tr("Priority"), self.priority)
        self.form.add_row("reason", self.tr("Override reason"), self.reason)
        self.form.add_row("category", self.tr("Category"), self.category)
        self.form.add_row("asset_tag", self.tr("Asset"), self.asset)
        self.form.add_row("major_incident", "", self.major)
        self.form.add_row("description", self.tr("Description"), self.description)
        self.save = QPushButton(self.tr("Save changes"), body)
        self.save.setObjectName("saveFields")
        self.save.clicked.connect(self._save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(body)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.setWidget(body)
        self._editors: dict[str, FieldEditor] = {}
        self._detail: TicketDetail | None = None
        self._editable = self._may_override = False
        self.category.currentIndexChanged.connect(lambda _i: self._category_fields(None))
        self.priority.currentIndexChanged.connect(lambda _i: self._reason_row())

    def _category_fields(self, values: dict[str, Any] | None) -> None:
        for key in list(self._editors):
            self.form.remove_row(f"f:{key}")
        self._editors = {}
        path = self.category.currentData() or ""
        info = self.ref.category_paths.get(path)
        if info is None:
            return
        for spec in info.fields:
            editor = FieldEditor(spec, self.form)
            caption = self.names.field(path, spec.key, spec.label) + (" *" if spec.required else "")
            self.form.add_row(f"f:{spec.key}", caption, editor.widget, aliases=(spec.key,))
            if values is not None:
                editor.set_value(values.get(spec.key))
            editor.set_read_only(not self._editable)
            self._editors[spec.key] = editor

    def _reason_row(self) -> None:
        self.form.set_row_visible("reason", self._may_override and self.priority.currentData() != COMPUTED)

    def show_detail(self, d: TicketDetail, actions: frozenset[str]) -> None:
        self._detail = d
        self._editable = "edit" in actions
        self._may_override = "override_priority" in actions
        self.form.clear_errors()
        for combo, value in ((self.type, d.type), (self.impact, d.impact), (self.urgency, d.urgency),
                             (self.category, d.category),
                             (self.priority, d.priority if d.priority_reason else COMPUTED)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.title.setText(d.title)
        self.reason.setText(d.priority_reason or "")
        self.asset.setText(d.asset_tag or "")
        self.major.setChecked(d.major_incident)
        self.description.setPlainText(d.description or "")
        for line in (self.title, self.asset, self.reason):
            line.setReadOnly(not self._editable)
        self.description.setReadOnly(not self._editable)
        for choice in (self.type, self.impact, self.urgency, self.category, self.major):
            choice.setEnabled(self._editable)
        self.priority.setEnabled(self._may_override)
        self.save.setVisible(self._editable)
        self._category_fields(d.fields or {})
        self._reason_row()
        lines = [self.tr("Channel: {0}").format(label("channel", d.channel))]
        if d.resolution_code:
            lines.append(self.tr("Resolved as {0}: {1}").format(label("resolution", d.resolution_code),
                                                                  d.resolution_note or ""))
        if d.parent:
            lines.append(self.tr("Task of {0}").format(d.parent))
        if d.tasks:
            lines.append(self.tr("Tasks: {0}").format(", ".join(d.tasks)))
        self.info.setText("\n".join(lines))

    def edit(self) -> TicketEdit:
        """What the person changed, and only that."""
        d = self._detail
        cmd = TicketEdit()
        if d is None:
            return cmd
        if self.title.text().strip() != d.title:
            cmd.title = self.title.text()
        if self.description.toPlainText().strip() != (d.description or ""):
            cmd.description = self.description.toPlainText()
        for attr, combo in (("type", self.type), ("impact", self.impact), ("urgency", self.urgency),
                            ("category", self.category)):
            if combo.currentData() != getattr(d, attr):
                setattr(cmd, attr, combo.currentData())
        if self.asset.text().strip() != (d.asset_tag or ""):
            cmd.asset_tag = self.asset.text().strip()
        if self.major.isChecked() != d.major_incident:
            cmd.major_incident = self.major.isChecked()
        fields = {key: editor.value() for key, editor in self._editors.items()}
        old = {k: "" if v is None else ("yes" if v is True else "no" if v is False else str(v))
               for k, v in (d.fields or {}).items()}
        if cmd.category is not None or any(fields[k] != old.get(k, "") for k in fields):
            cmd.fields = {k: v for k, v in fields.items() if v}
        priority = self.priority.currentData()
        if self._may_override and priority != COMPUTED and (
                priority != d.priority or self.reason.text().strip() != (d.priority_reason or "")):
            cmd.priority, cmd.priority_reason = priority, self.reason.text()
        return cmd

    def _save(self) -> None:
        self.form.clear_errors()
        self.sig_save.emit(self.edit())

    def show_error(self, field: str | None, message: str) -> None:
        self.form.show_error(field, message)
