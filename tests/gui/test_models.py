"""Every item model of the desktop passes Qt's model tester."""

from __future__ import annotations

from core.ticket_query import TicketFilter
from desktop.models.category_tree import CategoryFilter, CategoryTreeModel
from desktop.models.queue_list import QueueListModel, standard_queues
from desktop.models.search_results import SearchResultsModel
from desktop.models.ticket_table import TicketTableModel


def test_ticket_table_model(qtbot, qtmodeltester, workspace, new_ticket):
    for i in range(7):
        new_ticket(title=f"Router {i} blinks red")
    model = TicketTableModel(workspace, workspace)  # deleted with the workspace at the end of the test
    with qtbot.waitSignal(model.sig_loaded):
        model.reload()
    assert model.rowCount() == 7
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.sig_loaded):
        model.set_filter(TicketFilter(text="blinks 3"))
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)


def test_ticket_table_model_empty(qtbot, qtmodeltester, workspace):
    model = TicketTableModel(workspace, workspace)  # deleted with the workspace at the end of the test
    with qtbot.waitSignal(model.sig_loaded):
        model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_queue_list_model(qtmodeltester, workspace):
    model = QueueListModel(standard_queues("agent"))
    model.set_saved([("Printers", TicketFilter(text="printer"))])
    model.set_counts({"mine": 3, "all": 12, "saved:Printers": 1})
    qtmodeltester.check(model, force_py=True)


def test_search_results_model(qtmodeltester):
    model = SearchResultsModel()
    model.set_hits([{"number": "PL-1", "title": "Router", "status": "new", "priority": "P3", "site": "PL-POZ-001"}])
    qtmodeltester.check(model, force_py=True)


def test_category_tree_and_filter(qtmodeltester, workspace):
    tree = CategoryTreeModel(workspace.ref)
    qtmodeltester.check(tree, force_py=True)
    proxy = CategoryFilter()
    proxy.setSourceModel(tree)
    proxy.set_words("pos")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1  # Hardware, kept as the parent of the match
