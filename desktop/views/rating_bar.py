"""The rating bar on a resolved ticket (DESIGN §15), for its requester: how happy she
is with how it was solved (1-5), how easy it was to get it solved (1-5), an optional
comment, Send. A rating already given shows as one line with "Change" while the
ticket is resolved; once it is closed the line says it can no longer be changed.
Refusals are said next to the bar in plain words (core.services.ratings decides)."""

from __future__ import annotations

from core.errors import BranchdeskError
from core.services.ratings import COMMENT_MAX, RatingInfo
from desktop.errors import message_for
from desktop.qt import (
    QButtonGroup,
    QCoreApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class ScoreButtons(QWidget):
    """Five checkable buttons, 1 to 5, one of which may be chosen."""

    sig_changed = Signal(int)

    def __init__(self, name: str, tips: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for value in range(1, 6):
            button = QToolButton(self)
            button.setObjectName(f"{name}_{value}")
            button.setText(str(value))
            button.setCheckable(True)
            button.setToolTip(tips[value - 1])
            button.setAccessibleName(tips[value - 1])
            button.setMinimumWidth(26)
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        self.group.idClicked.connect(self.sig_changed)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)
        self.group.setExclusive(True)

    def button(self, value: int) -> QToolButton:
        found = self.group.button(value)
        assert isinstance(found, QToolButton)
        return found


class RatingBar(QFrame):
    # Send: score, effort (int or None), comment
    sig_rate = Signal(int, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number: str | None = None
        self.info: RatingInfo | None = None
        self.may_rate = False
        self._busy = False
        self.heading = QLabel(self.tr("Your ticket is solved. How did it go?"), self)
        self.heading.setObjectName("ratingHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.score = ScoreButtons("ratingScore", [
            self.tr("1: very unhappy"), self.tr("2: unhappy"), self.tr("3: neither"), self.tr("4: happy"),
            self.tr("5: very happy")], self)
        self.effort = ScoreButtons("ratingEffort", [
            self.tr("1: very hard"), self.tr("2: hard"), self.tr("3: neither"), self.tr("4: easy"),
            self.tr("5: very easy")], self)
        score_label = QLabel(self.tr("How happy are you with how it was solved?"), self)
        effort_label = QLabel(self.tr("How easy was it to get this solved?"), self)
        for caption in (score_label, effort_label):
            caption.setWordWrap(True)
            caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        score_label.setBuddy(self.score.button(1))
        effort_label.setBuddy(self.effort.button(1))
        self.comment = QLineEdit(self)
        self.comment.setObjectName("ratingComment")
        self.comment.setPlaceholderText(self.tr("A comment, if you like"))
        self.comment.setMaxLength(COMMENT_MAX)
        self.comment.returnPressed.connect(self.send)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("ratingSend")
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send)
        self.form = QWidget(self)
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(score_label, 0, 0)
        grid.addWidget(self.score, 0, 1)
        grid.addWidget(effort_label, 1, 0)
        grid.addWidget(self.effort, 1, 1)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment, 1)
        comment_row.addWidget(self.send_button)
        grid.addLayout(comment_row, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("ratingSummary")
        self.summary.setWordWrap(True)
        self.change = QPushButton(self.tr("Change"), self)
        self.change.setObjectName("ratingChange")
        self.change.setAutoDefault(False)
        self.change.clicked.connect(self._open_form)
        summary_row = QHBoxLayout()
        summary_row.setContentsMargins(0, 0, 0, 0)
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.change)
        self.note = QLabel(self)
        self.note.setObjectName("ratingNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addLayout(summary_row)
        layout.addWidget(self.note)
        self.setVisible(False)

    # -- what the ticket says ---------------------------------------------------
    def show_for(self, number: str, info: RatingInfo | None, may_rate: bool, mine: bool) -> None:
        """The bar for a ticket: `may_rate` as core.services.ratings.may_rate says, `mine`
        when the signed-in person is its requester. Hidden for anyone else. The same
        ticket read again keeps what she is typing and the last word said."""
        same = number == self.number
        editing = same and not self.isHidden() and not self.form.isHidden() and info == self.info
        self.number, self.info, self.may_rate = number, info, may_rate
        if not same:
            self._busy = False
            self.send_button.setEnabled(True)
            self.note.setVisible(False)
        if not mine or (info is None and not may_rate):
            self.setVisible(False)
            return
        if editing and may_rate:
            return  # she is changing her rating: leave her choices as they are
        self.score.set_value(info.score if info else None)
        self.effort.set_value(info.effort if info else None)
        self.comment.setText(info.comment if info else "")
        self.send_button.setText(self.tr("Send") if info is None else self.tr("Save the change"))
        self._summary_or_form(form=info is None)
        self.setVisible(True)

    def _summary_or_form(self, *, form: bool) -> None:
        info = self.info
        self.heading.setVisible(form)
        self.form.setVisible(form)
        self.summary.setVisible(not form and info is not None)
        self.change.setVisible(not form and info is not None and self.may_rate)
        if info is None:
            return
        text = self.tr("You rated how it was solved {0} of 5").format(info.score)
        if info.effort is not None:
            text += self.tr(", and how easy it was {0} of 5").format(info.effort)
        text += "."
        if not self.may_rate:
            text += " " + self.tr("The ticket is closed, so the rating stays as it is.")
        self.summary.setText(text)

    def _open_form(self) -> None:
        self._summary_or_form(form=True)
        self.score.setFocus()

    # -- sending ------------------------------------------------------------------
    def send(self) -> None:
        if self._busy or self.form.isHidden():
            return
        score = self.score.value()
        if score is None:
            self.show_refusal(self.tr("Choose how happy you are with how it was solved, from 1 to 5."))
            return
        self._busy = True
        self.send_button.setEnabled(False)
        self.note.setVisible(False)
        self.sig_rate.emit(score, self.effort.value(), self.comment.text())

    def rated(self, info: RatingInfo) -> None:
        """The rating is stored: thank her, and show it as one line."""
        self._busy = False
        self.send_button.setEnabled(True)
        self.info = info
        self.may_rate = info.changeable
        self.send_button.setText(self.tr("Save the change"))
        self._summary_or_form(form=False)
        self.note.setProperty("role", "hint")
        self.note.setText(self.tr("Thank you. You can change it until the ticket is closed.") if info.changeable
                          else self.tr("Thank you."))
        self._restyle()
        self.note.setVisible(True)

    def refused(self, exc: BaseException) -> None:
        self._busy = False
        self.send_button.setEnabled(True)
        self.show_refusal(refusal_words(exc))

    def show_refusal(self, text: str) -> None:
        self.note.setProperty("role", "error")
        self.note.setText(text)
        self._restyle()
        self.note.setVisible(True)

    def _restyle(self) -> None:
        style = self.note.style()
        style.unpolish(self.note)
        style.polish(self.note)


def refusal_words(exc: BaseException) -> str:
    """Why a rating was refused, in the window's words (the rules are
    core.services.ratings.refusal's; a ticket may have changed since it was shown)."""
    text = str(exc) if isinstance(exc, BranchdeskError) else ""
    if "its rating can no longer be changed" in text:
        return QCoreApplication.translate("RatingBar", "The ticket has been closed meanwhile, so its rating can no longer be changed.")
    if "only the ticket's requester" in text:
        return QCoreApplication.translate("RatingBar", "Only the person the ticket was logged for rates it.")
    if "was cancelled" in text:
        return QCoreApplication.translate("RatingBar", "The ticket was cancelled, so there is nothing to rate.")
    if "a ticket is rated once it is resolved" in text:
        return QCoreApplication.translate("RatingBar", "The ticket is open again; rate it once it is solved.")
    return message_for(exc)
