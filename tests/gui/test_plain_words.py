"""Plain words in the window: no command-line flag, status code, supplier code or
exception class in what a person reads; SLA bars that explain themselves."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from core.errors import InvalidInput, InvalidTransition, NotAllowed
from core.services import tickets as service
from desktop.errors import message_for
from desktop.views.ticket_view import TicketView

CODES = re.compile(r"--|\b(in_progress|sla_warning|[A-Z]{4,})\b|Error\b")


@pytest.mark.parametrize(("error", "want"), [
    (InvalidInput("overriding the priority needs a reason (--reason)", "reason"),
     "Say why the priority differs from the one computed."),
    (InvalidInput("waiting on a supplier needs --supplier CODE", "supplier"),
     "Choose the supplier the ticket is waiting for."),
    (InvalidInput("resolving needs --code, one of fixed, workaround", "code"), "Choose how the ticket was resolved."),
    (InvalidInput("ada has no home site; say which site with --site", "site"),
     "The requester has no home site: choose the site."),
    (InvalidTransition("cannot move a new ticket to pending; allowed: assigned, in_progress, resolved, cancelled"),
     "A ticket that is “New” cannot become “Pending”. It can become: Assigned, In progress, Resolved, Cancelled."),
    (ConnectionError("[Errno 111] refused"), "The server could not be reached. Your work is kept here and sent later."),
    (KeyError("x"), "Something went wrong; the details are in the log file."),
])
def test_errors_in_the_window_words(error, want):
    text = message_for(error)
    assert text == want
    assert not CODES.search(text), text


def test_anything_else_loses_its_flags_and_codes():
    text = message_for(NotAllowed("a requester cannot resolve an in_progress ticket (--force)"))
    assert not CODES.search(text), text


def test_a_refused_move_in_a_dialog_reads_as_the_window_speaks(qtbot, workspace, new_ticket, act):
    number = new_ticket()
    act("ada", service.move, number, "in_progress")
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    from desktop.views.action_dialogs import PendDialog

    view.run_action("pend")
    dialog = view.findChildren(PendDialog)[-1]
    dialog.reason.setCurrentIndex(dialog.reason.findData("supplier"))
    dialog.supplier.setCurrentIndex(-1)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=10_000)
    shown = " ".join(label.text() for label in dialog.findChildren(type(view.error)) if label.isVisible())
    assert not CODES.search(shown), shown


def test_sla_bars_explain_themselves(qtbot, workspace, new_ticket, act):
    number = new_ticket()
    view = TicketView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    bars = view.header.sla.bars
    tip = bars["response"].toolTip()
    assert tip.startswith("Response target: ") and "Used so far" in tip
    assert "Counts" in tip  # the hours it counts
    act("ada", service.move, number, "in_progress")
    act("ada", service.move, number, "pending", reason="customer")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.reload()
    tip = bars["resolution"].toolTip()
    assert "Paused: waiting for the requester." in tip, tip


def test_a_clock_running_while_waiting_on_a_supplier_says_so(qtbot):
    from core.sla.clocks import Clock
    from desktop.views.sla_bar import ClockBar, SlaContext

    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    clock = Clock("resolution", "always", 8 * 3600, 3600, "running", now + timedelta(hours=7), None, None, None)
    bar = ClockBar("resolution")
    qtbot.addWidget(bar)
    bar.show_clock(clock, now, SlaContext("Waiting for PayBridge"))
    assert "Running while waiting for PayBridge: this wait does not stop the clock." in bar.toolTip()
