"""Working several tickets at once, and the ticket table's right-click menu.

Select rows (Ctrl or Shift and click), right-click, and take, assign, move or
escalate them all. Each ticket is its own command and transaction through the
service layer, so one that is refused (already closed, not allowed to move there)
changes nothing of itself and stops none of the others; when all are done, one
summary says what was done and lists what was refused and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from core.lifecycle import is_support
from core.services import tickets as service
from desktop.errors import message_for
from desktop.qt import (
    QAction,
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QObject,
    QPoint,
    Qt,
    QWidget,
    Signal,
)
from desktop.views.action_dialogs import AssignDialog, EscalateDialog, PendDialog, ResolveDialog
from desktop.views.ticket_table import TicketTable
from desktop.workspace import Workspace

# a command for one ticket: (unit of work, person) -> anything
Command = Callable[[Any, Any], Any]


@dataclass
class BulkResult:
    verb: str  # what was done, for the summary: "assign", "escalate", "move"
    numbers: list[str]
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (number, why)

    @property
    def finished(self) -> bool:
        return len(self.done) + len(self.refused) == len(self.numbers)


class BulkActions(QObject):
    # a ticket to open in its own window
    sig_open = Signal(str)
    # a line for the status bar
    sig_message = Signal(str)
    # a bulk run ended (its BulkResult)
    sig_finished = Signal(object)

    def __init__(self, workspace: Workspace, table: TicketTable, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.table = table
        self.window = parent
        self.summary_box: QMessageBox | None = None
        self.last: BulkResult | None = None
        self.support = is_support(workspace.user.role)
        view = table.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu_at)

    # -- the menu ----------------------------------------------------------------
    def _menu_at(self, pos: QPoint) -> None:
        numbers = self.table.selected_numbers()
        if not numbers:
            return
        self.menu_for(numbers).popup(self.table.view.viewport().mapToGlobal(pos))

    def menu_for(self, numbers: list[str]) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("ticketMenu")
        many = len(numbers) > 1

        def add(key: str, text: str, slot: Callable[[], object]) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(f"menu_{key}")
            action.triggered.connect(lambda _checked=False: slot())
            return action

        if not many:
            add("open", self.tr("Open in its own window"), lambda: self.sig_open.emit(numbers[0]))
        if self.support:
            n = len(numbers)
            add("take", self.tr("Take %n ticket(s)", "", n) if many else self.tr("Take"),
                lambda: self.take(numbers))
            add("assign", self.tr("Assign %n ticket(s)…", "", n) if many else self.tr("Assign…"),
                lambda: self.ask_assign(numbers))
            add("escalate", self.tr("Escalate %n ticket(s)…", "", n) if many else self.tr("Escalate…"),
                lambda: self.ask_escalate(numbers))
            move = menu.addMenu(self.tr("Move %n ticket(s) to", "", n) if many else self.tr("Move to"))
            move.setObjectName("menu_move")
            for key, text, slot in (
                ("start", self.tr("In progress"), lambda: self.move(numbers, "in_progress")),
                ("pend", self.tr("On hold…"), lambda: self.ask_pend(numbers)),
                ("resolve", self.tr("Resolved…"), lambda: self.ask_resolve(numbers)),
                ("close", self.tr("Closed"), lambda: self.move(numbers, "closed")),
            ):
                action = move.addAction(text)
                action.setObjectName(f"menu_{key}")
                action.triggered.connect(lambda _checked=False, s=slot: s())
        menu.addSeparator()
        add("copy", self.tr("Copy number(s)"), lambda: QApplication.clipboard().setText("\n".join(numbers)))
        return menu

    # -- asking, then running ----------------------------------------------------------
    def _ask(self, dialog: QDialog, then: Callable[[], None]) -> QDialog:
        dialog.accepted.connect(then)
        dialog.open()
        return dialog

    def take(self, numbers: list[str]) -> BulkResult:
        me = self.ws.user.username
        return self.run("take", numbers, lambda number: lambda uow, user: service.assign(uow, user, number, to=me))

    def ask_assign(self, numbers: list[str]) -> QDialog:
        dialog = AssignDialog(self.ws.ref, None, None, self.window)

        def run() -> None:
            team, to, note = dialog.values()
            self.run("assign", numbers, lambda number: lambda uow, user: service.assign(
                uow, user, number, team=team, to=to, note=note))
        return self._ask(dialog, run)

    def ask_escalate(self, numbers: list[str]) -> QDialog:
        what = numbers[0] if len(numbers) == 1 else self.tr("%n ticket(s)", "", len(numbers))
        dialog = EscalateDialog(what, None, self.window)

        def run() -> None:
            reason = dialog.values()
            self.run("escalate", numbers,
                     lambda number: lambda uow, user: service.escalate(uow, user, number, note=reason))
        return self._ask(dialog, run)

    def ask_pend(self, numbers: list[str]) -> QDialog:
        dialog = PendDialog(self.ws.ref, self.window)

        def run() -> None:
            reason, supplier, note = dialog.values()
            self.run("move", numbers, lambda number: lambda uow, user: service.move(
                uow, user, number, "pending", reason=reason, supplier=supplier, note=note))
        return self._ask(dialog, run)

    def ask_resolve(self, numbers: list[str]) -> QDialog:
        dialog = ResolveDialog(self.window)

        def run() -> None:
            code, note = dialog.values()
            self.run("move", numbers, lambda number: lambda uow, user: service.move(
                uow, user, number, "resolved", code=code, note=note))
        return self._ask(dialog, run)

    def move(self, numbers: list[str], status: str) -> BulkResult:
        return self.run("move", numbers, lambda number: lambda uow, user: service.move(uow, user, number, status))

    def run(self, verb: str, numbers: list[str], command_for: Callable[[str], Command]) -> BulkResult:
        """One command (one transaction) per ticket, in order; one summary at the end."""
        result = BulkResult(verb, list(numbers))
        for number in numbers:
            self.ws.command(command_for(number), partial(self._done, result, number),
                            partial(self._one, result, number))
        return result

    def _done(self, result: BulkResult, number: str, _row: object) -> None:
        self._one(result, number, None)

    def _one(self, result: BulkResult, number: str, exc: BaseException | None) -> None:
        if exc is None:
            result.done.append(number)
        else:
            result.refused.append((number, message_for(exc)))
        if result.finished:
            self._summarise(result)

    # -- the summary ---------------------------------------------------------------
    def summary(self, result: BulkResult) -> str:
        n, total = len(result.done), len(result.numbers)
        done = {
            "take": self.tr("Took {0} of {1} tickets."),
            "assign": self.tr("Assigned {0} of {1} tickets."),
            "escalate": self.tr("Escalated {0} of {1} tickets."),
            "move": self.tr("Moved {0} of {1} tickets."),
        }[result.verb].format(n, total)
        if not result.refused:
            return done
        lines = [done, self.tr("Not done:")]
        lines += [self.tr("{0}: {1}").format(number, why) for number, why in result.refused]
        return "\n".join(lines)

    def _summarise(self, result: BulkResult) -> None:
        self.last = result
        text = self.summary(result)
        self.sig_message.emit(text.splitlines()[0])
        if result.refused:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Some tickets were not changed"), text,
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("bulkSummary")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.summary_box = box
            box.open()
        self.sig_finished.emit(result)
