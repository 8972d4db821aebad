"""The main window: queues with counts, the table sorted and filtered in SQL, the
selected ticket beside it or in its own window, shortcuts, layout remembered."""

from __future__ import annotations

import pytest

from desktop.models.ticket_table import COLUMNS
from desktop.qt import QKeySequence, Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.new_ticket import NewTicketDialog


@pytest.fixture
def window(qtbot, workspace, new_ticket, tmp_path):
    for title in ("Router blinks red", "Access point dead", "VPN drops every hour"):
        new_ticket(title=title)
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        window.show()
    return window


def _titles(window: MainWindow) -> list[str]:
    model = window.table.model
    return [model.row_at(row).title for row in range(model.rowCount())]


def test_queues_have_live_counts(qtbot, window, new_ticket):
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 3, timeout=10_000)
    model = window.queues.model_
    qtbot.waitUntil(lambda: model.entry(model.row_of("all")).count == 3, timeout=10_000)
    assert model.entry(model.row_of("triage")).count == 0  # NET routes them
    keys = [e.key for e in model.entries()]
    assert keys[:3] == ["mine", "team", "triage"] and keys[-1] == "all"
    new_ticket(title="Another one")
    window.refresh()
    qtbot.waitUntil(lambda: model.entry(model.row_of("all")).count == 4, timeout=10_000)


def test_sorting_and_filtering_happen_in_sql(qtbot, window):
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 3, timeout=10_000)
    header = window.table.view.horizontalHeader()
    title = [key for key, _ in COLUMNS].index("title")
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        header.setSortIndicator(title, Qt.SortOrder.AscendingOrder)
    assert _titles(window) == ["Access point dead", "Router blinks red", "VPN drops every hour"]
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        header.setSortIndicator(title, Qt.SortOrder.DescendingOrder)
    assert _titles(window)[0] == "VPN drops every hour"
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        qtbot.keyClicks(window.table.text, "router")
    assert _titles(window) == ["Router blinks red"]
    assert window.table.count.text() == "1 ticket"


def test_the_selected_ticket_shows_beside_and_in_its_own_window(qtbot, window):
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.ticket.ticket is not None, timeout=10_000)
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.table.step(1)
    second = window.table.model.number_at(1)
    assert window.ticket.ticket.number == second
    index = window.table.model.index(1, 1)
    rect = window.table.view.visualRect(index)
    qtbot.mouseClick(window.table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(window.windows) == 1
    qtbot.waitUntil(lambda: window.windows[0].view.ticket is not None, timeout=10_000)
    assert window.windows[0].view.ticket.number == second


def test_shortcuts(qtbot, window):
    shortcuts = {a.shortcut().toString(): a for a in window.actions() if not a.shortcut().isEmpty()}
    for keys in ("Ctrl+N", "Ctrl+K", "F5", "Alt+Down", "Alt+Up", "Ctrl+R", "Ctrl+Shift+A", "Ctrl+Shift+R"):
        assert keys in shortcuts, keys
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keySequence(window, QKeySequence("Ctrl+N"))
    qtbot.waitUntil(lambda: bool(window.findChildren(NewTicketDialog)), timeout=5_000)


def test_a_new_ticket_appears_in_the_open_table(qtbot, window):
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 3, timeout=10_000)
    pending_shown: list[int | None] = []
    set_pending = window.status.set_pending
    window.status.set_pending = lambda count: (pending_shown.append(count), set_pending(count))
    dialog = window.new_ticket()
    dialog.choose_category("Network/Router")
    dialog.title.setText("Printer jammed")
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        dialog.send()
    assert window.table.model.rowCount() == 4
    qtbot.waitUntil(lambda: window.ticket.ticket is not None and window.ticket.ticket.title == "Printer jammed",
                    timeout=10_000)
    # the status bar read the store again after the change; a standalone store sends
    # nothing to anybody, so it says nothing of changes waiting to be sent
    qtbot.waitUntil(lambda: bool(pending_shown), timeout=10_000)
    assert pending_shown == [None] * len(pending_shown)
    assert window.status.pending_label.isHidden() and window.status.pending_label.text() == ""
    assert window.status.mode_label.text() == "Standalone"


def test_saved_filters_join_the_queues(qtbot, window, tmp_path):
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 3, timeout=10_000)
    qtbot.keyClicks(window.table.text, "vpn")
    window.add_saved_filter("VPN trouble", window.table.current_filter())
    model = window.queues.model_
    row = model.row_of("saved:VPN trouble")
    assert row > 0
    qtbot.waitUntil(lambda: model.entry(row).count == 1, timeout=10_000)
    assert Settings(tmp_path).saved_filters("ada")[0][0] == "VPN trouble"


def test_layout_is_remembered(qtbot, workspace, window, tmp_path):
    header = window.table.view.horizontalHeader()
    header.moveSection(header.visualIndex(1), 5)
    header.resizeSection(2, 222)
    window.split.setSizes([200, 300, 300])
    window.close()
    assert Settings(tmp_path).layout("main_geometry") is not None
    again = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(again)
    restored = again.table.view.horizontalHeader()
    assert restored.visualIndex(1) == 5 and restored.sectionSize(2) == 222
    assert again.split.saveState() == Settings(tmp_path).layout("main_split")


def test_status_bar(window):
    assert window.status.mode_label.text() == "Standalone"
    assert window.status.pending_label.isHidden()
    window.status.set_pending(3)
    assert not window.status.pending_label.isHidden() and "3 change" in window.status.pending_label.text()
    window.status.set_pending(None)
    assert window.status.pending_label.isHidden()
    window.status.set_mode("connected", online=False)
    assert "Offline" in window.status.mode_label.text()
    window.status.set_conflicts(2)
    assert not window.status.conflicts_label.isHidden()
