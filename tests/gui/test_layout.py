"""The window holds from 1000x700 up: no action button clipped, header lines that
shorten with "…" rather than overlap, a minimum size well under 1000 px, and more
than the number and the title in view in the table."""

from __future__ import annotations

import pytest

from core.services import tickets as service
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.ticket_view import BUTTONS


@pytest.fixture
def window(qtbot, workspace, new_ticket, tmp_path):
    new_ticket(title="Card terminal at till 3 keeps rebooting every few minutes since this morning's update")
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        window.show()
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.ticket.ticket is not None, timeout=10_000)
    return window


def _texts_fit(window: MainWindow) -> None:
    view = window.ticket
    shown = [view.buttons[k] for k in BUTTONS if view.buttons[k].isVisible()]
    assert shown, "at least the first action stays a button"
    for button in shown:
        wanted = button.fontMetrics().horizontalAdvance(button.text())
        assert wanted < button.width(), f"{button.text()!r} is clipped: {wanted} px in {button.width()} px"
    offered = set(view.shown_actions())
    assert {k for k in BUTTONS if view.buttons[k].isVisible()} | set(view.bar.in_menu()) == offered
    assert view.bar.more.isVisible() == bool(view.bar.in_menu())
    assert view.bar.geometry().right() <= view.width()


def test_no_action_button_is_clipped_at_1000x700(qtbot, window):
    assert window.width() == 1000
    qtbot.wait(50)
    _texts_fit(window)


def test_more_menu_holds_what_does_not_fit_and_runs_it(qtbot, window):
    view = window.ticket
    window.split.setSizes([120, 560, 320])
    qtbot.waitUntil(lambda: bool(view.bar.in_menu()), timeout=5_000)
    _texts_fit(window)
    texts = [a.text() for a in view.bar.menu.actions()]
    assert texts == [view.buttons[k].text() for k in view.bar.in_menu()]


def test_the_header_never_overlaps_after_a_move_to_pending(qtbot, window, act):
    number = window.ticket.number
    act("ada", service.move, number, "in_progress")
    act("ada", service.move, number, "pending", reason="supplier", supplier="POSCO")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.ticket.reload()
    header = window.ticket.header
    qtbot.wait(50)
    chip = header.status
    assert chip.full_text().startswith("Pending · ")
    assert "POSCO" not in chip.full_text()  # the supplier by its name, not its code
    if chip.elided():
        assert chip.full_text() in chip.toolTip()
    # each line sits below the one before it
    lines = [header.chips, header.title, header.where, header.who]
    for upper, lower in zip(lines, lines[1:], strict=False):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.objectName(), lower.objectName())
    assert header.title.elided() and header.title.full_text() in header.title.toolTip()
    assert header.title.geometry().right() <= header.width()


