"""The small dialogs an action needs before it runs: whom to assign to, why a
ticket waits, how it was resolved, why it is escalated. Each returns plain values; the ticket view runs
the command and shows any refusal by the field it names."""

from __future__ import annotations

from core.lifecycle import RESOLUTION_CODES, is_support
from core.orgspec import PENDING_REASONS
from core.reference import Reference
from desktop.labels import label
from desktop.org_names import org_names
from desktop.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QShortcut,
    QVBoxLayout,
    QWidget,
)
from desktop.views.form import Form


class _ActionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.accept)
        self.setMinimumWidth(420)


class AssignDialog(_ActionDialog):
    def __init__(self, ref: Reference, team: str | None, assignee: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign ticket"))
        self.ref = ref
        self.team = QComboBox(self)
        self.team.setObjectName("assignTeam")
        names = org_names(ref)
        for info in sorted(ref.teams.values(), key=lambda t: (t.tier, t.code)):
            self.team.addItem(self.tr("{0} (tier {1})").format(names.team(info.code, info.name), info.tier),
                              info.code)
        self.team.setCurrentIndex(max(0, self.team.findData(team)))
        self.person = QComboBox(self)
        self.person.setObjectName("assignPerson")
        self.note = QLineEdit(self)
        self.form.add_row("team", self.tr("Team"), self.team)
        self.form.add_row("to", self.tr("Person"), self.person)
        self.form.add_row("note", self.tr("Note"), self.note)
        self.team.currentIndexChanged.connect(lambda _i: self._people(None))
        self._people(assignee)

    def _people(self, chosen: str | None) -> None:
        self.person.clear()
        self.person.addItem(self.tr("Anyone in the team"), "")
        team = self.ref.team_codes.get(self.team.currentData() or "")
        if team is not None:
            for user in sorted(self.ref.team_members(team.id), key=lambda u: u.name):
                if is_support(user.role):
                    self.person.addItem(f"{user.name} ({user.username})", user.username)
        if chosen:
            self.person.setCurrentIndex(max(0, self.person.findData(chosen)))

    def values(self) -> tuple[str | None, str | None, str | None]:
        return (self.team.currentData() or None, self.person.currentData() or None,
                self.note.text().strip() or None)


class PendDialog(_ActionDialog):
    def __init__(self, ref: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Put ticket on hold"))
        self.reason = QComboBox(self)
        self.reason.setObjectName("pendReason")
        for reason in PENDING_REASONS:
            self.reason.addItem(label("pending_reason", reason), reason)
        self.supplier = QComboBox(self)
        self.supplier.setObjectName("pendSupplier")
        self.supplier.addItem("", "")
        names = org_names(ref)
        for info in sorted(ref.suppliers.values(), key=lambda s: s.name):
            self.supplier.addItem(names.supplier(info.code, info.name), info.code)
        self.note = QLineEdit(self)
        self.form.add_row("reason", self.tr("Waiting for"), self.reason)
        self.form.add_row("supplier", self.tr("Supplier"), self.supplier)
        self.form.add_row("note", self.tr("Note"), self.note)
        self.reason.currentIndexChanged.connect(self._supplier_row)
        self._supplier_row()

    def _supplier_row(self) -> None:
        self.form.set_row_visible("supplier", self.reason.currentData() == "supplier")

    def values(self) -> tuple[str, str | None, str | None]:
        reason = self.reason.currentData()
        supplier = self.supplier.currentData() if reason == "supplier" else None
        return reason, supplier or None, self.note.text().strip() or None


class ResolveDialog(_ActionDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve ticket"))
        self.code = QComboBox(self)
        self.code.setObjectName("resolveCode")
        self.code.addItem("", "")
        for code in RESOLUTION_CODES:
            self.code.addItem(label("resolution", code), code)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("resolveNote")
        self.note.setPlaceholderText(self.tr("What was wrong and what fixed it"))
        self.note.setTabChangesFocus(True)
        self.form.add_row("code", self.tr("Resolution"), self.code)
        self.form.add_row("note", self.tr("Note"), self.note)

    def values(self) -> tuple[str, str]:
        return self.code.currentData() or "", self.note.toPlainText().strip()


class _ReasonDialog(_ActionDialog):
    """A question and a reason that must be written: OK stays off until there is one.
    The texts come translated from the dialog that asks (its own translation context)."""

    def __init__(self, name: str, title: str, question: str, placeholder: str, ok: str, missing: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing = missing
        self.setWindowTitle(title)
        self.question = QLabel(self)
        self.question.setObjectName(f"{name}Question")
        self.question.setWordWrap(True)
        self.question.setText(question)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName(f"{name}Reason")
        self.reason.setPlaceholderText(placeholder)
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.form.layout_.insertRow(0, self.question)
        self.form.add_row("note", self.tr("Reason *"), self.reason)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok)
        self.reason.textChanged.connect(self._ready)
        self._ready()

    def _ready(self) -> None:
        self.ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.form.show_error("note", self.missing)
            return
        super().accept()

    def values(self) -> str:
        return self.reason.toPlainText().strip()


class ReopenDialog(_ReasonDialog):
    """Reopening a resolved ticket says what is still wrong, so whoever works on it next
    knows where to start."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__("reopen", self.tr("Reopen ticket"), self.tr("Reopen {0}? Say what is still wrong.").format(what),
                         self.tr("What still does not work, and since when"), self.tr("Reopen"),
                         self.tr("Say what is still wrong."), parent)


class EscalateDialog(_ReasonDialog):
    """Escalating hands a ticket to the next tier's team: say so, and ask why, since
    that team reads the reason first."""

    def __init__(self, what: str, target: str | None, parent: QWidget | None = None) -> None:
        question = (self.tr("Hand {0} to {1}?").format(what, target) if target
                    else self.tr("Hand {0} to the next tier?").format(what))
        super().__init__("escalate", self.tr("Escalate"), question,
                         self.tr("Why it needs the next tier: what you found and tried"), self.tr("Escalate"),
                         self.tr("Say why the ticket needs the next tier."), parent)
