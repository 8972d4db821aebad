"""Attachments in the ticket window: added by button (a path), by dropping files on
the ticket and by pasting a screenshot; listed with who and when, still-being-added
and waiting-for-upload shown; opened and saved as copies; the 20 MiB limit said
before anything is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.blobs import MAX_ATTACHMENT_BYTES
from core.reference import reference_for
from core.ticket_detail import read_ticket
from desktop.qt import QApplication, QColor, QDropEvent, QImage, QMimeData, QPointF, Qt, QUrl
from desktop.views.ticket_view import TicketView
from desktop.workspace import Workspace


def _view(qtbot, workspace, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


def _attachments(store, workspace, number: str):
    with store.read() as session:
        return read_ticket(session, workspace.ref, workspace.user, number).attachments


def _texts(view: TicketView) -> list[str]:
    return [view.files.list.item(row).text() for row in range(view.files.list.count())]


@pytest.fixture
def receipt(tmp_path: Path) -> Path:
    path = tmp_path / "receipt.txt"
    path.write_text("Till 2, 12:04, card declined\n", encoding="utf-8")
    return path


def test_a_file_is_added_listed_opened_and_saved(qtbot, workspace, new_ticket, store, receipt, tmp_path):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    files = view.files
    assert files.empty.isVisibleTo(view) or view.tabs.currentWidget() is not files
    assert view.tabs.tabText(view.tabs.indexOf(files)) == "Files"
    assert "20 MiB" in files.hint.text()
    with qtbot.waitSignal(files.sig_attached, timeout=10_000):
        files.attach_files([str(receipt)])
        # until the worker has copied it in, it shows as being added
        assert _texts(view) == ["receipt.txt  ·  adding…"]
    qtbot.waitUntil(lambda: view.tabs.tabText(view.tabs.indexOf(files)) == "Files (1)", timeout=10_000)
    assert view.tabs.currentWidget() is files
    [stored] = _attachments(store, workspace, number)
    assert (stored.name, stored.size, stored.author) == ("receipt.txt", receipt.stat().st_size, "ada")
    [line] = _texts(view)
    assert line.startswith("receipt.txt  ·  ") and "Ada Agent" in line and "adding" not in line
    assert "upload" not in line  # a standalone store sends nothing anywhere
    files.list.setCurrentRow(0)
    assert files.open_button.isEnabled() and files.save_button.isEnabled()
    # save a copy
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    with qtbot.waitSignal(files.sig_saved, timeout=10_000):
        files.save_to(files.selected_id(), target)
    assert target.read_bytes() == receipt.read_bytes()
    # open: a copy under its own name goes to the system's viewer
    opened: list[QUrl] = []
    files.opener = opened.append
    files.open_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "receipt.txt" and copy.read_bytes() == receipt.read_bytes()


def test_the_size_limit_is_said_before_anything_is_copied(qtbot, workspace, new_ticket, store, tmp_path):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    big = tmp_path / "till-video.mp4"
    with big.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1024 * 1024)
    empty = tmp_path / "empty.log"
    empty.touch()
    problems = view.files.attach_files([big, empty, tmp_path])
    assert len(problems) == 3
    assert "“till-video.mp4” is 21.0 MiB; a file may be at most 20 MiB" in problems[0]
    assert "empty" in problems[1] and "folder" in problems[2]
    assert view.files.error.isVisibleTo(view) and "20 MiB" in view.files.error.text()
    assert _texts(view) == []  # nothing being added
    view.ws.workers.wait_idle()
    assert _attachments(store, workspace, number) == ()


def _png_on_clipboard() -> QImage:
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    QApplication.clipboard().setImage(image)
    return image


def test_a_pasted_screenshot_becomes_a_png(qtbot, workspace, new_ticket, store):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    _png_on_clipboard()
    with qtbot.waitSignal(view.files.sig_attached, timeout=10_000) as attached:
        qtbot.mouseClick(view.files.paste_button, Qt.MouseButton.LeftButton)
    name = attached.args[0]
    assert name.startswith("screenshot-") and name.endswith(".png")
    qtbot.waitUntil(lambda: len(_texts(view)) == 1 and "adding" not in _texts(view)[0], timeout=10_000)
    [stored] = _attachments(store, workspace, number)
    assert stored.media_type == "image/png"
    view.files.list.setCurrentRow(0)
    opened: list[QUrl] = []
    view.files.opener = opened.append
    view.files.open_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    png = QImage(opened[0].toLocalFile())
    assert (png.width(), png.height()) == (64, 32)


def test_pasting_a_picture_into_the_reply_attaches_it(qtbot, workspace, new_ticket, store):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    _png_on_clipboard()
    with qtbot.waitSignal(view.files.sig_attached, timeout=10_000):
        view.reply.text.paste()
    assert view.reply.text.toPlainText() == ""
    assert len(_attachments(store, workspace, number)) == 1


def test_the_clipboard_without_a_picture_says_so(qtbot, workspace, new_ticket):
    view = _view(qtbot, workspace, new_ticket())
    QApplication.clipboard().setText("just words")
    assert view.files.paste() is False
    assert "no picture" in view.files.error.text()


def test_files_dropped_on_the_ticket_are_attached(qtbot, workspace, new_ticket, store, receipt, tmp_path):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    second = tmp_path / "photo.jpg"
    second.write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(receipt)), QUrl.fromLocalFile(str(second))])
    assert view.files.accepts(mime)
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(_attachments(store, workspace, number)) == 2, timeout=10_000)
    assert {a.name for a in _attachments(store, workspace, number)} == {"receipt.txt", "photo.jpg"}
    # text alone is not a file to attach
    words = QMimeData()
    words.setText("hello")
    assert not view.files.accepts(words)


def test_a_closed_ticket_takes_no_files(qtbot, workspace, new_ticket, store):
    from core.services import tickets as service
    from core.uow import unit_of_work

    number = new_ticket()
    with unit_of_work(store) as uow:
        service.move(uow, uow.ref.user("ada"), number, "cancelled")
    view = _view(qtbot, workspace, number)
    assert not view.files.add_button.isVisibleTo(view)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(__file__)])
    assert not view.files.accepts(mime)


def test_an_attachment_waiting_for_upload_says_so(qtbot, logging_store, receipt):
    with logging_store.read() as session:
        user = reference_for(logging_store, session).user("ada")
    workspace = Workspace(logging_store, user, logging_store.path.parent)
    from core.services import tickets as service
    from core.uow import unit_of_work

    with unit_of_work(logging_store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Till 2 does not print", category="Network/Router", impact="medium", urgency="medium")).number
    view = _view(qtbot, workspace, number)
    view.files.attach_files([receipt])
    qtbot.waitUntil(lambda: any("waiting to upload" in t for t in _texts(view)) or bool(view.files.error.text()), timeout=10_000)
    assert view.files.error.text() == ""
    workspace.workers.wait_idle()


def test_no_files_button_is_clipped_in_a_narrow_pane(qtbot, workspace, new_ticket):
    view = _view(qtbot, workspace, new_ticket())
    view.resize(340, 700)  # the ticket pane of a 1000x700 window
    view.tabs.setCurrentWidget(view.files)
    qtbot.waitUntil(lambda: view.files.paste_button.isVisible())
    qtbot.wait(50)
    for button in (view.files.add_button, view.files.paste_button, view.files.open_button,
                   view.files.save_button):
        text = button.fontMetrics().horizontalAdvance(button.text())
        assert text < button.width(), button.text()
        assert button.geometry().right() <= view.files.width(), button.text()
