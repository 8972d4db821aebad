"""Rating a resolved ticket from the window (DESIGN §15): the bar on the ticket for its
requester only, satisfaction and effort 1-5 and a comment, changeable until the
ticket is closed, refusals said next to it; the notifications list offers the
resolved tickets waiting for a rating, each opening its ticket."""

from __future__ import annotations

from typing import Any

import pytest

from core.services import ratings
from core.services import tickets as service
from desktop.qt import Qt
from desktop.settings import Settings
from desktop.views.main_window import MainWindow
from desktop.views.ticket_view import TicketView


def rating(store: Any, number: str) -> Any:
    from core.reference import reference_for

    with store.read() as session:
        ref = reference_for(store, session)
        return ratings.rating_of(session, ref, ref.user("anna"), number)


def view_of(qtbot: Any, workspace: Any, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(420, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


@pytest.fixture
def resolved(new_ticket: Any, act: Any) -> str:
    number = new_ticket(title="Till 2 does not print receipts")
    act("ada", service.move, number, "resolved", code="fixed", note="New roll put in the right way round.")
    return number


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_requester_rates_her_resolved_ticket_and_changes_it(qtbot, make_workspace, resolved, store):
    view = view_of(qtbot, make_workspace("anna"), resolved)
    bar = view.rating
    assert bar.isVisible() and bar.form.isVisible() and not bar.summary.isVisible()
    assert "How easy was it to get this solved?" in [w.text() for w in bar.form.findChildren(type(bar.heading))]
    click(qtbot, bar.score.button(4))
    click(qtbot, bar.effort.button(5))
    qtbot.keyClicks(bar.comment, "Quick and clear")
    with qtbot.waitSignal(view.sig_rated, timeout=10_000):
        click(qtbot, bar.send_button)
    stored = rating(store, resolved)
    assert (stored.score, stored.effort, stored.comment, stored.rater) == (4, 5, "Quick and clear", "anna")
    assert bar.summary.isVisible() and not bar.form.isVisible()
    assert "4 of 5" in bar.summary.text() and "5 of 5" in bar.summary.text()
    assert "until the ticket is closed" in bar.note.text()
    # the ticket read again (its change set names it) keeps the bar as it is
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.reload()
    assert bar.summary.isVisible() and bar.note.isVisible()
    # changeable while resolved
    assert bar.change.isVisible()
    click(qtbot, bar.change)
    assert bar.form.isVisible() and bar.score.value() == 4 and bar.comment.text() == "Quick and clear"
    click(qtbot, bar.score.button(2))
    with qtbot.waitSignal(view.sig_rated, timeout=10_000):
        click(qtbot, bar.send_button)
    assert (rating(store, resolved).score, rating(store, resolved).effort) == (2, 5)


def test_a_score_is_needed_and_said_next_to_the_bar(qtbot, make_workspace, resolved, store):
    view = view_of(qtbot, make_workspace("anna"), resolved)
    bar = view.rating
    click(qtbot, bar.effort.button(3))
    click(qtbot, bar.send_button)
    assert bar.note.isVisible() and "how happy you are" in bar.note.text()
    assert bar.note.property("role") == "error"
    qtbot.wait(100)
    assert rating(store, resolved) is None


def test_a_ticket_closed_meanwhile_refuses_the_change_in_plain_words(qtbot, make_workspace, resolved, act, store):
    view = view_of(qtbot, make_workspace("anna"), resolved)
    bar = view.rating
    click(qtbot, bar.score.button(5))
    with qtbot.waitSignal(view.sig_rated, timeout=10_000):
        click(qtbot, bar.send_button)
    act("anna", service.move, resolved, "closed")  # from another device: this view has not seen it yet
    click(qtbot, bar.change)
    click(qtbot, bar.score.button(1))
    click(qtbot, bar.send_button)
    qtbot.waitUntil(lambda: bar.note.property("role") == "error" and bar.note.isVisible(), timeout=10_000)
    assert bar.note.text() == "The ticket has been closed meanwhile, so its rating can no longer be changed."
    assert rating(store, resolved).score == 5
    # read again: the rating as one line that says it stays
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.reload()
    assert bar.summary.isVisible() and not bar.change.isVisible() and not bar.form.isVisible()
    assert "closed" in bar.summary.text()


def test_no_bar_for_others_or_for_an_open_ticket(qtbot, make_workspace, resolved, new_ticket):
    assert not view_of(qtbot, make_workspace("ada"), resolved).rating.isVisible()
    assert not view_of(qtbot, make_workspace("anna"), new_ticket(title="Pump 3 offline")).rating.isVisible()


def test_the_notifications_list_offers_the_tickets_to_rate(qtbot, make_workspace, resolved, tmp_path, store):
    main = MainWindow(make_workspace("anna"), Settings(tmp_path))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    popup = main.notices_popup
    # the bell says so before anyone opens it
    qtbot.waitUntil(lambda: main.bell.to_rate == 1, timeout=10_000)
    assert "1 resolved ticket waiting for your rating" in main.bell.toolTip()
    main.toggle_notifications()
    qtbot.waitUntil(lambda: popup.to_rate.count() == 1, timeout=10_000)
    item = popup.to_rate.item(0)
    assert item.text() == f"Rate your resolved ticket {resolved}: Till 2 does not print receipts"
    assert popup.to_rate.isVisible() and popup.to_rate_title.isVisible()
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        popup.to_rate.itemClicked.emit(item)
    assert not popup.isVisible()
    assert main.ticket.number == resolved and main.ticket.rating.isVisible()
    # at 1000x700 the bar fits the ticket pane: nothing of it cut off
    bar = main.ticket.rating
    qtbot.wait(50)
    for button in (bar.send_button, bar.score.button(5), bar.effort.button(5)):
        right = button.mapTo(main.ticket, button.rect().topRight()).x()
        assert right <= main.ticket.width(), button.objectName()
        assert button.fontMetrics().horizontalAdvance(button.text()) < button.width()
    assert main.ticket.tabs.height() > 150  # the conversation keeps its room
    click(qtbot, bar.score.button(5))
    with qtbot.waitSignal(main.ticket.sig_rated, timeout=10_000):
        click(qtbot, bar.send_button)
    # once rated, it is no longer offered
    main.toggle_notifications()
    qtbot.waitUntil(lambda: popup.to_rate.count() == 0, timeout=10_000)
    assert not popup.to_rate.isVisible()
    qtbot.waitUntil(lambda: main.bell.to_rate == 0, timeout=10_000)
    assert "waiting for your rating" not in main.bell.toolTip()


def test_the_bell_follows_her_own_rating_and_a_ticket_she_solved_herself(qtbot, make_workspace, resolved, act,
                                                                          tmp_path, store):
    """Nothing tells her of her own rating or of a ticket she resolved herself with an
    article, yet the badge follows both without the list being opened."""
    from core.services import knowledge

    workspace = make_workspace("anna")
    main = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    qtbot.waitUntil(lambda: main.bell.to_rate == 1, timeout=10_000)
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        main.show_number(resolved)
    bar = main.ticket.rating
    click(qtbot, bar.score.button(4))
    with qtbot.waitSignal(main.ticket.sig_rated, timeout=10_000):
        click(qtbot, bar.send_button)
    qtbot.waitUntil(lambda: main.bell.to_rate == 0, timeout=10_000)
    assert "waiting for your rating" not in main.bell.toolTip()
    assert not main.notices_popup.isVisible()
    # "this solved it": her ticket, resolved at once, is hers to rate
    draft = knowledge.ArticleDraft(title="Router blinks red", body="Restart the router.", categories=["Network/Router"])
    number = act("tom", knowledge.new_article, draft).number
    act("ada", knowledge.publish_article, number)
    logged = service.NewTicket(title="Router blinks red", category="Network/Router", impact="low", urgency="low")
    with qtbot.waitSignal(workspace.bus.sig_changed, timeout=10_000):
        workspace.command(lambda uow, user: knowledge.solved(uow, user, number, logged))
    qtbot.waitUntil(lambda: main.bell.to_rate == 1, timeout=10_000)
    assert "1 resolved ticket waiting for your rating" in main.bell.toolTip()
    assert not main.notices_popup.isVisible()


def test_the_reports_window_shows_satisfaction_ratings_and_ease(qtbot, make_workspace, resolved, act):
    from desktop.views.reports import ReportsWindow

    act("anna", ratings.rate, resolved, 4, 2, "Took two visits")
    window = ReportsWindow(make_workspace("ada"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=15_000)
    model = window.rows
    total = model.rowCount() - 1
    shown = {model.figure_at(c): (model.headerData(c, Qt.Orientation.Horizontal),
                                  model.index(total, c).data(), model.index(total, c).data(Qt.ItemDataRole.UserRole))
             for c in range(1, model.columnCount())}
    assert shown["csat_avg"] == ("Satisfaction (1–5)", "4.0", 4.0)
    assert shown["csat_count"] == ("Ratings", "1", 1)
    assert shown["effort_avg"] == ("Ease (1–5)", "2.0", 2.0)
