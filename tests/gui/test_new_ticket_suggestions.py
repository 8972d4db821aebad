"""Knowledge articles suggested while a ticket is logged (DESIGN §15): they follow the
title and category as typed (one look-up per pause, on a worker, an older answer
dropped); "Read" opens the article; "This solved it" logs the ticket resolved at
once by the article, or, where the organisation deflects, logs none; either way the
person is told what happened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core import knowledge as kb
from core.reference import reference_for
from core.services import knowledge
from core.ticket_detail import read_ticket
from desktop.models.category_tree import PathRole
from desktop.qt import QMessageBox, Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.new_ticket import NewTicketDialog
from desktop.workspace import Workspace
from tests.conftest import SMALL_ORG


def publish(store: Any, title: str, body: str, categories: list[str]) -> str:
    from core.uow import unit_of_work

    with unit_of_work(store) as uow:
        number = knowledge.new_article(uow, uow.ref.user("tom"),
                                       knowledge.ArticleDraft(title=title, body=body, categories=categories)).number
    with unit_of_work(store) as uow:
        knowledge.publish_article(uow, uow.ref.user("ada"), number)
    return number


def fill(store: Any) -> dict[str, str]:
    return {
        "router": publish(store, "Router blinks red", "Restart the router; wait five minutes.", ["Network/Router"]),
        "blank": publish(store, "Receipt printer prints blank receipts",
                         "Put the roll back so that the paper comes off **the bottom**.", ["Hardware"]),
        "card": publish(store, "Card terminal shows 'no connection'", "Check the router first.",
                        ["Hardware/POS terminal"]),
    }


def workspace_for(store: Any, username: str) -> Workspace:
    with store.read() as session:
        user = reference_for(store, session).user(username)
    return Workspace(store, user, store.path.parent)


def dialog_for(qtbot: Any, workspace: Workspace) -> NewTicketDialog:
    dialog = NewTicketDialog(workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def reading(store: Any, fn: Any, who: str, *args: Any) -> Any:
    with store.read() as session:
        ref = reference_for(store, session)
        return fn(session, ref, ref.user(who), *args)


@pytest.fixture
def articles(store: Any) -> dict[str, str]:
    return fill(store)


@pytest.fixture
def deflecting(store_factory: Any, tmp_path: Path) -> Any:
    """A store whose organisation file says `[organisation] deflect = true`."""
    org = tmp_path / "deflect-org.toml"
    org.write_text(SMALL_ORG.read_text(encoding="utf-8").replace("[organisation]\n", "[organisation]\ndeflect = true\n",
                                                                   1), encoding="utf-8")
    return store_factory("deflect", org)


def test_typing_the_title_suggests_the_right_article_first(qtbot, make_workspace, articles):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    panel = dialog.suggestions
    assert panel.rows == [] and "as you type" in panel.hint.text()
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "receipt printer")
    assert panel.asked == 1  # one look-up once the typing paused, not one per key
    assert panel.shown[0].number == articles["blank"]
    title = panel.rows[0].findChild(type(panel.hint), "suggestionTitle")
    assert title is not None and title.text() == "Receipt printer prints blank receipts"
    read, solved = panel.buttons_of(articles["blank"])
    assert read.text() == "Read" and solved.text() == "This solved it"
    # choosing a category looks again with it
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        dialog.choose_category("Hardware/POS terminal")
    assert {s.number for s in panel.shown} >= {articles["blank"], articles["card"]}


def test_what_is_typed_to_find_the_category_suggests_articles_before_a_title_is(qtbot, make_workspace, articles):
    """A cashier starts where the dialog puts her, in the category search: the words
    she types there find the category and the article at once."""
    dialog = dialog_for(qtbot, make_workspace("anna"))
    panel = dialog.suggestions
    assert dialog.focusWidget() is dialog.category_search
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.category_search, "receipt printer")
    assert panel.shown[0].number == articles["blank"]
    # a title, once there is one, is what is looked up
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "router blinks")
    assert panel.shown[0].number == articles["router"]


def test_a_category_is_found_by_its_fields_choices(qtbot, make_workspace):
    """'3' is one of the choices of the Pump field on the POS terminal form."""
    dialog = dialog_for(qtbot, make_workspace("anna"))
    qtbot.keyClicks(dialog.category_search, "pump 3")
    found = dialog.tree_filter.first_match()
    assert found is not None and found.data(PathRole) == "Hardware/POS terminal"
    assert not dialog.no_match.isVisible()


def test_an_older_answer_never_replaces_a_newer_one(qtbot, make_workspace, articles):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    panel = dialog.suggestions
    panel.ask("router", None)
    panel.look_up()  # asked first …
    panel.ask("receipt printer", None)
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        panel.look_up()  # … and this after it: its answer is the one shown
    qtbot.wait(200)  # the first answer has come back by now, and was dropped
    assert [s.number for s in panel.shown][:1] == [articles["blank"]]
    assert all(s.number != articles["router"] for s in panel.shown)
    assert len(panel.rows) == len(panel.shown)
    # nothing typed: nothing suggested
    dialog.title.setText("receipt")
    with qtbot.waitSignal(panel.sig_shown, timeout=10_000):
        dialog.title.clear()
    assert panel.rows == []


def test_read_opens_the_article_and_this_solved_it_logs_the_ticket_resolved(qtbot, make_workspace, articles,
                                                                              store, tmp_path):
    workspace = make_workspace("anna")
    main = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    dialog = main.new_ticket()
    dialog.choose_category("Hardware")
    with qtbot.waitSignal(dialog.suggestions.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "receipt printer blank")
    read, solved = dialog.suggestions.buttons_of(articles["blank"])
    qtbot.mouseClick(read, Qt.MouseButton.LeftButton)
    reader = dialog.reader
    assert reader is not None
    qtbot.waitUntil(lambda: reader.view.detail is not None, timeout=10_000)
    assert "the bottom" in reader.view.body.toPlainText() and "**" not in reader.view.body.toPlainText()
    reader.close()
    with qtbot.waitSignal(dialog.sig_solved, timeout=10_000) as told:
        qtbot.mouseClick(solved, Qt.MouseButton.LeftButton)
    number, title = told.args
    assert number and title == "Receipt printer prints blank receipts"
    assert not dialog.isVisible()
    detail = reading(store, read_ticket, "anna", number)
    assert (detail.status, detail.resolution_code) == ("resolved", "solved_by_article")
    assert detail.first_response_at is not None and detail.assignee is None
    assert detail.title == "receipt printer blank" and detail.category == "Hardware"
    assert [a.number for a in reading(store, kb.articles_for_ticket, "anna", number)] == [articles["blank"]]
    assert reading(store, kb.read_article, "anna", articles["blank"]).solved_count == 1
    # she is told, and sees the ticket resolved
    box = main.solved_box
    assert box is not None and box.isVisible() and number in box.text() and title in box.text()
    qtbot.waitUntil(lambda: main.ticket.ticket is not None and main.ticket.ticket.number == number, timeout=10_000)
    shown = main.ticket.ticket
    assert shown is not None and shown.status == "resolved"
    assert main.ticket.header.status.full_text().startswith("Resolved")


def test_this_solved_it_in_the_reader(qtbot, make_workspace, articles, store):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    dialog.choose_category("Network/Router")
    qtbot.keyClicks(dialog.title, "router red light")
    reader = dialog.read_article(articles["router"])
    assert reader.solved is not None
    qtbot.waitUntil(reader.solved.isEnabled, timeout=10_000)
    with qtbot.waitSignal(dialog.sig_solved, timeout=10_000) as told:
        qtbot.mouseClick(reader.solved, Qt.MouseButton.LeftButton)
    assert reading(store, read_ticket, "anna", told.args[0]).status == "resolved"


def test_this_solved_it_needs_the_category_the_ticket_is_logged_under(qtbot, make_workspace, articles, store):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    with qtbot.waitSignal(dialog.suggestions.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "router blinks")
    _read, solved = dialog.suggestions.buttons_of(articles["router"])
    qtbot.mouseClick(solved, Qt.MouseButton.LeftButton)
    assert "Choose a category first" in dialog.error_text("category")
    assert dialog.isVisible()
    assert reading(store, kb.read_article, "anna", articles["router"]).solved_count == 0


def test_where_the_organisation_deflects_no_ticket_is_logged(qtbot, deflecting, tmp_path):
    store = deflecting
    found = fill(store)
    workspace = workspace_for(store, "anna")
    main = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    before = main.table.model.rowCount()
    dialog = main.new_ticket()
    with qtbot.waitSignal(dialog.suggestions.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "receipt printer")
    _read, solved = dialog.suggestions.buttons_of(found["blank"])
    with qtbot.waitSignal(dialog.sig_solved, timeout=10_000) as told:
        qtbot.mouseClick(solved, Qt.MouseButton.LeftButton)
    assert told.args == ["", "Receipt printer prints blank receipts"]
    assert not dialog.isVisible()
    detail = reading(store, kb.read_article, "anna", found["blank"])
    assert (detail.solved_count, detail.deflected_count) == (1, 1)
    box = main.solved_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "No ticket was logged" in box.informativeText()
    with store.read() as session:
        from sqlalchemy import func, select

        from core.models import Ticket

        assert session.scalar(select(func.count()).select_from(Ticket)) == before == 0
    workspace.workers.wait_idle()


def test_the_discard_question_is_in_the_boxs_text(qtbot, make_workspace):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    qtbot.keyClicks(dialog.title, "Till 3 frozen")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    assert box.text() == "Discard this ticket?"
    assert "will be lost" in box.informativeText()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is None)


def test_the_dialog_fits_a_1000x700_screen(qtbot, make_workspace, articles):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    assert dialog.width() <= 1000 and dialog.height() <= 700
    assert dialog.minimumSizeHint().width() <= 1000 and dialog.minimumSizeHint().height() <= 700
    with qtbot.waitSignal(dialog.suggestions.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.title, "receipt printer")
    qtbot.wait(50)
    panel = dialog.suggestions
    for number in (s.number for s in panel.shown):
        for button in panel.buttons_of(number):
            wanted = button.fontMetrics().horizontalAdvance(button.text())
            assert wanted < button.width(), f"{button.text()!r} is clipped"
            right = button.mapTo(dialog, button.rect().topRight()).x()
            assert right <= dialog.width()


def test_this_solved_it_without_a_title_logs_the_problem_the_article_solves(qtbot, make_workspace, articles, store):
    dialog = dialog_for(qtbot, make_workspace("anna"))
    dialog.choose_category("Hardware")
    with qtbot.waitSignal(dialog.suggestions.sig_shown, timeout=10_000):
        qtbot.keyClicks(dialog.category_search, "receipt printer")
    assert dialog.title.text() == ""
    _read, solved = dialog.suggestions.buttons_of(articles["blank"])
    with qtbot.waitSignal(dialog.sig_solved, timeout=10_000) as told:
        qtbot.mouseClick(solved, Qt.MouseButton.LeftButton)
    detail = reading(store, read_ticket, "anna", told.args[0])
    assert (detail.title, detail.status) == ("Receipt printer prints blank receipts", "resolved")