def filter_boxes_fit(table) -> None:  # type: ignore[no-untyped-def]
    """Every box of the filter bar shows its whole text: each entry of the status and
    priority boxes, the save button's text and the words box's hint, inside the table."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    for combo in (table.status, table.priority):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width()
        for i in range(combo.count()):
            wanted = combo.fontMetrics().horizontalAdvance(combo.itemText(i))
            assert wanted <= room, f"{combo.itemText(i)!r} is cut: {wanted} px in {room} px"
    save = table.save
    assert save.fontMetrics().horizontalAdvance(save.text()) < save.width(), save.text()
    words = table.text
    assert words.fontMetrics().horizontalAdvance(words.placeholderText()) < words.width() - 8
    for box in (words, table.status, table.priority, save):
        assert box.isVisible()
        assert box.geometry().right() <= table.width() and box.geometry().left() >= 0
        assert box.geometry().bottom() < table.view.geometry().top()


def test_the_filter_boxes_show_their_whole_text_at_1000_px(qtbot, window):
    window.resize(1000, 700)
    window.split.setSizes(window.default_split(1000))
    qtbot.wait(50)
    filter_boxes_fit(window.table)
    # and as narrow as the table goes: the bar takes two lines, nothing is cut
    window.split.setSizes([400, 280, 320])
    qtbot.waitUntil(lambda: window.table.width() < 300, timeout=5_000)
    qtbot.wait(50)
    filter_boxes_fit(window.table)


def test_the_window_goes_well_under_1000_px(window):
    assert window.minimumSizeHint().width() < 900
    assert window.minimumSizeHint().height() < 650


def test_more_than_number_and_title_show_at_1000_px(qtbot, window):
    view = window.table.view
    header = view.horizontalHeader()
    visible = [i for i in range(header.count()) if header.sectionViewportPosition(i) < view.viewport().width()]
    assert len(visible) >= 3
    number = window.table.model.index(0, 0)
    assert view.fontMetrics().horizontalAdvance(number.data()) < header.sectionSize(0)
    title = window.table.model.index(0, 1)
    from desktop.qt import Qt

    assert title.data(Qt.ItemDataRole.ToolTipRole) == title.data()


def test_status_and_priority_stay_in_view_when_the_window_shrinks_from_1440_to_1000(qtbot, window):
    from desktop.models.ticket_table import KEYS

    window.resize(1440, 860)
    window.split.setSizes(window.default_split(1440))
    qtbot.waitUntil(lambda: window.split.sizes()[0] == 220, timeout=5_000)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.split.width() < 1010, timeout=5_000)
    qtbot.wait(50)
    queues, table, ticket = window.split.sizes()
    assert queues < 170, window.split.sizes()
    view = window.table.view
    header = view.horizontalHeader()
    for key in ("status", "priority"):
        column = KEYS.index(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= view.viewport().width(), (key, right, view.viewport().width(), window.split.sizes())
    # and back at 1440 the queue list has its usual width again
    window.resize(1440, 860)
    qtbot.waitUntil(lambda: window.split.sizes()[0] == 220, timeout=5_000)


def test_a_window_shrunk_from_full_size_keeps_the_queue_names_readable(qtbot, window):
    window.resize(1920, 1050)
    window.split.setSizes(window.default_split(1920))
    qtbot.waitUntil(lambda: window.split.sizes()[0] == 220, timeout=5_000)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.split.width() < 1010, timeout=5_000)
    qtbot.wait(50)
    assert window.split.sizes()[0] >= 150, window.split.sizes()  # not 1000/1920 of 220


def test_when_each_ticket_is_due_is_in_view_at_1600_px(qtbot, window):
    from desktop.models.ticket_table import KEYS

    window.resize(1600, 1000)
    window.split.setSizes(window.default_split(1600))
    qtbot.wait(50)
    view = window.table.view
    header = view.horizontalHeader()
    due = KEYS.index("sla_due")
    assert header.visualIndex(due) == header.visualIndex(KEYS.index("priority")) + 1
    assert header.sectionViewportPosition(due) + header.sectionSize(due) <= view.viewport().width()


def test_the_status_chip_names_the_supplier_without_its_description(qtbot, store_factory, tmp_path):
    from core.reference import reference_for
    from core.uow import unit_of_work
    from desktop.views.ticket_view import TicketView
    from desktop.workspace import Workspace
    from tests.conftest import SMALL_ORG

    org = tmp_path / "org.toml"
    org.write_text(SMALL_ORG.read_text(encoding="utf-8").replace(
        'name = "POS terminal vendor"', 'name = "Kasatech POS Systems (POS terminals and POS software)"'),
        encoding="utf-8")
    store = store_factory("kasa", org=org)
    with unit_of_work(store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Till 3 freezes", category="Network/Router", impact="medium", urgency="medium")).number
        ada = uow.ref.user("ada")
        service.move(uow, ada, number, "in_progress")
        service.move(uow, ada, number, "pending", reason="supplier", supplier="POSCO")
    with store.read() as session:
        user = reference_for(store, session).user("ada")
    workspace = Workspace(store, user, store.path.parent)
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    chip = view.header.status
    assert chip.full_text() == "Pending · Waiting for Kasatech POS Systems"
    assert "Pending · Waiting for Kasatech POS Systems (POS terminals and POS software)" in chip.toolTip()
    assert not chip.elided()
    # a ticket not waiting on a supplier keeps no supplier tooltip
    with unit_of_work(store) as uow:
        other = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Router down", category="Network/Router", impact="medium", urgency="medium")).number
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(other)
    assert "Kasatech" not in view.header.status.toolTip()
    workspace.workers.wait_idle()
