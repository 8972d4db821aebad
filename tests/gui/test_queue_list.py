"""The queue list at its narrowest: a long name with its count is shortened in the
middle, so the count stays in view, instead of being cut off or scrolled sideways."""

from __future__ import annotations

from desktop.qt import Qt
from desktop.views.queue_list import QueueList


def test_a_long_name_is_shortened_and_keeps_its_count(qtbot, workspace):
    queues = QueueList(workspace)
    qtbot.addWidget(queues)
    queues.resize(90, 300)
    queues.show()
    model = queues.model_
    model.set_counts({"all": 2001})
    row = model.row_of("all")
    text = model.index(row, 0).data()
    # the whole text is wider than the list: without shortening it would be cut off
    assert queues.fontMetrics().horizontalAdvance(text) > queues.viewport().width()
    qtbot.waitUntil(lambda: queues.gridSize().width() == queues.viewport().width())
    assert queues.horizontalScrollBar().maximum() == 0 and not queues.horizontalScrollBar().isVisible()
    assert queues.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "All tickets"
    # wider again: the rows follow the list's width, and it asks for room for the longest
    queues.resize(400, 300)
    qtbot.waitUntil(lambda: queues.gridSize().width() == queues.viewport().width())
    assert queues.sizeHint().width() > queues.fontMetrics().horizontalAdvance(text)
