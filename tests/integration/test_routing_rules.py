"""Routing and escalation by the demo organisation's rules, through the real store and
the service layer: title words matched without punctuation, field answers, a rule's
priority, assignment to whoever covers the site, escalation by the site's country,
tasks at their parent's site, and a routed ticket made again elsewhere (the server's
replay) coming out the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from core import commands
from core.errors import InvalidTransition
from core.models import ChangeEntry, HistoryEvent, Ticket
from core.reference import reference_for
from core.routing import escalation_team, load_query
from core.services import tickets as service
from core.ticket_actions import actions_for
from core.ticket_detail import read_ticket
from tests.support.memory_uow import MemoryDesk

DEMO_ORG = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"
AGENT = "katarzyna.mazur"  # central desk, home site PL-POZ-HQ
# PL-POZ-019 is covered by piotr.nowak (in his `sites`), whose home is PL-POZ-005
COVERED = "PL-POZ-019"
REQUESTER_PL = "mateusz.rutkowski"  # at PL-POZ-019
REQUESTER_LT = "inga.vasiliauskiene"  # at LT-VNO-008
# a Wednesday morning, when every station and the desk are open
AT = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the demo organisation that keeps a change log (as one signed in to a server)."""
    from desktop.cli.setup import init_store

    path = tmp_path_factory.mktemp("demo-routing") / "branchdesk.sqlite3"
    store, _ = init_store(path, str(DEMO_ORG), "PL-POZ-HQ", AGENT)
    with store.write() as session:
        store.set_meta(session, "mode", "server")
    store.close()
    return path


@pytest.fixture
def desk(demo_template: Path, tmp_path: Path, kit: Any) -> Iterator[Any]:
    from core.store import Store

    store = Store.open(kit.copy_store(demo_template, tmp_path / "store" / "branchdesk.sqlite3"))
    yield kit.Desk(store)
    store.close()


def dispenser(title: str, leak: str = "no", **values: Any) -> dict[str, Any]:
    return {"title": title, "category": "Hardware/Fuel dispenser", "impact": "low", "urgency": "low",
            "type": "incident", "requester": REQUESTER_PL, "site": COVERED,
            "fields": {"pump": "3", "product_leak": leak}, **values}


def made(desk: Any, who: str = AGENT, **values: Any) -> Ticket:
    number = desk.new(who, at=AT, **values)
    ticket = desk.ticket(number)
    assert ticket is not None
    return ticket


def team_of(desk: Any, ticket: Ticket) -> str | None:
    from core.reference import reference_for

    with desk.store.read() as session:
        return reference_for(desk.store, session).team_code_of(ticket.team_id)


def created_note(desk: Any, number: str) -> str | None:
    return next(e.note for e in desk.history(number) if e.kind == "created")


# -- title words ------------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "LEAK!",
    "Pump 2: leak, fuel on forecourt",
    "Spill/leak at pump 3?",
    "WYCIEKŁO paliwo przy dystrybutorze",   # Polish, upper case, with diacritics
])
def test_title_words_match_without_punctuation_or_case(desk: Any, title: str) -> None:
    ticket = made(desk, **dispenser(title))
    assert team_of(desk, ticket) == "FIELD-PL"
    assert created_note(desk, ticket.number) == "routed by rule Fuel leaks"
    assert ticket.priority_reason is None  # the Fuel leaks rule sets no priority


def test_a_word_must_be_whole(desk: Any) -> None:
    ticket = made(desk, **dispenser("Leaky nozzle holder"))
    assert team_of(desk, ticket) == "FIELD-PL"  # the category's team, by no rule
    assert created_note(desk, ticket.number) is None


@pytest.mark.parametrize("title", ["Station offline.", "OFFLINE since 6:00!", "Stotelėje nėra ryšio."])
def test_station_offline_goes_to_the_specialists(desk: Any, title: str) -> None:
    ticket = made(desk, title=title, category="Other", impact="medium", urgency="medium",
                  requester=REQUESTER_PL, site=COVERED)
    assert team_of(desk, ticket) == "NETPOS"
    assert created_note(desk, ticket.number) == "routed by rule Station offline"


# -- field answers and the rule's priority ------------------------------------------------------

