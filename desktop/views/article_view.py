"""One knowledge article as a person reads it (DESIGN §15): its title, a line of what
it is (number, draft or published, categories, how often it solved a problem), the
body rendered from Markdown, and the tickets it is linked to. The Knowledge window
shows it beside its list; the new-ticket dialog opens it in a small window of its own
from a suggestion's "Read"."""

from __future__ import annotations

import html

from core.knowledge import ArticleDetail, ArticleSummary, read_article
from desktop.errors import message_for
from desktop.labels import label
from desktop.org_names import OrgNames, org_names
from desktop.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.workspace import Workspace


def article_item(into: QListWidget, summary: ArticleSummary, names: OrgNames, draft: str) -> QListWidgetItem:
    """An article in a list: its title over its number and main category (a draft says
    so in `draft`, the list's own word for it); its number under Qt's UserRole."""
    where = names.category(summary.categories[0]) if summary.categories else ""
    second = " · ".join(p for p in (summary.number, where) if p)
    if summary.status == "draft":
        second = draft + " · " + second
    item = QListWidgetItem(f"{summary.title}\n{second}", into)
    item.setData(Qt.ItemDataRole.UserRole, summary.number)
    item.setToolTip(summary.title)
    return item


class ArticleView(QWidget):
    # a linked ticket was clicked: its number
    sig_open_ticket = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.detail: ArticleDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("articleMeta")
        self.meta.setProperty("role", "hint")
        self.meta.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("articleBody")
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._link)
        self.tickets = QLabel(self)
        self.tickets.setObjectName("articleTickets")
        self.tickets.setWordWrap(True)
        self.tickets.setOpenExternalLinks(False)
        self.tickets.linkActivated.connect(self._ticket_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.tickets)
        self.clear()

    def clear(self, text: str = "") -> None:
        self.detail = None
        self.title.setText(text)
        self.meta.clear()
        self.body.clear()
        self.body.setVisible(False)
        self.tickets.setVisible(False)

    def show_detail(self, detail: ArticleDetail) -> None:
        self.detail = detail
        names = org_names(self.ws.ref)
        self.title.setText(detail.title)
        parts = [detail.number]
        if detail.status == "draft":
            parts.append(self.tr("Draft: only support staff see it"))
        parts += [names.category(c) for c in detail.categories]
        if detail.solved_count:
            parts.append(self.tr("solved a problem %n time(s)", "", detail.solved_count))
        if detail.source_ticket:
            parts.append(self.tr("written from ticket {0}").format(detail.source_ticket))
        self.meta.setText(" · ".join(parts))
        if detail.body.strip():
            self.body.setMarkdown(detail.body)
        else:
            self.body.setPlainText(self.tr("This draft has no text yet."))
        self.body.setVisible(True)
        if detail.tickets:
            links = ", ".join(
                f'<a href="ticket:{html.escape(n)}">{html.escape(n)}</a> ({html.escape(label("status", s))}: '
                f"{html.escape(t)})" for n, s, t in detail.tickets)
            self.tickets.setText(self.tr("Linked tickets: {0}").format(links))
        self.tickets.setVisible(bool(detail.tickets))

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("ticket:"):
            self.sig_open_ticket.emit(text.removeprefix("ticket:"))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def _ticket_link(self, href: str) -> None:
        if href.startswith("ticket:"):
            self.sig_open_ticket.emit(href.removeprefix("ticket:"))


class ArticleReader(QDialog):
    """An article in a window of its own (a suggestion's "Read"), read on a worker;
    "This solved it" at the bottom when the one who opened it offers that."""

    # the article was read and is shown
    sig_loaded = Signal(str)
    # "This solved it" was pressed: the article's number
    sig_solved = Signal(str)

    def __init__(self, workspace: Workspace, number: str, parent: QWidget | None = None, *,
                 solved_button: bool = False) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.number = number
        self.setObjectName("articleReader")
        self.setWindowTitle(self.tr("Article {0}").format(number))
        self.view = ArticleView(workspace, self)
        self.view.clear(self.tr("Reading the article…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.solved: QPushButton | None = None
        if solved_button:
            self.solved = self.buttons.addButton(self.tr("This solved it"), QDialogButtonBox.ButtonRole.ActionRole)
            self.solved.setObjectName("readerSolved")
            self.solved.setEnabled(False)
            self.solved.clicked.connect(self._solved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.ws.read(lambda s, ref, user: read_article(s, ref, user, number), self._loaded, self._failed,
                     owner=self)

    def _loaded(self, detail: ArticleDetail) -> None:
        self.view.show_detail(detail)
        self.setWindowTitle(detail.title)
        if self.solved is not None:
            self.solved.setEnabled(detail.status == "published")
        self.sig_loaded.emit(detail.number)

    def _failed(self, exc: BaseException) -> None:
        self.view.clear(message_for(exc))

    def _solved(self) -> None:
        self.sig_solved.emit(self.number)
        self.accept()
