"""The main window: queues on the left with live counts, the ticket table in the
middle, the selected ticket on the right (double-click opens it in its own
window), the status bar below, a dock with the conflicts and refused changes
sync left to look at, the notifications bell in the toolbar; shortcuts for
everything done often."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.lifecycle import CENTRAL_ROLES
from core.store_status import StoreStatus, store_status
from core.ticket_query import TicketFilter
from desktop.labels import label
from desktop.models.notice_list import NoticeListModel
from desktop.models.queue_list import first_queue
from desktop.qt import (
    QAction,
    QCloseEvent,
    QDockWidget,
    QInputDialog,
    QKeySequence,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QResizeEvent,
    QSize,
    QSizePolicy,
    QSplitter,
    Qt,
    QToolBar,
    QWidget,
    Signal,
)
from desktop.settings import Settings
from desktop.views.bulk import BulkActions
from desktop.views.conflicts import ConflictsPanel
from desktop.views.knowledge import KnowledgeWindow
from desktop.views.new_ticket import NewTicketDialog
from desktop.views.notifications import BellButton, NotificationsPopup
from desktop.views.queue_list import QueueList
from desktop.views.reports import ReportsWindow
from desktop.views.search import SearchDialog
from desktop.views.status_bar import StatusBar
from desktop.views.ticket_table import TicketTable
from desktop.views.ticket_view import TicketView
from desktop.views.ticket_window import TicketWindow
from desktop.workspace import Workspace

if TYPE_CHECKING:
    from desktop.sync_controller import SyncController, SyncState

# action key -> (shortcut, the ticket view's action it runs)
TICKET_SHORTCUTS = {
    "take": "Ctrl+Shift+T", "assign": "Ctrl+Shift+A", "start": "Ctrl+Shift+S", "pend": "Ctrl+Shift+H", "resolve": "Ctrl+Shift+R",
    "escalate": "Ctrl+Shift+E", "close": "Ctrl+Shift+C",
}


def queue_width(width: int) -> int:
    """The queue list's width in a window this wide: its names' width, shortened with a
    tooltip below 1300 px."""
    return 150 if width < 1300 else 220


class MainSplit(QSplitter):
    """Queues, table and ticket. A window made narrower takes the queue list down in
    proportion (220 px at 1440 is about 150 px at 1000), never below its width for the
    new size (queue_width), instead of taking it all from the table and the ticket; a
    wider one gives it back, up to its usual width."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        if old <= 0 or new <= 0 or old == new or self.count() < 2:
            return
        sizes = self.sizes()
        queues = sizes[0]
        if new < old:
            # in proportion, but never below the width a window this wide gives it
            wanted = max(min(queues, queue_width(new)), round(queues * new / old))
        else:
            wanted = min(round(queues * new / old), max(queues, queue_width(new)))
        if wanted != queues:
            sizes[1] += queues - wanted
            sizes[0] = wanted
            self.setSizes(sizes)


