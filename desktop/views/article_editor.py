"""Writing or editing a knowledge article (support staff): its title, the categories
it is filed under (the first ticked is its main one) and the body in Markdown, with
a preview of how it reads. The dialog does not save by itself: Save hands the values
to whoever opened it (the Knowledge window), which runs the command and either
closes the dialog or shows the refusal by its field."""

from __future__ import annotations

from dataclasses import dataclass

from core.reference import Reference
from desktop.org_names import org_names
from desktop.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.form import Form

PathRole = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ArticleValues:
    title: str
    body: str
    categories: list[str]


class CategoryChecklist(QListWidget):
    """Every category of the organisation by its name, to tick; remembers the order
    they were ticked in, as an article's first category is its main one."""

    def __init__(self, ref: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = org_names(ref)
        self._order: list[str] = []
        for path in sorted(ref.category_paths):
            item = QListWidgetItem(names.category(path), self)
            item.setData(PathRole, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.itemChanged.connect(self._changed)

    def set_paths(self, paths: list[str]) -> None:
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(PathRole) in paths else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        known = {self.item(r).data(PathRole) for r in range(self.count())}
        self._order = [p for p in paths if p in known]
        first = next((self.item(r) for r in range(self.count()) if self.item(r).data(PathRole) in self._order), None)
        if first is not None:  # the main category in view, not below the fold
            self.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)

    def paths(self) -> list[str]:
        return list(self._order)

    def _changed(self, item: QListWidgetItem) -> None:
        path = item.data(PathRole)
        if item.checkState() == Qt.CheckState.Checked:
            if path not in self._order:
                self._order.append(path)
        elif path in self._order:
            self._order.remove(path)


class ArticleEditor(QDialog):
    # Save was pressed with these values
    sig_save = Signal(object)

    def __init__(self, ref: Reference, values: ArticleValues, parent: QWidget | None = None, *,
                 number: str | None = None, source_ticket: str | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.source_ticket = source_ticket
        self.setObjectName("articleEditor")
        if number is None:
            self.setWindowTitle(self.tr("New article"))
        else:
            self.setWindowTitle(self.tr("Edit article {0}").format(number))
        self.form = Form(self)
        self.title = QLineEdit(values.title, self)
        self.title.setObjectName("articleTitleEdit")
        self.title.setPlaceholderText(self.tr("What the article solves, in a few words"))
        self.categories = CategoryChecklist(ref, self)
        self.categories.setObjectName("articleCategories")
        self.categories.set_paths(values.categories)
        self.categories.setMaximumHeight(130)
        self.body = QPlainTextEdit(values.body, self)
        self.body.setObjectName("articleBodyEdit")
        self.body.setPlaceholderText(self.tr("The symptom and the steps that fix it. Markdown: **bold**, "
                                             "1. numbered steps, ## headings"))
        self.body.setTabChangesFocus(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("articlePreview")
        self.pages = QTabWidget(self)
        self.pages.addTab(self.body, self.tr("Write"))
        self.pages.addTab(self.preview, self.tr("Preview"))
        self.pages.currentChanged.connect(self._preview)
        self.form.add_row("title", self.tr("Title *"), self.title)
        self.form.add_row("category", self.tr("Categories"), self.categories, aliases=("categories",))
        self.form.add_row("body", self.tr("Text"), self.pages)
        hint = QLabel(self.tr("The first category ticked is the article's main one."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        if source_ticket:
            hint.setText(hint.text() + " " + self.tr("Written from ticket {0}; it is linked to it when saved.")
                         .format(source_ticket))
        self.buttons = QDialogButtonBox(self)
        self.save = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("saveArticle")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.title.setFocus()

    def values(self) -> ArticleValues:
        return ArticleValues(self.title.text(), self.body.toPlainText(), self.categories.paths())

    def _preview(self, index: int) -> None:
        if index == 1:
            self.preview.setMarkdown(self.body.toPlainText())

    def _save(self) -> None:
        self.form.clear_errors()
        if not self.title.text().strip():
            self.show_error("title", self.tr("Give the article a title."))
            return
        self.save.setEnabled(False)
        self.sig_save.emit(self.values())

    def saved(self) -> None:
        self.accept()

    def show_error(self, field: str | None, message: str) -> None:
        self.save.setEnabled(True)
        self.form.show_error(field, message)

    def error_text(self, field: str | None = None) -> str:
        return self.form.error_text(field)