def test_a_leaking_dispenser_is_p1_whatever_impact_and_urgency_say(desk: Any) -> None:
    ticket = made(desk, **dispenser("Pump 3 display dark", leak="yes"))
    assert (ticket.impact, ticket.urgency) == ("low", "low")
    assert ticket.priority == "P1"
    assert ticket.priority_reason == "routing rule Leaking dispenser PL"
    assert ticket.fields["product_leak"] is True
    assert team_of(desk, ticket) == "FIELD-PL"
    note = created_note(desk, ticket.number)
    assert note is not None and "Leaking dispenser PL" in note and "P1" in note

    # an override stays one: a later change of impact does not recompute it
    desk.edit(AGENT, ticket.number, impact="medium")
    assert desk.ticket(ticket.number).priority == "P1"


@pytest.mark.parametrize("answer", ["true", "YES", "1"])
def test_other_ways_of_saying_yes_match_too(desk: Any, answer: str) -> None:
    ticket = made(desk, **dispenser("Pump 3 display dark", leak=answer))
    assert ticket.priority == "P1"


def test_a_dispenser_that_does_not_leak_keeps_its_computed_priority(desk: Any) -> None:
    ticket = made(desk, **dispenser("Pump 3 display dark", leak="no"))
    assert ticket.priority == "P5" and ticket.priority_reason is None
    assert created_note(desk, ticket.number) is None


def test_a_requester_logging_a_leak_gets_the_same(desk: Any) -> None:
    values = dispenser("Fuel on the ground at pump 3", leak="yes")
    del values["requester"], values["site"]
    ticket = made(desk, REQUESTER_PL, **values)
    assert ticket.priority == "P1" and ticket.priority_reason == "routing rule Leaking dispenser PL"


def test_a_lithuanian_leak_goes_to_the_lithuanian_engineers(desk: Any) -> None:
    ticket = made(desk, **dispenser("Kuro nuotėkis", leak="yes", requester=REQUESTER_LT, site="LT-VNO-008"))
    assert ticket.priority == "P1" and ticket.priority_reason == "routing rule Leaking dispenser LT"
    assert team_of(desk, ticket) == "FIELD-LT"
    assert ticket.assignee_id == desk.user_id("darius.kazlauskas")


# -- assign = "site" ---------------------------------------------------------------------------

def test_site_assignment_picks_the_engineer_who_covers_the_site(desk: Any) -> None:
    # Nine other FIELD-PL engineers have no tickets either, and one sorts before him by name:
    # the least loaded of the whole team would not be piotr.nowak.
    ticket = made(desk, **dispenser("LEAK!"))
    assert ticket.assignee_id == desk.user_id("piotr.nowak")
    assert ticket.status == "assigned"
    home = made(desk, **dispenser("Leak at pump 1", requester="ewa.wrobel", site="PL-POZ-005"))
    assert home.assignee_id == desk.user_id("piotr.nowak")  # his home site counts too


def test_nobody_covering_the_site_leaves_the_ticket_in_the_team_queue(desk: Any) -> None:
    # No Lithuanian engineer covers the Vilnius office.
    ticket = made(desk, "egle.petrauskiene", title="Label printer broken", category="Hardware/Printer",
                  impact="low", urgency="low", site="LT-VNO-HQ", fields={"printer": "Label printer"})
    assert team_of(desk, ticket) == "FIELD-LT"
    assert ticket.assignee_id is None and ticket.status == "new"
    assert created_note(desk, ticket.number) == "routed by rule Lithuanian field work"


def test_lithuanian_field_work_goes_to_the_station_engineer(desk: Any) -> None:
    ticket = made(desk, title="Car wash stuck", category="Facilities/Car wash", impact="low", urgency="low",
                  requester=REQUESTER_LT, site="LT-VNO-008")
    assert team_of(desk, ticket) == "FIELD-LT"
    assert ticket.assignee_id == desk.user_id("darius.kazlauskas")


# -- escalation by country -----------------------------------------------------------------------

