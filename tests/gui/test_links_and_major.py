"""A link shows on both tickets, worded from each end ("Caused by" where it was made,
"Causes" on the ticket it names), and open major incidents have a queue of their own
in the window, with its count and its Polish name."""

from __future__ import annotations

from core.services import tickets as service
from desktop.i18n import install_translations
from desktop.labels import label
from desktop.qt import Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.ticket_extras import DirectionRole
from desktop.views.ticket_view import TicketView


def _view(qtbot, workspace, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


def _links(view: TicketView) -> list[tuple[str, str, str]]:
    """(text, number, direction) of every entry of the Links tab."""
    entries = view.links.entries
    return [(entries.item(i).text(), entries.item(i).data(Qt.ItemDataRole.UserRole),
             entries.item(i).data(DirectionRole)) for i in range(entries.count())]


def test_a_ticket_with_no_links_says_so_instead_of_an_empty_box(qtbot, workspace, new_ticket, act):
    lonely = new_ticket(title="Till 2 offline")
    view = _view(qtbot, workspace, lonely)
    view.resize(420, 700)
    view.tabs.setCurrentWidget(view.links)
    links = view.links
    assert links.none.isVisible() and links.none.text() == "No linked tickets yet"
    assert links.entries.isHidden()
    # the line and the link row stand at the top of the tab, the room left below them
    assert links.none.geometry().bottom() < links.other.geometry().top() < links.height() // 2
    # once linked, the list shows and the line goes
    other = new_ticket(title="Pump 4 offline")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        act("ada", service.link, lonely, other, "relates")
        view.reload()
    assert links.entries.isVisible() and links.none.isHidden()
    assert links.entries.count() == 1


def test_the_links_tab_shows_both_directions(qtbot, workspace, new_ticket, act):
    major = new_ticket(actor="ada", title="Regional uplink down", major_incident=True, requester="anna")
    till = new_ticket(title="Till 2 offline")
    pump = new_ticket(title="Pump 4 card reader offline")
    act("ada", service.link, till, major, "caused_by")
    act("ada", service.link, major, pump, "relates")

    view = _view(qtbot, workspace, major)
    shown = _links(view)
    assert [(number, direction) for _text, number, direction in shown] == [
        (pump, "outgoing"), (till, "incoming")]
    assert shown[0][0].startswith(f"Relates to  {pump}") and shown[0][0].endswith("Pump 4 card reader offline")
    assert shown[1][0].startswith(f"Causes  {till}") and shown[1][0].endswith("New: Till 2 offline")
    view.tabs.setCurrentWidget(view.links)
    assert view.links.entries.isVisible()

    child = _view(qtbot, workspace, till)
    assert [(text.split(" — ")[0], direction) for text, _n, direction in _links(child)] == [
        (f"Caused by  {major}", "outgoing")]
    # a link made elsewhere shows on this ticket as soon as the change reaches it
    other = new_ticket(title="Card terminal offline")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        act("ada", service.link, other, major, "duplicates")
        view.reload()
    assert (f"Duplicated by  {other}", "incoming") in [(t.split(" — ")[0], d) for t, _n, d in _links(view)]
    # activating an incoming link opens the ticket it comes from
    with qtbot.waitSignal(view.sig_open_ticket) as opened:
        view.links.entries.itemActivated.emit(view.links.entries.item(1))
    assert opened.args == [till]


def test_the_timeline_words_an_incoming_link_from_its_end(qtbot, workspace, new_ticket, act):
    major = new_ticket(actor="ada", title="Regional uplink down", major_incident=True, requester="anna")
    till = new_ticket(title="Till 2 offline")
    act("ada", service.link, till, major, "caused_by")
    view = _view(qtbot, workspace, major)
    assert f"Causes {till}" in view.timeline.toPlainText()


def test_the_major_incident_queue(qtbot, workspace, new_ticket, act, tmp_path, qapp):
    new_ticket(title="Till 2 offline")
    major = new_ticket(actor="ada", title="Regional uplink down", major_incident=True, requester="anna")
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.table.model.sig_loaded, timeout=10_000):
        window.show()
    model = window.queues.model_
    row = model.row_of("major")
    assert row >= 0 and model.entry(row).title == "Major incidents"
    qtbot.waitUntil(lambda: model.entry(row).count == 1, timeout=10_000)
    window.queues.choose("major")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 1, timeout=10_000)
    assert window.table.model.number_at(0) == major
    # resolved, it leaves the queue
    act("ada", service.move, major, "resolved", code="fixed", note="Uplink restored")
    window.refresh()
    qtbot.waitUntil(lambda: model.entry(row).count == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 0, timeout=10_000)
    # every role has it, scoped like the rest
    from desktop.models.queue_list import standard_queues

    assert all("major" in [e.key for e in standard_queues(role)] for role in ("requester", "technician", "agent"))
    install_translations(qapp, "pl")
    try:
        assert label("queue", "major") == "Poważne incydenty"
        assert label("link_incoming", "caused_by") == "Powoduje"
    finally:
        install_translations(qapp, "en")
