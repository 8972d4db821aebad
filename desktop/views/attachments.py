"""A ticket's attachments in the window: the list (name, size, who and when, and
whether the content is here, still being added, or waiting for sync to upload it),
adding files by button or by dropping them on the ticket, pasting a screenshot
(the clipboard's image becomes a PNG), and opening or saving a copy.

The 20 MiB limit is checked before anything is copied, and said in words. Copying
in, writing the PNG and copying out run on the workers (desktop.workers); the
attaching itself is the service layer's (core.services.attachments), one
transaction per file, as `branchdesk ticket attach` does."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.blobs import MAX_ATTACHMENT_BYTES, BlobFolder
from core.errors import InvalidInput
from core.models import ChangeEntry
from core.services import attachments as service
from core.ticket_detail import AttachmentEntry, TicketDetail
from desktop.errors import message_for
from desktop.labels import size_text
from desktop.qt import (
    QApplication,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QImage,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMimeData,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.flow_layout import FlowLayout
from desktop.views.form import error_label
from desktop.views.timeline import when
from desktop.workspace import Workspace

# an attachment's id in the list (None for one still being added)
AttachmentIdRole = Qt.ItemDataRole.UserRole + 1
MIB = 1024 * 1024




def local_files(mime: QMimeData | None) -> list[str]:
    """The local files a drag or the clipboard carries."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def _why(exc: BaseException) -> str:
    """An operating system's refusal in its own words ("Permission denied"), else the window's."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return message_for(exc)


def _copy(source: Path, target: Path) -> Path:
    """Copy through a temporary file beside the target, never a half-written file under its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(fd)
    try:
        shutil.copyfile(source, name)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return target


