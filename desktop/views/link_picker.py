"""Choosing the other ticket of a link by what a person remembers of it: a piece of
its number ("00042") or words of its title ("router pulawska"). Matches show under
the box as it is typed (searched on a worker, the tickets the person may see, most
recently changed first); one is chosen from the list, or taken when it is the only
match. Nobody has to type a 22-character number."""

from __future__ import annotations

from typing import Any

from core.ticket_query import TicketFilter, TicketQuery
from desktop.labels import label
from desktop.qt import QCompleter, QLineEdit, QRect, QStringListModel, Qt, QTimer, QWidget, Signal
from desktop.workspace import Workspace

SHOWN = 12
MIN_CHARS = 2


def search_tickets(session: Any, ref: Any, user: Any, text: str, limit: int = SHOWN) -> list[tuple[str, str, str]]:
    """(number, title, status) of the tickets matching `text` by number or title words."""
    query = TicketQuery(ref, user, TicketFilter(queue="all", text=text), sort="updated", descending=True)
    return [(r.number, r.title, r.status) for r in query.page(session, 0, limit)]


class LinkPicker(QLineEdit):
    # the matches for the text typed have arrived (how many)
    sig_matches = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.exclude: str | None = None  # the ticket being linked from
        self.matches: list[tuple[str, str, str]] = []
        self.chosen: str | None = None
        self._shown: dict[str, str] = {}
        self._generation = 0
        self.setPlaceholderText(self.tr("Number or words of the title"))
        self.setToolTip(self.tr("A piece of the other ticket's number, or words of its title"))
        self.setClearButtonEnabled(True)
        self.model_ = QStringListModel(self)
        self.completer_ = QCompleter(self.model_, self)
        # the list is already the search's answer: show it as it is
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.activated.connect(self._picked)
        self.setCompleter(self.completer_)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.search)
        self.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self.chosen = None
        self._debounce.start()

    def search(self) -> None:
        text = self.text().strip()
        self._generation += 1
        generation = self._generation
        if len(text) < MIN_CHARS:
            self._found(generation, [])
            return
        exclude = self.exclude
        self.ws.read(lambda s, ref, user: [m for m in search_tickets(s, ref, user, text, SHOWN + 1)
                                           if m[0] != exclude][:SHOWN],
                     lambda found: self._found(generation, found), lambda _exc: self._found(generation, []),
                     owner=self)

    def _found(self, generation: int, found: list[tuple[str, str, str]]) -> None:
        if generation != self._generation:
            return
        self.matches = found
        self._shown = {f"{number} — {title} ({label('status', status)})": number for number, title, status in found}
        self.model_.setStringList(list(self._shown))
        if found and self.hasFocus():
            self.show_matches()
        self.sig_matches.emit(len(found))

    def show_matches(self) -> None:
        """The list of matches under the box, wide enough for number and title (reaching
        left of a box that sits at the right of a narrow pane)."""
        texts = self.model_.stringList()
        if not texts:
            return
        metrics = self.fontMetrics()
        width = min(max(metrics.horizontalAdvance(t) for t in texts) + 48, 640)
        width = max(width, self.width())
        self.completer_.complete(QRect(min(0, self.width() - width), 0, width, self.height()))

    def _picked(self, text: str) -> None:
        number = self._shown.get(text)
        if number is not None:
            self.chosen = number
            self.setText(number)

    def choose(self, number: str) -> None:
        self.chosen = number
        self.setText(number)

    def number(self) -> str | None:
        """The ticket chosen, or typed in full, or the only match; None while that is unclear."""
        if self.chosen:
            return self.chosen
        typed = self.text().strip().upper()
        numbers = [number for number, _title, _status in self.matches]
        if typed in numbers:
            return typed
        return numbers[0] if len(numbers) == 1 else None

    def clear_choice(self) -> None:
        self.chosen = None
        self.matches = []
        self.model_.setStringList([])
        self.clear()
