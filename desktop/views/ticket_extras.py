"""The smaller parts of a ticket: the reply box (public reply or internal note),
the work log and the links to other tickets, both ways."""

from __future__ import annotations

from collections.abc import Callable

from core.services.tickets import LINK_KINDS
from core.ticket_detail import RelatedTicket, TicketDetail
from desktop.labels import label, link_label
from desktop.qt import (
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMimeData,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.attachments import local_files
from desktop.views.flow_layout import FlowLayout
from desktop.views.form import error_label
from desktop.views.link_picker import LinkPicker
from desktop.views.timeline import when
from desktop.workspace import Workspace


class ReplyText(QPlainTextEdit):
    """The reply's text: a picture or files pasted into it are handed on, to be attached."""

    sig_paste = Signal(object)  # the QMimeData

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt's name)
        return source.hasImage() or bool(local_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasImage() or local_files(source):
            self.sig_paste.emit(source)
            return
        super().insertFromMimeData(source)


class ReplyBox(QWidget):
    # text, internal
    sig_send = Signal(str, bool)
    # a picture or files were pasted into the text (QMimeData)
    sig_paste = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ReplyText(self)
        self.text.sig_paste.connect(self.sig_paste)
        self.text.setObjectName("replyText")
        self.text.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends it)"))
        self.text.setMaximumHeight(90)
        self.text.setTabChangesFocus(True)
        self.reply = QPushButton(self.tr("Reply"), self)
        self.reply.setObjectName("replyButton")
        self.note = QPushButton(self.tr("Internal note"), self)
        self.note.setObjectName("noteButton")
        self.note.setToolTip(self.tr("Only support staff see internal notes."))
        self.error = error_label(self)
        self.reply.clicked.connect(lambda: self._send(False))
        self.note.clicked.connect(lambda: self._send(True))
        QShortcut(QKeySequence("Ctrl+Return"), self.text, lambda: self._send(False))
        # the organisation's canned replies ([[replies]]), filled from the ticket by the view
        self.canned = QToolButton(self)
        self.canned.setObjectName("cannedReplies")
        # the arrow is part of the text: the style's own indicator is drawn over long words ("odpowiedzi")
        self.canned.setText(self.tr("Saved replies") + " ▾")
        self.canned.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.canned.setToolTip(self.tr("Insert one of the organisation's saved replies, filled in for this ticket"))
        self.canned.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.canned_menu = QMenu(self.canned)
        self.canned.setMenu(self.canned_menu)
        self.canned.hide()
        self.fill: Callable[[str], str] = lambda text: text
        # the buttons wrap onto a second line in a narrow pane rather than being squeezed
        row = QWidget(self)
        buttons = FlowLayout(row)
        for button in (self.canned, self.note, self.reply):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(row)

    def _send(self, internal: bool) -> None:
        if (internal and self.note.isHidden()) or not self.isEnabled():
            return
        self.error.setVisible(False)
        self.sig_send.emit(self.text.toPlainText(), internal)

    def allow(self, reply: bool, note: bool) -> None:
        self.setVisible(reply)
        self.note.setVisible(note)

    def set_replies(self, replies: list[tuple[str, str]]) -> None:
        """The saved replies offered, as (name, text with placeholders); none hides the button."""
        self.canned_menu.clear()
        for name, text in replies:
            action = self.canned_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, t=text: self.insert_reply(t))
        self.canned.setVisible(bool(replies))

    def insert_reply(self, text: str) -> None:
        """Put a saved reply, filled in for the ticket, where the cursor is, to be read and edited before sending."""
        self.text.insertPlainText(self.fill(text))
        self.text.setFocus()

    def sent(self) -> None:
        self.text.clear()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)


