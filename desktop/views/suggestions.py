"""Knowledge articles suggested beside the new-ticket form (DESIGN §15): as the title
and the category are typed, the published articles that match them best
(core.knowledge.suggest), each with "Read" and "This solved it".

The words are looked up 250 ms after the typing stops, on a worker; each lookup is
numbered and an answer to older words than the last asked is dropped, so a slow
answer never replaces a newer one."""

from __future__ import annotations

from core.knowledge import Suggestion, suggest
from core.ticket_words import words_of
from desktop.org_names import org_names
from desktop.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.workspace import Workspace

DEBOUNCE_MS = 250


class SuggestionsPanel(QWidget):
    # "Read": the article's number
    sig_read = Signal(str)
    # "This solved it": the article's number
    sig_solved = Signal(str)
    # the suggestions for the latest words are shown (how many)
    sig_shown = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions")
        self.ws = workspace
        self.names = org_names(workspace.ref)
        self.shown: list[Suggestion] = []
        self.rows: list[QFrame] = []
        self.asked = 0  # lookups started (the last one's number)
        self._title = ""
        self._category: str | None = None
        heading = QLabel(self.tr("Could one of these solve it?"), self)
        heading.setObjectName("suggestionsHeading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.hint = QLabel(self.tr("Articles that may solve the problem show here as you type what is wrong."), self)
        self.hint.setObjectName("suggestionsHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.list = QWidget(self)
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.look_up)

    def ask(self, title: str, category: str | None) -> None:
        """The form changed: look up suggestions once the typing pauses."""
        self._title, self._category = title, category
        self._debounce.start()

    def look_up(self) -> None:
        self._debounce.stop()
        self.asked += 1
        asked, title, category = self.asked, self._title, self._category
        if not words_of(title) and not category:
            self._found(asked, [])
            return
        self.ws.read(lambda s, ref, user: suggest(s, ref, user, title, category), lambda found: self._found(asked, found),
                     lambda _exc: self._found(asked, []), owner=self)

    def _found(self, asked: int, found: list[Suggestion]) -> None:
        if asked != self.asked:
            return  # an answer to older words
        self.shown = found
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for suggestion in found:
            row = self._row(suggestion)
            self.rows.append(row)
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        if found:
            self.hint.setText(self.tr("If an article solves it, say so: it is logged as solved at once."))
        elif words_of(self._title) or self._category:
            self.hint.setText(self.tr("No article matches yet. Log the ticket and the desk will help."))
        else:
            self.hint.setText(self.tr("Articles that may solve the problem show here as you type what is wrong."))
        self.sig_shown.emit(len(found))

    def _row(self, suggestion: Suggestion) -> QFrame:
        row = QFrame(self.list)
        row.setObjectName(f"suggestion_{suggestion.number}")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(suggestion.title, row)
        title.setObjectName("suggestionTitle")
        title.setWordWrap(True)
        where = QLabel(self.names.category(suggestion.categories[0]) if suggestion.categories else "", row)
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        read = QPushButton(self.tr("Read"), row)
        read.setObjectName("suggestionRead")
        read.setAutoDefault(False)
        read.setToolTip(self.tr("Read the article"))
        read.clicked.connect(lambda _checked=False, n=suggestion.number: self.sig_read.emit(n))
        solved = QPushButton(self.tr("This solved it"), row)
        solved.setObjectName("suggestionSolved")
        solved.setAutoDefault(False)
        solved.setToolTip(self.tr("The article solved the problem: no one needs to work on it"))
        solved.clicked.connect(lambda _checked=False, n=suggestion.number: self.sig_solved.emit(n))
        buttons = QHBoxLayout()
        buttons.addWidget(read)
        buttons.addWidget(solved)
        buttons.addStretch(1)
        column = QVBoxLayout(row)
        column.setContentsMargins(6, 4, 6, 4)
        column.setSpacing(2)
        column.addWidget(title)
        column.addWidget(where)
        column.addLayout(buttons)
        return row

    def buttons_of(self, number: str) -> tuple[QPushButton, QPushButton]:
        """The "Read" and "This solved it" buttons of a suggestion shown."""
        row = next(r for r in self.rows if r.objectName() == f"suggestion_{number}")
        read = row.findChild(QPushButton, "suggestionRead")
        solved = row.findChild(QPushButton, "suggestionSolved")
        assert isinstance(read, QPushButton) and isinstance(solved, QPushButton)
        return read, solved
