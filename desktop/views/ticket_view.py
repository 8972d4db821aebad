"""One ticket: header with chips and SLA bars, the actions allowed for its status
and the person's role, one timeline with the reply box, its fields, work log and
links. It loads on a worker and reloads only when a change set names its ticket.

It reads the ticket as core.ticket_detail.TicketDetail, as the command line and the
server do."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.errors import BranchdeskError
from core.knowledge import ArticleSummary, articles_for_ticket
from core.lifecycle import is_support
from core.org_texts import fill_reply
from core.routing import escalation_team
from core.services import knowledge as kb_service
from core.services import ratings
from core.services import tickets as service
from core.ticket_actions import actions_for
from core.ticket_detail import TicketDetail, get_ticket, read_ticket
from core.uow import ChangeSet
from desktop import theme
from desktop.errors import field_of, message_for
from desktop.labels import label
from desktop.org_names import org_names
from desktop.qt import (
    QCheckBox,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.settings import Settings
from desktop.views.action_bar import ActionBar
from desktop.views.action_dialogs import AssignDialog, EscalateDialog, PendDialog, ReopenDialog, ResolveDialog
from desktop.views.article_picker import ArticlePicker
from desktop.views.attachments import AttachmentsPanel
from desktop.views.form import error_label
from desktop.views.rating_bar import RatingBar
from desktop.views.ticket_articles import TicketArticles
from desktop.views.ticket_extras import LinksPanel, ReplyBox, WorkLogPanel
from desktop.views.ticket_fields import TicketFields
from desktop.views.ticket_header import TicketHeader
from desktop.views.timeline import Timeline, newest_reply
from desktop.workspace import Workspace


@dataclass(frozen=True)
class TicketKnowledge:
    """What a load brings back beside the ticket: its linked articles and its rating."""

    articles: list[ArticleSummary]
    rating: ratings.RatingInfo | None
    # whether the signed-in person may rate it now (core.services.ratings.may_rate)
    may_rate: bool


# what a load brings back: the ticket, the actions allowed on it, its articles and rating
Loaded = tuple[TicketDetail, frozenset[str], TicketKnowledge]
# a command for the write worker: (unit of work, person) -> result
Command = Callable[[Any, Any], Any]
# the buttons, in the order a ticket's life usually takes them
BUTTONS = ("take", "assign", "start", "pend", "resolve", "close", "reopen", "escalate", "cancel")


class TicketView(QWidget):
    # a ticket finished loading (its number), so tests and windows know it is shown
    sig_loaded = Signal(str)
    # the person asked to see another ticket (a link)
    sig_open_ticket = Signal(str)
    # the person asked to read a linked knowledge article (its number)
    sig_open_article = Signal(str)
    # "Write an article from this resolution" (the ticket's number)
    sig_write_article = Signal(str)
    # the ticket's rating was stored
    sig_rated = Signal(str)
    # the ticket was escalated from here (its number, the team's name, "" when not known)
    sig_escalated = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.number: str | None = None
        self.ticket_id: uuid.UUID | None = None
        self.ticket: TicketDetail | None = None
        # what the person may do to it now (not `actions`: QWidget has a method of that name)
        self.allowed: frozenset[str] = frozenset()
        self.knowledge = TicketKnowledge([], None, False)
        self.picker: ArticlePicker | None = None
        self._generation = 0
        self._busy = False
        # the newest reply seen of each ticket, kept on this device
        self.settings = Settings(workspace.data_dir)
        self._seen_number: str | None = None
        self._unread_after: str | None = None

        self.header = TicketHeader(self)
        self.buttons: dict[str, QPushButton] = {}
        texts = {
            "take": self.tr("Take"), "assign": self.tr("Assign…"), "start": self.tr("Start work"), "pend": self.tr("Put on hold…"),
            "resolve": self.tr("Resolve…"), "close": self.tr("Close"), "reopen": self.tr("Reopen"),
            "escalate": self.tr("Escalate…"), "cancel": self.tr("Cancel ticket"),
        }
        self.bar = ActionBar(self)
        for key in BUTTONS:
            button = QPushButton(texts[key], self)
            button.setObjectName(f"action_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.run_action(k))
            self.buttons[key] = button
            self.bar.add(key, button)
        self.buttons["take"].setToolTip(self.tr("Assign the ticket to yourself"))
        self.error = error_label(self)
        self.rating = RatingBar(self)
        self.rating.sig_rate.connect(self._rate)

        self.timeline = Timeline(self)
        self.timeline.anchorClicked.connect(self._anchor)
        self.reply = ReplyBox(self)
        self.reply.sig_send.connect(self._comment)
        self.files = AttachmentsPanel(workspace, self)
        self.files.sig_count.connect(self._files_counted)
        self.files.sig_attached.connect(self._show_files)
        self.files.sig_look.connect(self._show_files)
        # a picture or files pasted into the reply box are attached
        self.reply.sig_paste.connect(self._pasted)
        conversation = QWidget(self)
        column = QVBoxLayout(conversation)
        column.setContentsMargins(0, 0, 0, 0)
        self.system_events = QCheckBox(self.tr("Show SLA events, escalations and notices"), self)
        self.system_events.setObjectName("showSystemEvents")
        self.system_events.setChecked(True)
        self.system_events.toggled.connect(self.timeline.set_show_system)
        column.addWidget(self.system_events)
        column.addWidget(self.timeline, 1)
        column.addWidget(self.reply)
        self.fields = TicketFields(workspace.ref, self)
        self.fields.sig_save.connect(self._save_fields)
        self.work = WorkLogPanel(self)
        self.work.sig_log.connect(self._log_work)
        self.links = LinksPanel(workspace, self)
        self.links.sig_link.connect(self._link)
        self.links.sig_open.connect(self.sig_open_ticket)
        self.articles = TicketArticles(self)
        self.articles.sig_open.connect(self.sig_open_article)
        self.articles.sig_link.connect(self.pick_article)
        self.articles.sig_write.connect(self._write_article)
        self.links.add_section(self.articles)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(conversation, self.tr("Conversation"))
        self.tabs.addTab(self.fields, self.tr("Details"))
        self.tabs.addTab(self.work, self.tr("Work log"))
        self.tabs.addTab(self.links, self.tr("Links"))
        self.tabs.addTab(self.files, self.tr("Files"))
        # in a narrow pane every tab stays in view, its name shortened with "…" (whole in its tooltip)
        bar = self.tabs.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideRight)
        # room for five names in a 340 px pane; the chosen tab stands out as the page it opens
        bar.setStyleSheet(
            "QTabBar::tab { padding: 4px 5px; border: 1px solid palette(mid); border-bottom: none;"
            " background: palette(button); margin-right: 1px; }"
            " QTabBar::tab:selected { background: palette(base); border-color: palette(dark); }"
            " QTabBar::tab:!selected { margin-top: 2px; }")
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, self.tabs.tabText(index))
        # files dropped anywhere on the ticket are attached to it
        self.setAcceptDrops(True)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.header)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addWidget(self.rating)
        layout.addWidget(self.tabs, 1)
        self.empty = QLabel(self.tr("Choose a ticket to see it here."), self)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        workspace.bus.sig_changed.connect(self._on_changes)

    # -- loading ---------------------------------------------------------------
    def show_ticket(self, number: str | None) -> None:
        self.number = number
        if number is None:
            self._generation += 1
            self._seen_number = None
            self.ticket, self.ticket_id = None, None
            self.stack.setCurrentIndex(0)
            return
        if self.ticket is None or self.ticket.number != number:
            self.error.setVisible(False)
        self.reload()

    def reload(self) -> None:
        if self.number is None:
            return
        self._generation += 1
        generation, number = self._generation, self.number

        def read(session: Any, ref: Any, user: Any) -> Loaded:
            ticket = read_ticket(session, ref, user, number)
            knowledge = TicketKnowledge(
                articles_for_ticket(session, ref, user, number), ratings.rating_of(session, ref, user, number),
                ratings.may_rate(session, user, get_ticket(session, user, number)))
            return ticket, actions_for(ref, user, ticket, datetime.now(UTC)), knowledge

        self.ws.read(read, lambda result: self._loaded(generation, result),
                     lambda exc: self._load_failed(generation, exc), owner=self)

    def _loaded(self, generation: int, result: Loaded) -> None:
        if generation != self._generation:
            return
        ticket, actions, knowledge = result
        self.ticket, self.allowed, self.knowledge = ticket, actions, knowledge
        self.ticket_id = ticket.ticket_id
        ref = self.ws.ref
        staff = self.ws.user.role != "requester"
        self.header.show_detail(ticket, ref, staff=staff)
        me = self.ws.user.username
        if ticket.number != self._seen_number:
            # shown anew: the replies after the newest one seen last time are marked, and
            # stay marked while it is shown (with any that come meanwhile)
            self._seen_number = ticket.number
            self._unread_after = self.settings.ticket_seen(me, ticket.number) or (
                ticket.created_at if ticket.requester == me else None)
        self.timeline.show_detail(ticket, ref, theme.colours().dark, requester_view=not staff,
                                  viewer=me, unread_after=self._unread_after)
        newest = newest_reply(ticket)
        if newest is not None:
            self.settings.set_ticket_seen(me, ticket.number, newest)
        self.system_events.setVisible(staff)
        self.fields.show_detail(ticket, actions)
        names = {u.username: u.name for u in ref.users.values()}
        self.work.show_detail(ticket, "log_work" in actions, names)
        self.links.show_detail(ticket, "link" in actions)
        self.articles.show_articles(knowledge.articles, may_link=self.may_link_article(),
                                    may_write=self.may_write_article())
        self.rating.show_for(ticket.number, knowledge.rating, knowledge.may_rate, ticket.requester == self.ws.user.username)
        self.files.show_detail(ticket, ticket.status not in ("closed", "cancelled"))
        self.reply.allow("reply" in actions, "internal_note" in actions)
        self._offer_replies(ticket)
        self.tabs.setTabVisible(2, "log_work" in actions or bool(ticket.work_log))
        self._show_buttons()
        self.stack.setCurrentIndex(1)
        self.sig_loaded.emit(ticket.number)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.empty.setText(message_for(exc))
        self.stack.setCurrentIndex(0)

    def _show_buttons(self) -> None:
        status = self.ticket.status if self.ticket else ""
        self.buttons["start"].setText(self.tr("Resume work") if status == "pending" else self.tr("Start work"))
        # a requester asked to confirm a fix: the two answers, first in the bar
        asked = status == "resolved" and self.ws.user.role == "requester"
        self.buttons["close"].setText(self.tr("Yes, it is fixed") if asked else self.tr("Close"))
        self.buttons["reopen"].setText(self.tr("No, reopen it") if asked else self.tr("Reopen"))
        for key in ("close", "reopen"):
            self.buttons[key].setDefault(asked and key == "close")
        for button in self.buttons.values():
            button.setEnabled(not self._busy)
        self.bar.show_only(self.shown_actions())
        self.reply.setEnabled(not self._busy)

    def may_take(self) -> bool:
        """Whether "Take" (assign to me) is offered: to staff who may assign it, when it is not theirs yet."""
        return self.ticket is not None and "assign" in self.allowed and self.ticket.assignee != self.ws.user.username

    def shown_actions(self) -> list[str]:
        """The actions offered now, as buttons or in the "More" menu."""
        return [key for key in BUTTONS if key in self.allowed or (key == "take" and self.may_take())]

    def _show_files(self, _name: str = "") -> None:
        self.tabs.setCurrentWidget(self.files)

    def _pasted(self, mime: Any) -> None:
        if self.files.drop(mime):
            self._show_files()

    def _offer_replies(self, ticket: TicketDetail) -> None:
        """Support staff get the organisation's saved replies, in their language, filled in for this ticket."""
        ref = self.ws.ref
        names = org_names(ref)
        staff = self.ws.user.role != "requester"
        replies = [names.reply(r) for r in ref.spec.replies] if staff else []
        self.reply.set_replies([(r.name, r.text) for r in replies])
        requester = ref.usernames.get(ticket.requester or "")
        site = ref.site_codes.get(ticket.site or "")
        values = {
            "requester": requester.name if requester else (ticket.requester or ""),
            "number": ticket.number, "title": ticket.title,
            "site": names.site(site.code, site.name) if site else (ticket.site or ""),
            "category": names.category(ticket.category) if ticket.category else "",
            "status": label("status", ticket.status), "agent": self.ws.user.name,
        }
        self.reply.fill = lambda text: fill_reply(text, values)

    def _files_counted(self, count: int) -> None:
        text = self.tr("Files ({0})").format(count) if count else self.tr("Files")
        self.tabs.setTabText(self.tabs.indexOf(self.files), text)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.files), text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self.ticket is not None and self.files.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.ticket is not None and self.files.drop(event.mimeData()):
            self.tabs.setCurrentWidget(self.files)
            event.acceptProposedAction()

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.ticket_id is not None and self.ticket_id in changes.tickets:
            self.reload()

    def _anchor(self, url: Any) -> None:
        text = url.toString()
        if text.startswith("ticket:"):
            self.sig_open_ticket.emit(text.removeprefix("ticket:"))

    # -- actions -------------------------------------------------------------
    def _run(self, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a command on the write worker with the buttons held until it ends."""
        self._busy = True
        self._show_buttons()

        def done(result: Any) -> None:
            self._busy = False
            self._show_buttons()
            if on_done:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._show_buttons()
            if on_error is not None and isinstance(exc, BranchdeskError):
                on_error(exc)
            else:
                self.error.setText(message_for(exc))
                self.error.setVisible(True)

        self.error.setVisible(False)
        self.ws.command(fn, done, failed, owner=self)

    def run_action(self, key: str) -> None:
        """Do action `key` (a button's), asking first for what it needs."""
        if key not in self.shown_actions() or self.number is None or self.ticket is None or self._busy:
            return
        number, ref = self.number, self.ws.ref
        if key == "take":
            me = self.ws.user.username
            self._run(lambda uow, user: service.assign(uow, user, number, to=me))
        elif key == "assign":
            dialog = AssignDialog(ref, self.ticket.team, self.ticket.assignee, self)

            def assign() -> Command:
                team, to, note = dialog.values()  # as the dialog was accepted, not as it is later
                return lambda uow, user: service.assign(uow, user, number, team=team, to=to, note=note)
            self._dialog_loop(dialog, assign)
        elif key == "pend":
            pend = PendDialog(ref, self)

            def put_on_hold() -> Command:
                reason, supplier, note = pend.values()
                return lambda uow, user: service.move(uow, user, number, "pending", reason=reason,
                                                      supplier=supplier, note=note)
            self._dialog_loop(pend, put_on_hold)
        elif key == "resolve":
            resolve = ResolveDialog(self)

            def resolved() -> Command:
                code, note = resolve.values()
                return lambda uow, user: service.move(uow, user, number, "resolved", code=code, note=note)
            self._dialog_loop(resolve, resolved)
        elif key == "cancel":
            answer = QMessageBox.question(self, self.tr("Cancel ticket"),
                                          self.tr("Cancel ticket {0}? It cannot be reopened.").format(number))
            if answer == QMessageBox.StandardButton.Yes:
                self._run(lambda uow, user: service.move(uow, user, number, "cancelled"))
        elif key == "escalate":
            next_team = escalation_team(ref, self.ticket.team, self.ticket.site)
            names = org_names(ref)
            team_name = names.team(next_team.code, next_team.name) if next_team else None
            escalate = EscalateDialog(number, team_name, self)

            def escalated() -> Command:
                reason = escalate.values()
                return lambda uow, user: service.escalate(uow, user, number, note=reason)
            self._dialog_loop(escalate, escalated,
                              on_done=lambda _row: self.sig_escalated.emit(number, team_name or ""))
        elif key == "reopen":
            reopen = ReopenDialog(number, self)

            def reopened() -> Command:
                reason = reopen.values()
                return lambda uow, user: service.move(uow, user, number, "in_progress", note=reason)
            self._dialog_loop(reopen, reopened)
        else:
            target = {"start": "in_progress", "close": "closed"}[key]
            self._run(lambda uow, user: service.move(uow, user, number, target))

    def _dialog_loop(self, dialog: QDialog, command: Callable[[], Command],
                     on_done: Callable[[Any], None] | None = None) -> None:
        """Open the dialog; run its command on OK (then `on_done`); on a refusal show it by its field and reopen."""
        form = getattr(dialog, "form", None)

        def refused(exc: BaseException) -> None:
            if form is not None:
                form.show_error(field_of(exc), message_for(exc))
            dialog.open()

        def accepted() -> None:
            if form is not None:
                form.clear_errors()
            self._run(command(), on_done, on_error=refused)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _comment(self, text: str, internal: bool) -> None:
        if self.number is None:
            return
        number = self.number
        self._run(lambda uow, user: service.comment(uow, user, number, text, internal=internal),
                  lambda _row: self.reply.sent(), lambda exc: self.reply.show_error(message_for(exc)))

    def _save_fields(self, edit: service.TicketEdit) -> None:
        if self.number is None:
            return
        number = self.number
        self._run(lambda uow, user: service.edit(uow, user, number, edit),
                  on_error=lambda exc: self.fields.show_error(field_of(exc), message_for(exc)))

    def _log_work(self, minutes: int, note: str) -> None:
        if self.number is None:
            return
        number = self.number
        self._run(lambda uow, user: service.log_work(uow, user, number, minutes, note),
                  lambda _row: self.work.logged(), lambda exc: self.work.show_error(message_for(exc)))

    def _link(self, other: str, kind: str) -> None:
        if self.number is None:
            return
        number = self.number
        self._run(lambda uow, user: service.link(uow, user, number, other, kind),
                  lambda _row: self.links.linked(), lambda exc: self.links.show_error(message_for(exc)))

    # -- knowledge and ratings ---------------------------------------------------
    def may_link_article(self) -> bool:
        """Support staff link articles to a ticket that is not cancelled (core.services.knowledge)."""
        return self.ticket is not None and is_support(self.ws.user.role) and self.ticket.status != "cancelled"

    def may_write_article(self) -> bool:
        """"Write an article from this resolution": support staff, on a resolved or closed
        ticket with a resolution note (core.services.knowledge.draft_from_ticket)."""
        return (self.ticket is not None and is_support(self.ws.user.role)
                and self.ticket.status in ("resolved", "closed") and bool(self.ticket.resolution_note))

    def _write_article(self) -> None:
        if self.number is not None and self.may_write_article():
            self.sig_write_article.emit(self.number)

    def pick_article(self) -> ArticlePicker | None:
        """"Link an article…": a picker searching articles by title or number."""
        if self.number is None or not self.may_link_article():
            return None
        if self.picker is not None:
            self.picker.close()
        number = self.number
        picker = ArticlePicker(self.ws, self, exclude=frozenset(self.articles.numbers))
        self.picker = picker
        picker.finished.connect(lambda _r: setattr(self, "picker", None) if self.picker is picker else None)
        picker.sig_chosen.connect(lambda article: self.link_article(number, article))
        picker.open()
        return picker

    def link_article(self, number: str, article: str) -> None:
        self.tabs.setCurrentWidget(self.links)
        self._run(lambda uow, user: kb_service.link_article(uow, user, number, article),
                  on_error=lambda exc: self.articles.show_error(message_for(exc)))

    def _rate(self, score: int, effort: int | None, comment: str) -> None:
        if self.number is None:
            return
        number = self.number

        def rate(uow: Any, user: Any) -> ratings.RatingInfo:
            return ratings.rate(uow, user, number, score, effort, comment)

        def done(info: ratings.RatingInfo) -> None:
            self.rating.rated(info)
            self.sig_rated.emit(number)

        self._run(rate, done, self.rating.refused)
