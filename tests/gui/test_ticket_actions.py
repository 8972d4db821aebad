"""Each action button of the ticket view does its transition, and is hidden where
the person's role or the ticket's status forbids it."""

from __future__ import annotations

from typing import Any

import pytest

from core.services import tickets as service
from core.ticket_detail import read_ticket
from desktop.qt import QMessageBox, Qt
from desktop.views.action_dialogs import AssignDialog, EscalateDialog, PendDialog, ReopenDialog, ResolveDialog
from desktop.views.ticket_view import TicketView


def _view(qtbot, workspace, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)  # room for every button, none of them in the "More" menu
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


def _shown(view: TicketView) -> set[str]:
    return set(view.shown_actions())


def _click(qtbot, view: TicketView, key: str, fill: Any = None) -> None:
    """Click the button; fill and accept its dialog if it has one; wait for the reload."""
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.mouseClick(view.buttons[key], Qt.MouseButton.LeftButton)
        if fill is not None:
            kind = {"assign": AssignDialog, "pend": PendDialog, "resolve": ResolveDialog,
                    "escalate": EscalateDialog, "reopen": ReopenDialog}[key]
            dialog = view.findChildren(kind)[-1]
            fill(dialog)
            dialog.accept()


def _pick(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def assign_to_nina(d: AssignDialog) -> None:
    _pick(d.team, "NET")
    _pick(d.person, "nina")


def pend_on_supplier(d: PendDialog) -> None:
    _pick(d.reason, "supplier")
    _pick(d.supplier, "POSCO")


def resolve_fixed(d: ResolveDialog) -> None:
    _pick(d.code, "fixed")
    d.note.setPlainText("Replaced the router's power supply.")


def test_an_agent_works_a_ticket_to_closed(qtbot, workspace, new_ticket, status_of, store):
    number = new_ticket()  # anna's, on Network/Router: team NET, status new
    view = _view(qtbot, workspace, number)
    # NET is the top tier: no escalation; not ada's yet, so she may take it
    assert _shown(view) == {"take", "assign", "start", "resolve", "cancel"}

    _click(qtbot, view, "assign", assign_to_nina)
    assert status_of(number) == "assigned" and view.ticket.assignee == "nina"
    assert _shown(view) >= {"assign", "start", "pend", "resolve"}

    _click(qtbot, view, "start")
    assert status_of(number) == "in_progress"
    assert "start" not in _shown(view) and "cancel" not in _shown(view)

    _click(qtbot, view, "pend", pend_on_supplier)
    assert status_of(number) == "pending" and view.ticket.pending_supplier == "POSCO"
    assert _shown(view) == {"start", "resolve"}
    assert view.buttons["start"].text() == "Resume work"

    _click(qtbot, view, "start")
    assert status_of(number) == "in_progress"

    _click(qtbot, view, "resolve", resolve_fixed)
    assert status_of(number) == "resolved" and view.ticket.resolution_code == "fixed"
    assert _shown(view) == {"close", "reopen"}

    _click(qtbot, view, "reopen", lambda d: d.reason.setPlainText("The router drops again after an hour."))
    assert status_of(number) == "in_progress"

    _click(qtbot, view, "resolve", resolve_fixed)
    _click(qtbot, view, "close")
    assert status_of(number) == "closed"
    assert _shown(view) == set()
    assert view.reply.isHidden() and view.fields.save.isHidden()


def test_escalate_hands_the_ticket_to_the_next_tier(qtbot, workspace, new_ticket, status_of):
    number = new_ticket(title="Locked out of the back office", category="Access/Password reset")
    view = _view(qtbot, workspace, number)
    assert {"escalate", "assign"} <= _shown(view)
    _click(qtbot, view, "escalate", lambda d: d.reason.setPlainText("Needs a visit: the reset tool fails"))
    assert view.ticket.team == "FIELD" and view.ticket.tier == 2
    assert status_of(number) == "assigned"
    assert any("Needs a visit" in (h.note or "") for h in view.ticket.history)


def test_cancel_asks_first(qtbot, workspace, new_ticket, status_of, monkeypatch):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.buttons["cancel"], Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert status_of(number) == "new"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, view, "cancel")
    assert status_of(number) == "cancelled"
    assert _shown(view) == set()