class WorkLogPanel(QWidget):
    # minutes, note
    sig_log = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = QListWidget(self)
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("workMinutes")
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What you did"))
        self.button = QPushButton(self.tr("Log work"), self)
        self.button.setObjectName("logWorkButton")
        self.total = error_label(self)
        self.total.setProperty("role", "hint")
        self.error = error_label(self)
        self.button.clicked.connect(lambda: self.sig_log.emit(self.minutes.value(), self.note.text()))
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(self.note, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.total)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def show_detail(self, d: TicketDetail, may_log: bool, names: dict[str, str]) -> None:
        self.entries.clear()
        for w in d.work_log:
            author = names.get(w.author or "", w.author)
            text = self.tr("{0}  {1}: {2} min").format(when(w.at), author, w.minutes)
            self.entries.addItem(text + (f" — {w.note}" if w.note else ""))
        minutes = sum(w.minutes for w in d.work_log)
        self.total.setText(self.tr("Total: {0} h {1:02d} min").format(minutes // 60, minutes % 60))
        self.total.setVisible(bool(d.work_log))
        for widget in (self.minutes, self.note, self.button):
            widget.setVisible(may_log)

    def logged(self) -> None:
        self.note.clear()
        self.error.setVisible(False)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)


# what a Links entry is to this ticket: outgoing | incoming (a link), parent | task
DirectionRole = Qt.ItemDataRole.UserRole + 1


class LinksPanel(QWidget):
    # other ticket number, kind
    sig_link = Signal(str, str)
    sig_open = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = QListWidget(self)
        self.entries.setWordWrap(True)  # a long title wraps in a narrow pane instead of running off
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.itemActivated.connect(
            lambda item: self.sig_open.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.other = LinkPicker(workspace, self)
        self.other.setObjectName("linkOther")
        self._waiting = False  # Link was pressed before the matches came
        self.kind = QComboBox(self)
        for kind in LINK_KINDS:
            self.kind.addItem(label("link", kind), kind)
        self.button = QPushButton(self.tr("Link"), self)
        self.button.setObjectName("linkButton")
        self.error = error_label(self)
        self.button.clicked.connect(self.link)
        self.other.returnPressed.connect(self.link)
        self.other.sig_matches.connect(self._matched)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.other, 1)
        row.addWidget(self.button)
        # nothing linked yet: a line that says so, not an empty box
        self.none = QLabel(self.tr("No linked tickets yet"), self)
        self.none.setObjectName("linksNone")
        self.none.setProperty("role", "hint")
        self.none.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.none)
        self.layout_.addWidget(self.entries, 1)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.error)
        # the room left when no list takes it goes below everything
        self.layout_.addStretch(0)

    def add_section(self, widget: QWidget) -> None:
        """Another part of the tab under the links (the ticket's knowledge articles)."""
        at = self.layout_.count() - 1
        self.layout_.insertSpacing(at, 6)
        self.layout_.insertWidget(at + 1, widget)

    def show_detail(self, d: TicketDetail, may_link: bool) -> None:
        self.other.exclude = d.number
        self._show_detail(d, may_link)

    def _show_detail(self, d: TicketDetail, may_link: bool) -> None:
        """The parent, the links both ways, then the tasks: each as it reads from this
        ticket ("Caused by PL-…" where this ticket made the link, "Causes PL-…" where
        the other did), with the other ticket's status and title where the person may see it."""
        self.entries.clear()
        related: list[tuple[str, str, str | None, str | None, str]] = []
        if d.parent_ticket is not None:
            parent = d.parent_ticket
            related.append((self.tr("Task of"), parent.number, parent.status, parent.title, "parent"))
        elif d.parent:
            related.append((self.tr("Task of"), d.parent, None, None, "parent"))
        related += [(link_label(link.kind, link.direction), link.ticket, link.status, link.title, link.direction)
                    for link in d.links]
        tasks = d.task_tickets or tuple(RelatedTicket(number, None, None) for number in d.tasks)
        related += [(self.tr("Task"), task.number, task.status, task.title, "task") for task in tasks]
        for wording, number, status, title, direction in related:
            text = f"{wording}  {number}"
            if status is not None:
                text = self.tr("{0} — {1}: {2}").format(text, label("status", status), title or "")
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setData(DirectionRole, direction)
            self.entries.addItem(item)
        for widget in (self.kind, self.other, self.button):
            widget.setVisible(may_link)
        # nothing linked: no empty box, a line that says so where the person may link
        self.entries.setVisible(bool(related))
        self.none.setVisible(not related and may_link)

    def link(self) -> None:
        """Link to the ticket chosen, typed in full or the only match; else say what is unclear."""
        number = self.other.number()
        if number is not None:
            self._waiting = False
            self.error.setVisible(False)
            self.sig_link.emit(number, self.kind.currentData())
            return
        if not self.other.text().strip():
            self.show_error(self.tr("Type a piece of the other ticket's number or words of its title."))
            return
        self._waiting = True
        self.other.search()

    def _matched(self, count: int) -> None:
        if not self._waiting:
            return
        self._waiting = False
        if count == 1:
            self.link()
        elif count == 0:
            self.show_error(self.tr("No ticket matches “{0}”.").format(self.other.text().strip()))
        else:
            self.show_error(self.tr("{0} tickets match; choose one from the list.").format(count))
            self.other.setFocus()
            self.other.show_matches()

    def linked(self) -> None:
        self.other.clear_choice()
        self.error.setVisible(False)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
