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
from sync.credentials import NoKeyring

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
    (NoKeyring("no system keyring is available to keep the sign-in token safely (NoKeyringError); install and "
               "unlock one (Secret Service, KWallet, macOS Keychain, Windows Credential Manager) or name a backend "
               "in PYTHON_KEYRING_BACKEND"),
     "This computer has no password store to keep your sign-in safe. Install and unlock one (your desktop's "
     "keyring, macOS Keychain or Windows Credential Manager), or ask your administrator."),
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


# what must never reach a person: a command-line flag, an exception class, a status,
# role, team or supplier code of the test organisation (a ticket's number is fine)
RAW = re.compile(r"--|\b\w*(Error|Exception)\b|in_progress|allowed:|\ban? (assigned|pending|resolved|closed"
                 r"|cancelled) ticket|\bis (new|assigned|pending|resolved|closed|cancelled)\b"
                 r"|\ban? (requester|technician) (cannot|and)\b|you are an? |\b(DESK|FIELD|NET|POSCO)\b")


def _refusals(store, new_ticket, act) -> dict[str, str]:
    """Every refusal the service layer gives for a mistake a person can make in the
    window, run for real on a store: (what was tried) -> the window's message."""
    from core.services.tickets import TicketEdit
    from core.uow import unit_of_work

    def refused(actor: str, fn, *args, **kwargs) -> str:
        try:
            with unit_of_work(store) as uow:
                fn(uow, uow.ref.user(actor), *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 (each case is a refusal)
            return message_for(exc)
        raise AssertionError(f"{fn.__name__}{args} was not refused")

    new = new_ticket()
    held = new_ticket(title="Router down")
    act("ada", service.assign, held, team="NET", to="nina")
    act("nina", service.move, held, "in_progress")
    act("nina", service.move, held, "pending", reason="supplier", supplier="POSCO")
    gone = new_ticket(title="Printer")
    act("anna", service.move, gone, "cancelled")
    started = new_ticket(title="Till")
    act("ada", service.move, started, "in_progress")
    top = new_ticket(title="Top tier")
    act("ada", service.assign, top, team="NET")
    return {
        "assign a pending ticket": refused("ada", service.assign, held, team="DESK"),
        "a move the lifecycle does not allow": refused("ada", service.move, new, "closed"),
        "change a cancelled ticket": refused("ada", service.move, gone, "in_progress"),
        "a requester resolves": refused("anna", service.move, new, "resolved", code="fixed", note="ok"),
        "another requester cancels": refused("vip", service.move, new, "cancelled"),
        "a requester edits": refused("anna", service.edit, new, TicketEdit(title="Other")),
        "on hold without a reason": refused("ada", service.move, started, "pending"),
        "waiting on no supplier": refused("ada", service.move, started, "pending", reason="supplier"),
        "a supplier without the supplier reason": refused("ada", service.move, started, "pending", reason="customer",
                                                          supplier="POSCO"),
        "resolve without a code": refused("ada", service.move, new, "resolved", note="ok"),
        "resolve without a note": refused("ada", service.move, new, "resolved", code="fixed"),
        "override without a reason": refused("ada", service.edit, new, TicketEdit(priority="P1")),
        "a technician overrides": refused("tom", service.edit, new, TicketEdit(priority="P1", priority_reason="x")),
        "assign to someone outside the team": refused("ada", service.assign, new, team="NET", to="tom"),
        "assign by status": refused("ada", service.move, new, "assigned"),
        "assign to nobody": refused("ada", service.assign, new),
        "escalate from the top tier": refused("ada", service.escalate, top),
        "a requester's internal note": refused("anna", service.comment, new, "psst", internal=True),
        "link to itself": refused("ada", service.link, new, new),
    }


def test_the_service_layers_refusals_in_the_window_words(store, new_ticket, act):
    said = _refusals(store, new_ticket, act)
    for tried, text in said.items():
        assert text and not RAW.search(text), f"{tried}: {text}"
    assert said["assign a pending ticket"] == \
        "A ticket that is “Pending” cannot be assigned; move it back to “In progress” first."
    assert said["waiting on no supplier"] == "Choose the supplier the ticket is waiting for."
    assert said["another requester cancels"] == \
        "Only the person who asked for this ticket, or the support staff, may do this."
    assert said["a requester resolves"] == "Only the support staff may do this to a ticket that is “New”."
    assert said["a requester edits"] == "Only the support staff may do this; you are signed in as “Branch staff”."
    assert said["assign to someone outside the team"] == \
        "The chosen person does not work in the chosen team: choose someone from it, or only the team."


def test_the_refusals_in_polish(qapp, store, new_ticket, act):
    from desktop.i18n import install_translations

    install_translations(qapp, "pl")
    try:
        said = _refusals(store, new_ticket, act)
    finally:
        install_translations(qapp, "en")
    for tried, text in said.items():
        assert text and not RAW.search(text), f"{tried}: {text}"
    english = {t for t in _refusals(store, new_ticket, act).values() if not t.startswith("No ticket")}
    assert not english & set(said.values())  # every one of them in Polish
    assert said["assign a pending ticket"] == \
        "Zgłoszenia o statusie „Wstrzymane” nie można przydzielić; najpierw przywróć je do statusu „W realizacji”."


def test_a_dialog_grows_to_show_a_long_problem_whole(qtbot):
    from desktop.views.action_dialogs import ReopenDialog

    dialog = ReopenDialog("PL-POZ-001-AB12-7")
    qtbot.addWidget(dialog)
    dialog.resize(360, dialog.minimumSizeHint().height())
    dialog.show()
    before = dialog.height()
    dialog.form.show_error("note", "The server refused the change because the ticket moved meanwhile. " * 4)
    layout = dialog.layout()
    assert dialog.height() > before
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
