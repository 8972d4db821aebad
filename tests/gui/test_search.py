"""Search (Ctrl+K): results as the person types, over titles, descriptions and
comments; Enter shows the chosen ticket."""

from __future__ import annotations

from typing import Any

import pytest

from core.services import tickets as service
from desktop.qt import QDialog, Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.search import SearchDialog
from tests.gui.test_knowledge_view import write


def test_results_as_you_type(qtbot, workspace, new_ticket, act):
    wanted = new_ticket(title="Receipt printer jammed")
    other = new_ticket(title="Router blinks red")
    act("nina", service.comment, other, "Replaced the toner in the printer as well")
    dialog = SearchDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.box, "print")
    # a title and a comment; the answer for the newest words only is shown
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 2, timeout=10_000)
    # Down goes from the words to the results, and on through them
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.table and dialog.table.currentIndex().row() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentIndex().row() == 1
    dialog.box.setFocus()
    qtbot.keyClicks(dialog.box, "er jam")
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1, timeout=10_000)
    assert dialog.results.number_at(0) == wanted
    with qtbot.waitSignal(dialog.sig_chosen) as chosen:
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert chosen.args == [wanted]


def test_nothing_found(qtbot, workspace, new_ticket):
    new_ticket()
    dialog = SearchDialog(workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_results, timeout=10_000) as results:
        qtbot.keyClicks(dialog.box, "xylophone")
    assert results.args == [0]
    assert dialog.status.text() == "No tickets match “xylophone”. Try fewer or shorter words."


def test_a_long_answer_shows_50_of_all_and_more_on_scroll(qtbot, workspace, new_ticket):
    for i in range(57):
        new_ticket(title=f"Fuel pump {i} stuck")
    dialog = SearchDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_results, timeout=10_000):
        qtbot.keyClicks(dialog.box, "pump")
    assert dialog.results.rowCount() == 50
    assert dialog.status.text() == "50 of 57 tickets — scroll down for more"
    bar = dialog.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 57, timeout=10_000)
    assert dialog.status.text() == "57 tickets"
    assert len({dialog.results.number_at(r) for r in range(57)}) == 57


@pytest.fixture
def kb(act: Any) -> dict[str, str]:
    """Published articles and tom's draft (tests/gui/test_knowledge_view.write)."""
    return {
        "jam": write(act, "Receipt printer paper jam", body="Switch it off and pull out the torn paper."),
        "cover": write(act, "Receipt printer cover will not close", publish=False),
        "router": write(act, "Router blinks red", body="Restart the router.", categories=("Network/Router",)),
    }


def searched(qtbot: Any, dialog: SearchDialog, words: str) -> None:
    with qtbot.waitSignal(dialog.sig_results, timeout=10_000):
        qtbot.keyClicks(dialog.box, words)


def test_the_articles_the_words_find_are_listed_after_the_tickets(qtbot, make_workspace, new_ticket, kb):
    ticket = new_ticket(title="Receipt printer jammed again")
    new_ticket(title="Router blinks red at the forecourt")
    # a requester: the tickets, then the published articles only
    dialog = SearchDialog(make_workspace("anna"))
    qtbot.addWidget(dialog)
    dialog.show()
    searched(qtbot, dialog, "receipt printer")
    assert [dialog.results.number_at(r) for r in range(dialog.results.rowCount())] == [ticket]
    assert dialog.article_numbers() == [kb["jam"]]
    assert dialog.articles.isVisible() and dialog.articles_title.text() == "Knowledge articles (1)"
    layout = dialog.layout()
    assert layout.indexOf(dialog.table) < layout.indexOf(dialog.articles_title) < layout.indexOf(dialog.articles)
    assert dialog.status.text() == "1 ticket"
    # support staff: the draft too, marked as one
    staff = SearchDialog(make_workspace("ada"))
    qtbot.addWidget(staff)
    staff.show()
    searched(qtbot, staff, "receipt printer")
    assert sorted(staff.article_numbers()) == sorted([kb["jam"], kb["cover"]])
    texts = {staff.articles.item(r).data(Qt.ItemDataRole.UserRole): staff.articles.item(r).text()
             for r in range(staff.articles.count())}
    assert texts[kb["cover"]].split("\n") == ["Receipt printer cover will not close", f"Draft · {kb['cover']} · Hardware"]
    assert "Draft" not in texts[kb["jam"]]
    # words no article holds: the list goes away; Enter still shows the ticket
    qtbot.keyClicks(staff.box, " jammed")
    qtbot.waitUntil(lambda: staff.articles.count() == 0 and staff.results.rowCount() == 1, timeout=10_000)
    assert not staff.articles.isVisible() and not staff.articles_title.isVisible()
    with qtbot.waitSignal(staff.sig_chosen) as chosen:
        qtbot.keyClick(staff.box, Qt.Key.Key_Return)
    assert chosen.args == [ticket]


def test_words_only_articles_hold_list_them_and_enter_chooses_the_first(qtbot, make_workspace, new_ticket, kb):
    new_ticket(title="Till 4 is slow")
    dialog = SearchDialog(make_workspace("anna"))
    qtbot.addWidget(dialog)
    dialog.show()
    searched(qtbot, dialog, "torn paper")
    assert dialog.results.rowCount() == 0 and dialog.article_numbers() == [kb["jam"]]
    assert dialog.status.text() == "No tickets match “torn paper”."
    with qtbot.waitSignal(dialog.sig_article_chosen) as chosen:
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert chosen.args == [kb["jam"]] and dialog.result() == QDialog.DialogCode.Accepted


def test_an_article_chosen_in_the_search_opens_in_the_knowledge_window(qtbot, make_workspace, new_ticket, kb,
                                                                       tmp_path):
    new_ticket(title="Router keeps dropping the link")
    main = MainWindow(make_workspace("anna"), Settings(tmp_path))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    dialog = main.search()
    searched(qtbot, dialog, "router")
    assert dialog.results.rowCount() == 1 and dialog.article_numbers() == [kb["router"]]
    # with the keyboard: Tab past the tickets to the articles, Down to the first, Enter
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.box.setFocus()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.articles
    qtbot.keyClick(dialog.articles, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.articles and dialog.articles.currentRow() == 0
    assert main.knowledge is None
    with qtbot.waitSignal(dialog.sig_article_chosen):
        qtbot.keyClick(dialog.articles, Qt.Key.Key_Return)
    window = main.knowledge
    assert window is not None and window.isVisible() and not dialog.isVisible()
    qtbot.waitUntil(lambda: window.view.detail is not None and window.view.detail.number == kb["router"],
                    timeout=10_000)
    assert "Restart the router." in window.view.body.toPlainText()