def test_a_refused_action_shows_why_by_the_field(qtbot, workspace, new_ticket, status_of):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    qtbot.mouseClick(view.buttons["resolve"], Qt.MouseButton.LeftButton)
    dialog = view.findChildren(ResolveDialog)[-1]
    _pick(dialog.code, "fixed")
    dialog.accept()  # no note
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("note")), timeout=10_000)
    assert dialog.form.error_text("note") == "Write what was wrong and what fixed it: the requester reads it."
    assert dialog.isVisible()
    assert status_of(number) == "new"


@pytest.mark.parametrize("status, shown", [
    ("new", {"cancel"}),
    ("assigned", set()),
    ("resolved", {"close", "reopen"}),
    ("closed", set()),
])
def test_a_requester_sees_only_what_they_may_do(qtbot, make_workspace, new_ticket, act, status, shown):
    number = new_ticket()
    if status != "new":
        act("ada", service.assign, number, to="nina")
    if status in ("resolved", "closed"):
        act("nina", service.move, number, "resolved", code="fixed", note="Done.")
    if status == "closed":
        act("anna", service.move, number, "closed")
    view = _view(qtbot, make_workspace("anna"), number)
    assert _shown(view) == shown
    assert view.reply.isHidden() == (status == "closed")
    assert view.reply.note.isHidden()  # internal notes are support staff's
    assert view.fields.save.isHidden() and not view.fields.priority.isEnabled()
    assert view.work.button.isHidden()


def test_a_requester_of_another_site_cannot_open_the_ticket(qtbot, make_workspace, new_ticket):
    number = new_ticket()
    view = TicketView(make_workspace("ola"))
    qtbot.addWidget(view)
    view.show_ticket(number)
    qtbot.waitUntil(lambda: "no ticket" in view.empty.text().lower(), timeout=10_000)
    assert view.stack.currentIndex() == 0


def test_technicians_log_work_but_do_not_override_priority(qtbot, make_workspace, new_ticket):
    number = new_ticket(category="Hardware/POS terminal", fields={"terminal_id": "T-1"})  # team FIELD
    view = _view(qtbot, make_workspace("tom"), number)
    assert not view.fields.priority.isEnabled() and not view.fields.save.isHidden()
    assert not view.work.button.isHidden()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.work.minutes.setValue(45)
        view.work.note.setText("Checked the cabling")
        qtbot.mouseClick(view.work.button, Qt.MouseButton.LeftButton)
    assert view.ticket.work_log[0].minutes == 45
    assert view.work.entries.count() == 1


def test_reply_and_internal_note(qtbot, workspace, new_ticket, store):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.keyClicks(view.reply.text, "We are on it.")
        qtbot.mouseClick(view.reply.reply, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.keyClicks(view.reply.text, "Probably the power supply.")
        qtbot.mouseClick(view.reply.note, Qt.MouseButton.LeftButton)
    # both within one second: core orders such comments by id, so compare them as a set
    comments = {(c.public, c.body) for c in view.ticket.comments}
    assert comments == {(True, "We are on it."), (False, "Probably the power supply.")}
    assert view.reply.text.toPlainText() == ""
    assert "We are on it." in view.timeline.toPlainText()


def test_editing_fields_and_overriding_priority(qtbot, workspace, new_ticket, store):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    fields = view.fields
    _pick(fields.priority, "P1")
    assert not fields.form._rows["reason"][1].isHidden()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        fields.title.setText("Router down at the station")
        fields.reason.setText("Whole station offline")
        qtbot.mouseClick(fields.save, Qt.MouseButton.LeftButton)
    assert view.ticket.title == "Router down at the station"
    assert (view.ticket.priority, view.ticket.priority_reason) == ("P1", "Whole station offline")
    with store.read() as session:
        assert read_ticket(session, workspace.ref, workspace.user, number).priority == "P1"
    # an override without a reason is refused by the reason field
    _pick(fields.priority, "P2")
    fields.reason.clear()
    qtbot.mouseClick(fields.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(fields.form.error_text("reason")), timeout=10_000)


def test_linking_tickets(qtbot, workspace, new_ticket):
    first, second = new_ticket(), new_ticket(title="Second router problem")
    view = _view(qtbot, workspace, first)
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.links.other.setText(second)
        qtbot.mouseClick(view.links.button, Qt.MouseButton.LeftButton)
    assert view.ticket.links[0].ticket == second
    with qtbot.waitSignal(view.sig_open_ticket) as opened:
        view.links.entries.itemActivated.emit(view.links.entries.item(0))
    assert opened.args == [second]
