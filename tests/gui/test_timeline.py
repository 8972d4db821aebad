"""The timeline as a conversation: one line per action, the resolution as a message
to the requester, system events hideable, in the order things happened, the newest
in view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.services import tickets as service
from desktop.views.ticket_view import TicketView


def _view(qtbot, workspace, number: str) -> TicketView:
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    return view


def test_one_line_per_action_and_the_resolution_as_a_message(qtbot, workspace, new_ticket, act):
    number = new_ticket()
    t0 = datetime.now(UTC) + timedelta(minutes=1)

    def at(minutes: int) -> datetime:
        return t0 + timedelta(minutes=minutes)

    act("ada", service.assign, number, team="NET", to="nina", at=at(1))
    act("nina", service.move, number, "in_progress", at=at(2))
    act("nina", service.move, number, "pending", reason="supplier", supplier="POSCO", at=at(3))
    act("nina", service.move, number, "in_progress", at=at(4))
    for i in range(12):
        act("nina", service.comment, number, f"Still checking the router, round {i}.", at=at(5 + i))
    act("nina", service.move, number, "resolved", code="fixed", note="Replaced the router's power supply.",
        at=at(30))
    view = _view(qtbot, workspace, number)
    text = view.timeline.toPlainText()
    assert "Ada Agent assigned the ticket to Nina Net" in text
    assert "Nina Net started work" in text
    hold = [line for line in text.splitlines() if "on hold" in line]
    assert len(hold) == 1 and "POSCO" not in hold[0]
    assert "Nina Net resumed work" in text
    assert "resolved the ticket and wrote to the requester (Fixed)" in text
    assert "Replaced the router's power supply." in text
    assert "changed" not in text  # no "changed Status: … → …" lines
    # in the order things happened
    order = [text.index(s) for s in ("assigned the ticket", "started work", "on hold", "resumed work",
                                      "round 0", "round 11", "resolved the ticket")]
    assert order == sorted(order)
    # the newest in view
    bar = view.timeline.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=5_000)


def test_system_events_can_be_hidden_and_requesters_see_no_sla_internals(qtbot, make_workspace, new_ticket):
    number = new_ticket()
    view = _view(qtbot, make_workspace("ada"), number)
    assert "notified" in view.timeline.toPlainText()
    view.system_events.setChecked(False)
    assert "notified" not in view.timeline.toPlainText()
    requester = _view(qtbot, make_workspace("anna"), number)
    assert requester.header.sla.isHidden() and requester.system_events.isHidden()


def test_a_reply_comes_before_the_notice_it_sent(qtbot, workspace, new_ticket, act):
    number = new_ticket()
    t0 = datetime.now(UTC) + timedelta(minutes=1)
    act("ada", service.assign, number, team="NET", to="nina", at=t0)
    # the reply and the notice telling the requester of it share one instant
    act("nina", service.comment, number, "We are looking at it remotely now.", at=t0 + timedelta(minutes=1))
    act("nina", service.log_work, number, 20, "remote session", at=t0 + timedelta(minutes=2))
    view = _view(qtbot, workspace, number)
    lines = view.timeline.toPlainText().splitlines()
    reply = next(n for n, line in enumerate(lines) if "Nina Net replied" in line)
    told = [n for n, line in enumerate(lines) if line.startswith("Nina Net notified")]
    assert told and reply < told[0]  # what she did, then whom Branchdesk told of it
    worked = next(n for n, line in enumerate(lines) if "logged 20 min of work" in line)
    assert reply < worked