class MainWindow(QMainWindow):
    # the person signed out; the app shows the sign-in again
    sig_sign_out = Signal()
    # the first queue's rows were painted (the start-up benchmark waits for this)
    sig_first_paint = Signal()
    # the window closed (the app quits unless the person is signing out)
    sig_closed = Signal()

    def __init__(self, workspace: Workspace, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.settings = settings
        self.windows: list[TicketWindow] = []
        self.reports: ReportsWindow | None = None
        self.knowledge: KnowledgeWindow | None = None
        # what "This solved it" in a new ticket told the person
        self.solved_box: QMessageBox | None = None
        user = workspace.user
        self.setWindowTitle(self.tr("Branchdesk — {0} ({1})").format(user.name, label("role", user.role)))
        self.setObjectName("mainWindow")

        self.queues = QueueList(workspace, self)
        self.table = TicketTable(workspace, self)
        self.ticket = TicketView(workspace, self)
        self.split = MainSplit(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.queues)
        self.split.addWidget(self.table)
        self.split.addWidget(self.ticket)
        # small enough minimums that the window goes well under 1000 px wide
        self.queues.setMinimumWidth(120)
        self.table.setMinimumWidth(280)
        self.ticket.setMinimumWidth(320)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 2)
        self.setCentralWidget(self.split)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.sync: SyncController | None = None
        self.sync_state: SyncState | None = None
        self.conflicts = ConflictsPanel(workspace, self)
        self.conflicts_dock = QDockWidget(self.tr("Conflicts and refused changes"), self)
        self.conflicts_dock.setObjectName("conflictsDock")
        self.conflicts_dock.setWidget(self.conflicts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self.conflicts_dock.hide()
        self.notices = NoticeListModel(workspace, settings, self)
        self.bell = BellButton(self)
        self.notices_popup = NotificationsPopup(self.notices, self)

        self.queues.sig_chosen.connect(self._queue_chosen)
        self.queues.sig_forget.connect(self._forget_filter)
        self.table.sig_current.connect(self.ticket.show_ticket)
        self.table.sig_open.connect(self.open_window)
        self.table.sig_save_filter.connect(self.save_filter)
        # several tickets at once, and the table's right-click menu
        self.bulk = BulkActions(workspace, self.table, self)
        self.bulk.sig_open.connect(self.open_window)
        self.bulk.sig_message.connect(lambda text: self.status.showMessage(text, 10_000))
        self.table.view.sig_first_paint.connect(self.sig_first_paint)
        self.ticket.sig_open_ticket.connect(self.open_window)
        self.ticket.sig_open_article.connect(self.open_article)
        self.ticket.sig_write_article.connect(self.write_article)
        self.ticket.sig_loaded.connect(lambda _number: self._ticket_menu())
        self.status.sig_conflicts_clicked.connect(self.show_conflicts)
        self.status.sig_open_ticket.connect(self.show_number)
        self.ticket.sig_escalated.connect(self._escalated)
        self.conflicts.sig_open_ticket.connect(self.show_number)
        self.conflicts.sig_acknowledged.connect(self.refresh_status)
        self.notices.sig_unread.connect(self.bell.set_unread)
        self.notices_popup.sig_to_rate.connect(self.bell.set_to_rate)
        self.bell.clicked.connect(self.toggle_notifications)
        self.notices_popup.sig_open_ticket.connect(self.show_number)
        workspace.bus.sig_changed.connect(self._changed)
        workspace.sig_error.connect(self._error)

        self._actions()
        self._restore()
        self.queues.set_saved(settings.saved_filters(user.username))
        first = first_queue(user.role)
        self.queues.choose(first if self.queues.model_.row_of(first) >= 0 else "site")
        self.refresh_status()
        self.notices.load()

    # -- actions and shortcuts -------------------------------------------------
    def _action(self, text: str, shortcut: str | None, slot: object, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        if tip:
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        self.act_new = self._action(self.tr("New ticket"), "Ctrl+N", self.new_ticket, self.tr("Log a new ticket"))
        self.act_search = self._action(self.tr("Search"), "Ctrl+K", self.search,
                                       self.tr("Search tickets and comments"))
        self.act_sync = self._action(self.tr("Refresh"), "F5", self.refresh,
                                     self.tr("Sync with the server, or reload on a standalone store"))
        self.act_next = self._action(self.tr("Next ticket"), "Alt+Down", lambda: self.table.step(1))
        self.act_prev = self._action(self.tr("Previous ticket"), "Alt+Up", lambda: self.table.step(-1))
        self.act_reply = self._action(self.tr("Reply"), "Ctrl+R", self._focus_reply)
        self.act_filter = self._action(self.tr("Filter"), "Ctrl+F", self.table.text.setFocus)
        self.act_conflicts = self._action(self.tr("Conflicts and refused changes"), "Ctrl+Shift+K",
                                          self.toggle_conflicts, self.tr("What sync overrode or refused"))
        self.act_notices = self._action(self.tr("Notifications"), "Ctrl+Shift+N", self.toggle_notifications,
                                        self.tr("What you were told: assignments, replies and more"))
        self.act_reports = self._action(self.tr("Reports"), "Ctrl+Shift+D", self.show_reports,
                                        self.tr("The desk's figures over a period, with the tickets behind them"))
        self.act_knowledge = self._action(self.tr("Knowledge"), "Ctrl+Shift+B", self.show_knowledge,
                                          self.tr("Articles that solve common problems: read, search and write them"))
        self.act_write_article = self._action(self.tr("Write an article from this resolution"), None,
                                              self._write_article_shown)
        self.act_sign_out = self._action(self.tr("Sign out"), None, self.sign_out)
        self.act_quit = self._action(self.tr("Quit"), "Ctrl+Q", self.close)
        self.ticket_actions = {
            key: self._action(self.ticket.buttons[key].text(), shortcut,
                              lambda _checked=False, k=key: self.ticket.run_action(k))
            for key, shortcut in TICKET_SHORTCUTS.items()
        }
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_search, self.act_sync):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_prev)
        toolbar.addAction(self.act_next)
        toolbar.addSeparator()
        toolbar.addAction(self.act_knowledge)
        toolbar.addAction(self.act_reports)
        toolbar.addAction(self.act_sign_out)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.bell.shortcut_text = self.act_notices.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.bell.set_unread(self.bell.unread)
        toolbar.addWidget(self.bell)
        self.addToolBar(toolbar)
        menus = self.menuBar()
        file = menus.addMenu(self.tr("&File"))
        for action in (self.act_new, self.act_sign_out, self.act_quit):
            file.addAction(action)
        ticket = menus.addMenu(self.tr("&Ticket"))
        ticket.addAction(self.act_reply)
        for action in self.ticket_actions.values():
            ticket.addAction(action)
        ticket.addSeparator()
        ticket.addAction(self.act_write_article)
        view = menus.addMenu(self.tr("&View"))
        for action in (self.act_search, self.act_filter, self.act_next, self.act_prev, self.act_sync,
                       self.act_notices, self.act_conflicts):
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.act_knowledge)
        view.addAction(self.act_reports)
        if self.ws.user.role not in CENTRAL_ROLES:
            # the desk's figures are for the central desk: agents, managers and admins
            self.act_reports.setVisible(False)
            self.act_reports.setEnabled(False)
        if self.ws.user.role == "requester":
            # conflicts between staff's changes are theirs to look at
            self.act_conflicts.setVisible(False)
            self.act_conflicts.setEnabled(False)
        self._ticket_menu()
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("Keyboard shortcuts"), self.show_shortcuts)
        self.act_about = help_menu.addAction(self.tr("About Branchdesk"), self.show_about)

    def show_about(self) -> QMessageBox:
        from desktop.views.about import show_about

        return show_about(self, self.ws.store)

    def _ticket_menu(self) -> None:
        """The Ticket menu and its shortcuts offer only what this person may do to the
        ticket shown, with the buttons' words."""
        allowed = frozenset(self.ticket.shown_actions()) | self.ticket.allowed \
            if self.ticket.ticket is not None else frozenset()
        for key, action in self.ticket_actions.items():
            action.setText(self.ticket.buttons[key].text())
            action.setVisible(key in allowed)
            action.setEnabled(key in allowed)
        self.act_reply.setVisible("reply" in allowed)
        self.act_reply.setEnabled("reply" in allowed)
        writable = self.ticket.may_write_article()
        self.act_write_article.setVisible(writable)
        self.act_write_article.setEnabled(writable)

    def show_shortcuts(self) -> None:
        rows = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
                for a in self.actions() if not a.shortcut().isEmpty()]
        text = "\n".join(f"{keys}\t{what}" for keys, what in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    # -- what the actions do ---------------------------------------------------
    def new_ticket(self) -> NewTicketDialog:
        dialog = NewTicketDialog(self.ws, self)
        dialog.sig_created.connect(self._created)
        dialog.sig_solved.connect(self._solved)
        dialog.open()
        return dialog

    def _queue_chosen(self, key: str, flt: TicketFilter) -> None:
        entry = self.queues.current_entry()
        self.table.show_queue(flt, saved=entry is not None and entry.saved,
                              title=entry.title if entry is not None else label("queue", key))

    def _created(self, number: str) -> None:
        self.status.show_ticket_message(self.tr("Ticket {0} logged"), number, 10_000)
        self.show_number(number)

    def _escalated(self, number: str, team: str) -> None:
        """An escalated ticket usually leaves the person's queue: it stays shown, and the
        status bar says where it went, its number a link back to it."""
        text = self.tr("Ticket {0} escalated to {1}").replace("{1}", team) if team \
            else self.tr("Ticket {0} escalated")
        self.status.show_ticket_message(text, number, 10_000)

    def _solved(self, number: str, article: str) -> None:
        """"This solved it" in a new ticket: say what happened, and show the ticket resolved."""
        if number:
            text = self.tr("Ticket {0} is logged as solved by the article \u201c{1}\u201d.").format(number, article)
            more = self.tr("Nobody needs to work on it. You can rate how it went on the ticket.")
            self.status.show_ticket_message(self.tr("Ticket {0} logged as solved"), number, 10_000)
            self.show_number(number)
        else:
            text = self.tr("Glad the article \u201c{0}\u201d solved it.").format(article)
            more = self.tr("No ticket was logged; the article is counted as having solved a problem.")
            self.status.showMessage(self.tr("Solved by an article; no ticket logged"), 10_000)
        if self.solved_box is not None:
            self.solved_box.close()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Solved"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("solvedMessage")
        box.setInformativeText(more)
        box.finished.connect(lambda _r: setattr(self, "solved_box", None) if self.solved_box is box else None)
        self.solved_box = box
        box.open()

    def search(self) -> SearchDialog:
        dialog = SearchDialog(self.ws, self)
        dialog.sig_chosen.connect(self.show_number)
        dialog.sig_article_chosen.connect(self.open_article)
        dialog.open()
        return dialog

    def show_reports(self) -> ReportsWindow | None:
        """The reports window, one per main window; a listed ticket opens in its own window."""
        if self.ws.user.role not in CENTRAL_ROLES:
            return None
        if self.reports is None:
            self.reports = ReportsWindow(self.ws, self)
            self.reports.sig_open_ticket.connect(self.open_window)
        self.reports.show()
        self.reports.raise_()
        self.reports.activateWindow()
        return self.reports

    def show_knowledge(self) -> KnowledgeWindow:
        """The Knowledge window, one per main window; a linked ticket opens in its own window."""
        if self.knowledge is None:
            self.knowledge = KnowledgeWindow(self.ws, self)
            self.knowledge.sig_open_ticket.connect(self.open_window)
        self.knowledge.show()
        self.knowledge.raise_()
        self.knowledge.activateWindow()
        return self.knowledge

    def open_article(self, number: str) -> KnowledgeWindow:
        window = self.show_knowledge()
        window.open_article(number)
        return window

    def write_article(self, ticket_number: str) -> KnowledgeWindow:
        """"Write an article from this resolution": the Knowledge window's editor, filled from the ticket."""
        window = self.show_knowledge()
        window.write_from_ticket(ticket_number)
        return window

    def _write_article_shown(self) -> None:
        if self.ticket.number is not None and self.ticket.may_write_article():
            self.write_article(self.ticket.number)

    def show_number(self, number: str) -> None:
        """Show the ticket on the right, selecting it in the table if the table holds it."""
        self.ticket.show_ticket(number)
        # the table follows: the ticket's row selected, or none when it is not in this queue
        self.table.follow(number)

    def refresh(self) -> None:
        """F5: sync now on a store signed in to a server; and read every view afresh."""
        if self.sync is not None:
            self.sync.sync_now()
        self.table.model.reload()
        self.queues.recount()
        self.ticket.reload()
        self.notices.refresh()
        self.refresh_status()

    def _changed(self, _changes: object) -> None:
        self.refresh_status()

    def _error(self, text: str) -> None:
        self.status.showMessage(text, 10_000)

    def refresh_status(self) -> None:
        store = self.ws.store
        self.ws.workers.submit(lambda: store_status(store), self.show_status)

    def show_status(self, status: StoreStatus) -> None:
        state = self.sync_state
        if state is None:
            self.status.set_mode(status.mode)
        else:
            self.status.set_mode(status.mode, state.online, busy=state.busy, stopped=state.halted,
                                 problem=state.error)
        # a standalone store sends nothing to anybody, so no change of its waits to be sent
        self.status.set_pending(None if status.mode == "standalone" else status.pending_changes)
        self.status.set_last_sync(status.last_sync)
        self.status.set_conflicts(0 if self.ws.user.role == "requester" else status.to_review)

    # -- sync --------------------------------------------------------------------
    def attach_sync(self, sync: SyncController) -> None:
        """Show a server store's sync in the status bar; F5 becomes "Sync now"."""
        self.sync = sync
        self.act_sync.setText(self.tr("Sync now"))
        sync.sig_state.connect(self._sync_changed)
        self._sync_changed(sync.state)

    def _sync_changed(self, state: SyncState) -> None:
        previous, self.sync_state = self.sync_state, state
        if state.error and (previous is None or previous.error != state.error):
            self.status.showMessage(self.tr("Sync: {0}").format(state.error), 10_000)
        if state.status is not None and (previous is None or state.status is not previous.status):
            self.show_status(state.status)  # read just now, after an exchange with the server
        else:  # what the store says has not changed since (or was read since, on a local commit)
            self.status.set_mode("server", state.online, busy=state.busy, stopped=state.halted,
                                 problem=state.error)

    def show_conflicts(self) -> None:
        self.conflicts_dock.show()
        self.conflicts_dock.raise_()

    def toggle_conflicts(self) -> None:
        if self.conflicts_dock.isVisible():
            self.conflicts_dock.hide()
        else:
            self.show_conflicts()

    def toggle_notifications(self) -> None:
        """The bell, or Ctrl+Shift+N: the notifications list under the bell."""
        if self.notices_popup.isVisible():
            self.notices_popup.hide()
        else:
            self.notices_popup.popup_under(self.bell)

    def _focus_reply(self) -> None:
        self.ticket.tabs.setCurrentIndex(0)
        self.ticket.reply.text.setFocus()

    def open_window(self, number: str) -> TicketWindow:
        window = TicketWindow(self.ws, self.settings, number)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.view.sig_open_article.connect(self.open_article)
        window.view.sig_write_article.connect(self.write_article)
        window.destroyed.connect(lambda _obj=None, w=window: self.windows.remove(w) if w in self.windows else None)
        self.windows.append(window)
        window.show()
        return window

    def save_filter(self) -> None:
        flt = self.table.current_filter()
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name for this filter:"),
                                        QLineEdit.EchoMode.Normal, flt.text or label("queue", flt.queue))
        if ok and name.strip():
            self.add_saved_filter(name.strip(), flt)

    def add_saved_filter(self, name: str, flt: TicketFilter) -> None:
        saved = [(n, f) for n, f in self.settings.saved_filters(self.ws.user.username) if n != name]
        saved.append((name, flt))
        self.settings.set_saved_filters(self.ws.user.username, saved)
        self.queues.set_saved(saved)

    def _forget_filter(self, name: str) -> None:
        saved = [(n, f) for n, f in self.settings.saved_filters(self.ws.user.username) if n != name]
        self.settings.set_saved_filters(self.ws.user.username, saved)
        self.queues.set_saved(saved)

    def sign_out(self) -> None:
        self.sig_sign_out.emit()
        self.close()

    # -- layout remembered -----------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.layout("main_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.default_size())
        self.split.setSizes(self.default_split(self.width()))
        for key, restore in (("main_state", self.restoreState), ("main_split", self.split.restoreState),
                             ("table_header", self.table.view.horizontalHeader().restoreState)):
            state = self.settings.layout(key)
            if state is not None:
                restore(state)

    def default_size(self) -> QSize:
        """1440x860, or most of a smaller screen."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or screen.width() <= 0:
            return QSize(1440, 860)
        return QSize(min(1440, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))

    @staticmethod
    def default_split(width: int) -> list[int]:
        """Queues, table and ticket: the queues their names' width (shortened with a
        tooltip below 1300 px), the ticket about two fifths, the table the rest (at
        1000 px: 150, 450, 400; at 1600 px: 220, 740, 640)."""
        queues = queue_width(width)
        ticket = max(340, int(width * 0.4))
        return [queues, max(280, width - queues - ticket), ticket]

    def save_layout(self) -> None:
        self.settings.set_layout("main_geometry", self.saveGeometry())
        self.settings.set_layout("main_state", self.saveState())
        self.settings.set_layout("main_split", self.split.saveState())
        self.settings.set_layout("table_header", self.table.view.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        for window in list(self.windows):
            window.close()
        if self.reports is not None:
            self.reports.close()
        if self.knowledge is not None:
            self.knowledge.close()
        super().closeEvent(event)
        self.sig_closed.emit()
