"""Search (Ctrl+K): tickets and comments, with results as the person types, and the
knowledge articles the words find after them (published ones, and the drafts the
person may read, DESIGN §15). Each query runs on a worker; only the newest answer
is shown. The first 50 tickets come with the count of all ("50 of 120 tickets");
scrolling to the end brings 50 more. A chosen ticket is shown in the window, a
chosen article in the Knowledge window."""

from __future__ import annotations

from typing import Any

from core.errors import InvalidInput
from core.knowledge import ArticleSummary, search_articles
from core.queries import search, search_count
from desktop.errors import message_for
from desktop.models.search_results import SearchResultsModel
from desktop.org_names import org_names
from desktop.qt import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QShortcut,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.article_view import article_item
from desktop.workspace import Workspace

PAGE = 50
ARTICLES = 20  # articles listed after the tickets, best first
ArticleRole = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    # the person chose a ticket: its number
    sig_chosen = Signal(str)
    # the person chose a knowledge article: its number
    sig_article_chosen = Signal(str)
    # results for the current words are shown
    sig_results = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Search"))
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Search tickets and knowledge articles…"))
        self.box.setClearButtonEnabled(True)
        self.results = SearchResultsModel(self)
        self.table = hits_view(self.results, "searchResults", self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the articles
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        # the articles the words find, after the tickets; hidden while none
        self.articles_title = QLabel(self)
        self.articles_title.setObjectName("searchArticlesTitle")
        self.articles = QListWidget(self)
        self.articles.setObjectName("searchArticles")
        self.articles.setWordWrap(True)
        self.articles.setAlternatingRowColors(True)  # two lines each: where one ends shows
        self.articles.itemActivated.connect(self._choose_article)
        self.articles_title.setVisible(False)
        self.articles.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.status)
        layout.addWidget(self.articles_title)
        layout.addWidget(self.articles, 1)
        self._generation = 0
        self._text = ""
        self._total = 0
        self._fetching = False
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._search)
        self.box.textChanged.connect(lambda _t: self._debounce.start())
        self.box.returnPressed.connect(self._choose_current)
        self.table.activated.connect(lambda index: self._choose(index.row()))
        # Down in the words goes to the results; only there, so that Down moves through them
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.box)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._down)
        self.resize(720, 520)

    def _down(self) -> None:
        if not self.results.rowCount() and self.articles.count():
            self.articles.setFocus()
            self.articles.setCurrentRow(max(0, self.articles.currentRow()))
            return
        self.table.setFocus()
        if self.results.rowCount():
            self.table.selectRow(max(0, self.table.currentIndex().row()))

    def _search(self) -> None:
        text = self.box.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.results.set_hits([])
            self._show_articles([])
            self.status.clear()
            self.sig_results.emit(0)
            return

        def done(found: tuple[list[dict[str, object]], int, list[ArticleSummary]]) -> None:
            if generation != self._generation:
                return
            hits, total, articles = found
            self._text, self._total = text, total
            self.results.set_hits(hits)
            if hits:
                self.table.selectRow(0)
            self._show_articles(articles)
            self._show_count()
            self.sig_results.emit(len(hits))

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.results.set_hits([])
                self._show_articles([])
                self._total = 0
                self.status.setText(self.tr("Type a word to search for.") if isinstance(exc, InvalidInput)
                                    else message_for(exc))
                self.sig_results.emit(0)

        def read(s: Any, ref: Any, user: Any) -> tuple[list[dict[str, Any]], int, list[ArticleSummary]]:
            return (search(s, ref, user, text, limit=PAGE), search_count(s, user, text),
                    search_articles(s, ref, user, text, limit=ARTICLES))

        self.ws.read(read, done, failed, owner=self)

    def _show_articles(self, found: list[ArticleSummary]) -> None:
        names = org_names(self.ws.ref)
        self.articles.clear()
        for summary in found:
            article_item(self.articles, summary, names, self.tr("Draft"))
        self.articles_title.setText(self.tr("Knowledge articles (%n)", "", len(found)))
        self.articles_title.setVisible(bool(found))
        self.articles.setVisible(bool(found))

    def article_numbers(self) -> list[str]:
        """The articles listed, in their order."""
        return [str(self.articles.item(r).data(ArticleRole)) for r in range(self.articles.count())]

    def _show_count(self) -> None:
        shown = self.results.rowCount()
        if not shown and self.articles.count():
            self.status.setText(self.tr("No tickets match “{0}”.").format(self._text))
        elif not shown:
            self.status.setText(self.tr("No tickets match “{0}”. Try fewer or shorter words.").format(self._text))
        elif shown < self._total:
            self.status.setText(self.tr("{0} of %n ticket(s) — scroll down for more", "", self._total)
                                .format(shown))
        else:
            self.status.setText(self.tr("%n ticket(s)", "", shown))

    def _scrolled(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        if value >= bar.maximum() - 2:
            self.fetch_more()

    def fetch_more(self) -> None:
        """The next page of hits, if there are more than shown."""
        offset = self.results.rowCount()
        if self._fetching or offset >= self._total or not self._text:
            return
        self._fetching = True
        generation, text = self._generation, self._text

        def done(hits: list[dict[str, Any]]) -> None:
            self._fetching = False
            if generation == self._generation:
                self.results.add_hits(hits)
                self._show_count()

        def failed(exc: BaseException) -> None:
            self._fetching = False
            self.status.setText(message_for(exc))

        self.ws.read(lambda s, ref, user: search(s, ref, user, text, limit=PAGE, offset=offset), done, failed,
                     owner=self)

    def _choose_current(self) -> None:
        if not self.results.rowCount() and self.articles.count():
            self._choose_article(self.articles.currentItem() or self.articles.item(0))
            return
        row = self.table.currentIndex().row()
        self._choose(row if row >= 0 else 0)

    def _choose_article(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.sig_article_chosen.emit(str(item.data(ArticleRole)))
            self.accept()

    def _choose(self, row: int) -> None:
        number = self.results.number_at(row)
        if number:
            self.sig_chosen.emit(number)
            self.accept()


def hits_view(model: SearchResultsModel, name: str, parent: QWidget) -> QTableView:
    """A list of tickets (search hits, or the tickets behind a figure): whole rows, one
    at a time, read-only, the title taking the room."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setShowGrid(False)
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view
