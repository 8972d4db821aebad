"""Queues people trust: breached and due-soon apart, most urgent first; a requester's
own requests; the filter bar kept across queues; an empty list that says why; the
ticket shown stays selected, or shown with no row selected when it left the list."""

from __future__ import annotations

import pytest

from core.services import tickets as service
from desktop.models.ticket_table import KEYS
from desktop.qt import Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow


def _window(qtbot, workspace, tmp_path) -> MainWindow:
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def _choose(qtbot, window: MainWindow, key: str) -> None:
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        window.queues.choose(key)


@pytest.fixture
def window(qtbot, workspace, new_ticket, tmp_path):
    for title in ("Router blinks red", "Access point dead", "VPN drops every hour"):
        new_ticket(title=title)
    return _window(qtbot, workspace, tmp_path)


def test_breached_and_due_soon_are_queues_of_their_own_most_urgent_first(qtbot, window):
    keys = [e.key for e in window.queues.model_.entries()]
    assert "breached" in keys and "due_soon" in keys and "breaching" not in keys and "requests" not in keys
    titles = {e.key: e.title for e in window.queues.model_.entries()}
    assert (titles["breached"], titles["due_soon"]) == ("Breached", "Due within 2 h")
    _choose(qtbot, window, "breached")
    header = window.table.view.horizontalHeader()
    assert window.table.model.order == ("sla_due", False)
    assert header.sortIndicatorSection() == KEYS.index("sla_due")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # back in an ordinary queue, the most recently changed come first again
    _choose(qtbot, window, "all")
    assert window.table.model.order == ("updated", True)
    # an order the person chose stays
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        header.setSortIndicator(KEYS.index("title"), Qt.SortOrder.AscendingOrder)
    _choose(qtbot, window, "site")
    assert window.table.model.order == ("title", False)


def test_a_requester_starts_in_her_own_requests_resolved_first(qtbot, make_workspace, new_ticket, act, tmp_path):
    waiting = new_ticket(title="Printer jammed")
    new_ticket(title="Router blinks red")
    act("ada", service.move, waiting, "resolved", code="fixed", note="Cleared the paper path.")
    new_ticket(actor="ada", title="Someone else's", site="PL-POZ-001")
    window = _window(qtbot, make_workspace("anna"), tmp_path)
    keys = [e.key for e in window.queues.model_.entries()]
    assert keys[0] == "requests"
    assert not {"mine", "team", "triage", "breached", "due_soon"} & set(keys)
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 2, timeout=10_000)
    assert window.queues.current_key() == "requests"
    assert window.table.model.row_at(0).number == waiting  # waiting for her word: first


def test_the_filter_survives_a_queue_change(qtbot, window):
    _choose(qtbot, window, "all")
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        qtbot.keyClicks(window.table.text, "router")
    assert window.table.model.rowCount() == 1
    _choose(qtbot, window, "site")
    assert window.table.text.text() == "router"
    assert window.table.model.filter.queue == "site" and window.table.model.filter.text == "router"


def test_an_empty_list_says_why(qtbot, window):
    _choose(qtbot, window, "breached")
    empty = window.table.view.empty
    assert empty.isVisible() and "missed its SLA target" in empty.text()
    _choose(qtbot, window, "all")
    assert not empty.isVisible()
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        qtbot.keyClicks(window.table.text, "xylophone")
    assert empty.isVisible() and "matches the filter" in empty.text() and "All tickets" in empty.text()
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        empty.linkActivated.emit("clear")
    assert window.table.text.text() == "" and window.table.model.rowCount() == 3 and not empty.isVisible()


def test_a_just_logged_ticket_stays_selected(qtbot, window, new_ticket):
    _choose(qtbot, window, "all")
    number = new_ticket(title="Card terminal declines every card")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window._created(number)
    window.refresh()  # the change set another window would have sent
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: window.table.view.currentIndex().row() >= 0, timeout=10_000)
    selected = window.table.view.selectionModel().selectedRows()
    assert [window.table.model.number_at(i.row()) for i in selected] == [number]
    assert window.ticket.ticket.number == number


def test_a_ticket_that_leaves_the_queue_stays_shown_with_no_row_selected(qtbot, window, act):
    _choose(qtbot, window, "site")
    qtbot.waitUntil(lambda: window.ticket.ticket is not None, timeout=10_000)
    number = window.ticket.ticket.number
    # cancelled here: it leaves "This site" (open tickets) but stays in view
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.ticket._run(lambda uow, user: service.move(uow, user, number, "cancelled"))
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 2, timeout=10_000)
    qtbot.wait(100)
    assert window.ticket.ticket.number == number and window.ticket.ticket.status == "cancelled"
    assert window.table.view.selectionModel().selectedRows() == []


def test_the_status_bar_names_a_just_logged_ticket_and_opens_it(qtbot, window, new_ticket):
    _choose(qtbot, window, "all")
    number = new_ticket(title="Card terminal declines every card")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window._created(number)
    message = window.status.ticket_message
    assert message.isVisible() and message.text().count(number) == 2  # the link and its text
    assert f'href="ticket:{number}"' in message.text()
    # the person looks at another ticket, then clicks the number: the ticket is shown again
    other = next(window.table.model.number_at(r) for r in range(window.table.model.rowCount())
                 if window.table.model.number_at(r) != number)
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.show_number(other)
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        message.linkActivated.emit(f"ticket:{number}")
    assert window.ticket.ticket.number == number


def test_a_just_escalated_ticket_stays_shown_and_the_status_bar_says_where_it_went(qtbot, window, new_ticket):
    from desktop.views.action_dialogs import EscalateDialog

    number = new_ticket(title="Locked out", category="Access/Password reset")
    _choose(qtbot, window, "team")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.show_number(number)
    window.ticket.run_action("escalate")
    dialog = window.ticket.findChildren(EscalateDialog)[-1]
    dialog.reason.setPlainText("Reset tool fails on site")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        dialog.accept()
    assert window.ticket.ticket.number == number and window.ticket.ticket.team == "FIELD"
    message = window.status.ticket_message
    qtbot.waitUntil(message.isVisible, timeout=5_000)
    assert "escalated to Field technicians" in message.text() and f'href="ticket:{number}"' in message.text()
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        window.queues.choose("all")
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        message.linkActivated.emit(f"ticket:{number}")
    assert window.ticket.ticket.number == number
