"""Search (Ctrl+K): results as the person types, over titles, descriptions and
comments; Enter shows the chosen ticket."""

from __future__ import annotations

from core.services import tickets as service
from desktop.qt import Qt
from desktop.views.search import SearchDialog


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