def test_the_desk_escalates_by_the_country_of_the_site(desk: Any) -> None:
    lt = made(desk, title="Back office slow", category="Software/Back office", impact="low", urgency="low",
              requester=REQUESTER_LT, site="LT-VNO-008")
    pl = made(desk, title="Back office slow", category="Software/Back office", impact="low", urgency="low",
              requester=REQUESTER_PL, site=COVERED)
    assert team_of(desk, lt) == team_of(desk, pl) == "DESK"
    with desk.store.read() as session:
        from core.reference import reference_for

        ref = reference_for(desk.store, session)
        for number in (lt.number, pl.number):
            offered = actions_for(ref, ref.user(AGENT), read_ticket(session, ref, ref.user(AGENT), number), AT)
            assert "escalate" in offered
    desk.run(service.escalate, AGENT, lt.number, at=AT)
    desk.run(service.escalate, AGENT, pl.number, at=AT)
    assert team_of(desk, desk.ticket(lt.number)) == "FIELD-LT"
    assert team_of(desk, desk.ticket(pl.number)) == "FIELD-PL"
    assert desk.ticket(lt.number).tier == 2
    notes = [e.note for e in desk.history(lt.number) if e.field == "team_id"]
    assert notes == ["escalated from DESK"]
    # the next tier up has no country map: FIELD-LT escalates to NETPOS
    desk.run(service.escalate, AGENT, lt.number, at=AT)
    assert team_of(desk, desk.ticket(lt.number)) == "NETPOS"
    with pytest.raises(InvalidTransition, match="has no team to escalate to"):
        desk.run(service.escalate, AGENT, lt.number, at=AT)


def by_country_only_org(tmp_path: Path) -> Path:
    """The demo with DESK escalating Lithuanian tickets only, and grzegorz.kaminski also
    covering PL-POZ-019."""
    text = DEMO_ORG.read_text(encoding="utf-8")
    old = ('escalates_to = "FIELD-PL"                  # sites without a country listed below\n'
           'escalates_to_by_country = { LT = "FIELD-LT", PL = "FIELD-PL" }\n')
    assert old in text
    text = text.replace(old, 'escalates_to_by_country = { LT = "FIELD-LT" }\n', 1)
    old = '  "PL-WAW-063", "PL-WAW-074", "PL-WAW-087", "PL-WAW-101",\n'
    assert old in text
    text = text.replace(old, '  "PL-WAW-063", "PL-WAW-074", "PL-WAW-087", "PL-WAW-101", "PL-POZ-019",\n', 1)
    path = tmp_path / "by-country.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_team_with_only_a_country_map_escalates_those_countries_only(tmp_path: Path) -> None:
    mem = MemoryDesk(by_country_only_org(tmp_path), start=AT)
    try:
        agent = mem.user(AGENT)
        with mem.work() as uow:
            lt = service.create(uow, agent, service.NewTicket(
                title="Back office slow", category="Software/Back office", impact="low", urgency="low",
                requester=REQUESTER_LT, site="LT-VNO-008")).number
            pl = service.create(uow, agent, service.NewTicket(
                title="Back office slow", category="Software/Back office", impact="low", urgency="low",
                requester=REQUESTER_PL, site=COVERED)).number
        ref = mem.ref
        assert escalation_team(ref, "DESK", "LT-VNO-008").code == "FIELD-LT"  # type: ignore[union-attr]
        assert escalation_team(ref, "DESK", COVERED) is None
        with mem.read() as session:
            assert "escalate" in actions_for(ref, agent, read_ticket(session, ref, agent, lt), AT)
            assert "escalate" not in actions_for(ref, agent, read_ticket(session, ref, agent, pl), AT)
        with pytest.raises(InvalidTransition, match=f"ticket {pl} has no team to escalate to"), mem.work() as uow:
            service.escalate(uow, agent, pl)
        with mem.work() as uow:
            assert service.escalate(uow, agent, lt).team_id == ref.team("FIELD-LT").id
    finally:
        mem.close()


def test_site_assignment_takes_the_least_loaded_of_those_covering(tmp_path: Path) -> None:
    mem = MemoryDesk(by_country_only_org(tmp_path), start=AT)
    try:
        agent = mem.user(AGENT)
        chosen = []
        for _ in range(3):
            with mem.work() as uow:
                ticket = service.create(uow, agent, service.NewTicket(**dispenser("LEAK!")))
                chosen.append(mem.ref.username_of(ticket.assignee_id))
        # grzegorz.kaminski (now covering the site too) sorts first; then each has one
        assert chosen == ["grzegorz.kaminski", "piotr.nowak", "grzegorz.kaminski"]
    finally:
        mem.close()


