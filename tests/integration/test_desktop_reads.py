"""The reads the desktop window makes through core: the ticket table's ordered ids
and rows (sorted and filtered in SQL), queue counts, sign-in, the actions a person
may take, and notices."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import core.ticket_walks as walks
from core.accounts import accounts, authenticate, sign_in_default
from core.errors import InvalidInput
from core.notifications import current_mark, notices_since
from core.queue_counts import queue_counts
from core.reference import reference_for
from core.services import tickets as service
from core.store_status import store_status
from core.ticket_actions import actions_for
from core.ticket_detail import read_ticket
from core.ticket_query import SORT_KEYS, TicketFilter, TicketQuery, ticket_rows
from core.uow import unit_of_work

TICKETS = [  # actor, title, category, impact, urgency
    ("anna", "Router blinks red", "Network/Router", "high", "high"),
    ("ola", "Access point dead", "Network/Router", "low", "low"),
    ("anna", "Locked out of the back office", "Access/Password reset", "medium", "medium"),
    ("vip", "Skimmer on pump 3", "Security/Suspicious activity", "low", "low"),
    ("ola", "VPN drops every hour", "Network/Router", "medium", "high"),
    ("anna", "Zebra printer offline", "Access/Password reset", "high", "low"),
]


@pytest.fixture
def filled(store):
    numbers = []
    with unit_of_work(store) as uow:
        for actor, title, category, impact, urgency in TICKETS:
            cmd = service.NewTicket(title=title, category=category, impact=impact, urgency=urgency)
            numbers.append(service.create(uow, uow.ref.user(actor), cmd).number)
    with unit_of_work(store) as uow:
        ada = uow.ref.user("ada")
        service.assign(uow, ada, numbers[0], to="nina")
        service.assign(uow, ada, numbers[2], to="ada")
        service.move(uow, uow.ref.user("nina"), numbers[0], "in_progress")
        service.move(uow, ada, numbers[1], "cancelled")
    return numbers


def _rows(store, user="ada"):
    with store.read() as session:
        ref = reference_for(store, session)
        return session, ref, ref.user(user)


def _expected_key(ref, sort):
    levels = ref.spec.priority.levels
    from core.orgspec import STATUSES
    keys = {
        "number": lambda r: r.number, "title": lambda r: r.title,
        "status": lambda r: STATUSES.index(r.status), "priority": lambda r: levels.index(r.priority),
        "site": lambda r: r.site, "category": lambda r: r.category.casefold(),
        "assignee": lambda r: (r.assignee is None, (r.assignee_name or "").casefold()),
        "updated": lambda r: r.updated_at,
    }
    return keys[sort]


@pytest.mark.parametrize("indexed", [True, False], ids=["index-walk", "one-pass"])
@pytest.mark.parametrize("sort", ["number", "title", "status", "priority", "site", "category", "assignee"])
def test_every_sort_orders_like_the_words_people_read(store, filled, sort, indexed, monkeypatch):
    monkeypatch.setattr(walks, "_leads_an_index", lambda column: indexed)
    with store.read() as session:
        ref = reference_for(store, session)
        user = ref.user("ada")
        ascending = TicketQuery(ref, user, sort=sort, descending=False).row_ids(session)
        descending = TicketQuery(ref, user, sort=sort, descending=True).row_ids(session)
        rows = ticket_rows(session, ref, ascending)
    assert len(ascending) == len(TICKETS) and sorted(ascending) == sorted(descending)
    key = _expected_key(ref, sort)
    ordered = [rows[i] for i in ascending]
    assert [key(r) for r in ordered] == sorted(key(r) for r in ordered)
    reverse = [rows[i] for i in descending]
    # no value to show (no assignee) comes last either way
    present = [key(r) for r in reverse if r.assignee is not None or sort != "assignee"]
    assert present == sorted(present, reverse=True)
    assert reverse[len(present):] == [r for r in reverse if sort == "assignee" and r.assignee is None]
    if sort == "assignee":  # people by name, then the unassigned
        assert [rows[i].assignee_name for i in ascending][:2] == ["Ada Agent", "Nina Net"]
        assert ordered[-1].assignee is None and reverse[-1].assignee is None


def test_sla_due_puts_the_most_urgent_first(store, filled):
    with store.read() as session:
        ref = reference_for(store, session)
        ids = TicketQuery(ref, ref.user("ada"), sort="sla_due", descending=False).row_ids(session)
        rows = ticket_rows(session, ref, ids)
    dues = [rows[i].sla_due for i in ids if rows[i].sla_due is not None]
    assert dues == sorted(dues) and dues
    assert rows[ids[-1]].status == "cancelled"  # no running clock: last


def test_filters(store, filled):
    with store.read() as session:
        ref = reference_for(store, session)
        ada = ref.user("ada")
        count = lambda **f: TicketQuery(ref, ada, TicketFilter(**f)).count(session)  # noqa: E731
        assert count() == 6
        assert count(text="router") == 1 and count(text="ROUT blinks") == 1
        assert count(text=filled[3][-5:]) == 1  # a piece of a number
        assert count(status="cancelled") == 1
        assert count(priority="P1") == 2  # high x high, and a critical site raising P2
        assert count(queue="mine") == 1
        assert len(TicketQuery(ref, ada, TicketFilter(text="drops")).row_ids(session)) == 1
        with pytest.raises(InvalidInput):
            count(priority="P9")
        with pytest.raises(InvalidInput):
            TicketQuery(ref, ada, sort="colour")
        assert set(SORT_KEYS) >= {"number", "sla_due"}


def test_a_requester_sees_their_sites_tickets_only(store, filled):
    with store.read() as session:
        ref = reference_for(store, session)
        ids = TicketQuery(ref, ref.user("ola"), sort="title").row_ids(session)
        rows = ticket_rows(session, ref, ids)
    assert {r.site for r in rows.values()} == {"PL-WAW-002"} and len(ids) == 2


def test_queue_counts(store, filled):
    with store.read() as session:
        ref = reference_for(store, session)
        counts = queue_counts(session, ref, ref.user("ada"), [("mine", TicketFilter(queue="mine")),
                                                              ("all", TicketFilter()),
                                                              ("mine-p1", TicketFilter(queue="mine", priority="P1"))])
    assert counts == {"mine": 1, "all": 6, "mine-p1": 0}


def test_sign_in(store):
    assert authenticate(store, "anna", "pw-anna").username == "anna"
    for name, password, field in (("anna", "wrong", "password"), ("tom", "", "password"),
                                  ("nobody", "x", "username"), ("", "x", "username")):
        with pytest.raises(InvalidInput) as refused:
            authenticate(store, name, password)
        assert refused.value.field == field
    names = [a.username for a in accounts(store)]
    assert "system" not in names and len(names) == 8
    assert sign_in_default(store) is None


def test_actions_follow_role_and_status(store, filled):
    with store.read() as session:
        ref = reference_for(store, session)
        now = datetime.now(UTC)

        def actions(user, number):
            return actions_for(ref, ref.user(user), read_ticket(session, ref, ref.user(user), number), now)

        assert actions("ada", filled[4]) >= {"assign", "start", "resolve", "cancel", "edit", "override_priority"}
        assert "pend" not in actions("ada", filled[4])
        assert actions("anna", filled[5]) == {"cancel", "reply"}
        assert actions("ada", filled[1]) == {"log_work", "link"}  # cancelled
        assert "escalate" in actions("ada", filled[2])  # DESK escalates to FIELD
        assert "override_priority" not in actions("nina", filled[0])


def test_notices(store, filled):
    with store.read() as session:
        mark = current_mark(session)
    with unit_of_work(store) as uow:
        service.assign(uow, uow.ref.user("ada"), filled[4], to="nina")
        service.comment(uow, uow.ref.user("nina"), filled[4], "On my way")
    with store.read() as session:
        ref = reference_for(store, session)
        _mark, for_nina, changed = notices_since(session, ref, ref.user("nina"), mark)
        _mark, for_ola, _ = notices_since(session, ref, ref.user("ola"), mark)
    assert [n.kind for n in for_nina] == ["assigned"]  # her own reply is no news to her
    # ola logged it: the assignment moved it on, and nina replied
    assert [n.kind for n in for_ola] == ["status", "reply"] and for_ola[1].text == "On my way"
    assert len(changed) == 1


def test_store_status(store, filled):
    status = store_status(store)
    assert status.mode == "standalone" and status.home_site == "PL-POZ-001"
    # a standalone store sends nothing to anybody, so it keeps no change log
    assert status.pending_changes == 0


def test_the_sweep_records_crossings_as_time_passes(store, filled):
    from datetime import timedelta

    from sqlalchemy import select

    from core.models import HistoryEvent
    from core.sla_sweep import crossings_due, sweep

    later = datetime.now(UTC) + timedelta(days=30)
    with store.read() as session:
        due = crossings_due(session, None, later)
        assert due and not crossings_due(session, later, later)
    with unit_of_work(store) as uow:
        recorded = sweep(uow, None, later)
    assert recorded > 0
    with store.read() as session:
        kinds = set(session.scalars(select(HistoryEvent.kind).where(HistoryEvent.kind.like("sla_%"))))
    assert "sla_breach" in kinds
    with unit_of_work(store) as uow:
        assert sweep(uow, None, later) == 0  # each crossing is recorded once
