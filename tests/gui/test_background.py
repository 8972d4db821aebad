"""Work off the GUI thread: a slow background task never stops the event loop, and
changes made elsewhere (another process on the store today, sync later) reach the
open views through one change-set signal and the notifier."""

from __future__ import annotations

import threading

from core.services import tickets as service
from core.uow import ChangeSet
from desktop.notifier import Notifier, notice_text
from desktop.qt import QTimer
from desktop.views.ticket_view import TicketView


def test_the_event_loop_keeps_turning_while_a_slow_task_runs(qtbot, workspace):
    """The task can only finish once a timer on the GUI thread has fired: if the task
    blocked the event loop, neither would ever happen (no clock involved)."""
    release = threading.Event()
    ticks: list[int] = []
    results: list[str] = []

    def slow_answer(_session, _ref, _user) -> str:  # stands in for a slow server
        if not release.wait(timeout=30):
            raise TimeoutError("the GUI thread never turned")
        return "answered"

    workspace.read(slow_answer, results.append)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) == 3:
            release.set()
        else:
            QTimer.singleShot(0, tick)

    QTimer.singleShot(0, tick)
    qtbot.waitUntil(lambda: results == ["answered"], timeout=30_000)
    assert len(ticks) == 3


def test_a_change_made_elsewhere_updates_the_open_ticket(qtbot, make_workspace, new_ticket, act):
    number = new_ticket()
    workspace = make_workspace("ada")
    view = TicketView(workspace)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    notifier = Notifier(workspace, poll_ms=60_000)
    notifier.start()
    qtbot.waitUntil(lambda: notifier.mark is not None, timeout=10_000)

    act("nina", service.comment, number, "Router replaced, please check.")  # as another device would
    with qtbot.waitSignal(workspace.bus.sig_changed, timeout=10_000) as changed, \
            qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        notifier.poll()
    assert isinstance(changed.args[0], ChangeSet) and "external" in changed.args[0].kinds
    assert "Router replaced" in view.timeline.toPlainText()
    notifier.stop()


def test_notices_for_assignment_and_replies(qtbot, make_workspace, new_ticket, act):
    number = new_ticket()
    for username, change, kind in (
        ("nina", lambda: act("ada", service.assign, number, to="nina"), "assigned"),
        ("anna", lambda: act("nina", service.comment, number, "On my way."), "reply"),
    ):
        workspace = make_workspace(username)
        notifier = Notifier(workspace, poll_ms=60_000)
        notifier.start()
        qtbot.waitUntil(lambda n=notifier: n.mark is not None, timeout=10_000)
        change()
        with qtbot.waitSignal(notifier.sig_notice, timeout=10_000) as noticed:
            notifier.poll()
        notice = noticed.args[0]
        assert (notice.kind, notice.number) == (kind, number)
        title, _text = notice_text(notice)
        assert number in title
        notifier.stop()


def test_own_changes_are_not_announced_twice(qtbot, workspace, new_ticket):
    number = new_ticket()
    notifier = Notifier(workspace, poll_ms=60_000)
    notifier.start()
    qtbot.waitUntil(lambda: notifier.mark is not None, timeout=10_000)
    with qtbot.waitSignal(workspace.bus.sig_changed, timeout=10_000):
        workspace.command(lambda uow, user: service.comment(uow, user, number, "Looking into it."))
    seen: list[ChangeSet] = []
    workspace.bus.sig_changed.connect(seen.append)
    notifier.poll()
    qtbot.waitUntil(lambda: not notifier._polling, timeout=10_000)
    assert seen == []
    notifier.stop()


def test_the_sweeper_records_a_breach_and_the_assignee_hears_of_it(qtbot, make_workspace, new_ticket, act):
    from datetime import UTC, datetime, timedelta

    from desktop.sla_sweeper import SlaSweeper

    number = new_ticket()
    act("ada", service.assign, number, to="nina")
    workspace = make_workspace("nina")
    notifier = Notifier(workspace, poll_ms=60_000)
    notifier.start()
    qtbot.waitUntil(lambda: notifier.mark is not None, timeout=10_000)
    sweeper = SlaSweeper(workspace, interval_ms=60_000)
    sweeper.since = datetime.now(UTC) - timedelta(seconds=1)
    # as if a month had passed: every clock of the ticket has run out
    sweeper.now = lambda: datetime.now(UTC) + timedelta(days=30)
    with qtbot.waitSignal(workspace.bus.sig_changed, timeout=10_000):
        sweeper.run()
    kinds = []
    notifier.sig_notice.connect(lambda notice: kinds.append(notice.kind))
    notifier.poll()
    qtbot.waitUntil(lambda: "sla_breach" in kinds, timeout=10_000)
    assert "sla_warning" in kinds
    notifier.stop()