def test_the_load_is_counted_in_the_index_of_open_tickets(desk: Any) -> None:
    """Counting a team's load reads the (status, assignee) index: by the assignee index
    alone it would walk every ticket those people ever had, closed ones included."""
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        members = [u.id for u in ref.usernames.values() if u.role == "technician"][:5]
        compiled = load_query(members).compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "INDEX ix_tickets_status_assignee (status=? AND assignee_id=?)" in plan, plan


# -- tasks -----------------------------------------------------------------------------------------

def test_a_task_takes_its_parents_site(desk: Any) -> None:
    parent = made(desk, title="Back office slow", category="Software/Back office", impact="low", urgency="low",
                  requester=REQUESTER_LT, site="LT-VNO-008")
    task = made(desk, title="Order a new disk", category="Software/Back office", impact="low", urgency="low",
                type="task", parent=parent.number)
    assert task.site_id == parent.site_id
    assert task.number.startswith("LT-VNO-008-")
    assert task.parent_id == parent.id
    # an explicit site still wins
    other = made(desk, title="Check the other till", category="Software/Back office", impact="low",
                 urgency="low", type="task", parent=parent.number, site=COVERED)
    assert other.number.startswith(f"{COVERED}-")


# -- made again elsewhere -----------------------------------------------------------------------------

def recorded_create(desk: Any, ticket: Ticket) -> ChangeEntry:
    with desk.store.read() as session:
        entry = session.scalar(select(ChangeEntry).where(
            ChangeEntry.record_id == ticket.id, ChangeEntry.op == "create"))
    assert entry is not None and entry.command is not None and entry.command["name"] == "create"
    return entry


def replayed(there: MemoryDesk, entry: ChangeEntry) -> Ticket:
    with there.work() as uow:
        result = commands.run(uow, there.ref.users[entry.actor_id], entry.command, entry.occurred_at)
    assert isinstance(result, Ticket)
    return result


def test_a_routed_ticket_made_again_elsewhere_comes_out_the_same(desk: Any) -> None:
    # Load on the second store differs (it has a ticket of piotr's already), and its own
    # routing would compute another priority: the recorded routing is what counts.
    here = made(desk, **dispenser("Pump 3 display dark", leak="yes"))
    plain = made(desk, **dispenser("LEAK!", leak="no"))  # by the Fuel leaks rule: no priority of its own
    leak_entry, plain_entry = recorded_create(desk, here), recorded_create(desk, plain)
    assert leak_entry.command is not None and plain_entry.command is not None
    assert leak_entry.command["args"]["made"]["priority"] == "P1"
    assert leak_entry.command["args"]["made"]["rule"] == "Leaking dispenser PL"
    # a rule that sets no priority records no priority
    assert set(plain_entry.command["args"]["made"]) == {"id", "number", "team_id", "assignee_id", "rule"}

    there = MemoryDesk(DEMO_ORG, device="SRV01", start=AT)
    try:
        for entry, ticket in ((leak_entry, here), (plain_entry, plain)):
            again = replayed(there, entry)
            assert (again.id, again.number, again.priority, again.priority_reason, again.team_id,
                    again.assignee_id, again.status) == (
                ticket.id, ticket.number, ticket.priority, ticket.priority_reason, ticket.team_id,
                ticket.assignee_id, ticket.status)
            with there.read() as session:
                note = session.scalar(select(HistoryEvent.note).where(
                    HistoryEvent.ticket_id == ticket.id, HistoryEvent.kind == "created"))
            assert note == created_note(desk, ticket.number)
    finally:
        there.close()


def test_a_create_recorded_before_routing_priorities_still_runs(desk: Any) -> None:
    ticket = made(desk, title="Back office slow", category="Software/Back office", impact="low", urgency="low",
                  requester=REQUESTER_PL, site=COVERED)
    entry = recorded_create(desk, ticket)
    assert entry.command is not None
    assert set(entry.command["args"]["made"]) == {"id", "number", "team_id", "assignee_id"}
    there = MemoryDesk(DEMO_ORG, device="SRV01", start=AT)
    try:
        again = replayed(there, entry)
        assert (again.priority, again.team_id, again.priority_reason) == (ticket.priority, ticket.team_id, None)
    finally:
        there.close()
