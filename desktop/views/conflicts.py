"""What sync overrode or refused, for the person to look at (DESIGN §6 Merge, §11:
no change is silently lost). Two lists: conflicts (two people changed one field at
once; which value was kept, which lost and whose they were) and this computer's
changes the server refused (what, and why). Each has an Acknowledge button; a
ticket number opens the ticket. The panel lives in a dock of the main window."""

from __future__ import annotations

import html
import uuid
from typing import Any

from core.clock import iso
from core.services.conflicts import acknowledge
from core.store_status import ConflictItem, RejectedItem, to_review
from core.uow import ChangeSet
from desktop.errors import message_for
from desktop.labels import label
from desktop.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QShowEvent,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
)
from desktop.views.form import error_label
from desktop.views.timeline import QUIET_FIELDS, field_name, value_text, when
from desktop.workspace import Workspace


class ConflictsPanel(QWidget):
    # the person asked to see a ticket (its number)
    sig_open_ticket = Signal(str)
    # something was acknowledged: counts elsewhere change
    sig_acknowledged = Signal()
    # the lists were read afresh and shown
    sig_loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.ws = workspace
        self.conflicts: list[ConflictItem] = []
        self.rejected: list[RejectedItem] = []
        self._generation = 0
        self._stale = True
        hint = QLabel(self.tr("When two people change the same thing before their computers sync, one change "
                              "is kept and the other is shown here; so are changes the server refused. "
                              "Acknowledge each once you have seen it."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.conflicts_title = QLabel(self)
        self.conflicts_table = self._table([
            self.tr("Ticket"), self.tr("Field"), self.tr("Kept"), self.tr("Lost"), self.tr("Outcome"),
            self.tr("When"), ""], stretch=(2, 3))
        self.rejected_title = QLabel(self)
        self.rejected_table = self._table([
            self.tr("Ticket"), self.tr("Change"), self.tr("Reason"), self.tr("When"), ""], stretch=(1, 2))
        self.empty = QLabel(self.tr("Nothing to look at: every change was applied as made."), self)
        self.empty.setProperty("role", "hint")
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts_table, 1)
        layout.addWidget(self.rejected_title)
        layout.addWidget(self.rejected_table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        workspace.bus.sig_changed.connect(self._on_changes)

    def _table(self, headers: list[str], stretch: tuple[int, ...]) -> QTableWidget:
        """A read-only table whose `stretch` columns share the width left by the others."""
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        return table

    # -- reading -----------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.ws.read(lambda session, ref, _user: to_review(session, ref),
                     lambda result: self._loaded(generation, result), self._failed, owner=self)

    def _on_changes(self, _changes: ChangeSet) -> None:
        # a hidden panel reads again only when it is shown
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _loaded(self, generation: int, result: tuple[list[ConflictItem], list[RejectedItem]]) -> None:
        if generation != self._generation:
            return
        self.conflicts, self.rejected = result
        self.error.setVisible(False)
        self._fill_conflicts()
        self._fill_rejected()
        self.empty.setVisible(not self.conflicts and not self.rejected)
        self.sig_loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))
        self.error.setVisible(True)

    # -- showing -----------------------------------------------------------------
    def _fill_conflicts(self) -> None:
        table, items = self.conflicts_table, self.conflicts
        title = self.tr("Conflicts (%n)", "", len(items))
        self.conflicts_title.setText(f"<b>{title}</b>")
        for widget in (self.conflicts_title, table):
            widget.setVisible(bool(items))
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            outcome = (self.tr("Refused: the ticket had moved on") if item.outcome == "rejected"
                       else self.tr("Replaced by the later change"))
            self._ticket_cell(table, row, item.ticket)
            self._text(table, row, 1, field_name(item.field))
            self._text(table, row, 2, self._by(item.field, item.kept, item.kept_by))
            self._text(table, row, 3, self._by(item.field, item.lost, item.lost_by))
            self._text(table, row, 4, outcome)
            self._text(table, row, 5, when(iso(item.at)))
            self._ack_button(table, row, 6, item.id)
        table.resizeRowsToContents()

    def _fill_rejected(self) -> None:
        table, items = self.rejected_table, self.rejected
        title = self.tr("Changes the server refused (%n)", "", len(items))
        self.rejected_title.setText(f"<b>{title}</b>")
        for widget in (self.rejected_title, table):
            widget.setVisible(bool(items))
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            self._ticket_cell(table, row, item.ticket)
            self._text(table, row, 1, self.change_text(item))
            self._text(table, row, 2, item.reason or "—")
            self._text(table, row, 3, when(iso(item.at)))
            self._ack_button(table, row, 4, item.id)
        table.resizeRowsToContents()

    def change_text(self, item: RejectedItem) -> str:
        """What the refused change did, in a line."""
        ref = self.ws.ref
        values: dict[str, Any] = item.values
        if item.kind == "ticket" and item.op == "create":
            return self.tr("New ticket: {0}").format(values.get("title", ""))
        if item.kind == "ticket":
            changes = ", ".join(f"{field_name(k)} → {value_text(k, v, ref)}" for k, v in values.items()
                                if k not in QUIET_FIELDS and k not in ("versions", "updated_at"))
            return changes or self.tr("A change of the ticket")
        if item.kind == "comment":
            words = str(values.get("body", ""))[:80]
            return (self.tr("Reply: {0}") if values.get("public", True) else self.tr("Internal note: {0}")).format(words)
        if item.kind == "worklog":
            return self.tr("Work log: {0} min").format(values.get("minutes", "?"))
        if item.kind == "link":
            return self.tr("Link: {0}").format(label("link", str(values.get("kind", ""))))
        if item.kind == "conflict":
            return self.tr("Acknowledgement of a conflict")
        return item.kind

    def _by(self, field: str, value: Any, username: str | None) -> str:
        ref = self.ws.ref
        text = value_text(field, value, ref)
        person = ref.usernames.get(username or "")
        return f"{text} ({person.name})" if person else text

    def _text(self, table: QTableWidget, row: int, column: int, text: str) -> None:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        table.setItem(row, column, cell)

    def _ticket_cell(self, table: QTableWidget, row: int, number: str | None) -> None:
        if number is None:
            self._text(table, row, 0, "—")
            return
        link = QLabel(f'<a href="{html.escape(number)}">{html.escape(number)}</a>', table)
        link.setContentsMargins(6, 0, 6, 0)
        link.setToolTip(self.tr("Open the ticket"))
        link.linkActivated.connect(self.sig_open_ticket)
        table.setCellWidget(row, 0, link)

    def _ack_button(self, table: QTableWidget, row: int, column: int, item_id: uuid.UUID) -> None:
        button = QPushButton(self.tr("Acknowledge"), table)
        button.setObjectName(f"ack_{item_id.hex}")
        button.clicked.connect(lambda _checked=False, i=item_id: self.acknowledge(i))
        table.setCellWidget(row, column, button)

    # -- acknowledging -------------------------------------------------------------
    def acknowledge(self, item_id: uuid.UUID) -> None:
        """Acknowledge one conflict or refused change (a command on the write worker)."""
        button = self.findChild(QPushButton, f"ack_{item_id.hex}")
        if button is not None:
            button.setEnabled(False)
        prefix = item_id.hex

        def done(_what: str | None) -> None:
            # a refused change's acknowledgement concerns this store only: no change set announces it
            self.reload()
            self.sig_acknowledged.emit()

        def failed(exc: BaseException) -> None:
            if button is not None and is_alive(button):
                button.setEnabled(True)
            self._failed(exc)

        self.ws.command(lambda uow, user: acknowledge(uow, user, prefix), done, failed, owner=self)
