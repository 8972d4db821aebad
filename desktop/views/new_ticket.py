"""Logging a ticket (DESIGN §8): the category first, chosen from a tree with a
search box (matching paths, descriptions and field labels, and saying so when
nothing matches); then that category's own fields, impact and urgency with the
priority and SLA targets they give shown live, requester, site, channel and
description. Tab follows the form top to bottom, through the category's own fields.
Refusals appear by the field they concern; Ctrl+Enter submits; Esc on a draft
with something typed asks before throwing it away. Beside the form, knowledge
articles matching the title and category are suggested as they are typed; "This
solved it" logs the ticket resolved at once (or, where the organisation allows it,
logs none) and closes the dialog."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from typing import Any

from core.durations import format_duration
from core.lifecycle import is_support
from core.orgspec import TICKET_TYPES
from core.priority import compute_priority
from core.services import knowledge as kb_service
from core.services import tickets as service
from core.services.tickets import CHANNELS, NewTicket
from core.sla.policy import choose_policy
from desktop.errors import field_of, message_for
from desktop.labels import label
from desktop.models.category_tree import CategoryFilter, CategoryTreeModel, PathRole
from desktop.org_names import org_names
from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.article_view import ArticleReader
from desktop.views.chips import Chip
from desktop.views.field_editors import FieldEditor
from desktop.views.form import Form
from desktop.views.suggestions import SuggestionsPanel
from desktop.workspace import Workspace


def _complete_anywhere(combo: QComboBox) -> None:
    """Let an editable combo box suggest every item that contains what is typed."""
    completer = combo.completer()  # an editable combo box always has one
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class NewTicketDialog(QDialog):
    # the ticket was stored: its number
    sig_created = Signal(str)
    # an article solved the problem: the ticket logged as resolved ("" when none was
    # logged, the organisation deflecting), the article's title
    sig_solved = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        ref, user = workspace.ref, workspace.user
        self.names = org_names(ref)
        self.support = is_support(user.role)
        self.setWindowTitle(self.tr("New ticket"))
        self.setObjectName("newTicketDialog")

        # left: the category tree and its search
        self.category_search = QLineEdit(self)
        self.category_search.setObjectName("categorySearch")
        self.category_search.setPlaceholderText(self.tr("Search categories…"))
        self.category_search.setClearButtonEnabled(True)
        self.tree_model = CategoryTreeModel(ref, self)
        self.tree_filter = CategoryFilter(self)
        self.tree_filter.setSourceModel(self.tree_model)
        self.tree = QTreeView(self)
        self.tree.setObjectName("categoryTree")
        self.tree.setModel(self.tree_filter)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        self.category_search.textChanged.connect(self._filter_categories)
        self.category_search.returnPressed.connect(self._first_match)
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._category_chosen(cur))
        self.no_match = QLabel(self)
        self.no_match.setObjectName("noCategoryMatch")
        self.no_match.setProperty("role", "hint")
        self.no_match.setWordWrap(True)
        self.no_match.setVisible(False)
        self.category_error = QLabel(self)
        self.category_error.setProperty("role", "error")
        self.category_error.setWordWrap(True)
        self.category_error.setVisible(False)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("1. What is it about?"), left))
        left_layout.addWidget(self.category_search)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.category_error)

        # right: the form
        self.form = Form(self)
        self.chosen = QLabel(self.tr("Choose a category on the left"), self)
        self.chosen.setObjectName("chosenCategory")
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("In a few words: what is wrong?"))
        self.type = QComboBox(self)
        self.type.setObjectName("type")
        for kind in TICKET_TYPES:
            if kind != "task":
                self.type.addItem(label("type", kind), kind)
        levels = ref.spec.priority
        self.impact = QComboBox(self)
        self.impact.setObjectName("impact")
        for value in levels.impact:
            self.impact.addItem(label("impact", value), value)
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("urgency")
        for value in levels.urgency:
            self.urgency.addItem(label("impact", value), value)
        # default to the middle of the matrix: most issues are neither trivial nor critical
        self.impact.setCurrentIndex(len(levels.impact) // 2)
        self.urgency.setCurrentIndex(len(levels.urgency) // 2)
        self.preview = Chip("priority", self)
        self.preview.setObjectName("previewPriority")
        self.targets = QLabel(self)
        self.targets.setObjectName("previewTargets")
        self.targets.setProperty("role", "hint")
        self.targets.setWordWrap(True)
        self.requester = QComboBox(self)
        self.requester.setObjectName("requester")
        self.site = QComboBox(self)
        self.site.setObjectName("site")
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for channel in CHANNELS:
            self.channel.addItem(label("channel", channel), channel)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What happened, since when, what you tried"))
        self._fill_people()

        self.form.add_row("category", self.tr("Category"), self.chosen)
        self.form.add_row("title", self.tr("Title *"), self.title)
        self.form.add_row("type", self.tr("Type"), self.type)
        self.form.add_row("impact", self.tr("Impact"), self.impact)
        self.form.add_row("urgency", self.tr("Urgency"), self.urgency)
        priority_box = QWidget(self)
        priority_row = QHBoxLayout(priority_box)
        priority_row.setContentsMargins(0, 0, 0, 0)
        priority_row.addWidget(self.preview)
        priority_row.addWidget(self.targets, 1)
        self.form.add_row("priority", self.tr("Priority"), priority_box)
        self.form.add_row("requester", self.tr("Requester"), self.requester)
        self.form.add_row("site", self.tr("Site"), self.site)
        self.form.add_row("channel", self.tr("Channel"), self.channel)
        self.form.add_row("description", self.tr("Description"), self.description)
        self.form.set_row_visible("requester", self.support)
        self.form.set_row_visible("channel", self.support)
        self.form.set_row_visible("site", self.support)
        self._editors: dict[str, FieldEditor] = {}

        self.buttons = QDialogButtonBox(self)
        self.submit = self.buttons.addButton(self.tr("Log ticket"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit.setObjectName("submit")
        self.submit.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):  # a button box makes only push buttons
                button.setAutoDefault(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("2. Tell us more"), right))
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.buttons)
        # right of the form: articles that may solve it
        self.suggestions = SuggestionsPanel(workspace, self)
        self.suggestions.sig_read.connect(self.read_article)
        self.suggestions.sig_solved.connect(self.solved)
        self.suggestions.setMinimumWidth(200)
        self.reader: ArticleReader | None = None
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.addWidget(self.suggestions)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 1)
        split.setSizes([230, 470, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self.send)
        for combo in (self.impact, self.urgency, self.type, self.requester, self.site):
            combo.currentIndexChanged.connect(lambda _i: self._update_preview())
        self.title.textChanged.connect(lambda _text: self._suggest())
        # what is typed to find the category says what is wrong too, before a title is
        self.category_search.textChanged.connect(lambda _text: self._suggest())
        self.resize(960, 620)
        self.category: str | None = None
        self._busy = False
        self.discard_box: QMessageBox | None = None
        self._update_preview()
        self._chain_tabs()
        self.category_search.setFocus()

    def _chain_tabs(self) -> None:
        """Tab goes down the form as it reads: the category's own fields sit under the
        title, so they come right after it (widgets made later would otherwise come last)."""
        chain: list[QWidget] = [self.category_search, self.tree, self.title,
                                *(e.widget for e in self._editors.values()),
                                self.type, self.impact, self.urgency, self.requester, self.site, self.channel,
                                self.description, *self.buttons.buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- leaving ---------------------------------------------------------------
    def has_draft(self) -> bool:
        """Whether closing would throw away something the person typed or chose."""
        return bool(self.title.text().strip() or self.description.toPlainText().strip()
                    or any(e.value() for e in self._editors.values()))

    def reject(self) -> None:
        """Esc or Cancel: a draft with content is only dropped once the person says so."""
        if self._busy or not self.has_draft():
            super().reject()
            return
        if self.discard_box is not None:
            return
        question = self.tr("Discard this ticket?")
        box = QMessageBox(QMessageBox.Icon.Question, question, question, QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("What you typed for this ticket will be lost."))
        box.setObjectName("discardDraft")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box

        def answered(_result: int) -> None:
            self.discard_box = None
            box.deleteLater()
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        box.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter picks a category or ends a line; only Ctrl+Enter or the button sends
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return
        super().keyPressEvent(event)

    # -- people and places -----------------------------------------------------
    def _fill_people(self) -> None:
        ref, user = self.ws.ref, self.ws.user
        if not self.support:
            self.requester.addItem(user.name, user.username)
        else:
            self.requester.addItem(self.tr("Me ({0})").format(user.name), user.username)
            for other in sorted(ref.usernames.values(), key=lambda u: u.name):
                if other.active and other.id != user.id and other.role != "system":
                    self.requester.addItem(f"{other.name} ({other.username})", other.username)
            self.requester.setEditable(True)
            self.requester.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            _complete_anywhere(self.requester)
        self.site.addItem(self.tr("The requester's home site"), "")
        for site in sorted(ref.sites.values(), key=lambda s: s.code):
            self.site.addItem(f"{site.code} — {self.names.site(site.code, site.name)}", site.code)
        self.site.setEditable(self.support)
        if self.support:
            self.site.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            _complete_anywhere(self.site)
        self.channel.setCurrentIndex(max(0, self.channel.findData("phone" if self.support else "portal")))

    def _requester_name(self) -> str | None:
        index = self.requester.findText(self.requester.currentText())
        return self.requester.itemData(index) if index >= 0 else (self.requester.currentText().strip() or None)

    def _site_code(self) -> str | None:
        """The site chosen; else the requester's home site; else (a requester with
        none, such as a central agent) the site this store serves."""
        index = self.site.findText(self.site.currentText())
        data = self.site.itemData(index) if index >= 0 else self.site.currentText().strip()
        if data:
            return str(data)
        ref = self.ws.ref
        requester = ref.usernames.get(self._requester_name() or "")
        if requester is not None and requester.site_id is not None:
            return ref.site_code_of(requester.site_id)
        return self.ws.home_site_code

    # -- categories ------------------------------------------------------------
    def _filter_categories(self, text: str) -> None:
        self.tree_filter.set_words(text)
        self.tree.expandAll()
        nothing = self.tree_filter.searching and self.tree_filter.rowCount() == 0
        if nothing:
            self.no_match.setText(self.tr("No category matches \u201c{0}\u201d. Try fewer or other words, "
                                          "or clear the search to see them all.").format(text.strip()))
        self.no_match.setVisible(nothing)

    def _first_match(self) -> None:
        """Enter in the search takes the first category that matches."""
        index = self.tree_filter.first_match()
        if index is not None:
            self.tree.setCurrentIndex(index)
            self.title.setFocus()

    def choose_category(self, path: str) -> None:
        source = self.tree_model.index_of(path)
        if source is not None:
            self.tree.setCurrentIndex(self.tree_filter.mapFromSource(source))

    def _category_chosen(self, index: QModelIndex) -> None:
        path = self.tree_filter.data(index, PathRole)
        if not path:
            return
        self.category = path
        self.chosen.setText(self.names.category(path))
        self.category_error.setVisible(False)
        for key in list(self._editors):
            self.form.remove_row(f"f:{key}")
        self._editors = {}
        info = self.ws.ref.category_paths[path]
        # the category's own fields go right under the title, where the eye already is
        at = self.form.row_index("title") + 1
        for offset, spec in enumerate(info.fields):
            editor = FieldEditor(spec, self)
            self._editors[spec.key] = editor
            caption = self.names.field(path, spec.key, spec.label) + (" *" if spec.required else "")
            self.form.add_row(f"f:{spec.key}", caption, editor.widget, aliases=(spec.key,), at=at + offset)
        self._chain_tabs()
        self._update_preview()
        self._suggest()

    # -- live priority and targets -------------------------------------------
    def current_priority(self) -> str | None:
        ref = self.ws.ref
        if self.category is None:
            return None
        requester = ref.usernames.get(self._requester_name() or "")
        site = ref.site_codes.get(self._site_code() or "")
        return compute_priority(
            ref.spec.priority, self.impact.currentData(), self.urgency.currentData(),
            vip_or_critical=bool(requester and requester.vip) or bool(site and site.critical),
            security=ref.category_paths[self.category].security,
        )

    def _update_preview(self) -> None:
        priority = self.current_priority()
        self.preview.show_priority(priority or "—", self.ws.ref.spec.priority.levels)
        if priority is None:
            self.targets.setText(self.tr("Choose a category to see the priority and targets."))
            return
        ref = self.ws.ref
        site = self._site_code() or ""
        policy = choose_policy(ref.spec, self.type.currentData(), self.category or "", site)
        target = policy.targets.get(priority) if policy else None
        if target is None:
            self.targets.setText(self.tr("No SLA applies."))
        else:
            self.targets.setText(self.tr("{0}: response within {1}, resolution within {2} (business time)").format(
                self.names.policy(policy.name) if policy else "", format_duration(target.response), format_duration(target.resolution)))

    # -- sending -------------------------------------------------------------
    def ticket(self) -> NewTicket:
        return NewTicket(
            title=self.title.text(), category=self.category or "", impact=self.impact.currentData(),
            urgency=self.urgency.currentData(), type=self.type.currentData(),
            description=self.description.toPlainText(), channel=self.channel.currentData(),
            requester=self._requester_name() if self.support else None,
            site=self._site_code() if self.support else None,
            fields={k: e.value() for k, e in self._editors.items() if e.value()},
        )

    def send(self) -> None:
        if self._busy:
            return
        self.form.clear_errors()
        self.category_error.setVisible(False)
        if self.category is None:
            self._show_error("category", self.tr("Choose a category first"))
            return
        cmd = self.ticket()
        self._busy = True
        self.submit.setEnabled(False)
        self.ws.command(lambda uow, user: service.create(uow, user, cmd).number, self._created, self._refused,
                        owner=self)

    # -- knowledge articles ------------------------------------------------------
    def _suggest(self) -> None:
        self.suggestions.ask(self.title.text().strip() or self.category_search.text(), self.category)

    def read_article(self, number: str) -> ArticleReader:
        """A suggestion's "Read": the article in a small window, with "This solved it" too."""
        if self.reader is not None:
            self.reader.close()
        reader = ArticleReader(self.ws, number, self, solved_button=True)
        self.reader = reader
        reader.finished.connect(lambda _r: setattr(self, "reader", None) if self.reader is reader else None)
        reader.sig_solved.connect(self.solved)
        reader.open()
        return reader

    def solved(self, article: str) -> None:
        """"This solved it": the ticket logged and resolved at once by the article
        (core.services.knowledge.solved), or, where the organisation deflects, only
        the article's use counted and no ticket logged. Either way the dialog closes."""
        if self._busy:
            return
        self.form.clear_errors()
        self.category_error.setVisible(False)
        deflect = self.ws.ref.spec.deflect
        if not deflect and self.category is None:
            self._show_error("category", self.tr("Choose a category first: the ticket is logged as solved "
                                                 "under it."))
            return
        cmd = None if deflect else self.ticket()
        if cmd is not None and not cmd.title.strip():
            # nothing typed as the title: the problem is the one the article solves
            titles = {s.number: s.title for s in self.suggestions.shown}
            cmd = dataclasses.replace(cmd, title=titles.get(article) or self.category_search.text().strip())
        self._busy = True
        self.submit.setEnabled(False)

        def run(uow: Any, user: Any) -> tuple[str, str]:
            result = kb_service.solved(uow, user, article, cmd)
            return (result.ticket.number if result.ticket is not None else ""), result.article.title

        self.ws.command(run, self._solved, self._refused, owner=self)

    def _solved(self, result: tuple[str, str]) -> None:
        self._busy = False
        number, title = result
        self.sig_solved.emit(number, title)
        self.accept()

    def _created(self, number: str) -> None:
        self._busy = False
        self.sig_created.emit(number)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self._show_error(field_of(exc), message_for(exc))

    def _show_error(self, field: str | None, message: str) -> None:
        if field == "category":
            self.category_error.setText(message)
            self.category_error.setVisible(True)
            self.category_search.setFocus()
            return
        self.form.show_error(field, message)

    def error_text(self, field: str | None = None) -> str:
        if field == "category":
            return self.category_error.text() if not self.category_error.isHidden() else ""
        return self.form.error_text(field)
