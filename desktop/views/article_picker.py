"""Choosing a knowledge article to link to a ticket ("Link an article…"): words of its
title or text, or a piece of its number ("KB-POZ" or "00012"). The matches show as
they are typed, searched on a worker (the articles the person may read), a late
answer to older words dropped; one is chosen with a double-click, Enter or Link."""

from __future__ import annotations

import re
from typing import Any

from core.knowledge import ArticleSummary, list_articles, search_articles
from core.ticket_words import words_match
from desktop.errors import message_for
from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.workspace import Workspace

NumberRole = Qt.ItemDataRole.UserRole
SHOWN = 30
# a piece of an article number: digits, or KB- and what follows
NUMBER_PIECE = re.compile(r"^(kb-[\w-]*|[\w-]*\d[\w-]*)$", re.IGNORECASE)
# how many articles a number piece is looked for among (most recently updated first)
NUMBER_SCAN = 2000


def find_articles(session: Any, ref: Any, user: Any, text: str, limit: int = SHOWN) -> list[ArticleSummary]:
    """Articles whose number holds `text`, then those whose words match it (FTS)."""
    found: list[ArticleSummary] = []
    text = text.strip()
    if NUMBER_PIECE.match(text):
        piece = text.upper()
        found = [a for a in list_articles(session, ref, user, limit=NUMBER_SCAN) if piece in a.number][:limit]
    if words_match(text) is not None and len(found) < limit:
        numbers = {a.number for a in found}
        found += [a for a in search_articles(session, ref, user, text, limit=limit) if a.number not in numbers]
    return found[:limit]


class ArticlePicker(QDialog):
    # the person chose an article: its number
    sig_chosen = Signal(str)
    # the matches for the words typed are listed (how many)
    sig_matches = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 exclude: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.exclude = exclude  # already linked
        self._generation = 0
        self.setObjectName("articlePicker")
        self.setWindowTitle(self.tr("Link an article"))
        self.text = QLineEdit(self)
        self.text.setObjectName("articlePickerText")
        self.text.setPlaceholderText(self.tr("Words of the title, or a piece of the number"))
        self.text.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("articlePickerMatches")
        self.matches.setWordWrap(True)
        self.matches.itemActivated.connect(lambda _item: self.choose())
        self.matches.currentItemChanged.connect(lambda cur, _prev: self.link.setEnabled(cur is not None))
        self.hint = QLabel(self.tr("Type at least two letters."), self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.link: QPushButton = self.buttons.addButton(self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link.setObjectName("articlePickerLink")
        self.link.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):  # Enter in the words is ours (_enter), not a default button's
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.search)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.text.returnPressed.connect(self._enter)
        self.resize(520, 420)

    def search(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        text = self.text.text().strip()
        if len(text) < 2:
            self._found(generation, [], text)
            return
        exclude = self.exclude
        self.ws.read(lambda s, ref, user: [a for a in find_articles(s, ref, user, text, SHOWN + len(exclude))
                                           if a.number not in exclude][:SHOWN],
                     lambda found: self._found(generation, found, text),
                     lambda exc: self._failed(generation, exc), owner=self)

    def _found(self, generation: int, found: list[ArticleSummary], text: str) -> None:
        if generation != self._generation:
            return
        self.matches.clear()
        for summary in found:
            draft = self.tr(" (draft)") if summary.status == "draft" else ""
            item = QListWidgetItem(f"{summary.title}{draft}\n{summary.number}", self.matches)
            item.setData(NumberRole, summary.number)
        if found:
            self.matches.setCurrentRow(0)
        if len(text) < 2:
            self.hint.setText(self.tr("Type at least two letters."))
        elif not found:
            self.hint.setText(self.tr("No article matches \u201c{0}\u201d.").format(text))
        else:
            self.hint.setText(self.tr("%n article(s) match.", "", len(found)))
        self.sig_matches.emit(len(found))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.hint.setText(message_for(exc))

    def _enter(self) -> None:
        if self._debounce.isActive():
            self.search()
        elif self.matches.currentItem() is not None:
            self.choose()

    def choose(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        self.sig_chosen.emit(str(item.data(NumberRole)))
        self.accept()

    def keyPressEvent(self, event: Any) -> None:
        # Up and Down in the words move through the matches
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.text.hasFocus() and self.matches.count():
            row = self.matches.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.matches.setCurrentRow(max(0, min(row, self.matches.count() - 1)))
            return
        super().keyPressEvent(event)
