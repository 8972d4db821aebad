"""The Knowledge window (DESIGN §15): the articles this person may read (published
ones; drafts too for support staff), a search over them (FTS, on a worker, as it is
typed), and the chosen article read on the right, rendered from Markdown. Support
staff write new articles and edit them; agents, managers and admins publish drafts.
"Write an article from this resolution" on a resolved ticket opens the editor filled
from the ticket (core.services.knowledge.draft_from_ticket).

Lists and articles are read on workers, every answer tagged with the request it
answers so that a late one for an older search is dropped; a change set naming
articles reads the list and the article shown again."""

from __future__ import annotations

from typing import Any

from core.knowledge import ArticleDetail, ArticleSummary, list_articles, read_article, search_articles
from core.lifecycle import is_support
from core.services import knowledge as service
from core.ticket_words import words_match
from core.uow import ChangeSet
from desktop.errors import field_of, message_for
from desktop.org_names import org_names
from desktop.qt import (
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.article_editor import ArticleEditor, ArticleValues
from desktop.views.article_view import ArticleView, article_item
from desktop.workspace import Workspace

NumberRole = Qt.ItemDataRole.UserRole
LIST_LIMIT = 200
DEBOUNCE_MS = 250
# change kinds that alter what the window shows
ARTICLE_KINDS = frozenset({"article", "article_link"})


class KnowledgeWindow(QWidget):
    # the list (a search's answer or every article) is shown: how many
    sig_listed = Signal(int)
    # an article is shown in full: its number
    sig_shown = Signal(str)
    # an article was saved (made, edited or published): its number
    sig_saved = Signal(str)
    # the person opened a ticket the article is linked to
    sig_open_ticket = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = workspace
        role = workspace.user.role
        self.may_write = is_support(role)
        self.may_publish = role in service.PUBLISHERS
        self.summaries: list[ArticleSummary] = []
        self.editor: ArticleEditor | None = None
        self._want: str | None = None  # the article to show once the list holds it
        self._list_generation = 0
        self._read_generation = 0
        self.setWindowTitle(self.tr("Knowledge — Branchdesk"))
        self.setObjectName("knowledgeWindow")

        self.search = QLineEdit(self)
        self.search.setObjectName("articleSearch")
        self.search.setPlaceholderText(self.tr("Search articles: words of the title or the text…"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New article"), self)
        self.new_button.setObjectName("newArticle")
        self.new_button.clicked.connect(lambda: self.new_article())
        self.new_button.setVisible(self.may_write)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)

        self.list = QListWidget(self)
        self.list.setObjectName("articleList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)  # two lines an article: the rows stay apart
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda item, _prev: self._chosen(item))
        self.empty = QLabel(self)
        self.empty.setObjectName("articleListEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)

        self.view = ArticleView(workspace, self)
        self.view.clear(self.tr("Choose an article to read it here."))
        self.view.sig_open_ticket.connect(self.sig_open_ticket)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editArticle")
        self.edit_button.clicked.connect(self.edit_article)
        self.publish_button = QPushButton(self.tr("Publish"), self)
        self.publish_button.setObjectName("publishArticle")
        self.publish_button.setToolTip(self.tr("Make the draft readable by everyone and offer it while tickets "
                                               "are logged"))
        self.publish_button.clicked.connect(self.publish)
        self.error = QLabel(self)
        self.error.setObjectName("knowledgeError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)  # the buttons keep their width when no error is said
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.publish_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addLayout(buttons)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        left.setMinimumWidth(200)
        right.setMinimumWidth(300)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Esc"), self, self.close)
        workspace.bus.sig_changed.connect(self._changed)
        self._show_buttons()
        self.resize(900, 620)
        self.refresh()

    # -- the list ---------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again on a worker: the search's matches, or every article."""
        self._debounce.stop()
        self._list_generation += 1
        generation = self._list_generation
        text = self.search.text().strip()
        searching = words_match(text) is not None

        def read(session: Any, ref: Any, user: Any) -> list[ArticleSummary]:
            if searching:
                return search_articles(session, ref, user, text, limit=LIST_LIMIT)
            return list_articles(session, ref, user, limit=LIST_LIMIT)

        self.ws.read(read, lambda found: self._listed(generation, found, text if searching else ""),
                     lambda exc: self._list_failed(generation, exc), owner=self)

    def _listed(self, generation: int, found: list[ArticleSummary], searched: str) -> None:
        if generation != self._list_generation:
            return  # an older search's answer
        keep = self._want or self.current_number()
        self._want = None
        self.summaries = found
        names = org_names(self.ws.ref)
        self.list.blockSignals(True)
        self.list.clear()
        for summary in found:
            article_item(self.list, summary, names, self.tr("Draft"))
        self.list.blockSignals(False)
        if searched and not found:
            self.empty.setText(self.tr("No article holds every word of \u201c{0}\u201d. Try fewer or other "
                                       "words.").format(searched))
        elif not found:
            self.empty.setText(self.tr("No articles yet.") + (" " + self.tr("Write the first with New article.")
                                                             if self.may_write else ""))
        self.empty.setVisible(not found)
        row = self._row_of(keep)
        if row >= 0:
            # the list was emptied, so this is a change of the current row: the article is read again
            self.list.setCurrentRow(row)
        elif self.view.detail is None and found and searched:
            self.list.setCurrentRow(0)
        self.sig_listed.emit(len(found))

    def _list_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._list_generation:
            return
        self.empty.setText(message_for(exc))
        self.empty.setVisible(True)

    def _row_of(self, number: str | None) -> int:
        return next((r for r in range(self.list.count()) if self.list.item(r).data(NumberRole) == number), -1)

    def current_number(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(NumberRole)) if item is not None else None

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_article(str(item.data(NumberRole)))

    # -- one article ------------------------------------------------------------
    def show_article(self, number: str) -> None:
        """Read the article on a worker and show it (a linked article opened from a
        ticket may be outside the list: it is shown all the same)."""
        self._read_generation += 1
        generation = self._read_generation
        self.error.setVisible(False)
        self.ws.read(lambda s, ref, user: read_article(s, ref, user, number),
                     lambda detail: self._read(generation, detail), lambda exc: self._read_failed(generation, exc),
                     owner=self)

    def _read(self, generation: int, detail: ArticleDetail) -> None:
        if generation != self._read_generation:
            return
        self.view.show_detail(detail)
        self._show_buttons()
        self.sig_shown.emit(detail.number)

    def _read_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._read_generation:
            return
        self.view.clear(message_for(exc))
        self._show_buttons()

    def open_article(self, number: str) -> None:
        """Show the window with this article (from a ticket's linked articles)."""
        self.show()
        self.raise_()
        self.activateWindow()
        row = self._row_of(number)
        if row >= 0 and self.list.currentRow() != row:
            self.list.setCurrentRow(row)  # which reads it
            return
        if row < 0:
            self._want = number  # chosen in the list once the list holds it
        self.show_article(number)

    def _show_buttons(self) -> None:
        detail = self.view.detail
        self.edit_button.setVisible(self.may_write and detail is not None)
        self.publish_button.setVisible(self.may_publish and detail is not None and detail.status == "draft")

    def _changed(self, changes: ChangeSet) -> None:
        if changes.kinds & ARTICLE_KINDS:
            self._debounce.start()
            if self.view.detail is not None and self._row_of(self.view.detail.number) < 0:
                self.show_article(self.view.detail.number)  # shown, but not in the list: read it here

    # -- writing ------------------------------------------------------------------
    def new_article(self, draft: service.ArticleDraft | None = None) -> ArticleEditor | None:
        if not self.may_write:
            return None
        draft = draft or service.ArticleDraft(title="")
        values = ArticleValues(draft.title, draft.body, list(draft.categories))
        source = draft.source_ticket
        editor = self._open_editor(ArticleEditor(self.ws.ref, values, self, source_ticket=source))

        def save(values: ArticleValues) -> None:
            made = service.ArticleDraft(title=values.title, body=values.body, categories=values.categories,
                                        source_ticket=source)
            self._save(editor, lambda uow, user: service.new_article(uow, user, made).number)

        editor.sig_save.connect(save)
        return editor

    def write_from_ticket(self, number: str) -> None:
        """"Write an article from this resolution": the editor, filled from the ticket."""
        self.show()
        self.raise_()

        def failed(exc: BaseException) -> None:
            self._show_error(message_for(exc))

        self.ws.read(lambda s, ref, user: service.draft_from_ticket(s, ref, user, number),
                     self.new_article, failed, owner=self)

    def edit_article(self) -> ArticleEditor | None:
        detail = self.view.detail
        if detail is None or not self.may_write:
            return None
        number = detail.number
        values = ArticleValues(detail.title, detail.body, list(detail.categories))
        editor = self._open_editor(ArticleEditor(self.ws.ref, values, self, number=number))

        def save(new: ArticleValues) -> None:
            edit = service.ArticleEdit(
                title=new.title if new.title != values.title else None,
                body=new.body if new.body != values.body else None,
                categories=new.categories if new.categories != values.categories else None)
            if edit == service.ArticleEdit():
                editor.saved()  # nothing changed: nothing to save
                return
            self._save(editor, lambda uow, user: service.edit_article(uow, user, number, edit).number)

        editor.sig_save.connect(save)
        return editor

    def _open_editor(self, editor: ArticleEditor) -> ArticleEditor:
        if self.editor is not None:
            self.editor.close()
        self.editor = editor
        editor.finished.connect(lambda _r: setattr(self, "editor", None) if self.editor is editor else None)
        editor.open()
        return editor

    def _save(self, editor: ArticleEditor, command: Any) -> None:
        def done(number: str) -> None:
            editor.saved()
            self.open_article(number)
            self.sig_saved.emit(number)

        self.ws.command(command, done, lambda exc: editor.show_error(field_of(exc), message_for(exc)), owner=editor)

    def publish(self) -> None:
        detail = self.view.detail
        if detail is None or not self.may_publish or detail.status != "draft":
            return
        number = detail.number
        self.publish_button.setEnabled(False)

        def done(_number: str) -> None:
            self.publish_button.setEnabled(True)
            self.show_article(number)
            self.sig_saved.emit(number)

        def failed(exc: BaseException) -> None:
            self.publish_button.setEnabled(True)
            self._show_error(message_for(exc))

        self.ws.command(lambda uow, user: service.publish_article(uow, user, number).number, done, failed,
                        owner=self)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
