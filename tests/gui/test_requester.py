"""A requester's window: her own requests, no SLA internals or staff conflicts, a
Ticket menu with only what she may do, Confirm and Reopen first on a resolved ticket."""

from __future__ import annotations

from core.services import tickets as service
from desktop.qt import Qt
from desktop.settings import Settings
from desktop.views.action_dialogs import ReopenDialog
from desktop.views.main_window import MainWindow


def _her_resolved_request(qtbot, make_workspace, new_ticket, act, tmp_path) -> tuple[str, MainWindow]:
    """Anna's request, resolved by the desk, shown in her window at 1000x700."""
    number = new_ticket(title="Printer jammed")
    act("ada", service.move, number, "resolved", code="fixed", note="Cleared the paper path.")
    window = MainWindow(make_workspace("anna"), Settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitUntil(lambda: window.ticket.ticket is not None and window.ticket.ticket.number == number,
                    timeout=10_000)
    return number, window


def test_a_resolved_request_asks_her_to_confirm_or_reopen(qtbot, make_workspace, new_ticket, act, tmp_path):
    number, window = _her_resolved_request(qtbot, make_workspace, new_ticket, act, tmp_path)
    view = window.ticket
    assert view.shown_actions()[:2] == ["close", "reopen"]
    assert (view.buttons["close"].text(), view.buttons["reopen"].text()) == ("Yes, it is fixed", "No, reopen it")
    assert view.buttons["close"].isVisible() and view.buttons["reopen"].isVisible()
    assert view.header.sla.isHidden()
    assert "wrote to the requester" in view.timeline.toPlainText()
    offered = {k for k, a in window.ticket_actions.items() if a.isVisible()}
    assert offered == {"close"}  # of the menu's actions, only what she may do
    assert not window.act_conflicts.isVisible()


def test_reopening_asks_her_what_is_still_wrong(qtbot, make_workspace, new_ticket, act, tmp_path, status_of):
    number, window = _her_resolved_request(qtbot, make_workspace, new_ticket, act, tmp_path)
    view = window.ticket
    qtbot.mouseClick(view.buttons["reopen"], Qt.MouseButton.LeftButton)
    dialog = view.findChildren(ReopenDialog)[-1]
    assert dialog.isVisible() and number in dialog.question.text()
    # nothing is reopened without a reason
    assert not dialog.ok.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("note")
    assert status_of(number) == "resolved"
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.keyClicks(dialog.reason, "It jams again after ten receipts.")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert status_of(number) == "in_progress"
    assert "reopened the ticket" in view.timeline.toPlainText()
    assert "It jams again after ten receipts." in view.timeline.toPlainText()