class AttachmentsPanel(QWidget):
    # how many attachments the ticket has, for the tab's title
    sig_count = Signal(int)
    # a file was attached (its name)
    sig_attached = Signal(str)
    # a copy was saved (where)
    sig_saved = Signal(object)
    # something here needs the person's eyes (a problem): show the panel
    sig_look = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.number: str | None = None
        self.entries: dict[str, AttachmentEntry] = {}
        self.adding: dict[int, str] = {}  # files being copied in: token -> name
        self._tokens = iter(range(1, 1 << 62))
        self.may_attach = False
        # how a copy is opened: the system's viewer for its type
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.setAcceptDrops(True)

        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda _cur, _prev: self._buttons())
        self.empty = QLabel(self.tr("No files attached yet."), self)
        self.empty.setProperty("role", "hint")
        self.hint = QLabel(self.tr("Drop files here or paste a screenshot. A file may be at most {0} MiB.")
                           .format(MAX_ATTACHMENT_BYTES // MIB), self)
        self.hint.setObjectName("attachmentHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Attach file…"), self)
        self.add_button.setObjectName("attachFile")
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(self.tr("Paste screenshot"), self)
        self.paste_button.setObjectName("pasteScreenshot")
        self.paste_button.setToolTip(self.tr("Attach the picture on the clipboard as a PNG file"))
        self.paste_button.clicked.connect(self.paste)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openAttachment")
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setObjectName("saveAttachment")
        self.save_button.clicked.connect(self.choose_save)
        self.error = error_label(self)
        self.error.setObjectName("attachmentError")
        # the buttons wrap onto a second line in a narrow pane rather than being clipped
        row = QWidget(self)
        buttons = FlowLayout(row)
        for button in (self.add_button, self.paste_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(row)
        self._here: dict[str, bool] = {}
        self._waiting: set[str] = set()
        self._generation = 0
        self._buttons()

    # -- showing -----------------------------------------------------------------
    def show_detail(self, d: TicketDetail, may_attach: bool) -> None:
        if d.number != self.number:
            self.error.setVisible(False)
            self.adding.clear()
        self.number = d.number
        self.may_attach = may_attach
        self.entries = {a.id: a for a in d.attachments}
        self._fill()
        self._generation += 1
        generation = self._generation
        ids = [uuid.UUID(a.id) for a in d.attachments]
        shas = [(a.id, a.sha256, a.size) for a in d.attachments]
        folder = BlobFolder.beside(self.ws.store.path)

        def states(session: Any, _ref: Any, _user: Any) -> tuple[dict[str, bool], set[str]]:
            here = {id_: folder.has(sha, size) for id_, sha, size in shas}
            waiting = set()
            if ids:
                rows = session.scalars(select(ChangeEntry.record_id).where(
                    ChangeEntry.kind == "attachment", ChangeEntry.state == "pending",
                    ChangeEntry.record_id.in_(ids)))
                waiting = {str(r) for r in rows}
            return here, waiting

        self.ws.read(states, lambda found: self._states(generation, found), owner=self)

    def _states(self, generation: int, found: tuple[dict[str, bool], set[str]]) -> None:
        if generation != self._generation:
            return
        self._here, self._waiting = found
        self._fill()

    def state_of(self, attachment_id: str) -> str:
        if attachment_id in self._waiting:
            return self.tr("waiting to upload: sent with the next sync")
        if not self._here.get(attachment_id, True):
            return self.tr("not downloaded yet: comes with the next sync")
        return ""

    def _fill(self) -> None:
        current = self.selected_id()
        self.list.clear()
        names = {u.username: u.name for u in self.ws.ref.users.values()}
        for a in self.entries.values():
            author = names.get(a.author or "", a.author or "")
            parts = [a.name, size_text(a.size), author, when(a.at)]
            state = self.state_of(a.id)
            if state:
                parts.append(state)
            item = QListWidgetItem("  ·  ".join(p for p in parts if p))
            item.setData(AttachmentIdRole, a.id)
            item.setToolTip(self.tr("{0}\n{1}, attached by {2}").format(a.name, size_text(a.size), author))
            self.list.addItem(item)
            if a.id == current:
                self.list.setCurrentItem(item)
        for name in self.adding.values():
            item = QListWidgetItem(self.tr("{0}  ·  adding…").format(name))
            item.setData(AttachmentIdRole, None)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.empty.setVisible(not self.entries and not self.adding)
        self.list.setVisible(bool(self.entries or self.adding))
        for widget in (self.add_button, self.paste_button, self.hint):
            widget.setVisible(self.may_attach)
        self.sig_count.emit(len(self.entries))
        self._buttons()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(AttachmentIdRole) if item is not None else None
        return str(value) if value else None

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = self.entries.get(str(item.data(AttachmentIdRole)))
            if entry is not None and entry.name == name:
                self.list.setCurrentItem(item)

    def _buttons(self) -> None:
        chosen = self.selected_id()
        here = chosen is not None and self._here.get(chosen, True)
        self.open_button.setEnabled(here)
        self.save_button.setEnabled(here)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.sig_look.emit()

    # -- adding ------------------------------------------------------------------
    def problem_with(self, path: Path) -> str | None:
        """Why this file cannot be attached, in words, before anything is copied."""
        try:
            info = path.stat()
        except OSError:
            return self.tr("“{0}” cannot be found or read.").format(path.name)
        if path.is_dir():
            return self.tr("“{0}” is a folder. Attach the files in it, or a zip of it.").format(path.name)
        if info.st_size == 0:
            return self.tr("“{0}” is empty.").format(path.name)
        if info.st_size > MAX_ATTACHMENT_BYTES:
            return self.tr("“{0}” is {1}; a file may be at most {2} MiB. Make it smaller (zip it, or take a "
                           "smaller screenshot) or split it.").format(path.name, size_text(info.st_size),
                                                                     MAX_ATTACHMENT_BYTES // MIB)
        return None

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files (at most {0} MiB each)").format(MAX_ATTACHMENT_BYTES // MIB))
        self.attach_files(paths)

    def attach_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Attach each file that can be; returns the problems with the others, also shown."""
        problems = []
        chosen = [Path(raw) for raw in paths]
        for path in chosen:
            problem = self.problem_with(path)
            if problem is not None:
                problems.append(problem)
                continue
            self._attach(path.name, partial(Path, path))
        if problems:
            self.show_error("\n".join(problems))
        elif chosen:
            self.error.setVisible(False)
        return problems

    def paste(self) -> bool:
        """Attach the clipboard's picture as a PNG, or its files; False if it holds neither."""
        clipboard = QApplication.clipboard()
        files = local_files(clipboard.mimeData())
        if files:
            self.attach_files(files)
            return True
        image = clipboard.image()
        if image.isNull():
            self.show_error(self.tr("The clipboard holds no picture. Take a screenshot first (Print Screen), "
                                    "then paste it here."))
            return False
        self.attach_image(image)
        return True

    def attach_image(self, image: QImage) -> None:
        name = datetime.now().strftime("screenshot-%Y-%m-%d-%H%M%S.png")
        copy = QImage(image)  # the worker writes its own copy

        def write() -> Path:
            folder = Path(tempfile.mkdtemp(prefix="branchdesk-paste-"))
            target = folder / name
            if not copy.save(str(target)):  # PNG, by the name
                raise OSError(f"could not write {target}")
            return target

        self._attach(name, write, temporary=True)

    def _attach(self, name: str, make: Callable[[], Path], temporary: bool = False) -> None:
        if self.number is None:
            return
        number = self.number
        token = next(self._tokens)
        self.adding[token] = name
        self._fill()

        def run(uow: Any, user: Any) -> str:
            path = make()
            try:
                if temporary and path.stat().st_size > MAX_ATTACHMENT_BYTES:
                    raise InvalidInput(
                        f"the screenshot is {path.stat().st_size} bytes, more than allowed", "file")
                return service.attach(uow, user, number, path).name
            finally:
                if temporary:
                    shutil.rmtree(path.parent, ignore_errors=True)

        def done(attached: str) -> None:
            self.adding.pop(token, None)
            self._fill()
            self.sig_attached.emit(attached)

        def failed(exc: BaseException) -> None:
            self.adding.pop(token, None)
            self._fill()
            if temporary and "more than allowed" in str(exc):
                self.show_error(self.tr("The screenshot is larger than {0} MiB; take a smaller one.")
                                .format(MAX_ATTACHMENT_BYTES // MIB))
            else:
                self.show_error(self.tr("“{0}” was not attached: {1}").format(name, message_for(exc)))

        self.error.setVisible(False)
        self.ws.command(run, done, failed, owner=self)

    # -- drag and drop -------------------------------------------------------------
    def accepts(self, mime: QMimeData | None) -> bool:
        return self.may_attach and bool(local_files(mime) or (mime is not None and mime.hasImage()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.drop(event.mimeData()):
            event.acceptProposedAction()

    def drop(self, mime: QMimeData | None) -> bool:
        if not self.accepts(mime) or mime is None:
            return False
        files = local_files(mime)
        if files:
            self.attach_files(files)
        else:
            image = QImage(mime.imageData())
            if image.isNull():
                return False
            self.attach_image(image)
        return True

    # -- opening and saving ---------------------------------------------------------
    def _content(self, attachment_id: str) -> tuple[AttachmentEntry, Path] | None:
        entry = self.entries.get(attachment_id)
        if entry is None:
            return None
        return entry, BlobFolder.beside(self.ws.store.path).path(entry.sha256)

    def open_selected(self) -> None:
        chosen = self.selected_id()
        found = self._content(chosen) if chosen else None
        if found is None:
            return
        entry, blob = found
        target = Path(tempfile.gettempdir()) / "branchdesk-open" / entry.sha256[:16] / entry.name
        self.ws.workers.submit(lambda: _copy(blob, target),
                               lambda path: self.opener(QUrl.fromLocalFile(str(path))),
                               lambda exc: self.show_error(self.tr("“{0}” could not be opened: {1}")
                                                           .format(entry.name, _why(exc))),
                               owner=self)

    def choose_save(self) -> None:
        chosen = self.selected_id()
        entry = self.entries.get(chosen or "")
        if entry is None:
            return
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), entry.name)
        if target:
            self.save_to(entry.id, Path(target))

    def save_to(self, attachment_id: str, target: Path) -> None:
        found = self._content(attachment_id)
        if found is None:
            return
        entry, blob = found
        self.ws.workers.submit(lambda: _copy(blob, target),
                               self.sig_saved.emit,
                               lambda exc: self.show_error(self.tr("“{0}” could not be saved: {1}")
                                                           .format(entry.name, _why(exc))),
                               owner=self)
