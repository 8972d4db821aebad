"""A ticket's knowledge articles, under its links (DESIGN §15): the articles linked
to it, each opened in the Knowledge window; for support staff "Link an article…"
(a picker searching articles by title or number) and, on a resolved ticket, "Write
an article from this resolution"."""

from __future__ import annotations

from core.knowledge import ArticleSummary
from desktop.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.flow_layout import FlowLayout
from desktop.views.form import error_label

NumberRole = Qt.ItemDataRole.UserRole


class TicketArticles(QWidget):
    # open this article (its number) in the Knowledge window
    sig_open = Signal(str)
    # the person asked to link an article
    sig_link = Signal()
    # the person asked to write an article from the ticket's resolution
    sig_write = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers: list[str] = []
        self.caption = QLabel(self.tr("Knowledge articles"), self)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.entries = QListWidget(self)
        self.entries.setObjectName("ticketArticles")
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setMaximumHeight(110)
        self.entries.setToolTip(self.tr("Double-click or Enter opens the article"))
        self.entries.itemActivated.connect(lambda item: self.sig_open.emit(str(item.data(NumberRole))))
        self.none = QLabel(self.tr("No article is linked to this ticket."), self)
        self.none.setProperty("role", "hint")
        self.none.setWordWrap(True)
        self.link = QPushButton(self.tr("Link an article…"), self)
        self.link.setObjectName("linkArticle")
        self.link.clicked.connect(self.sig_link)
        self.write = QPushButton(self.tr("Write an article from this resolution"), self)
        self.write.setObjectName("writeArticle")
        self.write.setToolTip(self.tr("A new draft article with this ticket's title, category, description and "
                                      "resolution, to edit before saving"))
        self.write.clicked.connect(self.sig_write)
        self.error = error_label(self)
        buttons = QWidget(self)
        row = FlowLayout(buttons)
        row.addWidget(self.link)
        row.addWidget(self.write)
        head = QHBoxLayout()
        head.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.entries)
        layout.addWidget(self.none)
        layout.addWidget(buttons)
        layout.addWidget(self.error)
        # room the tab has over goes below: with no ticket links above (a requester's view) the
        # section would otherwise spread down the tab, its caption in the middle of a tall label
        layout.addStretch(1)

    def show_articles(self, articles: list[ArticleSummary], *, may_link: bool, may_write: bool) -> None:
        self.entries.clear()
        self.numbers = [a.number for a in articles]
        for article in articles:
            draft = self.tr(" (draft)") if article.status == "draft" else ""
            item = QListWidgetItem(f"{article.title}{draft}\n{article.number}", self.entries)
            item.setData(NumberRole, article.number)
            item.setToolTip(article.title)
        self.entries.setVisible(bool(articles))
        self.none.setVisible(not articles)
        self.link.setVisible(may_link)
        self.write.setVisible(may_write)
        self.error.setVisible(False)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
