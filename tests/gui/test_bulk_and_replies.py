"""Agent tools: several tickets taken, assigned, moved or escalated at once (one
transaction each, one summary of what was refused), the table's right-click menu,
"Take", Escalate asking for a reason, the organisation's saved replies filled in
for the ticket, and the link picker finding the other ticket by a piece of its
number or words of its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.reference import SYSTEM_USER, reference_for
from core.services import tickets as service
from core.ticket_detail import get_ticket, read_ticket
from core.uow import unit_of_work
from desktop.qt import QItemSelectionModel, Qt
from desktop.settings import Settings
from desktop.views.action_dialogs import EscalateDialog
from desktop.views.main_window import MainWindow
from desktop.views.ticket_view import TicketView
from desktop.workspace import Workspace
from tests.conftest import SMALL_ORG


def _detail(store, number: str):
    with store.read() as session:
        return get_ticket(session, SYSTEM_USER, number)


@pytest.fixture
def window(qtbot, workspace, tmp_path):
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    return window


def _show_all(qtbot, window: MainWindow, count: int) -> None:
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == count, timeout=10_000)


def _select(window: MainWindow, numbers: list[str]) -> None:
    table = window.table
    selection = table.view.selectionModel()
    selection.clearSelection()
    for number in numbers:
        row = table.model.row_of_number(number)
        selection.select(table.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_the_table_selects_several_and_take_summarises_what_was_refused(qtbot, window, new_ticket, store):
    numbers = [new_ticket(title=f"Router {i} down") for i in range(3)]
    with unit_of_work(store) as uow:
        service.move(uow, uow.ref.user("ada"), numbers[1], "cancelled")
    _show_all(qtbot, window, 3)
    _select(window, numbers)
    assert sorted(window.table.selected_numbers()) == sorted(numbers)
    menu = window.bulk.menu_for(window.table.selected_numbers())
    texts = {a.objectName(): a.text() for a in menu.actions() if a.objectName()}
    assert texts["menu_take"] == "Take 3 tickets" and texts["menu_assign"] == "Assign 3 tickets…"
    assert "menu_open" not in texts  # one window per ticket: only for one
    with qtbot.waitSignal(window.bulk.sig_finished, timeout=10_000) as finished:
        next(a for a in menu.actions() if a.objectName() == "menu_take").trigger()
    result = finished.args[0]
    assert sorted(result.done) == sorted([numbers[0], numbers[2]])
    assert [n for n, _why in result.refused] == [numbers[1]]
    assert _detail(store, numbers[0]).assignee_id == window.ws.user.id
    assert _detail(store, numbers[1]).assignee_id is None  # its own transaction: nothing of it changed
    box = window.bulk.summary_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("Took 2 of 3 tickets.\nNot done:\n" + numbers[1] + ": ")
    assert "cancelled" in box.text().lower()
    assert window.status.currentMessage() == "Took 2 of 3 tickets."


def test_bulk_escalate_asks_for_a_reason_and_moves_each_on_its_own(qtbot, window, new_ticket, store):
    access = [new_ticket(title=f"Locked out {i}", category="Access/Password reset") for i in range(2)]
    router = new_ticket(title="Router down")  # NET is the top tier: nowhere to escalate
    _show_all(qtbot, window, 3)
    dialog = window.bulk.ask_escalate([*access, router])
    assert isinstance(dialog, EscalateDialog)
    assert "3 tickets" in dialog.question.text()
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Both stations need a visit")
    with qtbot.waitSignal(window.bulk.sig_finished, timeout=10_000) as finished:
        dialog.accept()
    result = finished.args[0]
    assert sorted(result.done) == sorted(access) and [n for n, _ in result.refused] == [router]
    assert "Escalated 2 of 3 tickets." in window.bulk.summary(result)


def test_bulk_move_and_assign(qtbot, window, new_ticket, store):
    numbers = [new_ticket(title=f"Router {i}") for i in range(2)]
    _show_all(qtbot, window, 2)
    with qtbot.waitSignal(window.bulk.sig_finished, timeout=10_000) as finished:
        window.bulk.move(numbers, "in_progress")
    assert finished.args[0].refused == []
    assert {_detail(store, n).status for n in numbers} == {"in_progress"}
    assert window.status.currentMessage() == "Moved 2 of 2 tickets."
    dialog = window.bulk.ask_assign(numbers)
    dialog.team.setCurrentIndex(dialog.team.findData("NET"))
    dialog.person.setCurrentIndex(dialog.person.findData("nina"))
    with qtbot.waitSignal(window.bulk.sig_finished, timeout=10_000):
        dialog.accept()
    nina = window.ws.ref.user("nina").id
    assert {_detail(store, n).assignee_id for n in numbers} == {nina}


def test_the_row_menu_for_one_ticket_and_for_a_requester(qtbot, make_workspace, new_ticket, tmp_path):
    number = new_ticket()
    agent = MainWindow(make_workspace("ada"), Settings(tmp_path / "a"))
    qtbot.addWidget(agent)
    names = [a.objectName() for a in agent.bulk.menu_for([number]).actions() if a.objectName()]
    assert names[:4] == ["menu_open", "menu_take", "menu_assign", "menu_escalate"]
    with qtbot.waitSignal(agent.bulk.sig_open) as opened:
        next(a for a in agent.bulk.menu_for([number]).actions() if a.objectName() == "menu_open").trigger()
    assert opened.args == [number]
    requester = MainWindow(make_workspace("anna"), Settings(tmp_path / "r"))
    qtbot.addWidget(requester)
    names = [a.objectName() for a in requester.bulk.menu_for([number]).actions() if a.objectName()]
    assert names == ["menu_open", "menu_copy"]


def _view(qtbot, workspace, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


def test_take_assigns_the_ticket_to_me(qtbot, workspace, new_ticket, store):
    number = new_ticket()
    view = _view(qtbot, workspace, number)
    assert "take" in view.shown_actions()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.run_action("take")
    assert view.ticket.assignee == "ada" and view.ticket.status == "assigned"
    assert "take" not in view.shown_actions()


def test_escalate_from_the_ticket_names_the_next_team_and_needs_a_reason(qtbot, workspace, new_ticket):
    number = new_ticket(title="Locked out", category="Access/Password reset")
    view = _view(qtbot, workspace, number)
    view.run_action("escalate")
    dialog = view.findChildren(EscalateDialog)[-1]
    assert dialog.question.text() == f"Hand {number} to Field technicians?"
    dialog.accept()  # no reason: stays open, says why
    assert dialog.isVisible() and "Say why" in dialog.form.error_text("note")
    dialog.reason.setPlainText("Reset tool fails on site")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        dialog.accept()
    assert view.ticket.team == "FIELD"


REPLIES = '''
[[replies]]
name = "Ask for a photo"
text = "Hello {requester}, please send a photo of the screen for {number} ({title}). {agent}"
'''


@pytest.fixture
def replies_store(store_factory, tmp_path: Path):
    org = tmp_path / "org.toml"
    org.write_text(SMALL_ORG.read_text(encoding="utf-8") + REPLIES, encoding="utf-8")
    return store_factory("replies", org=org)


def _workspace(store, username: str) -> Workspace:
    with store.read() as session:
        user = reference_for(store, session).user(username)
    return Workspace(store, user, store.path.parent)


def test_saved_replies_are_filled_in_for_the_ticket(qtbot, replies_store):
    with unit_of_work(replies_store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Till 2 frozen", category="Network/Router", impact="medium", urgency="medium")).number
    agent = _workspace(replies_store, "ada")
    view = _view(qtbot, agent, number)
    assert view.reply.canned.isVisibleTo(view)
    [action] = view.reply.canned_menu.actions()
    assert action.text() == "Ask for a photo"
    view.reply.text.setPlainText("")
    action.trigger()
    assert view.reply.text.toPlainText() == (
        f"Hello Anna Nowak, please send a photo of the screen for {number} (Till 2 frozen). Ada Agent")
    agent.workers.wait_idle()
    requester = _workspace(replies_store, "anna")
    mine = _view(qtbot, requester, number)
    assert not mine.reply.canned.isVisibleTo(mine)
    requester.workers.wait_idle()


def test_the_link_picker_finds_tickets_by_title_words_and_number_pieces(qtbot, workspace, new_ticket, store):
    first = new_ticket(title="Router at Pulawska down")
    second = new_ticket(title="Second router problem at Glogowska")
    third = new_ticket(title="Another router problem")
    view = _view(qtbot, workspace, first)
    links, picker = view.links, view.links.other
    # several match: it says so and offers the list
    picker.setText("router problem")
    qtbot.mouseClick(links.button, Qt.MouseButton.LeftButton)
    view.tabs.setCurrentWidget(links)
    qtbot.waitUntil(lambda: bool(links.error.text()) and links.error.isVisibleTo(view), timeout=10_000)
    assert links.error.text() == "2 tickets match; choose one from the list."
    assert sorted(n for n, _t, _s in picker.matches) == sorted([second, third])
    # the ticket itself is never offered
    picker.setText("pulawska")
    picker.search()
    qtbot.waitUntil(lambda: picker.matches == [], timeout=10_000)
    # words that match one ticket link it
    picker.setText("glogowska")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.mouseClick(links.button, Qt.MouseButton.LeftButton)
    assert [link.ticket for link in view.ticket.links] == [second]
    # a piece of the number, chosen from the list
    piece = third[-5:]
    picker.setText(piece)
    with qtbot.waitSignal(picker.sig_matches, timeout=10_000):
        picker.search()
    assert [n for n, _t, _s in picker.matches] == [third]
    shown = picker.model_.stringList()[0]
    assert shown.startswith(third) and "Another router problem" in shown
    picker._picked(shown)
    assert picker.text() == third
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        qtbot.mouseClick(links.button, Qt.MouseButton.LeftButton)
    with store.read() as session:
        detail = read_ticket(session, workspace.ref, workspace.user, first)
    assert sorted(link.ticket for link in detail.links) == sorted([second, third])


def test_right_click_on_a_row_opens_its_menu(qtbot, window, new_ticket):
    from desktop.qt import QApplication, QMenu

    number = new_ticket(title="Router down")
    _show_all(qtbot, window, 1)
    view = window.table.view
    rect = view.visualRect(window.table.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    view.customContextMenuRequested.emit(rect.center())  # what the right click asks for
    qtbot.waitUntil(lambda: any(isinstance(w, QMenu) and w.objectName() == "ticketMenu" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5_000)
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.objectName() == "ticketMenu"
                and w.isVisible())
    assert window.table.selected_numbers() == [number]
    assert [a.objectName() for a in menu.actions() if a.objectName()][:2] == ["menu_open", "menu_take"]
    menu.close()
