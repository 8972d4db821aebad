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


def test_a_requester_sees_only_the_notices_sent_to_her(qtbot, make_workspace, new_ticket, act):
    number = new_ticket()  # logged by anna: Branchdesk tells the team's technicians
    t0 = datetime.now(UTC) + timedelta(minutes=1)
    act("ada", service.assign, number, team="NET", to="nina", at=t0)
    act("nina", service.comment, number, "We are on it.", at=t0 + timedelta(minutes=1))
    staff = _view(qtbot, make_workspace("ada"), number).timeline.toPlainText()
    assert "notified Nina Net" in staff and "notified Anna Nowak" in staff
    anna = _view(qtbot, make_workspace("anna"), number).timeline.toPlainText()
    assert "Nina Net" in anna and "Nina Net replied" in anna
    told = [line for line in anna.splitlines() if "notified" in line]
    # what was sent to her (the assignment, the reply), nothing sent to staff
    assert told == ["Ada Agent notified you", "Nina Net notified you"], told
    assert "Nina Net notified you" in anna and "notified Nina Net" not in anna


def test_taking_a_ticket_and_an_escalation_read_as_what_they_were(qtbot, workspace, new_ticket, act):
    number = new_ticket(category="Hardware/POS terminal", fields={"terminal_id": "T-1"})  # FIELD, tier 2
    t0 = datetime.now(UTC) + timedelta(minutes=1)
    act("tom", service.assign, number, to="tom", at=t0)
    act("tom", service.move, number, "in_progress", at=t0 + timedelta(minutes=1))
    act("tom", service.escalate, number, note="Needs the network team on site", at=t0 + timedelta(minutes=2))
    text = _view(qtbot, workspace, number).timeline.toPlainText()
    assert "Tomasz Field took the ticket" in text
    assert "assigned the ticket to Tomasz Field" not in text
    assert "Tomasz Field escalated the ticket to Network specialists (Needs the network team on site)" in text
    assert "assigned the ticket to Network specialists" not in text
    # a hand-over within the tier stays an assignment
    act("ada", service.assign, number, team="NET", to="nina", at=t0 + timedelta(minutes=3))
    text = _view(qtbot, workspace, number).timeline.toPlainText()
    assert "Ada Agent assigned the ticket to Nina Net" in text


def test_an_escalation_without_a_reason_is_one_too(qtbot, workspace, new_ticket, act):
    number = new_ticket(category="Hardware/POS terminal", fields={"terminal_id": "T-1"})
    act("ada", service.escalate, number, at=datetime.now(UTC) + timedelta(minutes=1))
    text = _view(qtbot, workspace, number).timeline.toPlainText()
    assert "Ada Agent escalated the ticket to Network specialists (escalated from Field technicians)" in text


def test_resolving_her_own_ticket_writes_to_nobody(qtbot, workspace, new_ticket, act):
    mine = new_ticket(actor="ada", title="My headset crackles", site="PL-POZ-001")  # Ada logged it for herself
    act("ada", service.move, mine, "resolved", code="fixed", note="Plugged it into the other port.",
        at=datetime.now(UTC) + timedelta(minutes=1))
    text = _view(qtbot, workspace, mine).timeline.toPlainText()
    assert "Ada Agent resolved the ticket (Fixed)" in text
    assert "wrote to the requester" not in text
    assert "Plugged it into the other port." in text


def test_a_requester_solving_her_ticket_with_an_article_wrote_to_nobody(qtbot, make_workspace, act):
    from core.services import knowledge
    from tests.gui.test_knowledge_view import write

    article = write(act, "Receipt printer prints blank pages", categories=("Network",))
    solved = act("anna", knowledge.solved, article, service.NewTicket(
        title="Blank receipts", category="Network/Router", impact="medium", urgency="medium"))
    text = _view(qtbot, make_workspace("anna"), solved.ticket.number).timeline.toPlainText()
    assert "Anna Nowak resolved the ticket" in text
    assert "wrote to the requester" not in text


def test_a_files_size_reads_the_same_on_the_timeline_and_in_the_files_tab(qtbot, workspace, new_ticket, act,
                                                                           tmp_path):
    from core.services import attachments
    from desktop.labels import size_text

    number = new_ticket()
    photo = tmp_path / "till-screen.png"
    photo.write_bytes(b"\x89PNG" + bytes(12_096))  # 12,100 bytes
    act("ada", attachments.attach, number, photo, at=datetime.now(UTC) + timedelta(minutes=1))
    view = _view(qtbot, workspace, number)
    assert size_text(12_100) == "12 KiB"
    assert "Ada Agent attached till-screen.png (12 KiB)" in view.timeline.toPlainText()
    qtbot.waitUntil(lambda: view.files.list.count() == 1, timeout=10_000)
    assert "12 KiB" in view.files.list.item(0).text()


def test_replies_since_the_person_last_looked_are_marked_until_the_ticket_is_shown(qtbot, make_workspace,
                                                                                   new_ticket, act):
    number = new_ticket()  # logged by anna
    other = new_ticket(title="Pump 4 offline")
    t0 = datetime.now(UTC) + timedelta(minutes=1)
    act("ada", service.assign, number, team="NET", to="nina", at=t0)
    act("nina", service.comment, number, "We are looking at it remotely.", at=t0 + timedelta(minutes=1))
    anna = _view(qtbot, make_workspace("anna"), number)
    timeline = anna.timeline
    # she has not seen the ticket since she logged it: Nina's reply is new to her
    assert timeline.unread == 1
    assert 'class="unread"' in timeline.toHtml() or "●" in timeline.toPlainText()
    marked = [line for line in timeline.toPlainText().splitlines() if "●" in line]
    assert marked == ["● Nina Net replied"], marked
    # her own reply is never new to her
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        act("anna", service.comment, number, "Thank you, the till is free.", at=t0 + timedelta(minutes=2))
        anna.reload()
    assert timeline.unread == 1
    # shown again later: nothing is new any more
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        anna.show_ticket(other)
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        anna.show_ticket(number)
    assert timeline.unread == 0 and "●" not in timeline.toPlainText()
    # a reply that comes while she looks at it is marked, until she shows it again
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        act("nina", service.comment, number, "Rebooted the router.", at=t0 + timedelta(minutes=3))
        anna.reload()
    assert timeline.unread == 1
    assert [line for line in timeline.toPlainText().splitlines() if "●" in line] == ["● Nina Net replied"]
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        anna.show_ticket(other)
    with qtbot.waitSignal(anna.sig_loaded, timeout=10_000):
        anna.show_ticket(number)
    assert timeline.unread == 0
    # a technician opening the ticket for the first time on this device is not shown all of it as new
    nina = _view(qtbot, make_workspace("nina"), number)
    assert nina.timeline.unread == 0
