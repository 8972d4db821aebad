"""Logging a ticket in the window: from keystrokes to a stored ticket, with the
priority shown live and refusals shown by their field."""

from __future__ import annotations

from core.reference import reference_for
from core.ticket_detail import read_ticket
from desktop.qt import Qt
from desktop.views.new_ticket import NewTicketDialog
from desktop.workspace import Workspace
from tests.conftest import DEMO_ORG


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


def test_tab_goes_through_the_categorys_own_fields(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.choose_category("Hardware/POS terminal")
    qtbot.waitUntil(dialog._editors["pump"].widget.isVisible)  # Qt shows a new row's widgets on its next turn
    dialog.title.setFocus()
    qtbot.waitUntil(dialog.title.hasFocus)
    order = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget().objectName())
    assert order == ["field_terminal_id", "field_pump", "type", "impact"]
    # another category's fields take their place in the chain
    dialog.choose_category("Network/Router")
    dialog.title.setFocus()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.type


def test_escape_on_an_empty_form_closes_it(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.choose_category("Network/Router")  # a category alone is not a draft
    qtbot.keyClick(dialog.category_search, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_box is None


def test_escape_on_a_draft_asks_before_discarding(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.choose_category("Hardware/POS terminal")
    qtbot.keyClicks(dialog.title, "Till 3 frozen")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    # the box's own Esc means "keep editing"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and dialog.title.text() == "Till 3 frozen"
    # Cancel asks too; Discard closes it
    dialog.buttons.rejected.emit()
    box = dialog.discard_box
    assert box is not None
    discard = next(b for b in box.buttons() if b.text() == "Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_field_value_alone_is_a_draft(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.choose_category("Hardware/POS terminal")
    assert not dialog.has_draft()
    qtbot.keyClicks(dialog._editors["terminal_id"].widget, "T-7")
    assert dialog.has_draft()


def test_category_search_matches_field_labels_and_says_when_nothing_matches(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    qtbot.keyClicks(dialog.category_search, "terminal id")  # a field label, not in any path
    qtbot.keyClick(dialog.category_search, Qt.Key.Key_Return)
    assert dialog.category == "Hardware/POS terminal"
    assert not dialog.no_match.isVisible()
    dialog.category_search.clear()
    qtbot.keyClicks(dialog.category_search, "espresso machine")
    assert dialog.tree_filter.rowCount() == 0
    assert dialog.no_match.isVisible()
    assert "espresso machine" in dialog.no_match.text()
    dialog.category_search.clear()
    assert not dialog.no_match.isVisible() and dialog.tree_filter.rowCount() > 0


def test_category_search_matches_descriptions(qtbot, store_factory):
    store = store_factory("demo", org=DEMO_ORG, site="PL-POZ-005")
    with store.read() as session:
        user = reference_for(store, session).user("katarzyna.mazur")
    dialog = _dialog(qtbot, Workspace(store, user, store.path.parent))
    qtbot.keyClicks(dialog.category_search, "cash drawer")  # only in "Till, scanner, customer display, cash drawer"
    qtbot.keyClick(dialog.category_search, Qt.Key.Key_Return)
    assert dialog.category == "Hardware/POS terminal"
    assert "cash drawer" in dialog.tree_filter.data(dialog.tree.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    dialog.ws.workers.wait_idle()
