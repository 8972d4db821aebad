"""Logging a ticket in the window: from keystrokes to a stored ticket, with the
priority shown live and refusals shown by their field."""

from __future__ import annotations

from core.ticket_detail import read_ticket
from desktop.qt import Qt
from desktop.views.new_ticket import NewTicketDialog


def _dialog(qtbot, workspace) -> NewTicketDialog:
    dialog = NewTicketDialog(workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_keystrokes_to_a_stored_ticket(qtbot, make_workspace, store):
    workspace = make_workspace("anna")
    dialog = _dialog(qtbot, workspace)
    qtbot.keyClicks(dialog.category_search, "pos term")
    qtbot.keyClick(dialog.category_search, Qt.Key.Key_Return)
    assert dialog.category == "Hardware/POS terminal"
    assert dialog.title.hasFocus()
    qtbot.keyClicks(dialog.title, "Card reader at till 2 is dead")
    qtbot.keyClicks(dialog._editors["terminal_id"].widget, "T-0042")
    qtbot.keyClicks(dialog.description, "No lights since the storm.")
    with qtbot.waitSignal(dialog.sig_created, timeout=10_000) as created:
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = created.args[0]
    with store.read() as session:
        detail = read_ticket(session, workspace.ref, workspace.user, number)
    assert detail.title == "Card reader at till 2 is dead"
    assert detail.category == "Hardware/POS terminal"
    assert detail.fields == {"terminal_id": "T-0042"}
    assert detail.requester == "anna" and detail.site == "PL-POZ-001"
    assert detail.description == "No lights since the storm."
    assert detail.channel == "portal"
    assert not dialog.isVisible()


def test_priority_and_targets_follow_impact_and_urgency(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    assert dialog.preview.text() == "—"
    dialog.choose_category("Network/Router")
    assert dialog.preview.text() == "P3"  # medium x medium
    dialog.impact.setCurrentIndex(dialog.impact.findData("high"))
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("high"))
    assert dialog.preview.text() == "P1"
    assert "Everything else" in dialog.targets.text() and "30m" in dialog.targets.text()
    # a VIP requester raises it one level
    dialog.impact.setCurrentIndex(dialog.impact.findData("low"))
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("low"))
    assert dialog.preview.text() == "P5"
    dialog.requester.setCurrentIndex(dialog.requester.findData("vip"))
    assert dialog.preview.text() == "P4"


def test_refusals_show_by_their_field(qtbot, workspace, store):
    dialog = _dialog(qtbot, workspace)
    dialog.send()
    assert "category" in dialog.error_text("category").lower()
    dialog.choose_category("Hardware/POS terminal")
    qtbot.keyClicks(dialog.title, "Terminal broken")
    dialog.requester.setCurrentIndex(dialog.requester.findData("anna"))
    dialog.send()
    qtbot.waitUntil(lambda: bool(dialog.error_text("terminal_id")), timeout=10_000)
    assert "Terminal ID" in dialog.error_text("terminal_id")
    assert dialog.isVisible() and dialog.submit.isEnabled()
    dialog.title.clear()
    qtbot.keyClicks(dialog._editors["terminal_id"].widget, "T-1")
    dialog.send()
    qtbot.waitUntil(lambda: bool(dialog.error_text("title")), timeout=10_000)
    assert "title" in dialog.error_text("title")


def test_support_staff_log_for_a_requester_by_phone(qtbot, workspace, store):
    dialog = _dialog(qtbot, workspace)
    dialog.choose_category("Network/Router")
    qtbot.keyClicks(dialog.title, "Router at Pulawska down")
    dialog.requester.setCurrentIndex(dialog.requester.findData("ola"))
    with qtbot.waitSignal(dialog.sig_created, timeout=10_000) as created:
        dialog.send()
    with store.read() as session:
        detail = read_ticket(session, workspace.ref, workspace.user, created.args[0])
    assert (detail.requester, detail.site, detail.channel) == ("ola", "PL-WAW-002", "phone")
