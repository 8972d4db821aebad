"""The notifications list of the main window: the bell counts what the person was
told and has not read on this device; the list opens each notice's ticket; the
read marks and the list survive a restart; what a person did themselves is no news."""

from __future__ import annotations

import pytest

from core.services import tickets as service
from desktop.models.notice_list import UnreadRole
from desktop.qt import QFont, Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow


@pytest.fixture
def open_window(qtbot, make_workspace, tmp_path):
    """A main window for `username` on this device (settings in tmp_path), its
    notifications read."""

    def make(username: str) -> MainWindow:
        window = MainWindow(make_workspace(username), Settings(tmp_path))
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.notices.sig_loaded, timeout=10_000):
            window.show()
        return window

    return make


def _news(qtbot, window: MainWindow) -> None:
    """What other devices did reaches the list after a refresh (F5; sync or the notifier
    announce it the same way)."""
    with qtbot.waitSignal(window.notices.sig_loaded, timeout=10_000):
        window.refresh()


def _rows(window: MainWindow, every: bool = False) -> list[tuple[str, str, bool]]:
    """(kind, ticket, unread) of each row, newest first; unless `every`, only the rows
    told after the device first listed notices. (A new ticket tells its team it waits in
    their queue: those rows came before, so they are listed as read.)"""
    model = window.notices
    first = window.settings.notices_from(window.ws.user.username) or (0, 0)
    return [(n.kind, n.number, bool(model.data(model.index(r, 0), UnreadRole)))
            for r, n in enumerate(model.notices()) if every or n.seq > first[0]]


def test_an_assignment_shows_unread_and_opening_it_opens_the_ticket(qtbot, open_window, new_ticket, act):
    older = new_ticket(title="Printer jams")
    number = new_ticket(title="Router blinks red")
    window = open_window("nina")
    assert window.bell.unread == 0  # the first list on a device: what came before is not news
    assert not any(unread for _kind, _number, unread in _rows(window, every=True))
    act("ada", service.assign, older, to="nina")
    act("ada", service.assign, number, to="nina")  # from another person, as from another device
    _news(qtbot, window)
    assert _rows(window) == [("assigned", number, True), ("assigned", older, True)]  # newest first
    assert window.bell.unread == 2 and "2 unread" in window.bell.toolTip()
    model = window.notices
    assert [n.kind for n in model.notices()][:2] == ["assigned", "assigned"]
    row = model.index(0, 0)
    assert isinstance(model.data(row, Qt.ItemDataRole.FontRole), QFont)
    assert model.data(row, Qt.ItemDataRole.FontRole).bold()
    text = model.data(row, Qt.ItemDataRole.DisplayRole)
    assert text.startswith(f"Assigned to you · {number}  Router blinks red") and "Ada" in text

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    popup = window.notices_popup
    assert popup.isVisible() and popup.view.currentIndex().row() == 0
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        qtbot.keyClick(popup.view, Qt.Key.Key_Return)
    assert window.ticket.ticket.number == number
    assert not popup.isVisible()
    assert window.bell.unread == 1 and _rows(window)[0] == ("assigned", number, False)
    assert model.data(row, Qt.ItemDataRole.FontRole) is None

    # a click on a row does the same
    window.toggle_notifications()
    rect = popup.view.visualRect(model.index(1, 0))  # the older assignment
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        qtbot.mouseClick(popup.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ticket.ticket.number == older and window.bell.unread == 0


def test_mark_all_read(qtbot, open_window, new_ticket, act):
    numbers = [new_ticket(title=f"Till {n} is slow") for n in range(3)]
    window = open_window("nina")
    for number in numbers:
        act("ada", service.assign, number, to="nina")
    _news(qtbot, window)
    assert window.bell.unread == 3
    window.toggle_notifications()
    popup = window.notices_popup
    assert popup.mark_all.isEnabled()
    qtbot.mouseClick(popup.mark_all, Qt.MouseButton.LeftButton)
    assert window.bell.unread == 0 and not popup.mark_all.isEnabled()
    assert not any(unread for _kind, _number, unread in _rows(window, every=True))


def test_read_marks_and_what_came_meanwhile_survive_a_restart(qtbot, open_window, new_ticket, act):
    first, second, later = (new_ticket(title=t) for t in ("Router blinks red", "VPN drops", "Scanner dead"))
    window = open_window("nina")
    act("ada", service.assign, first, to="nina")
    act("ada", service.assign, second, to="nina")
    _news(qtbot, window)
    window.notices.mark_read([1])  # the first one told (rows are newest first): read
    assert window.bell.unread == 1
    window.close()

    act("ada", service.assign, later, to="nina")  # while the window is closed
    again = open_window("nina")
    assert _rows(again) == [("assigned", later, True), ("assigned", second, True), ("assigned", first, False)]
    assert again.bell.unread == 2


def test_what_the_person_did_themselves_is_not_listed(qtbot, open_window, new_ticket, act):
    mine, theirs = new_ticket(title="Router blinks red"), new_ticket(title="VPN drops")
    window = open_window("nina")
    with qtbot.waitSignal(window.ws.bus.sig_changed, timeout=10_000):
        window.ws.command(lambda uow, user: service.assign(uow, user, mine, to="nina"))
    act("ada", service.assign, theirs, to="nina")
    _news(qtbot, window)
    assert [number for _kind, number, _unread in _rows(window)] == [theirs]
    assert [number for _kind, number, unread in _rows(window, every=True) if unread] == [theirs]


def test_a_ticket_resolved_with_its_major_incident_tells_its_requester(qtbot, open_window, new_ticket, act):
    major = new_ticket(actor="ada", title="Regional uplink down", major_incident=True, requester="anna")
    till = new_ticket(title="Till 2 cannot reach the card terminal")  # logged by anna
    act("ada", service.link, till, major, "caused_by")
    window = open_window("anna")
    act("ada", service.move, major, "resolved", code="fixed", note="Carrier restored the uplink")
    _news(qtbot, window)
    told = {(kind, number) for kind, number, unread in _rows(window, every=True) if unread}
    assert ("major_resolved", till) in told
    row = next(r for r, n in enumerate(window.notices.notices()) if n.kind == "major_resolved")
    text = window.notices.data(window.notices.index(row, 0), Qt.ItemDataRole.DisplayRole)
    assert text.startswith(f"Resolved with its major incident · {till}") and "Carrier restored" in text


def test_the_bell_and_its_shortcut_are_in_the_window(open_window):
    window = open_window("nina")
    assert window.act_notices.shortcut().toString() == "Ctrl+Shift+N"
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+N") == 1
    assert "Ctrl+Shift+N" in window.bell.toolTip()
    window.toggle_notifications()
    assert window.notices_popup.empty.isVisible() and not window.notices_popup.view.isVisible()
