"""The timeline by names: an action's note said once, SLA warnings and breaches of a
supplier's clock by the supplier's name (not its code), an escalation rule's note in
the window's words, and in Polish the organisation's own names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.services import tickets as service
from core.ticket_detail import read_ticket
from core.uow import unit_of_work
from desktop.views.timeline import entries, system_note


def _texts(store, user: str, number: str) -> list[str]:
    with store.read() as session:
        from core.reference import reference_for

        ref = reference_for(store, session)
        detail = read_ticket(session, ref, ref.user(user), number)
    return [text for _at, _css, text in entries(detail, ref)]


def test_a_note_once_and_a_suppliers_clock_by_its_name(store, act):
    start = datetime.now(UTC) - timedelta(days=2)
    with unit_of_work(store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Card reader", category="Network/Router", impact="medium", urgency="medium"), at=start).number
    act("ada", service.assign, number, team="NET", to="nina", note="Needs a site visit",
        at=start + timedelta(minutes=5))
    act("nina", service.move, number, "in_progress", at=start + timedelta(minutes=10))
    act("nina", service.move, number, "pending", reason="supplier", supplier="POSCO",
        at=start + timedelta(minutes=20))
    # a day and more on: the supplier's 2 h response and 24 h resolution have passed
    act("nina", service.comment, number, "Chased the vendor again.", internal=True)
    texts = _texts(store, "ada", number)
    plain = "\n".join(texts)
    assigned = [t for t in texts if "assigned the ticket to Nina Net" in t]
    assert len(assigned) == 1 and assigned[0].count("Needs a site visit") == 1, assigned
    assert "POSCO" not in plain, plain
    sla = [t for t in texts if t.startswith("SLA ")]
    assert "SLA breached: POS terminal vendor: response missed its target" in sla, sla
    assert "SLA breached: POS terminal vendor: resolution missed its target" in sla, sla
    assert any(t.startswith("SLA warning: POS terminal vendor: resolution has used ") for t in sla), sla


def test_an_escalation_rules_note_in_the_windows_words(store):
    with store.read() as session:
        from core.reference import reference_for

        ref = reference_for(store, session)
    assert system_note("escalation rule Slow P1: response clock at 75% of its target", ref) == \
        "escalation rule “Slow P1”: Response at 75% of its target"
    assert system_note("escalation rule Quiet: no public update for 4 business hours; not moved: "
                       "a pending ticket cannot be assigned; move it back to in_progress first", ref) == \
        "escalation rule “Quiet”: no public update for 4 business hours; not moved: A ticket that is " \
        "“Pending” cannot be assigned; move it back to “In progress” first."
    assert system_note("escalated from DESK", ref) == "escalated from Central service desk"
    assert system_note("Needs a site visit", ref) == "Needs a site visit"
